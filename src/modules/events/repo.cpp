#include "modules/events/repo.hpp"

#include <unordered_map>

#include "store/db.hpp"

namespace hs::events::repo {

namespace {

constexpr const char* kInsertEvent =
    "INSERT INTO events (space_id, title, description, starts_at, ends_at, join_code, support_text, created_by, "
    "created_at, language) VALUES (?, ?, ?, ?, ?, ?, '', ?, ?, ?) RETURNING id";
constexpr const char* kUpdateEvent =
    "UPDATE events SET title = ?, description = ?, starts_at = ?, ends_at = ?, language = ? WHERE id = ?";
constexpr const char* kClearCurrent = "UPDATE events SET current_item_id = NULL WHERE id = ?";
constexpr const char* kEventColumns =
    "SELECT e.id, e.space_id, e.starts_at, e.ends_at, e.title, e.description, e.join_code, e.support_text, s.slug, "
    "s.name, e.current_item_id, e.language FROM events e JOIN spaces s ON s.id = e.space_id ";
constexpr const char* kEventById = "WHERE e.id = ?";
constexpr const char* kEventsOfSpace = "WHERE e.space_id = ? ORDER BY e.starts_at, e.id";
constexpr const char* kEventByCode = "SELECT id FROM events WHERE join_code = ?";
constexpr const char* kSetSupport = "UPDATE events SET support_text = ? WHERE id = ?";
constexpr const char* kSetCurrent = "UPDATE events SET current_item_id = ? WHERE id = ?";

constexpr const char* kItemColumns =
    "SELECT id, event_id, position, max_entries, kind, title, summary, speakers, key_messages, state, content_note, "
    "multiple, premoderate, revealed, max_chars, shown_question_id FROM event_items ";
constexpr const char* kItemsOfEvent = "WHERE event_id = ? ORDER BY position, id";
constexpr const char* kItemInEvent = "WHERE event_id = ? AND id = ?";
constexpr const char* kInsertItem =
    "INSERT INTO event_items (event_id, position, kind, title, summary, speakers, key_messages, content_note, "
    "multiple, premoderate, max_entries, max_chars, state, revealed) VALUES (?, (SELECT COALESCE(MAX(position), 0) + 1 "
    "FROM event_items WHERE event_id = ?), ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'waiting', 0) RETURNING id";
constexpr const char* kInsertOption = "INSERT INTO event_poll_options (item_id, position, label) VALUES (?, ?, ?)";
constexpr const char* kSetState = "UPDATE event_items SET state = ? WHERE id = ?";
constexpr const char* kSetRevealed = "UPDATE event_items SET revealed = ? WHERE id = ?";
constexpr const char* kSetShownQuestion = "UPDATE event_items SET shown_question_id = ? WHERE id = ?";
constexpr const char* kUpdateItem =
    "UPDATE event_items SET title = ?, summary = ?, speakers = ?, key_messages = ?, content_note = ?, multiple = ?, "
    "premoderate = ?, max_entries = ?, max_chars = ? WHERE id = ?";
constexpr const char* kClearOptions = "DELETE FROM event_poll_options WHERE item_id = ?";
constexpr const char* kSetPosition = "UPDATE event_items SET position = ? WHERE id = ?";
constexpr const char* kDeleteItem = "DELETE FROM event_items WHERE event_id = ? AND id = ?";
// Anything a person gave an activity: a vote, a question or an entry.
constexpr const char* kAnswers =
    "SELECT (SELECT COUNT(*) FROM event_poll_votes WHERE item_id = ?) + "
    "(SELECT COUNT(*) FROM event_questions WHERE item_id = ?) + "
    "(SELECT COUNT(*) FROM event_cloud_entries WHERE item_id = ?)";

constexpr const char* kRegister =
    "INSERT INTO event_registrations (event_id, user_id, registered_at) VALUES (?, ?, ?) ON CONFLICT DO NOTHING";
constexpr const char* kUnregister = "DELETE FROM event_registrations WHERE event_id = ? AND user_id = ?";
constexpr const char* kIsRegistered = "SELECT 1 FROM event_registrations WHERE event_id = ? AND user_id = ?";
constexpr const char* kRegistrations =
    "SELECT user_id, registered_at FROM event_registrations WHERE event_id = ? ORDER BY registered_at, user_id";
constexpr const char* kRegistrationsOf =
    "SELECT e.id, e.title, e.starts_at, r.registered_at FROM event_registrations r JOIN events e ON e.id = r.event_id "
    "WHERE r.user_id = ? ORDER BY e.starts_at, e.id";
constexpr const char* kEraseRegistrations = "DELETE FROM event_registrations WHERE user_id = ?";

constexpr const char* kParticipantColumns = "SELECT id, event_id, nickname, stepped_out_at FROM event_participants ";
constexpr const char* kByToken = "WHERE token_hash = ?";
constexpr const char* kOfMember = "WHERE event_id = ? AND user_id = ?";
constexpr const char* kInsertParticipant =
    "INSERT INTO event_participants (event_id, token_hash, user_id, nickname, joined_at) VALUES (?, ?, ?, ?, ?) "
    "RETURNING id";
constexpr const char* kSetSteppedOut = "UPDATE event_participants SET stepped_out_at = ? WHERE id = ?";
constexpr const char* kSetNickname = "UPDATE event_participants SET nickname = ? WHERE id = ?";
constexpr const char* kSteppedOut =
    "SELECT COALESCE(p.nickname, u.display_name, '') FROM event_participants p LEFT JOIN users u ON u.id = p.user_id "
    "WHERE p.event_id = ? AND p.stepped_out_at IS NOT NULL ORDER BY p.stepped_out_at, p.id";

constexpr const char* kOptions = "SELECT id, label FROM event_poll_options WHERE item_id = ? ORDER BY position, id";
constexpr const char* kClearVotes = "DELETE FROM event_poll_votes WHERE item_id = ? AND participant_id = ?";
constexpr const char* kInsertVote =
    "INSERT INTO event_poll_votes (item_id, option_id, participant_id, created_at) VALUES (?, ?, ?, ?)";
constexpr const char* kVotes = "SELECT option_id FROM event_poll_votes WHERE item_id = ?";
constexpr const char* kVoters = "SELECT COUNT(DISTINCT participant_id) FROM event_poll_votes WHERE item_id = ?";
constexpr const char* kMyVotes = "SELECT option_id FROM event_poll_votes WHERE item_id = ? AND participant_id = ?";

constexpr const char* kInsertQuestion =
    "INSERT INTO event_questions (item_id, participant_id, body, anonymous, status, answered, votes, created_at) "
    "VALUES (?, ?, ?, ?, ?, 0, 0, ?) RETURNING id";
constexpr const char* kQuestionColumns =
    "SELECT q.id, q.votes, q.created_at, q.participant_id, q.body, q.status, "
    "CASE WHEN q.anonymous = 1 THEN NULL ELSE COALESCE(p.nickname, u.display_name) END, q.answered "
    "FROM event_questions q LEFT JOIN event_participants p ON p.id = q.participant_id "
    "LEFT JOIN users u ON u.id = p.user_id ";
constexpr const char* kQuestionsOfItem = "WHERE q.item_id = ? ORDER BY q.id";
constexpr const char* kQuestionInItem = "WHERE q.item_id = ? AND q.id = ?";
constexpr const char* kAddQuestionVote =
    "INSERT INTO event_question_votes (question_id, participant_id) VALUES (?, ?) ON CONFLICT DO NOTHING";
constexpr const char* kBumpVotes = "UPDATE event_questions SET votes = votes + 1 WHERE id = ?";
constexpr const char* kMyQuestionVotes =
    "SELECT v.question_id FROM event_question_votes v JOIN event_questions q ON q.id = v.question_id "
    "WHERE q.item_id = ? AND v.participant_id = ?";
constexpr const char* kSetQuestionStatus = "UPDATE event_questions SET status = ? WHERE id = ?";
constexpr const char* kSetAnswered = "UPDATE event_questions SET answered = ? WHERE id = ?";

constexpr const char* kInsertEntry =
    "INSERT INTO event_cloud_entries (item_id, participant_id, body, created_at) VALUES (?, ?, ?, ?) RETURNING id";
constexpr const char* kEntries =
    "SELECT id, participant_id, body FROM event_cloud_entries WHERE item_id = ? ORDER BY id";
constexpr const char* kCountEntriesOf =
    "SELECT COUNT(*) FROM event_cloud_entries WHERE item_id = ? AND participant_id = ?";
constexpr const char* kModeration =
    "SELECT kind, group_key, value FROM event_cloud_moderation WHERE item_id = ? ORDER BY kind, group_key";
constexpr const char* kClearModeration = "DELETE FROM event_cloud_moderation WHERE item_id = ?";
constexpr const char* kInsertModeration =
    "INSERT INTO event_cloud_moderation (item_id, kind, group_key, value) VALUES (?, ?, ?, ?)";
constexpr const char* kDeleteEntry =
    "DELETE FROM event_cloud_entries WHERE item_id = ? AND id = ? AND participant_id = ?";

EventRow event_of(const store::Row& r) {
  EventRow e;
  e.id = r.i64(0);
  e.space_id = r.i64(1);
  e.starts_at = r.i64(2);
  e.ends_at = r.i64(3);
  e.title = r.text(4);
  e.description = r.text(5);
  e.join_code = r.text(6);
  e.support_text = r.text(7);
  e.space_slug = r.text(8);
  e.space_name = r.text(9);
  e.current_item_id = r.opt_i64(10);
  e.language = r.text(11);
  return e;
}

ItemRow item_of(const store::Row& r) {
  ItemRow i;
  i.id = r.i64(0);
  i.event_id = r.i64(1);
  i.position = r.i64(2);
  i.max_entries = r.i64(3);
  i.kind = r.text(4);
  i.title = r.text(5);
  i.summary = r.text(6);
  i.speakers = r.text(7);
  i.key_messages = r.text(8);
  i.state = r.text(9);
  i.content_note = r.opt_text(10);
  i.multiple = r.i64(11) != 0;
  i.premoderate = r.i64(12) != 0;
  i.revealed = r.i64(13) != 0;
  i.max_chars = r.i64(14);
  i.shown_question_id = r.opt_i64(15);
  return i;
}

ParticipantRow participant_of(const store::Row& r) { return {r.i64(0), r.i64(1), r.opt_text(2), !r.is_null(3)}; }

QuestionRow question_of(const store::Row& r) {
  QuestionRow q;
  q.id = r.i64(0);
  q.votes = r.i64(1);
  q.created_at = r.i64(2);
  q.participant_id = r.opt_i64(3);
  q.body = r.text(4);
  q.status = r.text(5);
  q.nickname = r.opt_text(6);
  q.answered = r.i64(7) != 0;
  return q;
}

std::vector<std::int64_t> ids(const store::Rows& rows) {
  std::vector<std::int64_t> out;
  for (const auto& r : rows) out.push_back(r.i64(0));
  return out;
}

}  // namespace

std::int64_t insert_event(store::Conn& c, std::int64_t space_id, const EventFields& f, const std::string& code,
                          std::int64_t created_by, std::int64_t now) {
  return c
      .one(kInsertEvent, space_id, f.title, f.description, f.starts_at, f.ends_at, code, created_by, now, f.language)
      ->i64(0);
}

void update_event(store::Conn& c, std::int64_t event_id, const EventFields& f) {
  c.q(kUpdateEvent, f.title, f.description, f.starts_at, f.ends_at, f.language, event_id);
}

std::optional<EventRow> event_by_id(store::Conn& c, std::int64_t id) {
  auto r = c.one(std::string(kEventColumns) + kEventById, id);
  if (!r) return std::nullopt;
  return event_of(*r);
}

std::optional<std::int64_t> event_id_by_code(store::Conn& c, const std::string& code) {
  auto r = c.one(kEventByCode, code);
  if (!r) return std::nullopt;
  return r->i64(0);
}

std::vector<EventRow> events_of_space(store::Conn& c, std::int64_t space_id) {
  std::vector<EventRow> out;
  for (const auto& r : c.q(std::string(kEventColumns) + kEventsOfSpace, space_id)) out.push_back(event_of(r));
  return out;
}

void set_support(store::Conn& c, std::int64_t event_id, const std::string& text) { c.q(kSetSupport, text, event_id); }
void set_current(store::Conn& c, std::int64_t event_id, std::int64_t item_id) { c.q(kSetCurrent, item_id, event_id); }
void clear_current(store::Conn& c, std::int64_t event_id) { c.q(kClearCurrent, event_id); }

std::vector<ItemRow> items(store::Conn& c, std::int64_t event_id) {
  std::vector<ItemRow> out;
  for (const auto& r : c.q(std::string(kItemColumns) + kItemsOfEvent, event_id)) out.push_back(item_of(r));
  return out;
}

std::optional<ItemRow> item(store::Conn& c, std::int64_t event_id, std::int64_t item_id) {
  auto r = c.one(std::string(kItemColumns) + kItemInEvent, event_id, item_id);
  if (!r) return std::nullopt;
  return item_of(*r);
}

std::int64_t insert_item(store::Conn& c, std::int64_t event_id, const ItemFields& f) {
  auto id = c.one(kInsertItem, event_id, event_id, std::string(to_string(f.kind)), f.title, f.summary, f.speakers,
                  f.key_messages, f.content_note, f.multiple, f.premoderate, f.max_entries, f.max_chars)
                ->i64(0);
  std::int64_t pos = 0;
  for (const auto& o : f.options) c.q(kInsertOption, id, ++pos, o);
  return id;
}

void update_item(store::Conn& c, std::int64_t item_id, const ItemFields& f, bool replace_options) {
  c.q(kUpdateItem, f.title, f.summary, f.speakers, f.key_messages, f.content_note, f.multiple, f.premoderate,
      f.max_entries, f.max_chars, item_id);
  if (!replace_options) return;
  c.q(kClearOptions, item_id);
  std::int64_t pos = 0;
  for (const auto& o : f.options) c.q(kInsertOption, item_id, ++pos, o);
}

void set_positions(store::Conn& c, const std::vector<std::int64_t>& order) {
  std::int64_t pos = 0;
  for (auto id : order) c.q(kSetPosition, ++pos, id);
}

bool delete_item(store::Conn& c, std::int64_t event_id, std::int64_t item_id) {
  c.q(kDeleteItem, event_id, item_id);
  return c.changes() > 0;
}

std::int64_t answers(store::Conn& c, std::int64_t item_id) {
  return c.one(kAnswers, item_id, item_id, item_id)->i64(0);
}

void set_state(store::Conn& c, std::int64_t item_id, const std::string& state) { c.q(kSetState, state, item_id); }
void set_revealed(store::Conn& c, std::int64_t item_id, bool revealed) { c.q(kSetRevealed, revealed, item_id); }

void set_shown_question(store::Conn& c, std::int64_t item_id, std::optional<std::int64_t> question_id) {
  c.q(kSetShownQuestion, question_id ? store::Value(*question_id) : store::Value(store::Null{}), item_id);
}

std::optional<ParticipantRow> participant_by_token(store::Conn& c, const std::string& token_hash) {
  auto r = c.one(std::string(kParticipantColumns) + kByToken, token_hash);
  if (!r) return std::nullopt;
  return participant_of(*r);
}

std::optional<ParticipantRow> participant_of_member(store::Conn& c, std::int64_t event_id, std::int64_t user_id) {
  auto r = c.one(std::string(kParticipantColumns) + kOfMember, event_id, user_id);
  if (!r) return std::nullopt;
  return participant_of(*r);
}

std::int64_t insert_participant(store::Conn& c, std::int64_t event_id, const std::optional<std::string>& token_hash,
                                std::optional<std::int64_t> user_id, const std::optional<std::string>& nickname,
                                std::int64_t now) {
  store::Value uid = user_id ? store::Value(*user_id) : store::Value(store::Null{});
  const store::Value vals[] = {event_id, store::opt(token_hash), uid, store::opt(nickname), now};
  return c.query(kInsertParticipant, vals).at(0).i64(0);
}

void set_nickname(store::Conn& c, std::int64_t participant_id, const std::string& nickname) {
  const store::Value vals[] = {nickname, participant_id};
  c.query(kSetNickname, vals);
}

void set_stepped_out(store::Conn& c, std::int64_t participant_id, std::optional<std::int64_t> at) {
  store::Value v = at ? store::Value(*at) : store::Value(store::Null{});
  const store::Value vals[] = {v, participant_id};
  c.query(kSetSteppedOut, vals);
}

std::int64_t joined_count(store::Conn& c, std::int64_t event_id) {
  return c.q("SELECT COUNT(*) FROM event_participants WHERE event_id = ?", event_id).at(0).i64(0);
}

std::vector<std::string> stepped_out(store::Conn& c, std::int64_t event_id) {
  std::vector<std::string> out;
  for (const auto& r : c.q(kSteppedOut, event_id)) out.push_back(r.text(0));
  return out;
}

std::vector<PollOption> options(store::Conn& c, std::int64_t item_id) {
  std::vector<PollOption> out;
  for (const auto& r : c.q(kOptions, item_id)) out.push_back({r.i64(0), r.text(1)});
  return out;
}

void clear_votes(store::Conn& c, std::int64_t item_id, std::int64_t participant_id) {
  c.q(kClearVotes, item_id, participant_id);
}
void insert_vote(store::Conn& c, std::int64_t item_id, std::int64_t option_id, std::int64_t participant_id,
                 std::int64_t now) {
  c.q(kInsertVote, item_id, option_id, participant_id, now);
}
std::vector<std::int64_t> votes(store::Conn& c, std::int64_t item_id) { return ids(c.q(kVotes, item_id)); }
std::int64_t voters(store::Conn& c, std::int64_t item_id) { return c.one(kVoters, item_id)->i64(0); }
std::vector<std::int64_t> my_votes(store::Conn& c, std::int64_t item_id, std::int64_t participant_id) {
  return ids(c.q(kMyVotes, item_id, participant_id));
}

std::int64_t insert_question(store::Conn& c, std::int64_t item_id, std::int64_t participant_id, const std::string& body,
                             bool anonymous, const std::string& status, std::int64_t now) {
  return c.one(kInsertQuestion, item_id, participant_id, body, anonymous, status, now)->i64(0);
}

std::vector<QuestionRow> questions(store::Conn& c, std::int64_t item_id) {
  std::vector<QuestionRow> out;
  for (const auto& r : c.q(std::string(kQuestionColumns) + kQuestionsOfItem, item_id)) out.push_back(question_of(r));
  return out;
}

std::optional<QuestionRow> question(store::Conn& c, std::int64_t item_id, std::int64_t question_id) {
  auto r = c.one(std::string(kQuestionColumns) + kQuestionInItem, item_id, question_id);
  if (!r) return std::nullopt;
  return question_of(*r);
}

bool add_question_vote(store::Conn& c, std::int64_t question_id, std::int64_t participant_id) {
  c.q(kAddQuestionVote, question_id, participant_id);
  if (c.changes() == 0) return false;
  c.q(kBumpVotes, question_id);
  return true;
}

std::vector<std::int64_t> my_question_votes(store::Conn& c, std::int64_t item_id, std::int64_t participant_id) {
  return ids(c.q(kMyQuestionVotes, item_id, participant_id));
}

void set_question_status(store::Conn& c, std::int64_t question_id, const std::string& status) {
  c.q(kSetQuestionStatus, status, question_id);
}
void set_answered(store::Conn& c, std::int64_t question_id, bool answered) { c.q(kSetAnswered, answered, question_id); }

std::int64_t insert_entry(store::Conn& c, std::int64_t item_id, std::int64_t participant_id, const std::string& body,
                          std::int64_t now) {
  return c.one(kInsertEntry, item_id, participant_id, body, now)->i64(0);
}

std::vector<EntryRow> entries(store::Conn& c, std::int64_t item_id) {
  std::vector<EntryRow> out;
  for (const auto& r : c.q(kEntries, item_id)) out.push_back({r.i64(0), r.i64(1), r.text(2)});
  return out;
}

std::int64_t count_entries_of(store::Conn& c, std::int64_t item_id, std::int64_t participant_id) {
  return c.one(kCountEntriesOf, item_id, participant_id)->i64(0);
}

bool delete_entry(store::Conn& c, std::int64_t item_id, std::int64_t entry_id, std::int64_t participant_id) {
  c.q(kDeleteEntry, item_id, entry_id, participant_id);
  return c.changes() > 0;
}

}  // namespace hs::events::repo

namespace hs::events::repo {

std::vector<CloudDecision> moderation(store::Conn& c, std::int64_t item_id) {
  std::vector<CloudDecision> out;
  for (const auto& r : c.q(kModeration, item_id)) out.push_back({r.text(0), r.text(1), r.text(2)});
  return out;
}

void replace_moderation(store::Conn& c, std::int64_t item_id, const std::vector<CloudDecision>& rows) {
  c.q(kClearModeration, item_id);
  for (const auto& m : rows) c.q(kInsertModeration, item_id, m.kind, m.key, m.value);
}

}  // namespace hs::events::repo

namespace hs::events::repo {

bool add_registration(store::Conn& c, std::int64_t event_id, std::int64_t user_id, std::int64_t now) {
  c.q(kRegister, event_id, user_id, now);
  return c.changes() > 0;
}

bool remove_registration(store::Conn& c, std::int64_t event_id, std::int64_t user_id) {
  c.q(kUnregister, event_id, user_id);
  return c.changes() > 0;
}

bool is_registered(store::Conn& c, std::int64_t event_id, std::int64_t user_id) {
  return c.one(kIsRegistered, event_id, user_id).has_value();
}

std::vector<RegistrationRow> registrations(store::Conn& c, std::int64_t event_id) {
  std::vector<RegistrationRow> out;
  for (const auto& r : c.q(kRegistrations, event_id)) out.push_back({r.i64(0), r.i64(1)});
  return out;
}

std::vector<MyRegistration> registrations_of(store::Conn& c, std::int64_t user_id) {
  std::vector<MyRegistration> out;
  for (const auto& r : c.q(kRegistrationsOf, user_id)) out.push_back({r.i64(0), r.text(1), r.i64(2), r.i64(3)});
  return out;
}

void erase_registrations(store::Conn& c, std::int64_t user_id) { c.q(kEraseRegistrations, user_id); }

namespace {
constexpr const char* kContributions = R"(SELECT p.id, COALESCE(n.n, 0) FROM event_participants p
LEFT JOIN event_contribution_counts n ON n.participant_id = p.id WHERE p.event_id = ? ORDER BY p.id)";
constexpr const char* kContributionTotal =
    "SELECT COALESCE(SUM(n), 0) FROM event_contribution_counts WHERE event_id = ?";
}  // namespace

// Both read the counts the store keeps as contributions come and go (migration 0032's
// triggers): one row a person, not every contribution of the event.
std::vector<std::pair<std::int64_t, std::int64_t>> contributions(store::Conn& c, std::int64_t event_id) {
  std::vector<std::pair<std::int64_t, std::int64_t>> out;
  for (const auto& r : c.q(kContributions, event_id)) out.emplace_back(r.i64(0), r.i64(1));
  return out;
}

std::int64_t contribution_total(store::Conn& c, std::int64_t event_id) {
  return c.q(kContributionTotal, event_id).at(0).i64(0);
}

std::vector<std::int64_t> joined_members(store::Conn& c, std::int64_t event_id) {
  std::vector<std::int64_t> out;
  for (const auto& r :
       c.q("SELECT user_id FROM event_participants WHERE event_id = ? AND user_id IS NOT NULL ORDER BY id", event_id))
    out.push_back(r.i64(0));
  return out;
}

}  // namespace hs::events::repo
