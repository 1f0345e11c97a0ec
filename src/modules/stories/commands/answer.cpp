// Answers to a story: a partner's public response for their organisation, or its
// author's reply, so that a story becomes a conversation. Every edit keeps the earlier
// words as versions. Each answer is in the decision log by id and organisation only; the
// author is emailed (after commit) when a partner responds.
#include <set>

#include "core/view.hpp"
#include "modules/accounts/module.hpp"
#include "modules/spaces/module.hpp"
#include "modules/stories/commands/commands.hpp"
#include "modules/stories/commands/support.hpp"
#include "services/services.hpp"
#include "store/db.hpp"

namespace hs::stories::commands {

namespace {

struct Told {
  std::int64_t response_id = 0;
  std::optional<std::int64_t> author_id;  // to email
  std::vector<std::int64_t> partners;     // the author replied: who answers for the organisations that responded
  std::string space_name, space_slug, organisation, title;
  std::int64_t story_id = 0;
};

}  // namespace

Result<std::int64_t> answer(Services& app, std::int64_t story_id, std::int64_t user_id, const std::string& body) {
  const auto now = app.clock->now();
  auto saved = app.store->write([&](store::Conn& c) -> Result<Told> {
    auto s = repo::story(c, story_id);
    if (!s) return fail(ErrorCode::not_found, "stories_not_found");
    auto who = reader_in(c, s->space_id, user_id, s->author_id);
    const auto facts = facts_of(*s);
    if (!permissions::read_story(who, facts)) return fail(ErrorCode::not_found, "stories_not_found");
    const bool responds = permissions::respond(who, facts);
    if (!responds && !permissions::reply(who, facts)) return fail(ErrorCode::forbidden, "stories_not_allowed_answer");
    // A reply answers someone: the author's own words are the story itself.
    const auto earlier = repo::responses(c, story_id);
    if (!responds && earlier.empty()) return fail(ErrorCode::conflict, "stories_reply_needs_response");
    auto text = validate_response(body);
    if (!text) return fail(text.error());
    Told t;
    t.story_id = story_id;
    std::optional<std::int64_t> organisation_id;
    if (responds) {
      auto org = repo::partner_organisation(c, s->space_id, user_id);
      if (!org) return fail(ErrorCode::forbidden, "stories_no_organisation");
      organisation_id = org->id;
      t.organisation = org->name;
      t.author_id = s->author_id;
    }
    t.response_id = repo::insert_response(c, story_id, responds ? "response" : "reply", user_id, organisation_id, now);
    repo::insert_response_version(c, t.response_id, 1, *text, now);
    index_story(c, story_id);
    if (auto space = spaces::space_by_id(c, s->space_id)) {
      t.space_name = space->name;
      t.space_slug = space->slug;
    }
    t.title = s->title;
    // The author's reply goes to those who answer for each organisation that responded.
    if (!responds) {
      std::set<std::int64_t> orgs;
      for (const auto& r : earlier)
        if (r.kind == "response" && r.organisation_id) orgs.insert(*r.organisation_id);
      std::set<std::int64_t> people;
      for (auto o : orgs)
        for (auto p : repo::partners_of(c, s->space_id, o))
          if (p != user_id) people.insert(p);
      t.partners.assign(people.begin(), people.end());
    }
    audit::Fields entry = {{"story", story_id}, {"response", t.response_id}};
    if (organisation_id) entry.emplace_back("organisation", *organisation_id);
    if (auto ok = record(app, c, s->space_id, responds ? "story.responded" : "story.replied", entry); !ok)
      return fail(ok.error());
    return t;
  });
  if (!saved) return fail(saved.error());
  if (saved->author_id) {
    View v;
    v.set("space", saved->space_name);
    v.set("organisation", saved->organisation);
    v.set("title", saved->title);
    v.set("link", app.link("/spaces/" + saved->space_slug + "/stories/" + std::to_string(saved->story_id)));
    accounts::email_person(app, *saved->author_id, "stories_email_response_subject",
                           {{"organisation", saved->organisation}}, "stories_response", v);
  }
  if (!saved->partners.empty()) {
    // Never who wrote the story: an anonymous author stays anonymous.
    View v;
    v.set("space", saved->space_name);
    v.set("title", saved->title);
    v.set("link", app.link("/spaces/" + saved->space_slug + "/stories/" + std::to_string(saved->story_id)));
    for (auto p : saved->partners)
      accounts::email_person(app, p, "stories_email_reply_subject", {}, "stories_reply", v);
  }
  return saved->response_id;
}

Result<void> edit_response(Services& app, std::int64_t story_id, std::int64_t response_id, std::int64_t user_id,
                           const std::string& body) {
  const auto now = app.clock->now();
  return app.store->write([&](store::Conn& c) -> Result<void> {
    auto s = repo::story(c, story_id);
    auto r = repo::response(c, response_id);
    if (!s || !r || r->story_id != story_id) return fail(ErrorCode::not_found, "stories_not_found");
    auto who = reader_in(c, s->space_id, user_id, s->author_id);
    const auto facts = facts_of(*s);
    if (!permissions::read_story(who, facts)) return fail(ErrorCode::not_found, "stories_not_found");
    if (!r->author_id || *r->author_id != user_id || facts.status == Status::withdrawn)
      return fail(ErrorCode::forbidden, "stories_not_yours");
    auto text = validate_response(body);
    if (!text) return fail(text.error());
    if (*text == r->body) return {};
    repo::insert_response_version(c, response_id, r->number + 1, *text, now);
    repo::touch_response(c, response_id, now);
    index_story(c, story_id);
    return record(app, c, s->space_id, "story.response_edited",
                  {{"story", story_id}, {"response", response_id}, {"version", r->number + 1}});
  });
}

}  // namespace hs::stories::commands
