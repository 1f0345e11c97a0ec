#include "modules/stories/module.hpp"

#include "modules/stories/commands/commands.hpp"
#include "modules/stories/commands/support.hpp"
#include "modules/stories/handlers/handlers.hpp"
#include "web/app.hpp"

namespace hs::stories {

void register_module(web::App& app) {
  namespace h = handlers;
  // A 20,000-character story, percent-encoded at up to 12 bytes a character, twice over
  // when a facilitator's suggestion carries the words.
  constexpr web::RouteOptions kStoryForm{.body_limit = 512 * 1024};
  auto& r = app.router;
  r.get("/spaces/{slug}/stories", h::stories_index);
  r.get("/spaces/{slug}/stories/new", h::story_new);
  r.post("/spaces/{slug}/stories/new", h::story_create, kStoryForm);
  r.get("/spaces/{slug}/stories/mine", h::mine_index);
  r.get("/spaces/{slug}/stories/mine.json", h::mine_download);
  r.get("/spaces/{slug}/stories/partners", h::partners_page);
  r.post("/spaces/{slug}/stories/partners", h::partner_create);
  r.post("/spaces/{slug}/stories/partners/organisations", h::organisation_create);
  r.post("/spaces/{slug}/stories/partners/{user_id}/remove", h::partner_remove);
  r.get("/spaces/{slug}/stories/consent", h::consent_page);
  r.post("/spaces/{slug}/stories/consent", h::consent_update, kStoryForm);
  r.get("/spaces/{slug}/stories/{id}", h::story_show);
  r.get("/spaces/{slug}/stories/{id}/versions", h::versions_page);
  r.get("/spaces/{slug}/stories/{id}/edit", h::story_edit);
  r.post("/spaces/{slug}/stories/{id}/edit", h::story_update, kStoryForm);
  r.get("/spaces/{slug}/stories/{id}/withdraw", h::withdraw_form);
  r.post("/spaces/{slug}/stories/{id}/withdraw", h::withdraw_submit);
  r.post("/spaces/{slug}/stories/{id}/hold", h::hold_submit);
  r.post("/spaces/{slug}/stories/{id}/release", h::release_submit);
  r.get("/spaces/{slug}/stories/{id}/suggest", h::suggest_form);
  r.post("/spaces/{slug}/stories/{id}/suggest", h::suggest_submit, kStoryForm);
  r.post("/spaces/{slug}/stories/{id}/suggestions/{sid}", h::suggestion_decide);
  r.post("/spaces/{slug}/stories/{id}/responses", h::answer_submit, kStoryForm);
  r.get("/spaces/{slug}/stories/{id}/responses/{rid}/edit", h::answer_edit);
  r.post("/spaces/{slug}/stories/{id}/responses/{rid}/edit", h::answer_update, kStoryForm);

  // Stories shared before search existed (migration 0026) are indexed now: SQL cannot stem.
  commands::index_unindexed(app);

  app.on_erase.push_back([](store::Conn& c, std::int64_t user_id) { commands::erase_person(c, user_id); });
  app.exporters.push_back([&app](store::Conn& c, std::int64_t user_id) {
    return std::pair<std::string, std::string>("stories", commands::export_person(app, c, user_id));
  });
}

Result<std::int64_t> list_organisation(Services& app, std::int64_t space_id, std::int64_t steward_id,
                                       const std::string& name) {
  return commands::add_organisation(app, space_id, steward_id, name);
}

Result<void> add_partner(Services& app, std::int64_t space_id, std::int64_t steward_id, const std::string& email,
                         std::int64_t organisation_id) {
  return commands::add_partner(app, space_id, steward_id, email, organisation_id);
}

Result<std::int64_t> share_story(Services& app, std::int64_t space_id, std::int64_t user_id, const NewStory& story) {
  StoryInput in{story.title,    story.body,     story.content_note, story.topics,
                story.audience, story.shown_as, story.pseudonym,    true};
  return commands::share_story(app, space_id, user_id, in, story.about);
}

std::vector<OrganisationRef> organisations_of(store::Conn& c, std::int64_t space_id) {
  std::vector<OrganisationRef> out;
  for (const auto& o : repo::organisations(c, space_id)) out.push_back({o.id, o.name});
  return out;
}

std::optional<OrganisationRef> organisation_of(store::Conn& c, std::int64_t space_id, std::int64_t organisation_id) {
  auto o = repo::organisation(c, organisation_id);
  if (!o || o->space_id != space_id) return std::nullopt;
  return OrganisationRef{o->id, o->name};
}

std::optional<OrganisationRef> partner_organisation_of(store::Conn& c, std::int64_t space_id, std::int64_t user_id) {
  if (user_id <= 0 || spaces::role_in(c, space_id, user_id) != spaces::Role::partner) return std::nullopt;
  auto o = repo::partner_organisation(c, space_id, user_id);
  if (!o) return std::nullopt;
  return OrganisationRef{o->id, o->name};
}

std::vector<std::int64_t> partners_of(store::Conn& c, std::int64_t space_id, std::int64_t organisation_id) {
  std::vector<std::int64_t> out;
  for (auto id : repo::partners_of(c, space_id, organisation_id))
    if (spaces::role_in(c, space_id, id) == spaces::Role::partner) out.push_back(id);
  return out;
}

StoryRef story_ref(store::Conn& c, std::int64_t space_id, std::int64_t story_id, const spaces::Subject& subject,
                   std::int64_t user_id) {
  StoryRef ref;
  ref.id = story_id;
  auto s = repo::story(c, story_id);
  if (!s || s->space_id != space_id || s->status == "withdrawn") {
    ref.withdrawn = true;
    return ref;
  }
  permissions::Reader r{subject, subject.signed_in && user_id > 0 && s->author_id && *s->author_id == user_id};
  if (permissions::read_story(r, commands::facts_of(*s))) {
    ref.readable = true;
    ref.title = s->title;
  }
  return ref;
}

std::vector<StoryRef> readable_stories(store::Conn& c, std::int64_t space_id, const spaces::Subject& subject,
                                       std::int64_t user_id) {
  std::vector<StoryRef> out;
  for (const auto& s : repo::stories_in(c, space_id)) {
    permissions::Reader r{subject, subject.signed_in && user_id > 0 && s.author_id && *s.author_id == user_id};
    if (permissions::read_story(r, commands::facts_of(s))) out.push_back({s.id, false, true, s.title});
  }
  return out;
}

std::vector<ConcernFacts> concerns(store::Conn& c, std::int64_t space_id) { return repo::concerns(c, space_id); }

Result<std::int64_t> answer_story(Services& app, std::int64_t story_id, std::int64_t user_id, const std::string& body) {
  return commands::answer(app, story_id, user_id, body);
}

ConcernTotals concern_totals(store::Conn& c, std::int64_t space_id) { return repo::concern_totals(c, space_id); }

std::int64_t answered_concerns_among(store::Conn& c, std::int64_t space_id,
                                     const std::vector<std::int64_t>& story_ids) {
  return repo::answered_concerns_among(c, space_id, story_ids);
}

std::vector<StoryRef> story_refs(store::Conn& c, std::int64_t space_id, const std::vector<std::int64_t>& story_ids,
                                 const spaces::Subject& subject, std::int64_t user_id) {
  std::map<std::int64_t, repo::StoryRow> found;
  for (auto& s : repo::stories_by_id(c, story_ids)) found.emplace(s.id, std::move(s));
  std::vector<StoryRef> out;
  out.reserve(story_ids.size());
  for (auto id : story_ids) {
    StoryRef ref;
    ref.id = id;
    auto it = found.find(id);
    if (it == found.end() || it->second.space_id != space_id || it->second.status == "withdrawn") {
      ref.withdrawn = true;
    } else {
      const auto& s = it->second;
      permissions::Reader r{subject, subject.signed_in && user_id > 0 && s.author_id && *s.author_id == user_id};
      if (permissions::read_story(r, commands::facts_of(s))) {
        ref.readable = true;
        ref.title = s.title;
      }
    }
    out.push_back(std::move(ref));
  }
  return out;
}

std::optional<Storyteller> storyteller(store::Conn& c, std::int64_t space_id, std::int64_t story_id) {
  auto s = repo::story(c, story_id);
  if (!s || s->space_id != space_id || s->status == "withdrawn" || !s->author_id) return std::nullopt;
  return Storyteller{*s->author_id, s->title};
}

namespace {

struct NoteSources {
  std::vector<StoryNotes> sources;  // added at start-up, read after
};

}  // namespace

void add_story_notes(Services& app, StoryNotes source) { app.kept<NoteSources>().sources.push_back(std::move(source)); }

namespace commands {

std::map<std::int64_t, std::vector<std::string>> story_notes(Services& app, std::int64_t space_id,
                                                             const std::vector<std::int64_t>& story_ids) {
  std::map<std::int64_t, std::vector<std::string>> out;
  if (story_ids.empty()) return out;
  for (const auto& source : app.kept<NoteSources>().sources)
    for (auto& [id, lines] : source(app, space_id, story_ids))
      for (auto& line : lines) out[id].push_back(std::move(line));
  return out;
}

}  // namespace commands

}  // namespace hs::stories
