// GET /events/{id}/items/{item}/board: a Three Horizons board that is an item of an
// event's agenda. The same page as a space's board (render_board), drawn for the event:
// the people at the event add notes and dots from their phones while the item is open;
// those who run the event move its stages, merge, move and hide notes. The page follows
// the event's live channel (live.js redraws it when the board changes); without
// JavaScript it says it does not change by itself and offers a link to see what is new.
// The forms POST here and come back with a notice, or show the page again with the error.
#include "core/number.hpp"
#include "modules/vision/commands/commands.hpp"
#include "modules/vision/handlers/handlers.hpp"

namespace hs::vision::handlers {

using web::Context;
using web::Response;
using web::View;

namespace {

std::string event_path(std::int64_t id) { return "/events/" + std::to_string(id); }
std::string board_path(const EventBoard& b) {
  return event_path(b.access->event.id) + "/items/" + std::to_string(*b.board->row.item_id) + "/board";
}

Response render(Context& c, const EventBoard& b, const commands::Loaded& l, const Typed& in,
                const Error* error = nullptr, int status = 200) {
  const auto& a = *b.access;
  BoardFrame f{c.view("vision_event_board_title"), board_path(b), event_path(a.event.id), 0,
               events::run_event(a.standing), events::take_part(a.standing) && !a.stepped_out && b.item_open};
  f.v.set("page_title", c.app.words->format("vision_event_board_title", {{"board", l.row.title}, {"event", a.event.title}}));
  f.v.set("event_page", a.event.title);
  if (!b.item_open) f.v.set("item_closed", true);
  // Whom the board counts the viewer as: their participant record, if they have one.
  if (a.participant_id) f.me = *a.participant_id;
  View live;
  live.set("path", event_path(a.event.id));
  live.set("page", f.base);
  live.set("item", *l.row.item_id);
  live.set("sig", std::to_string(l.row.version) + ":" + l.row.stage);
  f.v.set("live", std::move(live));
  return render_board(c, f, l, in, error, status);
}

Response after(Context& c, const EventBoard& b, const Result<void>& r, const Typed& in, const std::string& notice,
               const std::string& anchor = "") {
  if (!r) {
    if (r.error().code == ErrorCode::forbidden) return c.error_page(r.error());
    if (r.error().code == ErrorCode::not_found && r.error().message_key == "vision_board_not_found")
      return c.error_page(r.error());
    auto fresh = commands::load(c.app, b.board->row.space_id, b.board->row.id);
    return render(c, b, fresh ? *fresh : *b.board, in, &r.error(), web::http_status(r.error().code));
  }
  return c.redirect(board_path(b) + "?notice=" + notice + anchor);
}

commands::Actor actor(const EventBoard& b) { return commands::Actor(*b.access, b.item_open); }
std::int64_t note_param(Context& c) { return number::id(c.param("note")).value_or(0); }

}  // namespace

EventBoard load_event_board(Context& c) {
  EventBoard b;
  auto id = number::id(c.param("id"));
  auto item = number::id(c.param("item"));
  std::optional<std::int64_t> uid;
  if (c.viewer) uid = c.viewer->user_id;
  if (id) b.access = events::commands::access(c.app, *id, uid, c.cookie("participant"));
  if (!b.access || !item) {
    b.refusal = c.error_page(Error::of(ErrorCode::not_found, "vision_board_not_found"));
    return b;
  }
  if (!events::view_event(b.access->standing)) {
    // Someone who has not joined: the event's page asks for the code or to sign in.
    b.refusal = c.redirect(event_path(*id));
    return b;
  }
  for (const auto& it : events::commands::agenda(c.app, *id))
    if (it.id == *item) b.item_open = it.state == "open";
  auto row = commands::board_for_item(c.app, b.access->event, *item);
  if (row) b.board = commands::load(c.app, row->space_id, row->id);
  if (!b.board) b.refusal = c.error_page(Error::of(ErrorCode::not_found, "vision_board_not_found"));
  return b;
}

Response event_board_page(Context& c) {
  auto b = load_event_board(c);
  if (!b.board) return std::move(b.refusal);
  return render(c, b, *b.board, {});
}

Response event_note_add(Context& c) {
  auto b = load_event_board(c);
  if (!b.board) return std::move(b.refusal);
  Typed in;
  in.text = c.field("text");
  in.anonymous = c.checked("anonymous");
  auto r = commands::add_note(c.app, b.board->row.space_id, b.board->row.id, actor(b), in.text, in.anonymous);
  if (!r) return after(c, b, tl::unexpected(r.error()), in, "");
  return after(c, b, {}, in, "note_added", "#note-" + std::to_string(*r));
}

Response event_stage_move(Context& c) {
  auto b = load_event_board(c);
  if (!b.board) return std::move(b.refusal);
  auto r = commands::move_stage(c.app, b.board->row.space_id, b.board->row.id, actor(b), c.field("to"));
  return after(c, b, r, {}, "stage_moved");
}

Response event_note_merge(Context& c) {
  auto b = load_event_board(c);
  if (!b.board) return std::move(b.refusal);
  Typed in;
  in.note = note_param(c);
  const auto into = number::id(c.field("into")).value_or(0);
  auto r = commands::merge(c.app, b.board->row.space_id, b.board->row.id, actor(b), into, in.note);
  return after(c, b, r, in, "merged");
}

Response event_note_move(Context& c) {
  auto b = load_event_board(c);
  if (!b.board) return std::move(b.refusal);
  Typed in;
  in.note = note_param(c);
  auto r = commands::move_note(c.app, b.board->row.space_id, b.board->row.id, actor(b), in.note, c.field("to"));
  return after(c, b, r, in, "moved");
}

Response event_note_hide(Context& c) {
  auto b = load_event_board(c);
  if (!b.board) return std::move(b.refusal);
  Typed in;
  in.note = note_param(c);
  in.reason = c.field("reason");
  auto r = commands::hide(c.app, b.board->row.space_id, b.board->row.id, actor(b), in.note, in.reason);
  return after(c, b, r, in, "hidden");
}

Response event_note_show(Context& c) {
  auto b = load_event_board(c);
  if (!b.board) return std::move(b.refusal);
  Typed in;
  in.note = note_param(c);
  auto r = commands::unhide(c.app, b.board->row.space_id, b.board->row.id, actor(b), in.note);
  return after(c, b, r, in, "shown");
}

Response event_dot_change(Context& c) {
  auto b = load_event_board(c);
  if (!b.board) return std::move(b.refusal);
  Typed in;
  in.note = note_param(c);
  const bool add = c.field("do") != "remove";
  auto r = commands::dot(c.app, b.board->row.space_id, b.board->row.id, actor(b), in.note, add);
  return after(c, b, r, in, add ? "dot_added" : "dot_removed", "#note-" + std::to_string(in.note));
}

}  // namespace hs::vision::handlers
