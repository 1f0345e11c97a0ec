#pragma once
// The only place the equity module's SQL lives. Functions take a connection, so the caller
// decides the transaction.
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <tuple>
#include <utility>
#include <vector>

namespace hs::store {
class Conn;
}

namespace hs::equity::repo {

std::optional<std::string> sealed_answers(store::Conn& c, const std::string& pseudonym);
// The sealed answers of many pseudonyms (those that have answered).
std::vector<std::string> sealed_answers_of(store::Conn& c, const std::vector<std::string>& pseudonyms);
// The same, by pseudonym (those without answers left out).
std::map<std::string, std::string> sealed_answers_by(store::Conn& c, const std::vector<std::string>& pseudonyms);
void set_answers(store::Conn& c, const std::string& pseudonym, const std::string& sealed);
bool delete_answers(store::Conn& c, const std::string& pseudonym);
// Kept counts of a space's report (migration 0038): the generation of everyone's answers,
// and the sealed counts kept for a space while the generation and the members' fingerprint
// still match.
std::int64_t generation(store::Conn& c);
std::optional<std::string> kept_counts(store::Conn& c, std::int64_t space_id, std::int64_t generation,
                                       const std::string& members);
void keep_counts(store::Conn& c, std::int64_t space_id, std::int64_t generation, const std::string& members,
                 const std::string& sealed);
struct KeptCounts {
  std::int64_t space_id = 0, generation = 0;
  std::string members, sealed;
};
std::vector<KeptCounts> all_kept_counts(store::Conn& c);

// (question, answer, per_mille) of the space's reference population.
std::vector<std::tuple<std::string, std::string, std::int64_t>> references(store::Conn& c, std::int64_t space_id);
void set_references(store::Conn& c, std::int64_t space_id, const std::string& question,
                    const std::vector<std::pair<std::string, std::int64_t>>& shares);

}  // namespace hs::equity::repo
