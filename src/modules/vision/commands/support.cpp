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

Result<Open> open(Services& app, store::Conn& c, std::int64_t space_id, std::int64_t board_id, const Actor& who,
                  bool taking_part) {
  // Every command changes the board: it reads it only once it holds it.
  repo::lock_board(c, board_id);
  auto row = repo::board(c, board_id);
  if (!row || row->space_id != space_id) return fail(ErrorCode::not_found, "vision_board_not_found");
  Open o{*row, repo::load(c, *row)};
  if (row->item_id) {
    // An event's board: how the person stands at that event, not in the space.
    if (!who.event || who.event->event.id != row->event_id || !events::view_event(who.event->standing))
      return fail(ErrorCode::not_found, "vision_board_not_found");
    const auto& a = *who.event;
    o.facilitate = events::run_event(a.standing);
    o.take_part = events::take_part(a.standing) && !a.stepped_out;
    o.user_id = 0;
    if (taking_part && o.take_part) o.participant_id = events::commands::participant_for(c, a, app.clock->now());
    else o.participant_id = events::commands::existing_participant(c, a).value_or(0);
    o.me = o.participant_id;
    return o;
  }
  auto subject = subject_in(c, space_id, who.user_id);
  if (!permissions::view_boards(subject)) return fail(ErrorCode::not_found, "vision_board_not_found");
  o.facilitate = permissions::facilitate(subject);
  o.take_part = permissions::take_part(subject);
  o.me = o.user_id = who.user_id;
  return o;
}

void changed(Services& app, const std::optional<std::int64_t>& event_id) {
  if (event_id) events::live::changed(app, *event_id);
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
