// Sharing a story and the author's edits: the words are kept verbatim, each change of
// them a new version; the author's choices (who may read, how they are shown) and their
// agreement to the consent text are renewed with every edit. Recorded in the decision log
// by id and choices only: the words and the person stay out of it.
#include "core/crypto.hpp"
#include "core/view.hpp"
#include "modules/accounts/module.hpp"
#include "modules/spaces/module.hpp"
#include "modules/stories/commands/commands.hpp"
#include "modules/stories/commands/support.hpp"
#include "services/services.hpp"
#include "store/db.hpp"

namespace hs::stories::commands {

namespace {

Consent consent_in(Services& app, store::Conn& c, std::int64_t space_id) {
  Consent out;
  if (auto own = repo::consent_text(c, space_id)) {
    out.version = own->first;
    out.body = own->second;
  } else {
    out.body = app.words->t("stories_consent_text");
  }
  out.sha256 = crypto::sha256_hex(out.body);
  return out;
}

std::optional<std::string> note(const StoryFields& f) {
  return f.content_note.empty() ? std::nullopt : std::optional<std::string>(f.content_note);
}

std::optional<std::string> pseudonym(const StoryFields& f) {
  return f.shown_as == ShownAs::pseudonym ? std::optional<std::string>(f.pseudonym) : std::nullopt;
}

}  // namespace

Consent consent(Services& app, std::int64_t space_id) {
  return app.store->with([&](store::Conn& c) { return consent_in(app, c, space_id); });
}

namespace {

// A partner to tell of a new story about their organisation.
struct ToTell {
  std::int64_t user_id = 0;
  std::string organisation;
};

}  // namespace

Result<std::int64_t> share_story(Services& app, std::int64_t space_id, std::int64_t user_id, const StoryInput& in,
                                 const std::vector<std::int64_t>& about) {
  const auto now = app.clock->now();
  std::vector<ToTell> tell;
  std::string space_name, space_slug, title;
  auto shared = app.store->write([&](store::Conn& c) -> Result<std::int64_t> {
    auto who = reader_in(c, space_id, user_id, std::nullopt);
    if (!permissions::write_story(who.subject)) return fail(ErrorCode::forbidden, "stories_not_allowed");
    auto f = validate_story(in);
    auto orgs = check_about(c, space_id, about);
    if (!f || !orgs) {
      Validation v;
      if (!f)
        for (const auto& e : f.error().fields) v.add(e.field, e.message_key);
      if (!orgs)
        for (const auto& e : orgs.error().fields) v.add(e.field, e.message_key);
      return fail(v.error());
    }
    const auto agreed = consent_in(app, c, space_id);
    repo::StoryRow row;
    row.space_id = space_id;
    row.author_id = user_id;
    row.status = std::string(to_string(Status::published));
    row.audience = std::string(to_string(f->audience));
    row.shown_as = std::string(to_string(f->shown_as));
    row.pseudonym = pseudonym(*f);
    row.consent_version = agreed.version;
    row.consent_sha256 = agreed.sha256;
    row.consented_at = now;
    row.created_at = now;
    row.updated_at = now;
    const auto id = repo::insert_story(c, row);
    repo::insert_version(c, id, 1, f->title, f->body, note(*f), now);
    repo::set_topics(c, id, f->topics);
    repo::set_about(c, id, about);
    index_story(c, id);
    if (auto ok = record(app, c, space_id, "story.shared",
                         {{"story", id},
                          {"audience", row.audience},
                          {"shown_as", row.shown_as},
                          {"consent_version", agreed.version},
                          {"consent_sha256", agreed.sha256}});
        !ok)
      return fail(ok.error());
    // The organisations it is about are told, when their partners may read it: the story
    // goes to the services it names. Never who wrote it.
    if (f->audience != Audience::members) {
      for (auto org_id : about) {
        auto org = repo::organisation(c, org_id);
        if (!org) continue;
        for (auto partner : repo::partners_of(c, space_id, org_id))
          if (partner != user_id) tell.push_back({partner, org->name});
      }
      if (auto space = spaces::space_by_id(c, space_id)) {
        space_name = space->name;
        space_slug = space->slug;
      }
      title = f->title;
    }
    return id;
  });
  if (!shared) return shared;
  for (const auto& p : tell) {
    View v;
    v.set("space", space_name);
    v.set("organisation", p.organisation);
    v.set("title", title);
    v.set("link", app.link("/spaces/" + space_slug + "/stories/" + std::to_string(*shared)));
    accounts::email_person(app, p.user_id, "stories_email_new_story_subject", {{"organisation", p.organisation}},
                           "stories_new_story", v);
  }
  return shared;
}

Result<void> edit_story(Services& app, std::int64_t story_id, std::int64_t user_id, const StoryInput& in,
                        const std::vector<std::int64_t>& about) {
  const auto now = app.clock->now();
  return app.store->write([&](store::Conn& c) -> Result<void> {
    auto s = repo::story(c, story_id);
    if (!s) return fail(ErrorCode::not_found, "stories_not_found");
    auto who = reader_in(c, s->space_id, user_id, s->author_id);
    const auto facts = facts_of(*s);
    if (!permissions::read_story(who, facts) && !who.is_author) return fail(ErrorCode::not_found, "stories_not_found");
    if (!permissions::edit_story(who, facts)) return fail(ErrorCode::forbidden, "stories_not_yours");
    if (auto ok = check_may_edit(facts.status); !ok) return fail(ok.error());
    auto f = validate_story(in);
    auto orgs = check_about(c, s->space_id, about);
    if (!f || !orgs) {
      Validation v;
      if (!f)
        for (const auto& e : f.error().fields) v.add(e.field, e.message_key);
      if (!orgs)
        for (const auto& e : orgs.error().fields) v.add(e.field, e.message_key);
      return fail(v.error());
    }
    const auto agreed = consent_in(app, c, s->space_id);
    std::int64_t number = s->number;
    if (words_changed(*f, s->title, s->body, s->content_note.value_or(""))) {
      number = s->number + 1;
      repo::insert_version(c, story_id, number, f->title, f->body, note(*f), now);
    }
    repo::set_choices(c, story_id, std::string(to_string(f->audience)), std::string(to_string(f->shown_as)),
                      pseudonym(*f), agreed.version, agreed.sha256, now);
    repo::set_topics(c, story_id, f->topics);
    repo::set_about(c, story_id, about);
    index_story(c, story_id);
    return record(app, c, s->space_id, "story.edited",
                  {{"story", story_id},
                   {"version", number},
                   {"audience", std::string(to_string(f->audience))},
                   {"shown_as", std::string(to_string(f->shown_as))},
                   {"consent_version", agreed.version},
                   {"consent_sha256", agreed.sha256}});
  });
}

Result<void> withdraw_story(Services& app, std::int64_t story_id, std::int64_t user_id) {
  const auto now = app.clock->now();
  return app.store->write([&](store::Conn& c) -> Result<void> {
    auto s = repo::story(c, story_id);
    if (!s) return fail(ErrorCode::not_found, "stories_not_found");
    auto who = reader_in(c, s->space_id, user_id, s->author_id);
    const auto facts = facts_of(*s);
    if (!who.is_author) return fail(ErrorCode::not_found, "stories_not_found");
    if (auto ok = check_may_withdraw(facts.status); !ok) return fail(ok.error());
    if (!permissions::withdraw_story(who, facts)) return fail(ErrorCode::forbidden, "stories_not_yours");
    repo::set_withdrawn(c, story_id, now);
    index_story(c, story_id);  // out of the search at once
    return record(app, c, s->space_id, "story.withdrawn", {{"story", story_id}});
  });
}

}  // namespace hs::stories::commands
