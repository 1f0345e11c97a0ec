#include "modules/decisions/rules/proposal.hpp"

#include <set>

#include "core/text.hpp"
#include "modules/decisions/rules/errors.hpp"
#include "modules/decisions/rules/keys.hpp"

namespace hs::decisions {

namespace {

bool is_text(std::string_view s, bool allow_newlines) {
  return text::valid_utf8(s) && !text::has_control(s, allow_newlines);
}

}  // namespace

Result<ProposalText> validate_proposal(std::string_view title, std::string_view details) {
  Validation v;
  auto t = text::trim(title);
  auto d = text::trim(details);
  if (!is_text(t, false)) v.add("title", std::string(keys::kTitleInvalid));
  else if (t.empty()) v.add("title", std::string(keys::kTitleRequired));
  else if (text::length(t) > kTitleMax) v.add("title", std::string(keys::kTitleTooLong));
  if (!is_text(d, true)) v.add("details", std::string(keys::kDetailsInvalid));
  else if (d.empty()) v.add("details", std::string(keys::kDetailsRequired));
  else if (text::length(d) > kDetailsMax) v.add("details", std::string(keys::kDetailsTooLong));
  if (!v.ok()) return fail(v.error());
  return ProposalText{std::string(t), std::string(d)};
}

std::size_t min_options(Method m) {
  if (decides_proposal(m)) return 0;
  return m == Method::meeting_poll ? 1 : 2;
}

Result<std::vector<std::string>> validate_options(Method m, const std::vector<std::string>& options) {
  if (decides_proposal(m)) {
    for (const auto& o : options)
      if (!text::trim(o).empty()) return field_error("options", keys::kOptionsNotAllowed);
    return std::vector<std::string>{};
  }
  std::vector<std::string> out;
  std::set<std::string> seen;
  for (const auto& o : options) {
    auto t = text::trim(o);
    if (!is_text(t, false)) return field_error("options", keys::kOptionInvalid);
    if (t.empty()) return field_error("options", keys::kOptionRequired);
    if (text::length(t) > kOptionMax) return field_error("options", keys::kOptionTooLong);
    if (!seen.insert(text::lower_ascii(t)).second) return field_error("options", keys::kOptionDuplicate);
    out.emplace_back(t);
  }
  if (out.size() < min_options(m)) return field_error("options", keys::kOptionsTooFew);
  if (out.size() > kOptionsMax) return field_error("options", keys::kOptionsTooMany);
  return out;
}

}  // namespace hs::decisions
