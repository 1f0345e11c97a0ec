#include "modules/stories/module.hpp"

#include "modules/stories/commands/commands.hpp"
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

Result<std::int64_t> answer_story(Services& app, std::int64_t story_id, std::int64_t user_id, const std::string& body) {
  return commands::answer(app, story_id, user_id, body);
}

}  // namespace hs::stories
