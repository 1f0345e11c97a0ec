// What facilitators do for safety: hold a story back with a reason its author sees,
// release it, and suggest a change of words that only the author can accept. They never
// change the words themselves: an accepted suggestion becomes the author's next version.
#include "core/view.hpp"
#include "modules/accounts/module.hpp"
#include "modules/spaces/module.hpp"
#include "modules/stories/commands/commands.hpp"
#include "modules/stories/commands/support.hpp"
#include "services/services.hpp"
#include "store/db.hpp"

namespace hs::stories::commands {

namespace {

struct Found {
  repo::StoryRow story;
  permissions::Reader who;
  permissions::StoryFacts facts;
};

Result<Found> moderated(store::Conn& c, std::int64_t story_id, std::int64_t user_id) {
  auto s = repo::story(c, story_id);
  if (!s) return fail(ErrorCode::not_found, "stories_not_found");
  Found f{*s, reader_in(c, s->space_id, user_id, s->author_id), facts_of(*s)};
  if (!permissions::read_story(f.who, f.facts)) return fail(ErrorCode::not_found, "stories_not_found");
  if (!permissions::moderate(f.who, f.facts)) return fail(ErrorCode::forbidden, "stories_not_moderator");
  return f;
}

// What the author is told by email, after commit: a hold or a suggestion, with the reason
// and where to see it (their story's page, where they answer a suggestion).
struct Tell {
  std::int64_t author_id = 0;
  View v;
};

Tell tell_of(Services& app, store::Conn& c, const repo::StoryRow& s, const std::string& reason) {
  Tell t;
  t.author_id = s.author_id.value_or(0);
  t.v.set("title", s.title);
  t.v.set("reason", reason);
  if (auto space = spaces::space_by_id(c, s.space_id)) {
    t.v.set("space", space->name);
    t.v.set("link", app.link("/spaces/" + space->slug + "/stories/" + std::to_string(s.id)));
  }
  return t;
}

void send(Services& app, const std::optional<Tell>& t, const char* subject, const char* body) {
  if (t && t->author_id) accounts::email_person(app, t->author_id, subject, {}, body, t->v);
}

}  // namespace

Result<void> hold_story(Services& app, std::int64_t story_id, std::int64_t user_id, const std::string& reason) {
  const auto now = app.clock->now();
  std::optional<Tell> tell;
  auto r = app.store->write([&](store::Conn& c) -> Result<void> {
    auto f = moderated(c, story_id, user_id);
    if (!f) return fail(f.error());
    if (auto ok = check_may_hold(f->facts.status); !ok) return fail(ok.error());
    auto r = validate_reason(reason);
    if (!r) return fail(r.error());
    repo::set_held(c, story_id, *r, now);
    tell = tell_of(app, c, f->story, *r);
    return record(app, c, f->story.space_id, "story.held", {{"story", story_id}});
  });
  if (r) send(app, tell, "stories_email_held_subject", "stories_held");
  return r;
}

Result<void> release_story(Services& app, std::int64_t story_id, std::int64_t user_id) {
  const auto now = app.clock->now();
  return app.store->write([&](store::Conn& c) -> Result<void> {
    auto f = moderated(c, story_id, user_id);
    if (!f) return fail(f.error());
    if (auto ok = check_may_release(f->facts.status); !ok) return fail(ok.error());
    repo::set_released(c, story_id, now);
    return record(app, c, f->story.space_id, "story.released", {{"story", story_id}});
  });
}

Result<std::int64_t> suggest_change(Services& app, std::int64_t story_id, std::int64_t user_id,
                                    const SuggestionInput& in) {
  const auto now = app.clock->now();
  std::optional<Tell> tell;
  auto made = app.store->write([&](store::Conn& c) -> Result<std::int64_t> {
    auto f = moderated(c, story_id, user_id);
    if (!f) return fail(f.error());
    if (auto ok = check_may_suggest(f->facts.status, repo::open_suggestion(c, story_id).has_value()); !ok)
      return fail(ok.error());
    // The suggested words must be a story the author could have written themselves.
    StoryInput words;
    words.title = in.title;
    words.body = in.body;
    words.content_note = in.content_note;
    words.audience = f->story.audience;
    words.shown_as = "anonymous";
    words.consent = true;
    Validation v;
    auto checked = validate_story(words);
    if (!checked)
      for (const auto& e : checked.error().fields) v.add(e.field, e.message_key);
    auto reason = validate_reason(in.reason);
    if (!reason)
      for (const auto& e : reason.error().fields) v.add(e.field, e.message_key);
    if (!v.ok()) return fail(v.error());
    if (!words_changed(*checked, f->story.title, f->story.body, f->story.content_note.value_or(""))) {
      v.add("body", "stories_suggestion_unchanged");
      return fail(v.error());
    }
    repo::SuggestionRow row;
    row.story_id = story_id;
    row.base_number = f->story.number;
    row.reason = *reason;
    row.title = checked->title;
    row.body = checked->body;
    if (!checked->content_note.empty()) row.content_note = checked->content_note;
    row.suggested_by = user_id;
    row.created_at = now;
    const auto id = repo::insert_suggestion(c, row);
    if (auto ok = record(app, c, f->story.space_id, "story.change_suggested",
                         {{"story", story_id}, {"suggestion", id}, {"version", f->story.number}});
        !ok)
      return fail(ok.error());
    tell = tell_of(app, c, f->story, *reason);
    return id;
  });
  if (made) send(app, tell, "stories_email_suggested_subject", "stories_suggested");
  return made;
}

Result<void> decide_suggestion(Services& app, std::int64_t story_id, std::int64_t suggestion_id, std::int64_t user_id,
                               bool accept) {
  const auto now = app.clock->now();
  return app.store->write([&](store::Conn& c) -> Result<void> {
    auto s = repo::story(c, story_id);
    auto g = repo::suggestion(c, suggestion_id);
    if (!s || !g || g->story_id != story_id) return fail(ErrorCode::not_found, "stories_not_found");
    auto who = reader_in(c, s->space_id, user_id, s->author_id);
    const auto facts = facts_of(*s);
    if (!who.is_author) return fail(ErrorCode::not_found, "stories_not_found");
    if (!permissions::edit_story(who, facts)) return fail(ErrorCode::forbidden, "stories_not_yours");
    auto status = parse_suggestion_status(g->status).value_or(SuggestionStatus::rejected);
    if (auto ok = check_may_decide(status, facts.status, g->base_number, s->number); !ok) return fail(ok.error());
    std::int64_t number = s->number;
    if (accept) {
      number = s->number + 1;
      repo::insert_version(c, story_id, number, g->title, g->body, g->content_note, now);
      repo::touch(c, story_id, now);
      index_story(c, story_id);
    }
    repo::decide_suggestion(c, suggestion_id,
                            std::string(to_string(accept ? SuggestionStatus::accepted : SuggestionStatus::rejected)),
                            now);
    return record(app, c, s->space_id, accept ? "story.change_accepted" : "story.change_rejected",
                  {{"story", story_id}, {"suggestion", suggestion_id}, {"version", number}});
  });
}

}  // namespace hs::stories::commands
