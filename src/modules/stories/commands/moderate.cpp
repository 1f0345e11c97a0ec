// What facilitators do for safety: hold a story back with a reason its author sees,
// release it, and suggest a change of words that only the author can accept. They never
// change the words themselves: an accepted suggestion becomes the author's next version.
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

}  // namespace

Result<void> hold_story(Services& app, std::int64_t story_id, std::int64_t user_id, const std::string& reason) {
  const auto now = app.clock->now();
  return app.store->write([&](store::Conn& c) -> Result<void> {
    auto f = moderated(c, story_id, user_id);
    if (!f) return fail(f.error());
    if (auto ok = check_may_hold(f->facts.status); !ok) return fail(ok.error());
    auto r = validate_reason(reason);
    if (!r) return fail(r.error());
    repo::set_held(c, story_id, *r, now);
    return record(app, c, f->story.space_id, "story.held", {{"story", story_id}});
  });
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
  return app.store->write([&](store::Conn& c) -> Result<std::int64_t> {
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
    return id;
  });
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
