#pragma once
// The only place the events module's SQL lives. Functions take a connection, so the
// caller decides the transaction.
#include <cstdint>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "modules/events/records.hpp"
#include "modules/events/rules/cloud.hpp"
#include "modules/events/rules/fields.hpp"
#include "modules/events/rules/poll.hpp"

namespace hs::store {
class Conn;
}

namespace hs::events::repo {

using events::EntryRow;
using events::EventRow;
using events::ItemRow;
using events::QuestionRow;

struct ParticipantRow {
  std::int64_t id = 0, event_id = 0;
  std::optional<std::string> nickname;
  bool stepped_out = false;
};
struct RegistrationRow {
  std::int64_t user_id = 0, registered_at = 0;
};
struct MyRegistration {
  std::int64_t event_id = 0;
  std::string title;
  std::int64_t starts_at = 0, registered_at = 0;
};

std::int64_t insert_event(store::Conn& c, std::int64_t space_id, const EventFields& f, const std::string& code,
                          std::int64_t created_by, std::int64_t now);
void update_event(store::Conn& c, std::int64_t event_id, const EventFields& f);
std::optional<EventRow> event_by_id(store::Conn& c, std::int64_t id);
std::optional<std::int64_t> event_id_by_code(store::Conn& c, const std::string& code);
std::vector<EventRow> events_of_space(store::Conn& c, std::int64_t space_id);
void set_support(store::Conn& c, std::int64_t event_id, const std::string& text);
void set_current(store::Conn& c, std::int64_t event_id, std::int64_t item_id);
void clear_current(store::Conn& c, std::int64_t event_id);

std::vector<ItemRow> items(store::Conn& c, std::int64_t event_id);
std::optional<ItemRow> item(store::Conn& c, std::int64_t event_id, std::int64_t item_id);
std::int64_t insert_item(store::Conn& c, std::int64_t event_id, const ItemFields& f);
// The kind and state stay; a poll's options are replaced only when asked (no votes yet).
void update_item(store::Conn& c, std::int64_t item_id, const ItemFields& f, bool replace_options);
// Positions 1, 2, ... in the order given.
void set_positions(store::Conn& c, const std::vector<std::int64_t>& order);
// With its options, votes, questions and entries (ON DELETE CASCADE).
bool delete_item(store::Conn& c, std::int64_t event_id, std::int64_t item_id);
// How many votes, questions and word-cloud entries people gave the item.
std::int64_t answers(store::Conn& c, std::int64_t item_id);
void set_state(store::Conn& c, std::int64_t item_id, const std::string& state);
void set_revealed(store::Conn& c, std::int64_t item_id, bool revealed);
// The question shown large on the presenter (nothing: none).
void set_shown_question(store::Conn& c, std::int64_t item_id, std::optional<std::int64_t> question_id);

std::optional<ParticipantRow> participant_by_token(store::Conn& c, const std::string& token_hash);
std::optional<ParticipantRow> participant_of_member(store::Conn& c, std::int64_t event_id, std::int64_t user_id);
std::int64_t insert_participant(store::Conn& c, std::int64_t event_id, const std::optional<std::string>& token_hash,
                                std::optional<std::int64_t> user_id, const std::optional<std::string>& nickname,
                                std::int64_t now);
void set_stepped_out(store::Conn& c, std::int64_t participant_id, std::optional<std::int64_t> at);
void set_nickname(store::Conn& c, std::int64_t participant_id, const std::string& nickname);
// Nicknames of those stepped out ("" for none given).
std::vector<std::string> stepped_out(store::Conn& c, std::int64_t event_id);
// How many have joined the event on the day (by code or signed in).
std::int64_t joined_count(store::Conn& c, std::int64_t event_id);

std::vector<PollOption> options(store::Conn& c, std::int64_t item_id);
void clear_votes(store::Conn& c, std::int64_t item_id, std::int64_t participant_id);
void insert_vote(store::Conn& c, std::int64_t item_id, std::int64_t option_id, std::int64_t participant_id,
                 std::int64_t now);
std::vector<std::int64_t> votes(store::Conn& c, std::int64_t item_id);
std::int64_t voters(store::Conn& c, std::int64_t item_id);
std::vector<std::int64_t> my_votes(store::Conn& c, std::int64_t item_id, std::int64_t participant_id);

std::int64_t insert_question(store::Conn& c, std::int64_t item_id, std::int64_t participant_id, const std::string& body,
                             bool anonymous, const std::string& status, std::int64_t now);
std::vector<QuestionRow> questions(store::Conn& c, std::int64_t item_id);
std::optional<QuestionRow> question(store::Conn& c, std::int64_t item_id, std::int64_t question_id);
// false when this participant had already voted for it.
bool add_question_vote(store::Conn& c, std::int64_t question_id, std::int64_t participant_id);
std::vector<std::int64_t> my_question_votes(store::Conn& c, std::int64_t item_id, std::int64_t participant_id);
void set_question_status(store::Conn& c, std::int64_t question_id, const std::string& status);
void set_answered(store::Conn& c, std::int64_t question_id, bool answered);

std::int64_t insert_entry(store::Conn& c, std::int64_t item_id, std::int64_t participant_id, const std::string& body,
                          std::int64_t now);
std::vector<EntryRow> entries(store::Conn& c, std::int64_t item_id);
std::int64_t count_entries_of(store::Conn& c, std::int64_t item_id, std::int64_t participant_id);
// A word cloud's moderation, one decision a row.
std::vector<CloudDecision> moderation(store::Conn& c, std::int64_t item_id);
void replace_moderation(store::Conn& c, std::int64_t item_id, const std::vector<CloudDecision>& rows);
bool delete_entry(store::Conn& c, std::int64_t item_id, std::int64_t entry_id, std::int64_t participant_id);

// false when already registered (add) or not registered (remove).
bool add_registration(store::Conn& c, std::int64_t event_id, std::int64_t user_id, std::int64_t now);
bool remove_registration(store::Conn& c, std::int64_t event_id, std::int64_t user_id);
bool is_registered(store::Conn& c, std::int64_t event_id, std::int64_t user_id);
std::vector<RegistrationRow> registrations(store::Conn& c, std::int64_t event_id);  // in the order they came
// Every participant of the event with how many things they added: words to clouds, polls
// answered, questions asked, named breakout notes, turns speaking (participant id, count;
// zeros included).
std::vector<std::pair<std::int64_t, std::int64_t>> contributions(store::Conn& c, std::int64_t event_id);
// All of them added up: what the run page's live signature follows.
std::int64_t contribution_total(store::Conn& c, std::int64_t event_id);
// The accounts of the members who joined the event on the day.
std::vector<std::int64_t> joined_members(store::Conn& c, std::int64_t event_id);
std::vector<MyRegistration> registrations_of(store::Conn& c, std::int64_t user_id);
void erase_registrations(store::Conn& c, std::int64_t user_id);

}  // namespace hs::events::repo
