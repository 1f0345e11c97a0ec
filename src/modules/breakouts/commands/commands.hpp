#pragma once
// The breakouts module's use cases. Each write is one transaction; after commit the
// event's live channel hears of it (events::live::changed).
#include <cstdint>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "core/error.hpp"
#include "modules/breakouts/records.hpp"
#include "modules/breakouts/rules/round.hpp"
#include "modules/events/module.hpp"
#include "services/fwd.hpp"

namespace hs::web {
class App;
}

namespace hs::breakouts::commands {

using events::commands::Access;

Result<std::int64_t> add_round(Services& app, const Access& a, const RoundInput& in);

// The assignment's own figures, as the facilitator sees them.
struct Assigned {
  std::int64_t people = 0, groups = 0, repeat_meetings = 0, violations = 0;
  double attribute_spread = 0;         // the largest over the spread attributes
  std::optional<std::int64_t> equality_people;  // whose equality answers were used (they agreed), when asked
  std::vector<std::string> unmatched;  // csv: names that match nobody here
  std::vector<CsvProblem> problems;    // csv: lines that could not be read
};
// Balanced: plans the round over everyone taking part now (hosts: facilitators and
// stewards), meeting as few people again as possible from earlier rounds.
// Self-select: makes empty groups enough for everyone, for people to pick.
Result<Assigned> assign(Services& app, const Access& a, std::int64_t round_id, Mode mode);
// Pre-assigned from CSV ("name,group" lines).
Result<Assigned> import_csv(Services& app, const Access& a, std::int64_t round_id, const std::string& csv);
// Manual: moves a person to a group (group number; one past the last makes a new
// group); 0 takes them out of the round.
Result<bool> move_person(Services& app, const Access& a, std::int64_t round_id, std::int64_t participant_id,
                         std::int64_t group_number);
Result<bool> start_round(Services& app, const Access& a, std::int64_t round_id);
Result<bool> broadcast(Services& app, const Access& a, std::int64_t round_id, const std::string& text);
Result<bool> end_round(Services& app, const Access& a, std::int64_t round_id);
Result<bool> resolve_help(Services& app, const Access& a, std::int64_t round_id, std::int64_t help_id);

// Participants
Result<bool> choose_group(Services& app, const Access& a, std::int64_t round_id, std::int64_t group_id);
// named: the author agrees to be shown by name; for_group: a host writing for the group.
Result<std::int64_t> add_note(Services& app, const Access& a, std::int64_t round_id, const std::string& body,
                              bool named, bool for_group);
Result<bool> ask_help(Services& app, const Access& a, std::int64_t round_id);

// Reading
struct Member {
  std::int64_t participant_id = 0;
  std::string name;  // told apart from others of the same name
  bool host = false;
  bool present = true;  // here now (services/presence.hpp)
};
struct Note {
  std::int64_t id = 0, group_number = 0, round_number = 0, created_at = 0;
  std::optional<std::string> author;  // only when the author chose to be named
  bool for_group = false;
  std::string body;
  std::optional<std::int64_t> theme_id;
};
struct Group {
  std::int64_t id = 0, number = 0, notes = 0;
  std::vector<Member> members;
  bool help_open = false;
};
struct RoundView {
  RoundRow round;
  std::vector<std::string> prompts;
  std::vector<Group> groups;
  std::vector<Member> unplaced;  // here now, in no group
  std::vector<Member> present;   // here now, in joining order
  NamePairs apart, together;     // the round's pairs, by name as the facilitator sees them
  std::vector<HelpRow> help;
};
std::vector<RoundRow> rounds(Services& app, std::int64_t event_id);

// --- who is here (commands/presence.cpp) ---------------------------------------------------
// A page without JavaScript counts its person as here for this long after it loaded.
constexpr std::int64_t kPresentWindow = 180;
// How Presence names a participant on the event's topic.
std::string presence_key(std::int64_t participant_id);
// Participants of the event who are here now (connected, or a page loaded lately).
std::set<std::int64_t> present_ids(Services& app, std::int64_t event_id);
// Counts the participant as here now, as a page load of theirs would (the demo seed).
void mark_present(Services& app, std::int64_t event_id, std::int64_t participant_id);
// Here now and not stepped out, by name as the facilitator sees it, in joining order.
std::vector<Member> present_people(Services& app, std::int64_t event_id);
// Ends the running round when it ends by itself and its countdown has passed; after
// commit the live channel hears of it. Called on requests and live snapshots.
bool settle(Services& app, std::int64_t event_id);
std::optional<RoundView> round_view(Services& app, std::int64_t event_id, std::int64_t round_id);
// The person's own group in a round, with its notes; nothing when they have none.
struct MyGroup {
  RoundRow round;
  std::vector<std::string> prompts;
  Group group;
  bool host = false;
  std::int64_t me = 0;  // the person's participant record
  std::vector<Note> notes;
};
std::optional<MyGroup> my_group(Services& app, const Access& a, std::int64_t round_id);
std::optional<RoundRow> running_round(Services& app, std::int64_t event_id);
std::vector<Note> notes_of_event(Services& app, std::int64_t event_id);

}  // namespace hs::breakouts::commands

namespace hs::breakouts::commands {

// --- themes: what the groups said, gathered by the facilitator ----------------------------

struct ThemeView {
  ThemeRow theme;
  std::vector<Note> notes;
};
struct Themes {
  std::vector<ThemeView> themes;  // in order
  std::vector<Note> loose;        // notes in no theme yet
};
Themes themes(Services& app, std::int64_t event_id);
// Named notes of one group by their author (participant id): for the group's spread of who
// was heard. Anonymous notes keep no author, so they count for nobody.
std::map<std::int64_t, std::int64_t> named_notes_in_group(Services& app, std::int64_t group_id);

// A suggested first grouping of the notes not yet in a theme (computed, not saved).
struct Suggested {
  std::string title;
  std::vector<std::int64_t> note_ids;
  bool other = false;
};
Result<std::vector<Suggested>> suggest(Services& app, const Access& a);
// Saves the suggestion as themes (computed again: the same notes give the same themes).
Result<std::int64_t> accept_suggestion(Services& app, const Access& a);

// Field error "title".
Result<std::int64_t> add_theme(Services& app, const Access& a, const std::string& title);
Result<bool> rename_theme(Services& app, const Access& a, std::int64_t theme_id, const std::string& title);
// Removes the theme; its notes go back to "not in a theme" (nothing anyone said is lost).
Result<bool> remove_theme(Services& app, const Access& a, std::int64_t theme_id);
// direction: -1 up, +1 down.
Result<bool> move_theme(Services& app, const Access& a, std::int64_t theme_id, int direction);
// theme_id 0: out of any theme.
Result<bool> place_note(Services& app, const Access& a, std::int64_t note_id, std::int64_t theme_id);

// Erasure (inside its transaction, through events::add_participant_eraser) and
// "download my data".
void erase_participants(store::Conn& c, const std::vector<std::int64_t>& participant_ids);
std::string export_person(store::Conn& c, std::int64_t user_id);

}  // namespace hs::breakouts::commands
