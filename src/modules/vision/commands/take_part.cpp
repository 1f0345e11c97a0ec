// What members do on a board: add a note to the open horizon (named, or anonymous: then
// no author is stored at all), and place or take back dots in the vote. Neither is in the
// decision log, which would otherwise tie a person to the moment an anonymous note came.
#include "modules/vision/commands/commands.hpp"
#include "modules/vision/commands/support.hpp"
#include "modules/vision/permissions.hpp"
#include "modules/vision/repo.hpp"
#include "store/db.hpp"

namespace hs::vision::commands {

Result<std::int64_t> add_note(Services& app, std::int64_t space_id, std::int64_t board_id, const Actor& who,
                              const std::string& text, bool anonymous) {
  const auto now = app.clock->now();
  std::optional<std::int64_t> event_id;
  auto r = app.store->write([&](store::Conn& c) -> Result<std::int64_t> {
    auto o = open(app, c, space_id, board_id, who, true);
    if (!o) return fail(o.error());
    if (!o->take_part) return fail(ErrorCode::forbidden, "vision_members_only");
    if (o->row.item_id && !who.item_open) return fail(Error{ErrorCode::conflict, "vision_item_closed", {{"text", "vision_item_closed"}}});
    event_id = o->row.event_id;
    auto horizon = open_horizon(o->board.stage);
    if (!horizon) return fail(Error{ErrorCode::conflict, "vision_stage_closed", {{"text", "vision_stage_closed"}}});
    // The store gives the id; a note the rules refuse goes with the rolled-back transaction.
    const auto id = repo::insert_note(c, board_id, *horizon, now);
    const std::int64_t author = anonymous ? 0 : o->me;
    if (auto ok = vision::add_note(o->board, id, text, author); !ok) {
      auto e = ok.error();
      e.fields.push_back({"text", e.message_key});
      return fail(e);
    }
    repo::insert_words(c, id, id, 0, o->board.notes.back().words.front().text, anonymous ? 0 : o->user_id,
                       anonymous ? 0 : o->participant_id);
    repo::touch(c, board_id, now);
    return id;
  });
  if (r) changed(app, event_id);
  return r;
}

Result<void> dot(Services& app, std::int64_t space_id, std::int64_t board_id, const Actor& who,
                 std::int64_t note_id, bool add) {
  const auto now = app.clock->now();
  std::optional<std::int64_t> event_id;
  auto r = app.store->write([&](store::Conn& c) -> Result<void> {
    auto o = open(app, c, space_id, board_id, who, true);
    if (!o) return fail(o.error());
    if (!o->take_part) return fail(ErrorCode::forbidden, "vision_members_only");
    if (o->row.item_id && !who.item_open) return fail(ErrorCode::conflict, "vision_item_closed");
    event_id = o->row.event_id;
    auto ok = add ? place_dot(o->board, o->me, note_id) : remove_dot(o->board, o->me, note_id);
    if (!ok) return fail(ok.error());
    if (add) repo::insert_dot(c, board_id, note_id, o->user_id, now, o->participant_id);
    else repo::delete_dot(c, note_id, o->user_id, o->participant_id);
    repo::touch(c, board_id, now);
    return {};
  });
  if (r) changed(app, event_id);
  return r;
}

}  // namespace hs::vision::commands
