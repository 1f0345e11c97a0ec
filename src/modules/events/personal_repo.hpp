#pragma once
// The events module's SQL about one person with an account: what erasure removes or
// unties, and what "download my data" lists. Apart from repo.hpp, which serves the
// event pages, because these queries cut across every event the person took part in.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace hs::store {
class Conn;
}

namespace hs::events::repo {

// The person's participant records (one per event they took part in as themselves).
std::vector<std::int64_t> participant_ids_of_user(store::Conn& c, std::int64_t user_id);

// Erasure. Their hands up go; their questions keep no asker; their participant records keep no account
// and no name, so votes, words and upvotes still count, from no one; events they
// created keep no creator.
void untie_person(store::Conn& c, std::int64_t user_id);

struct TakingPart {
  std::int64_t event_id = 0;
  std::string event;
  std::int64_t joined_at = 0;
  std::optional<std::int64_t> stepped_out_at;
};
struct Contribution {  // a word, a question, a poll answer or an upvote
  std::int64_t event_id = 0;
  std::string event, item, text;
  std::int64_t at = 0;
  bool anonymous = false;  // questions: asked without a name
  std::string status;      // questions: pending | visible | hidden
};
struct TurnSpoken {  // a turn speaking in a speaking queue
  std::int64_t event_id = 0;
  std::string event;
  bool in_group = false;  // a breakout group's queue, not the main room's
  std::int64_t started_at = 0;
  std::optional<std::int64_t> seconds;  // nothing: speaking now
};
std::vector<TurnSpoken> turns_of(store::Conn& c, std::int64_t user_id);
std::vector<TakingPart> taking_part_of(store::Conn& c, std::int64_t user_id);
std::vector<Contribution> words_of(store::Conn& c, std::int64_t user_id);
std::vector<Contribution> questions_of(store::Conn& c, std::int64_t user_id);
std::vector<Contribution> poll_answers_of(store::Conn& c, std::int64_t user_id);
std::vector<Contribution> upvotes_of(store::Conn& c, std::int64_t user_id);

}  // namespace hs::events::repo
