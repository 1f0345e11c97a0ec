#include "modules/conversations/commands/support.hpp"

#include "modules/spaces/module.hpp"

namespace hs::conversations::commands {

Result<void> record(Services& app, store::Conn& c, std::int64_t space_id, std::string_view kind,
                    const services::AuditFields& data) {
  if (!app.audit) return {};  // a command's unit test without a decision log
  if (auto ok = app.audit->append(app, c, space_id, kind, data); !ok) return fail(ok.error());
  return {};
}

permissions::PostFacts facts_of(const repo::PostRow& p) {
  return {parse_state(p.state).value_or(State::removed), p.anonymous};
}

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

Result<Found> find_post(store::Conn& c, std::int64_t post_id, std::int64_t user_id) {
  auto p = repo::post(c, post_id);
  if (!p) return fail(ErrorCode::not_found, "conversations_not_found");
  Found f{*p, reader_in(c, p->space_id, user_id, p->author_id), facts_of(*p)};
  if (!permissions::read_post(f.reader, f.facts)) return fail(ErrorCode::not_found, "conversations_not_found");
  return f;
}

}  // namespace hs::conversations::commands
