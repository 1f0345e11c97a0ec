// What facilitators do on a board: move its stage, merge duplicates (both authors keep
// their words), move a note between horizons (sorting H2 into H2+ and H2- is that), hide
// a note with a reason and show it again. Each is one rule, saved with its decision-log
// entry in one transaction.
#include "core/crypto.hpp"
#include "modules/vision/commands/commands.hpp"
#include "modules/vision/commands/support.hpp"
#include "modules/vision/permissions.hpp"
#include "modules/vision/repo.hpp"
#include "store/db.hpp"

namespace hs::vision::commands {

namespace {

// Opens the board for a facilitator, applies `change` to it and saves with `save`.
template <class Change>
Result<void> moderate(Services& app, std::int64_t space_id, std::int64_t board_id, const Actor& who,
                      Change&& change) {
  const auto now = app.clock->now();
  std::optional<std::int64_t> event_id;
  auto r = app.store->write([&](store::Conn& c) -> Result<void> {
    auto o = open(app, c, space_id, board_id, who);
    if (!o) return fail(o.error());
    if (!o->facilitate) return fail(ErrorCode::forbidden, "vision_not_facilitator");
    event_id = o->row.event_id;
    if (auto ok = change(c, *o); !ok) return fail(ok.error());
    repo::touch(c, board_id, now);
    return {};
  });
  if (r) changed(app, event_id);
  return r;
}

}  // namespace

Result<void> move_stage(Services& app, std::int64_t space_id, std::int64_t board_id, const Actor& who,
                        const std::string& to) {
  return moderate(app, space_id, board_id, who, [&](store::Conn& c, Open& o) -> Result<void> {
    auto stage = stage_of(to);
    if (!stage) return fail(ErrorCode::invalid, "vision_stage_not_next");
    const auto from = o.row.stage;
    if (auto ok = vision::move_stage(o.board, *stage); !ok) return ok;
    if (!repo::set_stage(c, o.row.id, from, to, app.clock->now()))
      return fail(ErrorCode::conflict, "vision_stage_not_next");
    return log(app, c, o.row, who.user_id, "vision.stage_moved", {{"from", from}, {"to", to}});
  });
}

Result<void> merge(Services& app, std::int64_t space_id, std::int64_t board_id, const Actor& who, std::int64_t keep,
                   std::int64_t other) {
  return moderate(app, space_id, board_id, who, [&](store::Conn& c, Open& o) -> Result<void> {
    const Note* k = find_note(o.board, keep);
    const int keep_words = k ? static_cast<int>(k->words.size()) : 0;
    if (auto ok = merge_notes(o.board, keep, other); !ok) return ok;
    repo::merge(c, keep, other, keep_words);
    return log(app, c, o.row, who.user_id, "vision.notes_merged", {{"kept", keep}, {"merged", other}});
  });
}

Result<void> move_note(Services& app, std::int64_t space_id, std::int64_t board_id, const Actor& who,
                       std::int64_t note_id, const std::string& to) {
  return moderate(app, space_id, board_id, who, [&](store::Conn& c, Open& o) -> Result<void> {
    auto h = horizon_of(to);
    if (!h) return fail(ErrorCode::invalid, "vision_horizon_unknown");
    const Note* n = find_note(o.board, note_id);
    const auto from = n ? std::string(key_of(n->horizon)) : std::string();
    if (auto ok = vision::move_note(o.board, note_id, *h); !ok) return ok;
    repo::set_horizon(c, note_id, *h);
    return log(app, c, o.row, who.user_id, "vision.note_moved", {{"note", note_id}, {"from", from}, {"to", to}});
  });
}

Result<void> hide(Services& app, std::int64_t space_id, std::int64_t board_id, const Actor& who,
                  std::int64_t note_id, const std::string& reason) {
  return moderate(app, space_id, board_id, who, [&](store::Conn& c, Open& o) -> Result<void> {
    if (auto ok = hide_note(o.board, note_id, reason); !ok) {
      auto e = ok.error();
      e.fields.push_back({"reason", e.message_key});
      return fail(e);
    }
    const auto& kept = find_note(o.board, note_id)->hide_reason;
    repo::set_hidden(c, note_id, true, kept);
    return log(app, c, o.row, who.user_id, "vision.note_hidden",
               {{"note", note_id}, {"reason_sha256", crypto::sha256_hex(kept)}});
  });
}

Result<void> unhide(Services& app, std::int64_t space_id, std::int64_t board_id, const Actor& who,
                    std::int64_t note_id) {
  return moderate(app, space_id, board_id, who, [&](store::Conn& c, Open& o) -> Result<void> {
    if (auto ok = unhide_note(o.board, note_id); !ok) return ok;
    repo::set_hidden(c, note_id, false, "");
    return log(app, c, o.row, who.user_id, "vision.note_shown", {{"note", note_id}});
  });
}

}  // namespace hs::vision::commands
