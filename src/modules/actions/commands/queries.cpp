// Reads for the "You said, we did" page, its exports, "download my data" and erasure.
#include <boost/json.hpp>

#include <map>

#include "core/dates.hpp"
#include "modules/actions/commands/commands.hpp"
#include "modules/actions/commands/support.hpp"
#include "modules/actions/rules/csv.hpp"
#include "services/services.hpp"
#include "store/db.hpp"

namespace hs::actions::commands {

namespace {

Shown shown(store::Conn& c, repo::ActionRow row, const spaces::Subject& subject, std::int64_t user_id,
            const std::map<std::int64_t, std::string>& orgs) {
  Shown s;
  if (row.source_kind == "decision") {
    if (row.decision_id) s.decision = decisions::decision_ref(c, row.space_id, *row.decision_id, subject);
    if (!s.decision) s.decision = decisions::DecisionRef{};
  } else if (row.story_id) {
    s.source = stories::story_ref(c, row.space_id, *row.story_id, subject, user_id);
  } else {
    s.source.withdrawn = true;
  }
  if (auto it = orgs.find(row.organisation_id); it != orgs.end()) s.organisation = it->second;
  s.row = std::move(row);
  return s;
}

std::map<std::int64_t, std::string> organisation_names(store::Conn& c, std::int64_t space_id) {
  std::map<std::int64_t, std::string> out;
  for (const auto& o : stories::organisations_of(c, space_id)) out[o.id] = o.name;
  return out;
}

std::string day(std::int64_t t) { return dates::format(t, dates::Style::rfc3339); }

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
  return app.store->with([&](store::Conn& c) {
    Board b;
    const auto orgs = organisation_names(c, space_id);
    std::map<std::int64_t, std::vector<repo::UpdateRow>> history;
    for (auto& u : repo::updates_in(c, space_id)) history[u.action_id].push_back(std::move(u));
    // Stories with a change planned or made, for the figures.
    std::map<std::int64_t, bool> changed;
    for (auto& row : repo::actions_in(c, space_id)) {
      if (row.story_id && (row.status == "planned" || row.status == "made")) changed[*row.story_id] = true;
      auto s = shown(c, std::move(row), subject, user_id, orgs);
      s.history = std::move(history[s.row.id]);
      b.actions.push_back(std::move(s));
    }
    std::vector<Concern> concerns;
    for (const auto& f : stories::concerns(c, space_id))
      concerns.push_back({f.shared_at, f.first_response_at, changed.count(f.story_id) > 0});
    b.figures = figures(concerns);
    return b;
  });
}

std::optional<Shown> action(Services& app, std::int64_t space_id, std::int64_t action_id,
                            const spaces::Subject& subject, std::int64_t user_id) {
  return app.store->with([&](store::Conn& c) -> std::optional<Shown> {
    auto row = repo::action(c, action_id);
    if (!row || row->space_id != space_id) return std::nullopt;
    auto s = shown(c, std::move(*row), subject, user_id, organisation_names(c, space_id));
    s.history = repo::updates(c, action_id);
    return s;
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
    std::string source = a.decision ? "decision" : a.source.withdrawn ? "withdrawn by its author" : "story";
    std::string source_id;
    if (a.decision && a.decision->id) source_id = std::to_string(a.decision->id);
    else if (!a.decision && !a.source.withdrawn) source_id = std::to_string(a.source.id);
    out += csv_line({std::to_string(a.row.id), a.row.title, a.row.details, a.organisation, a.row.status,
                     a.row.due_on.value_or(""), source, source_id, a.decision ? a.decision->title : a.source.title,
                     day(a.row.created_at), day(a.row.updated_at), last.text, last.link.value_or("")});
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
    if (a.decision) {
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
