#include "modules/spaces/rules/space_fields.hpp"

#include "core/text.hpp"
#include "modules/spaces/rules/model.hpp"
#include "modules/spaces/rules/slug.hpp"

namespace hs::spaces {

namespace {

// Empty, too long, or with characters a person cannot see.
void check_text(Validation& v, const std::string& field, const std::string& value, std::size_t max, bool newlines,
                const std::string& missing_key, const std::string& long_key) {
  if (!text::valid_utf8(value) || text::has_control(value, newlines)) v.add(field, "spaces_text_invalid");
  else if (value.empty()) v.add(field, missing_key);
  else if (text::length(value) > max) v.add(field, long_key);
}

}  // namespace

Result<void> validate_space(const SpaceFields& f, bool slug_required) {
  Validation v;
  check_text(v, "name", f.name, kNameMax, false, "spaces_name_missing", "spaces_name_too_long");
  if (f.slug.empty()) {
    if (slug_required) v.add("slug", "spaces_slug_missing");
  } else if (!valid_slug(f.slug)) {
    v.add("slug", "spaces_slug_invalid");
  }
  if (!parse_kind(f.kind)) v.add("kind", "spaces_kind_missing");
  check_text(v, "purpose", f.purpose, kPurposeMax, true, "spaces_purpose_missing", "spaces_purpose_too_long");
  if (!parse_visibility(f.visibility)) v.add("visibility", "spaces_visibility_missing");
  check_text(v, "code_of_conduct", f.code_of_conduct, kCodeMax, true, "spaces_code_missing", "spaces_code_too_long");
  if (!v.ok()) return fail(v.error());
  return {};
}

}  // namespace hs::spaces
