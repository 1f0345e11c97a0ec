#include "modules/events/personal_repo.hpp"

#include "store/db.hpp"

namespace hs::events::repo {

namespace {

constexpr const char* kParticipantIds = "SELECT id FROM event_participants WHERE user_id = ? ORDER BY id";

constexpr const char* kUntieQuestions = R"(
UPDATE event_questions SET participant_id = NULL
WHERE participant_id IN (SELECT id FROM event_participants WHERE user_id = ?))";
// A hand up is the person's own and goes; turns they had stay, untied with the record.
constexpr const char* kLowerHands = R"(
DELETE FROM event_hands WHERE participant_id IN (SELECT id FROM event_participants WHERE user_id = ?))";
constexpr const char* kTurns = R"(
SELECT e.id, e.title, f.group_id, t.started_at, t.seconds
FROM event_turns t JOIN event_participants p ON p.id = t.participant_id
JOIN event_floors f ON f.id = t.floor_id JOIN events e ON e.id = f.event_id
WHERE p.user_id = ? ORDER BY t.started_at, t.id)";
constexpr const char* kUntieParticipants =
    "UPDATE event_participants SET user_id = NULL, nickname = NULL WHERE user_id = ?";
constexpr const char* kForgetCreator = "UPDATE events SET created_by = NULL WHERE created_by = ?";

constexpr const char* kTakingPart = R"(
SELECT e.id, e.title, p.joined_at, p.stepped_out_at
FROM event_participants p JOIN events e ON e.id = p.event_id
WHERE p.user_id = ? ORDER BY p.joined_at, p.id)";
constexpr const char* kWords = R"(
SELECT e.id, e.title, i.title, w.body, w.created_at
FROM event_cloud_entries w JOIN event_participants p ON p.id = w.participant_id
JOIN event_items i ON i.id = w.item_id JOIN events e ON e.id = i.event_id
WHERE p.user_id = ? ORDER BY w.created_at, w.id)";
constexpr const char* kQuestions = R"(
SELECT e.id, e.title, i.title, q.body, q.created_at, q.anonymous, q.status
FROM event_questions q JOIN event_participants p ON p.id = q.participant_id
JOIN event_items i ON i.id = q.item_id JOIN events e ON e.id = i.event_id
WHERE p.user_id = ? ORDER BY q.created_at, q.id)";
constexpr const char* kPollAnswers = R"(
SELECT e.id, e.title, i.title, o.label, v.created_at
FROM event_poll_votes v JOIN event_participants p ON p.id = v.participant_id
JOIN event_poll_options o ON o.id = v.option_id
JOIN event_items i ON i.id = v.item_id JOIN events e ON e.id = i.event_id
WHERE p.user_id = ? ORDER BY v.created_at, o.position)";
constexpr const char* kUpvotes = R"(
SELECT e.id, e.title, i.title, q.body, q.created_at
FROM event_question_votes v JOIN event_participants p ON p.id = v.participant_id
JOIN event_questions q ON q.id = v.question_id
JOIN event_items i ON i.id = q.item_id JOIN events e ON e.id = i.event_id
WHERE p.user_id = ? ORDER BY q.id)";

std::vector<Contribution> contributions(store::Conn& c, const char* sql, std::int64_t user_id) {
  std::vector<Contribution> out;
  for (const auto& r : c.q(sql, user_id)) {
    Contribution x{r.i64(0), r.text(1), r.text(2), r.text(3), r.i64(4), false, {}};
    if (r.size() > 6) {
      x.anonymous = r.i64(5) != 0;
      x.status = r.text(6);
    }
    out.push_back(std::move(x));
  }
  return out;
}

}  // namespace

std::vector<std::int64_t> participant_ids_of_user(store::Conn& c, std::int64_t user_id) {
  std::vector<std::int64_t> out;
  for (const auto& r : c.q(kParticipantIds, user_id)) out.push_back(r.i64(0));
  return out;
}

void untie_person(store::Conn& c, std::int64_t user_id) {
  c.q(kUntieQuestions, user_id);
  c.q(kLowerHands, user_id);
  c.q(kUntieParticipants, user_id);
  c.q(kForgetCreator, user_id);
}

std::vector<TakingPart> taking_part_of(store::Conn& c, std::int64_t user_id) {
  std::vector<TakingPart> out;
  for (const auto& r : c.q(kTakingPart, user_id)) out.push_back({r.i64(0), r.text(1), r.i64(2), r.opt_i64(3)});
  return out;
}

std::vector<TurnSpoken> turns_of(store::Conn& c, std::int64_t user_id) {
  std::vector<TurnSpoken> out;
  for (const auto& r : c.q(kTurns, user_id)) out.push_back({r.i64(0), r.text(1), r.i64(2) != 0, r.i64(3), r.opt_i64(4)});
  return out;
}

std::vector<Contribution> words_of(store::Conn& c, std::int64_t user_id) { return contributions(c, kWords, user_id); }
std::vector<Contribution> questions_of(store::Conn& c, std::int64_t user_id) {
  return contributions(c, kQuestions, user_id);
}
std::vector<Contribution> poll_answers_of(store::Conn& c, std::int64_t user_id) {
  return contributions(c, kPollAnswers, user_id);
}
std::vector<Contribution> upvotes_of(store::Conn& c, std::int64_t user_id) {
  return contributions(c, kUpvotes, user_id);
}

}  // namespace hs::events::repo
