#pragma once
// The breakouts module's SQL: rounds, groups, places, notes, help requests and themes.
#include <cstdint>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "modules/breakouts/records.hpp"

namespace hs::store {
class Conn;
}

namespace hs::breakouts::repo {

using breakouts::HelpRow;
using breakouts::RoundRow;
using breakouts::ThemeRow;

struct GroupRow {
  std::int64_t id = 0, round_id = 0, number = 0;
};
struct PlaceRow {
  std::int64_t participant_id = 0, group_id = 0, group_number = 0;
  bool host = false;
  std::optional<std::int64_t> user_id;
  std::optional<std::string> nickname;
};
// Someone who can be placed: a participant of the event who has not stepped out, with
// their role in the event's space when they are a member.
struct PoolRow {
  std::int64_t participant_id = 0;
  std::optional<std::int64_t> user_id;
  std::optional<std::string> nickname, role;
};
struct NoteRow {
  std::int64_t id = 0, group_id = 0, group_number = 0, round_number = 0, created_at = 0;
  std::optional<std::int64_t> participant_id, user_id;  // named notes only
  std::optional<std::string> nickname;
  bool for_group = false;
  std::string body;
  std::optional<std::int64_t> theme_id;
};

// Rounds
std::int64_t insert_round(store::Conn& c, const RoundRow& r);
std::int64_t next_round_number(store::Conn& c, std::int64_t event_id);
std::vector<RoundRow> rounds_of(store::Conn& c, std::int64_t event_id);
std::optional<RoundRow> round(store::Conn& c, std::int64_t event_id, std::int64_t round_id);
std::optional<RoundRow> running_round(store::Conn& c, std::int64_t event_id);
void set_state(store::Conn& c, std::int64_t round_id, const std::string& state, std::optional<std::int64_t> started_at,
               std::optional<std::int64_t> ends_at, std::optional<std::int64_t> ended_at);
void set_broadcast(store::Conn& c, std::int64_t round_id, const std::string& text, std::int64_t at);
void set_figures(store::Conn& c, std::int64_t round_id, const std::optional<std::string>& figures);
void set_mode(store::Conn& c, std::int64_t round_id, const std::string& mode);

// Groups and places
void clear_groups(store::Conn& c, std::int64_t round_id);
std::int64_t insert_group(store::Conn& c, std::int64_t round_id, std::int64_t number);
std::vector<GroupRow> groups_of(store::Conn& c, std::int64_t round_id);
void put_place(store::Conn& c, std::int64_t round_id, std::int64_t participant_id, std::int64_t group_id, bool host);
void remove_place(store::Conn& c, std::int64_t round_id, std::int64_t participant_id);
std::vector<PlaceRow> places_of(store::Conn& c, std::int64_t round_id);
std::optional<PlaceRow> place_of(store::Conn& c, std::int64_t round_id, std::int64_t participant_id);
std::int64_t group_size(store::Conn& c, std::int64_t group_id);
std::int64_t placed_count(store::Conn& c, std::int64_t round_id);
std::vector<PoolRow> pool(store::Conn& c, std::int64_t event_id);
// Every participant the event ever had, stepped out or not, in joining order (no roles).
std::vector<PoolRow> everyone(store::Conn& c, std::int64_t event_id);
// Pairs of participants who shared a group in the event's rounds before this one that
// were held (started).
std::vector<std::pair<std::int64_t, std::int64_t>> earlier_pairs(store::Conn& c, std::int64_t event_id,
                                                                 std::int64_t before_number);
// Pairs of members (user ids) who shared a group in held rounds of the space's other events.
std::vector<std::pair<std::int64_t, std::int64_t>> space_pairs(store::Conn& c, std::int64_t event_id);

// Notes
std::int64_t insert_note(store::Conn& c, std::int64_t group_id, std::optional<std::int64_t> participant_id,
                         bool for_group, const std::string& body, std::int64_t now);
std::vector<NoteRow> notes_of_group(store::Conn& c, std::int64_t group_id);
std::vector<NoteRow> notes_of_event(store::Conn& c, std::int64_t event_id);
std::int64_t note_count_of_group(store::Conn& c, std::int64_t group_id);

// Notes per group of a round (groups without notes left out).
std::vector<std::pair<std::int64_t, std::int64_t>> note_counts(store::Conn& c, std::int64_t round_id);

// Help
std::int64_t insert_help(store::Conn& c, std::int64_t group_id, std::int64_t now);
bool has_open_help(store::Conn& c, std::int64_t group_id);
std::vector<HelpRow> open_help(store::Conn& c, std::int64_t round_id);
bool resolve_help(store::Conn& c, std::int64_t round_id, std::int64_t help_id, std::int64_t now);

// Themes
std::vector<ThemeRow> themes_of(store::Conn& c, std::int64_t event_id);
std::int64_t insert_theme(store::Conn& c, std::int64_t event_id, const std::string& title);
bool rename_theme(store::Conn& c, std::int64_t event_id, std::int64_t theme_id, const std::string& title);
bool delete_theme(store::Conn& c, std::int64_t event_id, std::int64_t theme_id);
void set_theme_position(store::Conn& c, std::int64_t theme_id, std::int64_t position);
// Puts a note in a theme (moving it out of any other); no theme: takes it out.
void place_note(store::Conn& c, std::int64_t note_id, std::optional<std::int64_t> theme_id);
bool note_in_event(store::Conn& c, std::int64_t event_id, std::int64_t note_id);

// A member's part in breakouts, for erasure and "download my data".
// Erasure: their places in groups go; their named notes stay, with no author.
void forget_participant(store::Conn& c, std::int64_t participant_id);
struct MyPlace {
  std::int64_t event_id = 0;
  std::string event;
  std::int64_t round = 0, group = 0;
  bool host = false;
};
struct MyNote {
  std::int64_t event_id = 0;
  std::string event;
  std::int64_t round = 0, group = 0;
  bool for_group = false;
  std::string body;
  std::int64_t created_at = 0;
};
std::vector<MyPlace> places_of_user(store::Conn& c, std::int64_t user_id);
// Named notes only: an anonymous note keeps no author, so nothing finds it by person.
std::vector<MyNote> notes_of_user(store::Conn& c, std::int64_t user_id);

}  // namespace hs::breakouts::repo
