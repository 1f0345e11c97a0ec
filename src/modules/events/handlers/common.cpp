#include "modules/events/handlers/common.hpp"

#include <algorithm>

#include "core/dates.hpp"
#include "core/number.hpp"
#include "modules/events/live.hpp"
#include "modules/events/repo.hpp"
#include "modules/events/rules/fields.hpp"
#include "modules/wordcloud/module.hpp"
#include "text/language.hpp"
#include "web/blocks.hpp"
#include "web/render.hpp"

namespace hs::events::handlers {

std::string cloud_label(web::Context& c, const std::string& title, const cloud::Picture* p) {
  auto label = c.app.renderer->format("events_cloud_label", {{"title", title}});
  if (!p) return label;
  std::size_t named = 0;
  for (const auto& w : p->layout.words) {
    if (named == 30) break;
    label += named == 0 ? ": " : ", ";
    label += w.text;
    ++named;
  }
  return label;
}

using web::Context;
using web::Response;
using web::View;

std::optional<std::int64_t> id_param(const Context& c, std::string_view name) { return number::id(c.param(name)); }

std::optional<commands::Access> load(Context& c) {
  auto id = id_param(c, "id");
  if (!id) return std::nullopt;
  std::optional<std::int64_t> uid;
  if (c.viewer) uid = c.viewer->user_id;
  auto a = commands::access(c.app, *id, uid, c.cookie("participant"));
  if (!a || !view_event(a->standing)) return std::nullopt;
  return a;
}

Response not_found(Context& c) { return c.error_page(Error::of(ErrorCode::not_found, "events_not_found")); }
Response forbidden(Context& c) { return c.error_page(Error::of(ErrorCode::forbidden, "events_forbidden")); }
std::string event_path(std::int64_t id) { return "/events/" + std::to_string(id); }

View event_view(Context& c, const repo::EventRow& e) {
  View v;
  v.set("id", e.id);
  v.set("title", e.title);
  if (!e.description.empty()) v.set("description", e.description);
  v.set("starts", format_local_datetime(e.starts_at));
  v.set("ends", format_local_datetime(e.ends_at));
  // In words, as people read a date: "19 November 2026, 18:00" (UTC, as the page says).
  v.set("starts_readable", web::date_text(c, e.starts_at) + ", " + dates::format(e.starts_at, dates::Style::clock));
  v.set("ends_readable", web::date_text(c, e.ends_at) + ", " + dates::format(e.ends_at, dates::Style::clock));
  v.set("space_slug", e.space_slug);
  v.set("space_name", e.space_name);
  v.set("path", event_path(e.id));
  return v;
}

View language_options(Context& c, const std::string& selected) {
  auto list = View::list();
  for (const auto& code : hs::text::languages()) {
    View x;
    x.set("code", code);
    x.set("name", c.t("events_language_" + code));
    x.set("selected", code == selected);
    list.push(x);
  }
  return list;
}

void add_tool_links(Context& c, View& v, const commands::Access& a) {
  auto list = View::list(), now = View::list();
  const auto links = live::tool_links(c.app, a.event.id, a.standing);
  bool any_now = false;
  for (const auto& l : links) {
    View x;
    x.set("text", l.text);
    x.set("href", l.href);
    (l.now ? now : list).push(x);
    any_now = any_now || l.now;
  }
  v.set("tools", list);
  v.set("tools_now", now);
  v.set("has_tools_now", any_now);
  v.set("has_tools", !links.empty());
}

std::optional<commands::Access> load_runner(Context& c, Response& denied) {
  auto a = load(c);
  if (!a) {
    denied = not_found(c);
    return std::nullopt;
  }
  if (!run_event(a->standing)) {
    denied = forbidden(c);
    return std::nullopt;
  }
  return a;
}

View current_view(Context& c, const commands::Access& a, const commands::Current& cur, bool runner) {
  const auto& it = cur.item;
  View v;
  v.set("id", it.id);
  v.set("title", it.title);
  v.set("kind_label", c.t("events_kind_" + it.kind));
  v.set("is_" + it.kind, true);
  v.set("is_open", it.state == "open");
  v.set("is_closed", it.state == "closed");
  v.set("is_waiting", it.state == "waiting");
  v.set("state_label", c.t("events_state_" + it.state));
  v.set("revealed", it.revealed);
  if (!it.summary.empty()) v.set("summary", it.summary);
  if (it.content_note) v.set("content_note", *it.content_note);
  v.set("base", event_path(a.event.id) + "/items/" + std::to_string(it.id));
  // A Three Horizons board and an opinion map are the vision module's pages, under the item.
  if (it.kind == "horizons" || it.kind == "opinions") {
    v.set("is_vision", true);
    v.set("vision_href", event_path(a.event.id) + "/items/" + std::to_string(it.id) +
                             (it.kind == "horizons" ? "/board" : "/map"));
  }
  v.set("responses", c.app.renderer->format(cur.responses == 1 ? "events_responses_one" : "events_responses",
                                                  {{"count", std::to_string(cur.responses)}}));
  auto speakers = View::list();
  for (const auto& s : cur.speakers) {
    View x;
    x.set("name", s.name);
    if (!s.about.empty()) x.set("about", s.about);
    speakers.push(x);
  }
  v.set("has_speakers", !cur.speakers.empty());
  v.set("speakers", speakers);
  auto keys = View::list();
  for (const auto& k : cur.key_messages) keys.push(View(k));
  v.set("has_key_messages", !cur.key_messages.empty());
  v.set("key_messages", keys);
  if (it.kind == "poll") {
    v.set("multiple", it.multiple);
    auto opts = View::list();
    for (const auto& o : cur.tally.counts) {
      View x;
      x.set("option_id", o.option_id);
      x.set("label", o.label);
      x.set("votes", o.votes);
      x.set("percent", o.percent);
      x.set("chosen", std::find(cur.my_votes.begin(), cur.my_votes.end(), o.option_id) != cur.my_votes.end());
      opts.push(x);
    }
    v.set("options", opts);
    v.set("voted", !cur.my_votes.empty());
    if (it.revealed || runner) {
      v.set("show_results", true);
      std::string label = c.t("events_chart_label");
      for (const auto& o : cur.tally.counts)
        label += " " +
                 c.app.renderer->format("events_chart_part", {{"option", o.label}, {"votes", std::to_string(o.votes)}});
      auto layout = chart_layout(cur.tally);
      View chart;
      chart.set("label", label);
      chart.set("width", layout.width);
      chart.set("height", layout.height);
      chart.set("bar_height", layout.bar_height);
      auto bars = View::list();
      for (const auto& b : layout.bars) {
        View x;
        x.set("label", b.label);
        x.set("votes", b.votes);
        x.set("label_y", b.label_y);
        x.set("bar_y", b.bar_y);
        x.set("bar_width", b.bar_width);
        x.set("value_x", b.value_x);
        x.set("value_y", b.value_y);
        bars.push(x);
      }
      chart.set("bars", bars);
      v.set("chart", chart);
    }
  }
  if (it.kind == "qa") {
    auto qs = View::list();
    // The question shown large on the presenter, and the one "Show the next question"
    // shows: the next visible one by the page's order (most votes first on the presenter
    // and the run page), the first when none is shown or the last one is.
    const repo::QuestionRow* shown = nullptr;
    const repo::QuestionRow* next = nullptr;
    bool past_shown = !it.shown_question_id;
    for (const auto& q : cur.questions) {
      if (q.status != "visible") continue;
      if (it.shown_question_id == q.id) {
        shown = &q;
        past_shown = true;
      } else if (past_shown && !next) {
        next = &q;
      }
    }
    // After the last one (or one no longer visible), round to the top again.
    if (!next)
      for (const auto& q : cur.questions)
        if (q.status == "visible" && &q != shown && !next) next = &q;
    if (shown) {
      View x;
      x.set("qid", shown->id);
      x.set("body", shown->body);
      x.set("votes", shown->votes);
      x.set("votes_text", shown->votes == 1 ? c.t("events_shown_votes_one")
                                            : c.app.renderer->format("events_shown_votes",
                                                                     {{"count", std::to_string(shown->votes)}}));
      v.set("shown_question", x);
    }
    if (next) {
      View x;
      x.set("qid", next->id);
      v.set("next_question", x);
    }
    for (const auto& q : cur.questions) {
      View x;
      x.set("shown", shown && shown->id == q.id);
      x.set("can_show", q.status == "visible");
      x.set("qid", q.id);
      x.set("body", q.body);
      if (q.nickname && !q.nickname->empty()) x.set("by", *q.nickname);
      x.set("votes", q.votes);
      x.set("answered", q.answered);
      x.set("pending", q.status == "pending");
      x.set("hidden", q.status == "hidden");
      x.set("upvoted",
            std::find(cur.my_question_votes.begin(), cur.my_question_votes.end(), q.id) != cur.my_question_votes.end());
      qs.push(x);
    }
    v.set("questions", qs);
    v.set("has_questions", !cur.questions.empty());
  }
  if (it.kind == "cloud") {
    auto words = View::list();
    for (const auto& w : cur.cloud) {
      View x;
      x.set("text", w.text);
      x.set("count", w.count);
      words.push(x);
    }
    v.set("words", words);
    v.set("has_words", !cur.cloud.empty());
    v.set("cloud_summary", commands::cloud_summary(c.app, cur.responses, cur.cloud));
    v.set("entry_limits", c.app.renderer->format("events_entry_limits", {{"max", std::to_string(it.max_entries)},
                                                                         {"chars", std::to_string(it.max_chars)}}));
    v.set("max_chars", it.max_chars);
    if (cur.cloud_picture) {
      const auto& p = *cur.cloud_picture;
      View pic;
      pic.set("label", cloud_label(c, it.title, &p));
      pic.set("width", p.layout.width);
      pic.set("height", p.layout.height);
      pic.set("family", p.font_family);
      pic.set("weight", p.font_weight);
      // The calm palette (each colour 4.5:1 or more on the cloud's white), a colour per
      // word's text, so live.js gives a redrawn word the same one (see colourOf there).
      const auto& colours = wordcloud::palette(wordcloud::Contrast::standard);
      std::string palette_list;
      for (const auto& col : colours.text) palette_list += (palette_list.empty() ? "" : ",") + col;
      pic.set("palette", palette_list);
      auto placed = View::list();
      for (const auto& w : p.layout.words) {
        View x;
        x.set("text", w.text);
        x.set("fill", wordcloud::colour_for(colours, w.text));
        x.set("x", w.x);
        x.set("y", w.y);
        x.set("size", number::decimal(w.size));
        if (w.advance > 0) x.set("advance", number::decimal(w.advance));
        if (w.rotate != 0)
          x.set("transform",
                "rotate(" + std::to_string(w.rotate) + " " + std::to_string(w.x) + " " + std::to_string(w.y) + ")");
        placed.push(x);
      }
      pic.set("words", placed);
      v.set("picture", pic);
    }
    if (runner) {
      auto held = View::list();
      auto groups = View::list();
      for (const auto& g : cur.cloud_groups) {
        View x;
        x.set("text", g.text);
        x.set("count", g.count);
        x.set("key", g.key);
        x.set("status_label", c.t("events_cloud_status_" + g.status));
        x.set("can_hide", g.status != "hidden");
        x.set("can_restore", g.status == "hidden" || g.status == "stop_word");
        if (g.status == "held") held.push(x);
        groups.push(x);
      }
      std::size_t held_n = 0;
      for (const auto& g : cur.cloud_groups) held_n += g.status == "held";
      v.set("held", held);
      v.set("has_held", held_n > 0);
      v.set("groups", groups);
      v.set("has_groups", !cur.cloud_groups.empty());
      v.set("can_merge", cur.cloud_groups.size() >= 2);
    }
    auto mine = View::list();
    for (const auto& e : cur.my_entries) {
      View x;
      x.set("entry_id", e.id);
      x.set("text", e.body);
      mine.push(x);
    }
    v.set("my_entries", mine);
    v.set("has_my_entries", !cur.my_entries.empty());
    v.set("can_add_words", static_cast<std::int64_t>(cur.my_entries.size()) < it.max_entries);
    v.set("max_entries", it.max_entries);
  }
  return v;
}

}  // namespace hs::events::handlers
