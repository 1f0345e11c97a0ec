// Reads for pages, the author's download, "download my data" and erasure.
#include <boost/json.hpp>

#include <algorithm>

#include "modules/accounts/module.hpp"
#include "modules/spaces/module.hpp"
#include "modules/stories/commands/commands.hpp"
#include "modules/stories/commands/support.hpp"
#include "services/services.hpp"
#include "store/db.hpp"

namespace hs::stories::commands {

namespace {

// How the author is shown to everyone, the author included: an anonymous story names
// nobody on any page.
std::string author_shown(Services& app, store::Conn& c, const repo::StoryRow& s) {
  auto how = parse_shown_as(s.shown_as).value_or(ShownAs::anonymous);
  if (how == ShownAs::pseudonym) return s.pseudonym.value_or("");
  if (how == ShownAs::name && s.author_id) return accounts::display_name(app, c, *s.author_id);
  return "";
}

boost::json::object story_json(store::Conn& c, const repo::StoryRow& s) {
  namespace json = boost::json;
  json::object o;
  auto space = spaces::space_by_id(c, s.space_id);
  o["space"] = space ? "/spaces/" + space->slug : std::string();
  o["story"] = s.id;
  o["status"] = s.status;
  o["readers"] = s.audience;
  o["shown_as"] = s.shown_as;
  if (s.pseudonym) o["pseudonym"] = *s.pseudonym;
  if (s.hold_reason) o["held_because"] = *s.hold_reason;
  o["consent_version"] = s.consent_version;
  o["consent_sha256"] = s.consent_sha256;
  o["consented_at"] = s.consented_at;
  o["shared_at"] = s.created_at;
  if (s.withdrawn_at) o["withdrawn_at"] = *s.withdrawn_at;
  json::array topics;
  for (const auto& t : repo::topics(c, s.id)) topics.push_back(json::value(t));
  o["topics"] = std::move(topics);
  json::array about;
  for (const auto& a : repo::about(c, s.id)) about.push_back(json::value(a.name));
  o["about"] = std::move(about);
  json::array versions;
  for (const auto& v : repo::versions(c, s.id)) {
    json::object x;
    x["version"] = v.number;
    x["title"] = v.title;
    x["text"] = v.body;
    if (v.content_note) x["content_note"] = *v.content_note;
    x["at"] = v.created_at;
    versions.push_back(std::move(x));
  }
  o["versions"] = std::move(versions);
  json::array answers;
  for (const auto& r : repo::responses(c, s.id)) {
    json::object x;
    x["kind"] = r.kind;
    if (r.kind == "response") x["organisation"] = r.organisation;
    x["text"] = r.body;
    x["at"] = r.created_at;
    answers.push_back(std::move(x));
  }
  o["responses"] = std::move(answers);
  return o;
}

}  // namespace

Shown shown_story(Services& app, store::Conn& c, repo::StoryRow row, const spaces::Subject& subject,
                  std::int64_t user_id) {
  Shown s;
  s.reader.subject = subject;
  s.reader.is_author = subject.signed_in && user_id > 0 && row.author_id && *row.author_id == user_id;
  s.facts = facts_of(row);
  s.author = author_shown(app, c, row);
  s.topics = repo::topics(c, row.id);
  s.about = repo::about(c, row.id);
  s.responses = static_cast<std::int64_t>(repo::responses(c, row.id).size());
  s.row = std::move(row);
  return s;
}

std::vector<Shown> shown_stories(Services& app, store::Conn& c, std::vector<repo::StoryRow> rows,
                                 const spaces::Subject& subject, std::int64_t user_id) {
  std::vector<Shown> out;
  out.reserve(rows.size());
  for (std::size_t from = 0; from < rows.size(); from += repo::kDetailsBatch) {
    const auto to = std::min(rows.size(), from + repo::kDetailsBatch);
    std::vector<std::int64_t> ids;
    for (auto i = from; i < to; ++i) ids.push_back(rows[i].id);
    auto details = repo::details(c, ids);
    for (auto i = from; i < to; ++i) {
      Shown s;
      s.reader.subject = subject;
      s.reader.is_author = subject.signed_in && user_id > 0 && rows[i].author_id && *rows[i].author_id == user_id;
      s.facts = facts_of(rows[i]);
      s.author = author_shown(app, c, rows[i]);
      auto& d = details[i - from];
      s.topics = std::move(d.topics);
      s.about = std::move(d.about);
      s.responses = d.responses;
      s.row = std::move(rows[i]);
      out.push_back(std::move(s));
    }
  }
  return out;
}

std::optional<Shown> story(Services& app, std::int64_t space_id, std::int64_t story_id, const spaces::Subject& subject,
                           std::int64_t user_id) {
  return app.store->with([&](store::Conn& c) -> std::optional<Shown> {
    auto row = repo::story(c, story_id);
    if (!row || row->space_id != space_id) return std::nullopt;
    return shown_story(app, c, std::move(*row), subject, user_id);
  });
}

std::vector<Shown> readable(Services& app, std::int64_t space_id, const spaces::Subject& subject,
                            std::int64_t user_id) {
  return app.store->with([&](store::Conn& c) {
    std::vector<repo::StoryRow> rows;
    for (auto& row : repo::stories_in(c, space_id)) {
      permissions::Reader r{subject, subject.signed_in && user_id > 0 && row.author_id && *row.author_id == user_id};
      if (permissions::read_story(r, facts_of(row))) rows.push_back(std::move(row));
    }
    return shown_stories(app, c, std::move(rows), subject, user_id);
  });
}

std::vector<Shown> mine(Services& app, std::int64_t space_id, const spaces::Subject& subject, std::int64_t user_id) {
  return app.store->with([&](store::Conn& c) {
    std::vector<Shown> out;
    if (user_id <= 0) return out;
    for (auto& row : repo::stories_by(c, user_id))
      if (row.space_id == space_id) out.push_back(shown_story(app, c, std::move(row), subject, user_id));
    return out;
  });
}

std::vector<ShownResponse> responses(Services& app, const Shown& s) {
  return app.store->with([&](store::Conn& c) {
    std::vector<ShownResponse> out;
    for (auto& r : repo::responses(c, s.row.id)) {
      ShownResponse x;
      x.by = r.kind == "response" ? r.organisation : s.author;
      auto all = repo::response_versions(c, r.id);
      if (!all.empty()) all.pop_back();
      x.earlier = std::move(all);
      x.row = std::move(r);
      out.push_back(std::move(x));
    }
    return out;
  });
}

std::optional<repo::SuggestionRow> open_suggestion(Services& app, std::int64_t story_id) {
  return app.store->with([&](store::Conn& c) { return repo::open_suggestion(c, story_id); });
}

std::vector<repo::VersionRow> versions(Services& app, std::int64_t story_id) {
  return app.store->with([&](store::Conn& c) { return repo::versions(c, story_id); });
}

std::vector<repo::Organisation> organisations(Services& app, std::int64_t space_id) {
  return app.store->with([&](store::Conn& c) { return repo::organisations(c, space_id); });
}

std::optional<repo::Organisation> partner_organisation(Services& app, std::int64_t space_id, std::int64_t user_id) {
  return app.store->with([&](store::Conn& c) { return repo::partner_organisation(c, space_id, user_id); });
}

std::vector<PartnerShown> partners(Services& app, std::int64_t space_id) {
  return app.store->with([&](store::Conn& c) {
    std::vector<PartnerShown> out;
    for (const auto& p : repo::partners(c, space_id)) {
      // Only people who still hold the role: one who left keeps no standing here.
      if (spaces::role_in(c, space_id, p.user_id) != spaces::Role::partner) continue;
      out.push_back({p.user_id, accounts::display_name(app, c, p.user_id), p.organisation.name});
    }
    return out;
  });
}

std::string export_person(Services&, store::Conn& c, std::int64_t user_id) {
  namespace json = boost::json;
  json::array stories;
  for (const auto& s : repo::stories_by(c, user_id)) stories.push_back(story_json(c, s));
  json::array answers;
  for (const auto& r : repo::responses_by(c, user_id)) {
    json::object x;
    x["story"] = r.story_id;
    x["kind"] = r.kind;
    if (r.kind == "response") x["organisation"] = r.organisation;
    x["text"] = r.body;
    x["at"] = r.created_at;
    answers.push_back(std::move(x));
  }
  json::object out;
  out["stories"] = std::move(stories);
  out["responses_written"] = std::move(answers);
  return json::serialize(out);
}

std::string export_stories(Services& app, std::int64_t space_id, std::int64_t user_id) {
  return app.store->with([&](store::Conn& c) {
    namespace json = boost::json;
    json::array stories;
    for (const auto& s : repo::stories_by(c, user_id))
      if (s.space_id == space_id) stories.push_back(story_json(c, s));
    json::object out;
    out["stories"] = std::move(stories);
    return json::serialize(out);
  });
}

void erase_person(store::Conn& c, std::int64_t user_id) { repo::erase_person(c, user_id); }

}  // namespace hs::stories::commands
