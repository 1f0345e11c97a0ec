#include "modules/stories/commands/support.hpp"

#include "modules/spaces/module.hpp"
#include "services/services.hpp"

namespace hs::stories::commands {

permissions::Reader reader_in(store::Conn& c, std::int64_t space_id, std::int64_t user_id,
                              const std::optional<std::int64_t>& author_id) {
  permissions::Reader r;
  r.subject.signed_in = user_id > 0;
  r.subject.role = user_id > 0 ? spaces::role_in(c, space_id, user_id) : spaces::Role::none;
  if (auto space = spaces::space_by_id(c, space_id))
    r.subject.visibility = spaces::parse_visibility(space->visibility).value_or(spaces::Visibility::private_space);
  r.is_author = user_id > 0 && author_id && *author_id == user_id;
  return r;
}

permissions::StoryFacts facts_of(const repo::StoryRow& s) {
  permissions::StoryFacts f;
  f.audience = parse_audience(s.audience).value_or(Audience::members);
  f.status = parse_status(s.status).value_or(Status::withdrawn);
  return f;
}

Result<void> record(Services& app, store::Conn& c, std::int64_t space_id, std::string_view kind,
                    const audit::Fields& data) {
  if (auto ok = audit::append(app, c, space_id, kind, data); !ok) return fail(ok.error());
  return {};
}

Result<void> check_about(store::Conn& c, std::int64_t space_id, const std::vector<std::int64_t>& about) {
  for (auto id : about) {
    auto o = repo::organisation(c, id);
    if (!o || o->space_id != space_id) {
      Validation v;
      v.add("about", "stories_about_invalid");
      return fail(v.error());
    }
  }
  return {};
}

}  // namespace hs::stories::commands
