// GET /spaces/{slug}/vision/{id}: a Three Horizons board as lists by horizon, with the
// three-curves picture; the note form while a horizon is open; dots in the vote; and for
// facilitators a small form for each change (the keyboard alternative to dragging).
// The POSTs that change the board come back here, or show it again with the error and
// what was typed.
#include <algorithm>
#include <span>

#include "core/number.hpp"
#include "modules/vision/commands/commands.hpp"
#include "modules/vision/handlers/handlers.hpp"
#include "modules/vision/permissions.hpp"

namespace hs::vision::handlers {

using web::Context;
using web::Response;
using web::View;

PictureWords picture_words(Context& c, const std::string& title) {
  PictureWords w;
  w.title = title;
  w.h1 = c.t("vision_h1_short");
  w.h2 = c.t("vision_h2_short");
  w.h3 = c.t("vision_h3_short");
  w.today = c.t("vision_h1_name");
  w.innovations = c.t("vision_h2_name");
  w.future = c.t("vision_h3_name");
  w.heading_h1 = c.t("vision_heading_h1");
  w.heading_h3 = c.t("vision_heading_h3");
  w.heading_h2_plus = c.t("vision_heading_h2_plus");
  w.heading_h2_minus = c.t("vision_heading_h2_minus");
  w.heading_h2 = c.t("vision_heading_h2");
  w.dots = c.t("vision_dots");
  w.one_dot = c.t("vision_one_dot");
  w.more = c.t("vision_more_notes");
  w.no_notes = c.t("vision_no_notes");
  return w;
}

namespace {

const Horizon kOrder[] = {Horizon::h1, Horizon::h3, Horizon::h2, Horizon::h2_plus, Horizon::h2_minus};

std::string note_text(const Note& n) {
  std::string s;
  for (const auto& w : n.words) s += (s.empty() ? "" : " / ") + w.text;
  return s;
}

View words_view(Context& c, const commands::Loaded& l, const Note& n) {
  View words = View::list();
  for (const auto& w : n.words) {
    View x;
    x.set("text", w.text);
    auto it = w.author_id > 0 ? l.names.find(w.author_id) : l.names.end();
    x.set("author", it != l.names.end() ? it->second : c.t("vision_anonymous"));
    words.push(std::move(x));
  }
  return words;
}

}  // namespace

Response render_board(Context& c, BoardFrame& frame, const commands::Loaded& l, const Typed& in, const Error* error,
                      int status) {
  const auto& b = l.board;
  const auto me = frame.me;
  const bool facilitator = frame.facilitator;
  const bool member = frame.member;
  View& v = frame.v;
  const auto base = frame.base;
  v.set("board_title", l.row.title);
  v.set("back_href", frame.back_href);
  v.set("base", base);
  v.set("stage", c.t("vision_stage_" + l.row.stage));
  v.set("stage_about", c.t("vision_stage_about_" + l.row.stage));
  for (const char* known :
       {"note_added", "stage_moved", "merged", "moved", "hidden", "shown", "dot_added", "dot_removed"})
    if (c.query_param("notice") == known) v.set("notice", c.t(std::string("vision_notice_") + known));

  // The note form while a horizon is open; and again, with what was typed, when a note
  // came as its horizon closed, so nobody loses their words.
  const auto h_open = open_horizon(b.stage);
  if (member && (h_open || (error && !in.note && !in.text.empty()))) {
    View f;
    f.set("text", in.text);
    f.set("anonymous", in.anonymous);
    if (h_open) f.set("horizon", c.t("vision_heading_" + std::string(key_of(*h_open))));
    else f.set("closed", true);
    if (error && !in.note)
      for (const auto& fe : error->fields)
        if (fe.field == "text") f.set("error_text", c.t(fe.message_key));
    v.set("note_form", std::move(f));
  }
  if (voting_open(b.stage) && member) {
    const int left = dots_left(b, me);
    v.set("dots_left", left == 1 ? c.t("vision_one_dot_left")
                                 : c.app.words->format("vision_dots_left", {{"n", std::to_string(left)}}));
  }
  // The stage forms: one stage forward, one back.
  if (facilitator) {
    const auto& all = stages();
    auto at = std::find(all.begin(), all.end(), b.stage) - all.begin();
    View moves = View::list();
    if (at + 1 < static_cast<long>(all.size())) {
      View x;
      x.set("to", std::string(key_of(all[at + 1])));
      x.set("label", c.app.words->format("vision_stage_forward",
                                         {{"stage", c.t("vision_stage_" + std::string(key_of(all[at + 1])))}}));
      x.set("primary", true);
      moves.push(std::move(x));
    }
    if (at > 0) {
      View x;
      x.set("to", std::string(key_of(all[at - 1])));
      x.set("label", c.app.words->format("vision_stage_back",
                                         {{"stage", c.t("vision_stage_" + std::string(key_of(all[at - 1])))}}));
      moves.push(std::move(x));
    }
    v.set("stage_moves", std::move(moves));
    v.set("facilitator", true);
  }

  // Every note in the results, by horizon; facilitators also see the hidden ones.
  View horizons = View::list();
  for (auto h : kOrder) {
    auto notes = notes_in(b, h);
    // H2 not yet sorted is left out once it is empty and sorting has begun; H2+ and H2-
    // before sorting.
    if (notes.empty() &&
        ((h == Horizon::h2 && (sorting_open(b.stage) || voting_open(b.stage) || b.stage == Stage::done)) ||
         ((h == Horizon::h2_plus || h == Horizon::h2_minus) && !sorting_open(b.stage) && b.stage != Stage::done)))
      continue;
    View hv;
    hv.set("key", std::string(key_of(h)));
    hv.set("heading", c.t("vision_heading_" + std::string(key_of(h))));
    View list = View::list();
    for (const Note* n : notes) {
      View x;
      const auto id = std::to_string(n->id);
      x.set("id", id);
      x.set("words", words_view(c, l, *n));
      int dots = 0, mine = 0;
      for (const auto& d : b.dots)
        if (d.note_id == n->id) {
          ++dots;
          if (d.voter_id == me) ++mine;
        }
      if (h == Horizon::h2_plus && (voting_open(b.stage) || b.stage == Stage::done)) {
        x.set("dots",
              dots == 1 ? c.t("vision_one_dot") : c.app.words->format("vision_dots", {{"n", std::to_string(dots)}}));
        if (voting_open(b.stage) && member) {
          x.set("vote", true);
          if (dots_left(b, me) > 0) x.set("can_add", true);
          if (mine > 0) x.set("can_remove", true);
          if (mine > 0)
            x.set("mine", mine == 1 ? c.t("vision_your_one_dot")
                                    : c.app.words->format("vision_your_dots", {{"n", std::to_string(mine)}}));
        }
      }
      if (facilitator) {
        View f;
        f.set("id", id);
        // Which note, for a screen reader's list of controls: its first few words.
        if (!n->words.empty()) {
          std::string shortened;
          int words = 0;
          for (char ch : n->words.front().text) {
            if (ch == ' ' && ++words == 6) {
              shortened += "…";
              break;
            }
            shortened += ch;
          }
          f.set("short", shortened);
        }
        if (b.stage != Stage::done) {
          View targets = View::list();
          // While sorting, H2+ and H2- come first: the likely move is the one offered.
          const Horizon sorting_order[] = {Horizon::h2_plus, Horizon::h2_minus, Horizon::h1, Horizon::h3, Horizon::h2};
          for (auto t : sorting_open(b.stage) ? std::span<const Horizon>(sorting_order) : std::span<const Horizon>(kOrder)) {
            if (t == h) continue;
            if ((t == Horizon::h2_plus || t == Horizon::h2_minus) && !sorting_open(b.stage)) continue;
            View o;
            o.set("value", std::string(key_of(t)));
            o.set("label", c.t("vision_heading_" + std::string(key_of(t))));
            targets.push(std::move(o));
          }
          f.set("has_targets", !targets.items().empty());
          f.set("targets", std::move(targets));
          View into = View::list();
          // Duplicates are in one horizon (a note can be moved first): the list stays short.
          for (const Note* o : notes) {
            if (o->id == n->id) continue;
            View x2;
            x2.set("value", o->id);
            auto label = note_text(*o);
            if (label.size() > 80) label = label.substr(0, 77) + "...";
            x2.set("label", label);
            into.push(std::move(x2));
          }
          f.set("has_into", !into.items().empty());
          f.set("into", std::move(into));
        }
        f.set("reason", in.note == n->id ? in.reason : std::string());
        if (error && in.note == n->id)
          for (const auto& fe : error->fields) f.set("error_reason", c.t(fe.message_key));
        x.set("manage", std::move(f));
      }
      list.push(std::move(x));
    }
    if (!list.items().empty()) hv.set("notes", std::move(list));
    horizons.push(std::move(hv));
  }
  v.set("horizons", std::move(horizons));
  if (facilitator) {
    View hidden = View::list();
    for (const auto& n : b.notes) {
      if (!n.hidden || n.merged_into) continue;
      View x;
      x.set("id", n.id);
      x.set("words", words_view(c, l, n));
      x.set("reason", n.hide_reason);
      x.set("horizon", c.t("vision_heading_" + std::string(key_of(n.horizon))));
      hidden.push(std::move(x));
    }
    v.set("has_hidden", !hidden.items().empty());
    v.set("hidden", std::move(hidden));
  }
  View downloads = View::list();
  for (const char* size : {"slide", "a4"})
    for (const char* ext : {"svg", "png", "pdf"}) {
      View d;
      d.set("href", base + "/picture." + ext + "?size=" + size);
      d.set("label", c.t(std::string("vision_download_") + ext + "_" + size));
      downloads.push(std::move(d));
    }
  v.set("downloads", std::move(downloads));
  v.set("picture_src", base + "/picture.svg?v=" + std::to_string(l.row.version));
  v.set("csv_href", base + "/notes.csv");
  if (error) {
    auto e = *error;
    if (in.note) {
      // A facilitator's form about one note: the summary leads to that note's field.
      for (auto& fe : e.fields) fe.field = fe.field + "-" + std::to_string(in.note);
      if (e.fields.empty()) e.fields.push_back({"note-" + std::to_string(in.note), e.message_key});
    } else if (e.fields.empty()) {
      e.fields.push_back({"stage-heading", e.message_key});
    }
    c.add_errors(v, e);
  }
  return c.page("vision/board", v, status);
}

namespace {

Response render(Context& c, const spaces::SpaceInPath& s, const commands::Loaded& l, const Typed& in,
                const Error* error = nullptr, int status = 200) {
  BoardFrame f{spaces::space_page(c, s, "vision_board_title", {{"board", l.row.title}}),
               vision_path(s, "/" + std::to_string(l.row.id)),
               vision_path(s),
               spaces::viewer_id(c),
               permissions::facilitate(s.subject),
               permissions::take_part(s.subject)};
  return render_board(c, f, l, in, error, status);
}

struct Found {
  std::optional<spaces::SpaceInPath> space;
  std::optional<commands::Loaded> board;
  Response refusal;
};

Found find(Context& c) {
  Found f;
  auto h = load_space(c);
  if (!h.space) {
    f.refusal = std::move(h.refusal);
    return f;
  }
  auto id = number::id(c.param("id"));
  if (id) f.board = commands::load(c.app, h.space->space().id, *id);
  if (!f.board) {
    f.refusal = c.error_page(Error::of(ErrorCode::not_found, "vision_board_not_found"));
    return f;
  }
  f.space = std::move(h.space);
  return f;
}

// After a POST: back to the board, or the board again with the error.
Response after(Context& c, Found& f, const Result<void>& r, const Typed& in, const std::string& notice,
               const std::string& anchor = "") {
  const auto& s = *f.space;
  if (!r) {
    if (r.error().code == ErrorCode::forbidden) return spaces::refuse(c, r.error().message_key);
    if (r.error().code == ErrorCode::not_found && r.error().message_key == "vision_board_not_found")
      return c.error_page(r.error());
    auto fresh = commands::load(c.app, s.space().id, f.board->row.id);
    return render(c, s, fresh ? *fresh : *f.board, in, &r.error(), web::http_status(r.error().code));
  }
  return c.redirect(vision_path(s, "/" + std::to_string(f.board->row.id) + "?notice=" + notice + anchor));
}

std::int64_t note_param(Context& c) { return number::id(c.param("note")).value_or(0); }

}  // namespace

Response board_page(Context& c) {
  auto f = find(c);
  if (!f.board) return std::move(f.refusal);
  return render(c, *f.space, *f.board, {});
}

Response note_add(Context& c) {
  auto f = find(c);
  if (!f.board) return std::move(f.refusal);
  Typed in;
  in.text = c.field("text");
  in.anonymous = c.checked("anonymous");
  auto r = commands::add_note(c.app, f.space->space().id, f.board->row.id, spaces::viewer_id(c), in.text, in.anonymous);
  if (!r) return after(c, f, tl::unexpected(r.error()), in, "");
  return after(c, f, {}, in, "note_added", "#note-" + std::to_string(*r));
}

Response stage_move(Context& c) {
  auto f = find(c);
  if (!f.board) return std::move(f.refusal);
  auto r = commands::move_stage(c.app, f.space->space().id, f.board->row.id, spaces::viewer_id(c), c.field("to"));
  return after(c, f, r, {}, "stage_moved");
}

Response note_merge(Context& c) {
  auto f = find(c);
  if (!f.board) return std::move(f.refusal);
  Typed in;
  in.note = note_param(c);
  const auto into = number::id(c.field("into")).value_or(0);
  auto r = commands::merge(c.app, f.space->space().id, f.board->row.id, spaces::viewer_id(c), into, in.note);
  return after(c, f, r, in, "merged");
}

Response note_move(Context& c) {
  auto f = find(c);
  if (!f.board) return std::move(f.refusal);
  Typed in;
  in.note = note_param(c);
  auto r =
      commands::move_note(c.app, f.space->space().id, f.board->row.id, spaces::viewer_id(c), in.note, c.field("to"));
  return after(c, f, r, in, "moved");
}

Response note_hide(Context& c) {
  auto f = find(c);
  if (!f.board) return std::move(f.refusal);
  Typed in;
  in.note = note_param(c);
  in.reason = c.field("reason");
  auto r = commands::hide(c.app, f.space->space().id, f.board->row.id, spaces::viewer_id(c), in.note, in.reason);
  return after(c, f, r, in, "hidden");
}

Response note_show(Context& c) {
  auto f = find(c);
  if (!f.board) return std::move(f.refusal);
  Typed in;
  in.note = note_param(c);
  auto r = commands::unhide(c.app, f.space->space().id, f.board->row.id, spaces::viewer_id(c), in.note);
  return after(c, f, r, in, "shown");
}

Response dot_change(Context& c) {
  auto f = find(c);
  if (!f.board) return std::move(f.refusal);
  Typed in;
  in.note = note_param(c);
  const bool add = c.field("do") != "remove";
  auto r = commands::dot(c.app, f.space->space().id, f.board->row.id, spaces::viewer_id(c), in.note, add);
  return after(c, f, r, in, add ? "dot_added" : "dot_removed", "#note-" + std::to_string(in.note));
}

}  // namespace hs::vision::handlers
