// Reads for the "You said, we did" page, its exports, "download my data" and erasure.
#include <boost/json.hpp>

#include <algorithm>
#include <map>

#include "core/dates.hpp"
#include "modules/actions/commands/commands.hpp"
#include "modules/actions/commands/support.hpp"
#include "modules/actions/rules/csv.hpp"
#include "services/lookup_cache.hpp"
#include "services/services.hpp"
#include "store/db.hpp"

namespace hs::actions::commands {

namespace {

std::map<std::int64_t, std::string> organisation_names(store::Conn& c, std::int64_t space_id) {
  std::map<std::int64_t, std::string> out;
  for (const auto& o : stories::organisations_of(c, space_id)) out[o.id] = o.name;
  return out;
}

std::string day(std::int64_t t) { return dates::format(t, dates::Style::rfc3339); }

// The actions as this viewer may see their sources, with their owners and histories: a
// read for each kind of thing (organisations, stories, decisions, themes, updates), not
// one per action.
// whole_space: rows are every action of the space (the exports), so their updates come in
// one read of the space's rather than by ids.
std::vector<Shown> shown_all(store::Conn& c, std::int64_t space_id, std::vector<repo::ActionRow> rows,
                             const spaces::Subject& subject, std::int64_t user_id, bool whole_space = false) {
  std::vector<std::int64_t> story_ids, decision_ids, theme_ids, action_ids;
  for (const auto& r : rows) {
    action_ids.push_back(r.id);
    if (r.source_kind == "decision") {
      if (r.decision_id) decision_ids.push_back(*r.decision_id);
    } else if (r.source_kind == "theme") {
      if (r.theme_id) theme_ids.push_back(*r.theme_id);
    } else if (r.story_id) {
      story_ids.push_back(*r.story_id);
    }
  }
  for (auto* ids : {&story_ids, &decision_ids, &theme_ids}) {  // several actions may share a source
    std::sort(ids->begin(), ids->end());
    ids->erase(std::unique(ids->begin(), ids->end()), ids->end());
  }
  const auto orgs = organisation_names(c, space_id);
  std::map<std::int64_t, stories::StoryRef> story_refs;
  for (auto& ref : stories::story_refs(c, space_id, story_ids, subject, user_id)) story_refs[ref.id] = std::move(ref);
  std::map<std::int64_t, decisions::DecisionRef> decision_refs;
  for (auto& ref : decisions::decision_refs(c, space_id, decision_ids, subject)) decision_refs[ref.id] = std::move(ref);
  std::map<std::int64_t, breakouts::ThemeRef> themes;
  for (auto& t : breakouts::theme_refs(c, theme_ids))
    if (t.space_id == space_id) themes[t.id] = std::move(t);
  std::map<std::int64_t, std::vector<repo::UpdateRow>> history;
  for (auto& u : whole_space ? repo::updates_in(c, space_id) : repo::updates_of(c, action_ids))
    history[u.action_id].push_back(std::move(u));

  std::vector<Shown> out;
  out.reserve(rows.size());
  for (auto& row : rows) {
    Shown s;
    if (row.source_kind == "decision") {
      auto it = row.decision_id ? decision_refs.find(*row.decision_id) : decision_refs.end();
      s.decision = it != decision_refs.end() ? it->second : decisions::DecisionRef{};
    } else if (row.source_kind == "theme") {
      ThemeSource t;
      auto it = row.theme_id ? themes.find(*row.theme_id) : themes.end();
      if (it == themes.end()) {
        t.gone = true;
      } else {
        t.id = it->second.id;
        t.event_id = it->second.event_id;
        t.readable = permissions::read_theme(subject);
        if (t.readable) {
          t.title = it->second.title;
          t.event_title = it->second.event_title;
        }
      }
      s.theme = std::move(t);
    } else if (row.story_id) {
      s.source = story_refs[*row.story_id];
    } else {
      s.source.withdrawn = true;
    }
    if (auto it = orgs.find(row.organisation_id); it != orgs.end()) s.organisation = it->second;
    s.history = std::move(history[row.id]);
    s.row = std::move(row);
    out.push_back(std::move(s));
  }
  return out;
}

// The Care Opinion figures as aggregates: the stories module counts its concerns and the
// median; a concern "changed" when an action raised from it has a change planned or made.
Figures space_figures(store::Conn& c, std::int64_t space_id) {
  const auto t = stories::concern_totals(c, space_id);
  const auto changed = stories::answered_concerns_among(c, space_id, repo::changed_story_ids(c, space_id));
  return figures_of(static_cast<int>(t.concerns), static_cast<int>(t.answered), static_cast<int>(changed),
                    t.median_days);
}

// The figures read every concern of the space (its stories about an organisation and
// their first responses): hundreds of milliseconds at 30,000 stories. They are kept until
// the next write through this server (services/lookup_cache.hpp), or a minute for writes
// made elsewhere (a second server, the command line), so reading the page again costs
// nothing. `epoch` is services::write_epoch() as it was before the store was read.
Figures kept_figures(Services& app, store::Conn& c, std::int64_t space_id, std::uint64_t epoch) {
  struct Cache {
    services::LookupCache<std::int64_t, Figures> figures{60, 10000};
  };
  auto& cache = app.kept<Cache>().figures;
  const auto now = app.clock->now();
  if (auto hit = cache.find(space_id, now)) return *hit;
  auto f = space_figures(c, space_id);
  cache.put(space_id, f, now, epoch);
  return f;
}

}  // namespace

permissions::Actor actor(Services& app, std::int64_t space_id, const spaces::Subject& subject, std::int64_t user_id) {
  return app.store->with([&](store::Conn& c) {
    permissions::Actor a;
    a.subject = subject;
    if (auto org = stories::partner_organisation_of(c, space_id, user_id)) a.organisation_id = org->id;
    return a;
  });
}

bool page_public(Services& app, std::int64_t space_id) {
  return app.store->with([&](store::Conn& c) { return repo::page_public(c, space_id); });
}

Board board(Services& app, std::int64_t space_id, const spaces::Subject& subject, std::int64_t user_id) {
  const auto epoch = services::write_epoch();
  return app.store->with([&](store::Conn& c) {
    Board b;
    b.actions = shown_all(c, space_id, repo::actions_in(c, space_id), subject, user_id, true);
    b.total = static_cast<std::int64_t>(b.actions.size());
    b.paging.limit = static_cast<int>(std::clamp<std::int64_t>(b.total, 1, 1'000'000'000));  // one page of all
    b.figures = kept_figures(app, c, space_id, epoch);
    return b;
  });
}

Board board_page(Services& app, std::int64_t space_id, const spaces::Subject& subject, std::int64_t user_id,
                 const BoardQuery& q) {
  const auto epoch = services::write_epoch();
  return app.store->with([&](store::Conn& c) {
    Board b;
    repo::Filter f;
    if (parse_status(q.status)) f.status = q.status;
    f.organisation_id = q.organisation_id;
    b.total = repo::count_in(c, space_id, f);
    b.paging = paging(b.total, q.page, q.per_page);
    b.actions =
        shown_all(c, space_id, repo::page_in(c, space_id, f, b.paging.offset, b.paging.limit), subject, user_id);
    b.figures = kept_figures(app, c, space_id, epoch);
    return b;
  });
}

std::optional<Shown> action(Services& app, std::int64_t space_id, std::int64_t action_id,
                            const spaces::Subject& subject, std::int64_t user_id) {
  return app.store->with([&](store::Conn& c) -> std::optional<Shown> {
    auto row = repo::action(c, action_id);
    if (!row || row->space_id != space_id) return std::nullopt;
    std::vector<repo::ActionRow> one;
    one.push_back(std::move(*row));
    return std::move(shown_all(c, space_id, std::move(one), subject, user_id).front());
  });
}

std::map<std::int64_t, std::vector<std::string>> story_notes(Services& app, std::int64_t space_id,
                                                             const std::vector<std::int64_t>& story_ids) {
  std::map<std::int64_t, std::vector<std::string>> out;
  auto rows = app.store->with([&](store::Conn& c) { return repo::from_stories(c, space_id, story_ids); });
  for (const auto& a : rows) {
    if (!a.story_id) continue;
    out[*a.story_id].push_back(app.words->format(
        "actions_story_note", {{"title", a.title}, {"status", app.words->t("actions_status_lower_" + a.status)}}));
  }
  return out;
}

std::vector<repo::ActionRow> raised_from(Services& app, std::int64_t space_id, const std::string& kind,
                                         std::int64_t source_id) {
  return app.store->with([&](store::Conn& c) {
    if (kind == "story") return repo::from_stories(c, space_id, {source_id});
    std::vector<repo::ActionRow> out;
    for (auto& a : repo::actions_in(c, space_id))
      if ((kind == "decision" && a.decision_id == source_id) || (kind == "theme" && a.theme_id == source_id))
        out.push_back(std::move(a));
    return out;
  });
}

std::optional<breakouts::ThemeRef> theme_source(Services& app, std::int64_t space_id, std::int64_t theme_id) {
  return app.store->with([&](store::Conn& c) -> std::optional<breakouts::ThemeRef> {
    auto found = breakouts::theme_refs(c, {theme_id});
    if (found.empty() || found.front().space_id != space_id) return std::nullopt;
    return std::move(found.front());
  });
}

std::vector<stories::OrganisationRef> organisations(Services& app, std::int64_t space_id) {
  return app.store->with([&](store::Conn& c) { return stories::organisations_of(c, space_id); });
}

std::vector<stories::StoryRef> sources(Services& app, std::int64_t space_id, const spaces::Subject& subject,
                                       std::int64_t user_id) {
  return app.store->with([&](store::Conn& c) { return stories::readable_stories(c, space_id, subject, user_id); });
}

std::vector<decisions::DecisionRef> decision_sources(Services& app, std::int64_t space_id,
                                                     const spaces::Subject& subject) {
  return app.store->with([&](store::Conn& c) { return decisions::decisions_of(c, space_id, subject); });
}

std::string to_csv(const Board& b) {
  std::string out = csv_line({"action", "title", "details", "organisation", "status", "due_on", "source", "source_id",
                              "source_title", "raised_at", "updated_at", "latest_text", "latest_link"});
  for (const auto& a : b.actions) {
    const auto& last = a.history.empty() ? repo::UpdateRow{} : a.history.back();
    std::string source = a.theme              ? "theme"
                         : a.decision         ? "decision"
                         : a.source.withdrawn ? "withdrawn by its author"
                                              : "story";
    std::string source_id, source_title = a.source.title;
    if (a.theme) {
      if (!a.theme->gone) source_id = std::to_string(a.theme->id);
      source_title = a.theme->title;
    } else if (a.decision) {
      if (a.decision->id) source_id = std::to_string(a.decision->id);
      source_title = a.decision->title;
    } else if (!a.source.withdrawn) {
      source_id = std::to_string(a.source.id);
    }
    out += csv_line({std::to_string(a.row.id), a.row.title, a.row.details, a.organisation, a.row.status,
                     a.row.due_on.value_or(""), source, source_id, source_title, day(a.row.created_at),
                     day(a.row.updated_at), last.text, last.link.value_or("")});
  }
  return out;
}

std::string to_json(const Board& b, const std::string& space_slug) {
  namespace json = boost::json;
  json::array list;
  for (const auto& a : b.actions) {
    json::object o;
    o["action"] = a.row.id;
    o["title"] = a.row.title;
    o["details"] = a.row.details;
    o["organisation"] = a.organisation;
    o["status"] = a.row.status;
    if (a.row.due_on) o["due_on"] = *a.row.due_on;
    json::object src;
    if (a.theme) {
      if (a.theme->gone) src["theme"] = nullptr;
      else src["theme"] = a.theme->id;
      if (a.theme->readable) src["title"] = a.theme->title;
    } else if (a.decision) {
      if (a.decision->id) src["decision"] = a.decision->id;
      if (a.decision->readable) src["title"] = a.decision->title;
    } else if (a.source.withdrawn) {
      src["withdrawn_by_its_author"] = true;
    } else {
      src["story"] = a.source.id;
      if (a.source.readable) src["title"] = a.source.title;
    }
    o["source"] = std::move(src);
    o["raised_at"] = day(a.row.created_at);
    o["updated_at"] = day(a.row.updated_at);
    json::array h;
    for (const auto& u : a.history) {
      json::object x;
      x["status"] = u.status;
      if (!u.text.empty()) x["text"] = u.text;
      if (u.link) x["link"] = *u.link;
      x["at"] = day(u.created_at);
      h.push_back(std::move(x));
    }
    o["history"] = std::move(h);
    list.push_back(std::move(o));
  }
  json::object fig;
  const auto& f = b.figures;
  fig["stories_raising_a_concern"] = f.concerns;
  fig["with_a_response"] = f.answered;
  fig["with_a_change_planned_or_made"] = f.changed;
  if (f.answered_percent) fig["response_percent"] = *f.answered_percent;
  if (f.changed_percent) fig["change_percent"] = *f.changed_percent;
  if (f.median_days) fig["median_days_to_first_response"] = *f.median_days;
  json::object out;
  out["space"] = "/spaces/" + space_slug;
  out["figures"] = std::move(fig);
  out["actions"] = std::move(list);
  return json::serialize(out);
}

std::string export_person(store::Conn& c, std::int64_t user_id) {
  namespace json = boost::json;
  json::array raised;
  for (const auto& a : repo::raised_by(c, user_id)) {
    json::object o;
    o["action"] = a.id;
    o["title"] = a.title;
    o["details"] = a.details;
    o["status"] = a.status;
    o["raised_at"] = day(a.created_at);
    raised.push_back(std::move(o));
  }
  json::array moves;
  for (const auto& u : repo::updates_by(c, user_id)) {
    json::object o;
    o["action"] = u.action_id;
    o["status"] = u.status;
    if (!u.text.empty()) o["text"] = u.text;
    if (u.link) o["link"] = *u.link;
    o["at"] = day(u.created_at);
    moves.push_back(std::move(o));
  }
  json::object out;
  out["actions_raised"] = std::move(raised);
  out["updates_recorded"] = std::move(moves);
  return json::serialize(out);
}

void erase_person(store::Conn& c, std::int64_t user_id) { repo::erase_person(c, user_id); }

}  // namespace hs::actions::commands
