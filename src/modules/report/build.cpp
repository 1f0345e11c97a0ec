#include "modules/report/build.hpp"

#include "core/dates.hpp"
#include "modules/breakouts/module.hpp"
#include "modules/equity/module.hpp"
#include "modules/events/module.hpp"
#include "modules/vision/module.hpp"
#include "modules/report/commands.hpp"
#include "modules/report/plain_text.hpp"
#include "services/services.hpp"
#include "web/render.hpp"

namespace hs::report {

namespace {

// Paragraphs split at blank lines (line breaks inside one kept), and lists as lists.
std::vector<Block> paragraphs(const std::string& text) { return blocks_of_text(text); }

std::string count_text(Services& app, const char* one, const char* many, std::int64_t n) {
  return app.words->format(n == 1 ? one : many, {{"count", std::to_string(n)}});
}

// Each poll: who answered, and a table of the answers with counts and percentages.
void add_polls(Services& app, std::int64_t event_id, Document& d) {
  auto& r = *app.words;
  for (const auto& p : events::poll_results(app, event_id)) {
    Section s{r.format("report_poll_heading", {{"title", p.title}}), {}};
    std::string answered = count_text(app, "report_poll_people_one", "report_poll_people", p.people);
    if (p.multiple && p.people > 0) answered += " " + r.t("report_poll_multiple");
    s.blocks.push_back(Paragraph{answered});
    if (p.people > 0) {
      Table t;
      t.caption = r.format("report_poll_table", {{"title", p.title}});
      t.header = {r.t("report_poll_answer"), r.t("report_poll_votes"), r.t("report_poll_percent")};
      t.align = {Table::Align::start, Table::Align::end, Table::Align::end};
      for (const auto& o : p.options)
        t.rows.push_back(
            {o.label, std::to_string(o.votes), r.format("report_percent", {{"n", std::to_string(o.percent)}})});
      s.blocks.push_back(std::move(t));
    }
    d.sections.push_back(std::move(s));
  }
}

// Each Q&A: the questions people could see, most upvoted first. Anonymous ones say so
// and name nobody; hidden and never-approved ones are left out.
void add_questions(Services& app, std::int64_t event_id, Document& d) {
  auto& r = *app.words;
  for (const auto& qa : events::qa_results(app, event_id)) {
    Section s{r.format("report_qa_heading", {{"title", qa.title}}), {}};
    if (qa.questions.empty()) {
      s.blocks.push_back(Paragraph{r.t("report_qa_none")});
    } else {
      s.blocks.push_back(
          Paragraph{count_text(app, "report_qa_count_one", "report_qa_count", std::int64_t(qa.questions.size()))});
      Table t;
      t.caption = r.format("report_qa_table", {{"title", qa.title}});
      t.header = {r.t("report_qa_question"), r.t("report_qa_asker"), r.t("report_qa_votes")};
      t.align = {Table::Align::start, Table::Align::start, Table::Align::end};
      for (const auto& q : qa.questions) {
        std::string body = q.body;
        if (q.answered) body += " " + r.t("report_qa_answered");
        const bool named = q.asker && !q.asker->empty();
        t.rows.push_back({body, named ? *q.asker : r.t("report_qa_anonymous"), std::to_string(q.votes)});
      }
      s.blocks.push_back(std::move(t));
    }
    d.sections.push_back(std::move(s));
  }
}

// "3 December 2026, 10:00 to 12:30 UTC" (the server keeps and shows times in UTC).
std::string when(Services& app, std::int64_t starts, std::int64_t ends) {
  auto& r = *app.words;
  auto date = [&](const dates::Civil& d) {
    return r.format("report_date", {{"day", std::to_string(d.day)},
                                    {"month", r.t("report_month_" + std::to_string(d.month))},
                                    {"year", std::to_string(d.year)}});
  };
  const auto a = dates::civil(starts), b = dates::civil(ends);
  const auto starts_at = dates::format(starts, dates::Style::clock), ends_at = dates::format(ends, dates::Style::clock);
  if (a.year == b.year && a.month == b.month && a.day == b.day)
    return r.format("report_when_day", {{"date", date(a)}, {"starts", starts_at}, {"ends", ends_at}});
  return r.format("report_when_days", {{"from", date(a)}, {"starts", starts_at}, {"to", date(b)}, {"ends", ends_at}});
}

Quote quote_of(Services& app, const breakouts::commands::Note& n) {
  if (n.for_group)
    return Quote{n.body, app.words->format("report_group_note", {{"number", std::to_string(n.group_number)}})};
  return Quote{n.body, n.author};
}

}  // namespace

std::vector<std::int64_t> cloud_items(Services& app, std::int64_t event_id) {
  std::vector<std::int64_t> out;
  for (const auto& it : events::commands::agenda(app, event_id))
    if (it.kind == "cloud") out.push_back(it.id);
  return out;
}

std::optional<Document> build(Services& app, std::int64_t event_id) {
  auto access = events::commands::access(app, event_id, std::nullopt, "");
  if (!access) return std::nullopt;
  const auto& e = access->event;
  auto& r = *app.words;
  Document d;
  d.title = r.format("report_title", {{"event", e.title}});
  d.subtitle.push_back(when(app, e.starts_at, e.ends_at));
  d.subtitle.push_back(e.space_name);

  const auto texts = report_texts(app, event_id);
  if (!texts.intro.empty()) d.sections.push_back({r.t("report_intro_heading"), paragraphs(texts.intro)});

  const auto items = events::commands::agenda(app, event_id);
  for (const auto& it : items) {
    if (it.kind != "cloud") continue;
    auto cp = events::commands::cloud_picture(app, e, it.id);
    if (!cp || !cp->picture) continue;
    Section s{it.title, {}};
    std::string alt = r.format("report_cloud_alt", {{"title", it.title}});
    Table t;
    t.caption = r.format("report_cloud_table", {{"title", it.title}});
    t.header = {r.t("report_word"), r.t("report_count")};
    t.align = {Table::Align::start, Table::Align::end};
    // The text alternative names every word, most given first: nothing is only in the picture.
    bool first = true;
    for (const auto& c : cp->counts) {
      t.rows.push_back({c.text, std::to_string(c.count)});
      alt += (first ? ": " : ", ") + c.text;
      first = false;
    }
    s.blocks.push_back(WordCloudFigure{cp->picture->layout, alt});
    s.blocks.push_back(std::move(t));
    d.sections.push_back(std::move(s));
  }

  // Opinion maps: the groups with what set each apart, and the common ground (shown
  // statements only, nobody named).
  for (const auto& m : vision::report_maps(app, event_id)) {
    Section s{r.format("vision_report_map_heading", {{"question", m.question}}), {}};
    s.blocks.push_back(Paragraph{m.people});
    s.blocks.push_back(OpinionFigure{r.format("vision_report_map_alt", {{"question", m.question}}), m.item_id});
    s.blocks.push_back(Paragraph{r.format("vision_report_map_groups", {})});
    if (m.groups.empty()) s.blocks.push_back(Paragraph{r.format("vision_results_no_groups", {})});
    for (const auto& g : m.groups) {
      s.blocks.push_back(Paragraph{g.name});
      if (g.distinctive.empty()) {
        s.blocks.push_back(Paragraph{r.format("vision_opinion_none", {})});
        continue;
      }
      s.blocks.push_back(BulletList{g.distinctive, false});
    }
    s.blocks.push_back(Paragraph{r.format("vision_opinion_common_ground", {})});
    if (m.common_ground.empty()) s.blocks.push_back(Paragraph{r.format("vision_opinion_none", {})});
    else s.blocks.push_back(BulletList{m.common_ground, false});
    d.sections.push_back(std::move(s));
  }

  // Three Horizons boards: the picture, every shown note by horizon, the most voted ideas.
  for (const auto& b : vision::report_boards(app, event_id)) {
    Section s{r.format("vision_report_heading", {{"title", b.title}}), {}};
    s.blocks.push_back(HorizonsFigure{b.picture, r.format("vision_report_alt", {{"title", b.title}}), b.item_id});
    auto note_line = [&](const vision::ListedNote& n, bool with_dots) {
      std::string line;
      for (const auto& w : n.words) line += (line.empty() ? "" : " / ") + w;
      if (with_dots)
        line += " (" +
                (n.dots == 1 ? r.format("vision_one_dot", {})
                             : r.format("vision_dots", {{"n", std::to_string(n.dots)}})) +
                ")";
      return line;
    };
    if (!b.top_ideas.empty()) {
      s.blocks.push_back(Paragraph{r.format("vision_report_top_ideas", {})});
      BulletList top{{}, true};
      for (const auto& n : b.top_ideas) top.items.push_back(note_line(n, true));
      s.blocks.push_back(std::move(top));
    }
    for (const auto& list : b.lists) {
      const bool plus = list.horizon == vision::Horizon::h2_plus;
      s.blocks.push_back(Paragraph{r.format("vision_heading_" + std::string(vision::key_of(list.horizon)), {})});
      if (list.notes.empty()) {
        s.blocks.push_back(Paragraph{r.format("vision_no_notes", {})});
        continue;
      }
      BulletList notes;
      for (const auto& n : list.notes) notes.items.push_back(note_line(n, plus));
      s.blocks.push_back(std::move(notes));
    }
    d.sections.push_back(std::move(s));
  }

  for (const auto& it : items) {
    if (it.kind != "talk") continue;
    Section s{r.format("report_talk_heading", {{"title", it.title}}), {}};
    std::string names;
    for (const auto& sp : events::parse_speakers(it.speakers)) {
      if (!names.empty()) names += "; ";
      names += sp.name + (sp.about.empty() ? "" : " (" + sp.about + ")");
    }
    if (!names.empty()) s.blocks.push_back(Paragraph{r.format("report_speakers", {{"names", names}})});
    for (auto& p : paragraphs(it.summary)) s.blocks.push_back(std::move(p));
    auto messages = events::lines_of(it.key_messages);
    if (!messages.empty()) {
      s.blocks.push_back(Paragraph{r.t("report_key_messages")});
      s.blocks.push_back(BulletList{messages});
    }
    d.sections.push_back(std::move(s));
  }

  add_polls(app, event_id, d);
  add_questions(app, event_id, d);

  const auto rounds = breakouts::commands::rounds(app, event_id);
  if (!rounds.empty()) {
    Section s{r.t("report_questions_heading"), {}};
    for (const auto& round : rounds) {
      if (rounds.size() > 1)
        s.blocks.push_back(Paragraph{r.format("report_round", {{"number", std::to_string(round.number)}})});
      BulletList prompts;
      for (const auto& line : events::lines_of(round.prompts)) prompts.items.push_back(line);
      s.blocks.push_back(std::move(prompts));
    }
    d.sections.push_back(std::move(s));
  }

  const auto th = breakouts::commands::themes(app, event_id);
  if (!th.themes.empty() || !th.loose.empty()) {
    Section s{r.t("report_themes_heading"), {}};
    int number = 0;
    for (const auto& t : th.themes) {
      Theme block{++number, t.theme.title, {}, t.theme.id};
      for (const auto& n : t.notes) block.notes.push_back(quote_of(app, n));
      s.blocks.push_back(std::move(block));
    }
    if (!th.loose.empty()) {  // nothing anyone said is left out
      Theme other{0, r.t("report_other_theme"), {}};
      for (const auto& n : th.loose) other.notes.push_back(quote_of(app, n));
      s.blocks.push_back(std::move(other));
    }
    d.sections.push_back(std::move(s));
  }

  // Who was heard, as a pattern and never a ranking: how many of the people there added
  // something, and the share the most active fifth made.
  {
    std::vector<std::int64_t> per_person;
    for (const auto& [participant, n] : events::commands::contributions(app, event_id)) per_person.push_back(n);
    const auto spread = equity::spread_of(per_person);
    if (spread.contributions > 0)
      d.sections.push_back({r.t("report_spread_heading"),
                            {Paragraph{r.format(spread.top_fifth_people == 1 ? "report_spread_summary_one"
                                                                             : "report_spread_summary",
                                                {{"contributed", std::to_string(spread.contributed)},
                                                 {"present", std::to_string(spread.present)},
                                                 {"share", std::to_string(spread.top_fifth_percent)}})},
                             Paragraph{r.t("report_spread_about")}}});
  }

  if (!texts.next_steps.empty()) d.sections.push_back({r.t("report_next_heading"), paragraphs(texts.next_steps)});
  return d;
}

}  // namespace hs::report
