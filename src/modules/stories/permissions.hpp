#pragma once
// Who may do what with stories: deny-by-default pure predicates over the spaces module's
// view of the person (their role in the story's space) and the story's facts.
#include <vector>

#include "modules/spaces/module.hpp"
#include "modules/stories/rules/story.hpp"

namespace hs::stories::permissions {

// The reader: the spaces module's view of them in the story's space, and whether they
// wrote the story (only ever true when signed in).
struct Reader {
  spaces::Subject subject;
  bool is_author = false;
};

struct StoryFacts {
  Audience audience = Audience::members;
  Status status = Status::withdrawn;
};

// Read a story, see it in lists and in exports:
// - withdrawn: nobody (its author keeps it in their own download);
// - held: its author and the space's facilitators;
// - published: its author; for "members", the space's members in any role (not partners);
//   for "partners", members and partners; for "anyone", everyone who can see the space.
bool read_story(const Reader& r, const StoryFacts& f);
// Every status and audience under which read_story lets this reader read a story: how
// lists and search filter in SQL without a second copy of the rule.
std::vector<StoryFacts> readable_kinds(const Reader& r);
// List the space's stories and share one: members in any role (partners read and answer).
bool view_stories(const spaces::Subject& s);
bool write_story(const spaces::Subject& s);
// The author changes their words, choices and consent, or withdraws, until withdrawn.
bool edit_story(const Reader& r, const StoryFacts& f);
bool withdraw_story(const Reader& r, const StoryFacts& f);
// Facilitators hold a story back, release it, suggest changes; they never edit the words.
bool moderate(const Reader& r, const StoryFacts& f);
// Every version of the words: the author and the facilitators (earlier versions may hold
// what a facilitator asked to be taken out, so nobody else).
bool view_versions(const Reader& r, const StoryFacts& f);
// Partners answer a published story they may read, for their organisation.
bool respond(const Reader& r, const StoryFacts& f);
// The author replies to a published story's responses.
bool reply(const Reader& r, const StoryFacts& f);
// Stewards list the space's partner organisations and give people the partner role.
bool manage_partners(const spaces::Subject& s);

}  // namespace hs::stories::permissions
