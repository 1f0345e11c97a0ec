#include "modules/vision/commands/support.hpp"

#include "modules/vision/permissions.hpp"
#include "modules/vision/repo.hpp"
#include "store/db.hpp"

namespace hs::vision::commands {

spaces::Subject subject_in(store::Conn& c, std::int64_t space_id, std::int64_t user_id) {
  spaces::Subject s;
  s.signed_in = user_id > 0;
  s.role = user_id > 0 ? spaces::role_in(c, space_id, user_id) : spaces::Role::none;
  if (auto space = spaces::space_by_id(c, space_id))
    s.visibility = spaces::parse_visibility(space->visibility).value_or(spaces::Visibility::private_space);
  return s;
}

Result<Open> open(store::Conn& c, std::int64_t space_id, std::int64_t board_id, std::int64_t user_id) {
  // Every command changes the board: it reads it only once it holds it.
  repo::lock_board(c, board_id);
  auto row = repo::board(c, board_id);
  if (!row || row->space_id != space_id) return fail(ErrorCode::not_found, "vision_board_not_found");
  auto who = subject_in(c, space_id, user_id);
  if (!permissions::view_boards(who)) return fail(ErrorCode::not_found, "vision_board_not_found");
  Open o{*row, repo::load(c, *row), who};
  return o;
}

Result<void> log(Services& app, store::Conn& c, const BoardRow& row, std::int64_t user_id, const std::string& kind,
                 services::AuditFields fields) {
  if (!app.audit) return fail(ErrorCode::unavailable, "common_unavailable");
  fields.insert(fields.begin(), {"board", row.id});
  fields.emplace_back("by", app.audit->person_commitment(app, row.space_id, user_id));
  auto r = app.audit->append(app, c, row.space_id, kind, fields);
  if (!r) return fail(r.error());
  return {};
}

}  // namespace hs::vision::commands
