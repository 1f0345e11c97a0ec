#pragma once
// The events module's use cases. Each write opens one transaction, applies the rules and
// commits before returning; live subscribers hear about it after the commit.
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "core/error.hpp"
#include "modules/events/cloud.hpp"
#include "modules/events/permissions.hpp"
#include "modules/events/records.hpp"
#include "modules/events/rules/agenda.hpp"
#include "modules/events/rules/cloud.hpp"
#include "modules/events/rules/fields.hpp"
#include "modules/events/rules/poll.hpp"
#include "modules/events/rules/questions.hpp"
#include "services/fwd.hpp"

namespace hs::store {
class Conn;
}

namespace hs::events::commands {

// How the person making a request stands at an event.
struct Access {
  EventRow event;
  Standing standing = Standing::nobody;
  std::int64_t user_id = 0;                    // signed in
  std::optional<std::int64_t> participant_id;  // joined (by code, or as a member who took part)
  bool stepped_out = false;
};
// The sentence that sums a word cloud up for screen readers and the report: how many
// entries, and the word given most.
std::string cloud_summary(Services& app, std::int64_t entries, const std::vector<CloudCount>& shown);

// The person's participant record at the event, inside the caller's transaction: a member
// taking part for the first time gets one (participant_for); existing_participant only
// finds it.
std::int64_t participant_for(store::Conn& c, const Access& a, std::int64_t now);
std::optional<std::int64_t> existing_participant(store::Conn& c, const Access& a);
// Nothing when the event does not exist. token: the participant cookie ("" when none).
std::optional<Access> access(Services& app, std::int64_t event_id, std::optional<std::int64_t> user_id,
                             const std::string& token);
// The standing of a signed-in person in a space ("" role: not a member).
Standing standing_in_space(Services& app, std::int64_t space_id, std::int64_t user_id);

// support_text: where people can find support, shown on every participant page. Never
// left empty: blank is default_support_text.
// Where to find support when nobody has said yet: stepping out, the people running the
// event, and UK helplines (Samaritans, Shout, NHS 111, 999), from the messages.
std::string default_support_text(Services& app);
// What a new event in the space starts from: the space's own text (its stewards and
// facilitators set it), else default_support_text.
std::string starting_support_text(Services& app, std::int64_t space_id);
Result<std::int64_t> create_event(Services& app, std::int64_t space_id, std::int64_t user_id, const EventInput& in,
                                  const std::string& support_text = "");
struct Joined {
  std::int64_t event_id = 0;
  std::string token;  // for the cookie; only its hash is stored
};
// Rate limiting of guesses is the handler's (it knows the address).
// existing_token: the browser's participant cookie; when it belongs to this event, that
// participant comes back (with the new nickname, if one was typed) instead of a new one.
Result<Joined> join_event(Services& app, const std::string& typed_code, const std::string& nickname,
                          const std::string& existing_token = "");

// Title, description, times and the word clouds' language.
Result<bool> update_event(Services& app, std::int64_t event_id, const EventInput& in);

Result<std::int64_t> add_item(Services& app, std::int64_t event_id, const ItemInput& in);
// Everything but the kind. A poll's answers can change only until someone has voted
// (errors name the field `options`).
Result<bool> edit_item(Services& app, std::int64_t event_id, std::int64_t item_id, const ItemInput& in);
// Fails with conflict when it is already first (up) or last (down).
Result<bool> move_item(Services& app, std::int64_t event_id, std::int64_t item_id, Move m);
// Refused (conflict, events_remove_has_answers) once people have answered it: their
// votes, questions and words stay on record. Close it instead. A removed item that was
// on leaves nothing on.
Result<bool> remove_item(Services& app, std::int64_t event_id, std::int64_t item_id);
// Whether the item can still be removed (nobody has answered it).
bool removable(Services& app, std::int64_t item_id);
// Moves the event on to the next item in agenda order (rules/agenda.hpp): an open
// activity that was on closes first. The next item keeps its state: activities open
// when the facilitator opens them. Conflict (events_no_next) at the end of the agenda.
// "Next" and "Back": close what is on (an open activity), move on, and open the item
// arrived at if nobody has opened it yet.
Result<std::int64_t> next_item(Services& app, std::int64_t event_id);
Result<std::int64_t> previous_item(Services& app, std::int64_t event_id);
// "Show now" and "Open": put the item on, closing what was on (an open activity); an
// activity nobody has opened yet opens with it, and `open` opens a closed one again.
Result<bool> put_on(Services& app, std::int64_t event_id, std::int64_t item_id, bool open);

// Registering ahead of the day. Sends a confirmation email with the date and links to
// the event and its .ics file (absolute addresses, from the handler). Registering twice
// is the same as once (and sends no second email).
struct RegistrationLinks {
  std::string event_url, calendar_url;
};
Result<bool> register_member(Services& app, const Access& a, const RegistrationLinks& links);
Result<bool> cancel_registration(Services& app, const Access& a);
bool is_registered(Services& app, std::int64_t event_id, std::int64_t user_id);
struct Registrant {
  std::string name;
  std::optional<std::string> access_needs;  // only with_access_needs and when given
};
// Sorted by name.
std::vector<Registrant> registrants(Services& app, std::int64_t event_id, bool with_access_needs);
// How many have joined on the day, with the code or signed in (guests never register).
std::int64_t joined_count(Services& app, std::int64_t event_id);
// The members who registered for the event or joined it on the day, signed in (the
// involvement module confirms who took part from these), in the order they came.
struct MemberAtEvent {
  std::int64_t user_id = 0;
  bool registered = false, joined = false;
};
std::vector<MemberAtEvent> members_at(Services& app, std::int64_t event_id);
// Every participant with how many things they added (cloud words, polls answered,
// questions asked, named breakout notes, turns speaking), zeros included: for the spread
// of who was heard. No names.
std::vector<std::pair<std::int64_t, std::int64_t>> contributions(Services& app, std::int64_t event_id);
// Erasure and "download my data".
void erase_person(Services& app, store::Conn& c, std::int64_t user_id);
std::string export_person(store::Conn& c, std::int64_t user_id);
// action: current | open | close | reveal | hide
Result<bool> run_item(Services& app, std::int64_t event_id, std::int64_t item_id, const std::string& action);
// action: approve | hide | answered | unanswered
Result<bool> moderate_question(Services& app, std::int64_t event_id, std::int64_t item_id, std::int64_t question_id,
                               const std::string& action);
// "Show this question on the screen" (show): the Q&A item's one question shown large on
// the presenter, replacing any other. Only a visible question of that item can be shown
// (not found otherwise). "Stop showing" (!show) clears it if that question is the one
// shown, so a page drawn before another was chosen never takes the new one off. Hiding
// a question stops showing it.
Result<bool> show_question(Services& app, std::int64_t event_id, std::int64_t item_id, std::int64_t question_id,
                           bool show);
Result<bool> set_support(Services& app, std::int64_t event_id, const std::string& text);

Result<bool> vote(Services& app, const Access& a, std::int64_t item_id, const std::vector<std::int64_t>& chosen);
Result<std::int64_t> ask(Services& app, const Access& a, std::int64_t item_id, const std::string& body, bool anonymous);
Result<bool> upvote(Services& app, const Access& a, std::int64_t item_id, std::int64_t question_id);
Result<std::int64_t> add_entry(Services& app, const Access& a, std::int64_t item_id, const std::string& text);
Result<bool> withdraw_entry(Services& app, const Access& a, std::int64_t item_id, std::int64_t entry_id);
Result<bool> step_out(Services& app, const Access& a, bool out);
// A facilitator's decision on a word cloud, stored and replayed on every rebuild.
// action: hide | restore | merge (key counted as `other`) | rename (key shown as `other`,
// empty: as most people wrote it). Errors name the fields merge_into or rename_text.
Result<bool> moderate_cloud(Services& app, std::int64_t event_id, std::int64_t item_id, const std::string& action,
                            const std::string& key, const std::string& other);
// A word-cloud item's shown picture, whether or not it is on now. Nothing: no such cloud.
struct CloudPicture {
  ItemRow item;
  std::shared_ptr<const cloud::Picture> picture;
  std::vector<CloudCount> counts;  // the shown groups, ranked: the picture's table equivalent
};
std::optional<CloudPicture> cloud_picture(Services& app, const EventRow& e, std::int64_t item_id);

// What is on now, as one person sees it.
struct Current {
  ItemRow item;
  std::vector<Speaker> speakers;
  std::vector<std::string> key_messages;
  std::vector<PollOption> options;
  PollTally tally;
  std::vector<std::int64_t> my_votes;
  std::vector<QuestionRow> questions;  // ordered; pending and hidden only for those who run it
  std::vector<std::int64_t> my_question_votes;
  std::vector<CloudCount> cloud;         // shown groups, ranked
  std::vector<CloudCount> cloud_groups;  // every group with its status (for those who run it only)
  std::shared_ptr<const cloud::Picture> cloud_picture;
  std::vector<EntryRow> my_entries;
  std::int64_t responses = 0;  // poll: people who answered; qa: questions shown; cloud: entries
};
std::optional<Current> current(Services& app, const EventRow& e, std::optional<std::int64_t> participant_id,
                               bool runner, QuestionSort sort);
std::vector<ItemRow> agenda(Services& app, std::int64_t event_id);
std::vector<PollOption> poll_options(Services& app, std::int64_t item_id);
std::vector<EventRow> events_of_space(Services& app, std::int64_t space_id);
std::vector<std::string> stepped_out(Services& app, std::int64_t event_id);

}  // namespace hs::events::commands
