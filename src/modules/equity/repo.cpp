#include "modules/equity/repo.hpp"

#include "store/db.hpp"

namespace hs::equity::repo {

std::optional<std::string> sealed_answers(store::Conn& c, const std::string& pseudonym) {
  auto r = c.one("SELECT sealed FROM equality_answers WHERE pseudonym = ?", pseudonym);
  if (!r) return std::nullopt;
  return r->text(0);
}

namespace {
// Each slice of at most 500 pseudonyms in one statement; f(row) for each answer found.
template <class F>
void in_slices(store::Conn& c, const char* select, const std::vector<std::string>& pseudonyms, F&& f) {
  constexpr std::size_t kSlice = 500;
  for (std::size_t at = 0; at < pseudonyms.size(); at += kSlice) {
    const auto n = std::min(kSlice, pseudonyms.size() - at);
    std::string sql = std::string(select) + " FROM equality_answers WHERE pseudonym IN (";
    std::vector<store::Value> args;
    for (std::size_t i = 0; i < n; ++i) {
      sql += i ? ", ?" : "?";
      args.emplace_back(pseudonyms[at + i]);
    }
    sql += ")";
    for (const auto& r : c.query(sql, args)) f(r);
  }
}
}  // namespace

std::map<std::string, std::string> sealed_answers_by(store::Conn& c, const std::vector<std::string>& pseudonyms) {
  std::map<std::string, std::string> out;
  in_slices(c, "SELECT pseudonym, sealed", pseudonyms, [&](const store::Row& r) { out.emplace(r.text(0), r.text(1)); });
  return out;
}

std::vector<std::string> sealed_answers_of(store::Conn& c, const std::vector<std::string>& pseudonyms) {
  std::vector<std::string> out;
  constexpr std::size_t kSlice = 500;
  for (std::size_t at = 0; at < pseudonyms.size(); at += kSlice) {
    const auto n = std::min(kSlice, pseudonyms.size() - at);
    std::string sql = "SELECT sealed FROM equality_answers WHERE pseudonym IN (";
    std::vector<store::Value> args;
    for (std::size_t i = 0; i < n; ++i) {
      sql += i ? ", ?" : "?";
      args.emplace_back(pseudonyms[at + i]);
    }
    sql += ")";
    for (const auto& r : c.query(sql, args)) out.push_back(r.text(0));
  }
  return out;
}

namespace {
// Every change of anyone's answers moves the generation: kept counts made before are stale.
void moved(store::Conn& c) { c.q("UPDATE equality_generation SET generation = generation + 1 WHERE id = 1"); }
}  // namespace

void set_answers(store::Conn& c, const std::string& pseudonym, const std::string& sealed) {
  c.q(R"(INSERT INTO equality_answers (pseudonym, sealed) VALUES (?, ?)
ON CONFLICT (pseudonym) DO UPDATE SET sealed = excluded.sealed)",
      pseudonym, sealed);
  moved(c);
}

bool delete_answers(store::Conn& c, const std::string& pseudonym) {
  c.q("DELETE FROM equality_answers WHERE pseudonym = ?", pseudonym);
  const bool gone = c.changes() == 1;
  if (gone) moved(c);
  return gone;
}

std::int64_t generation(store::Conn& c) {
  return c.one("SELECT generation FROM equality_generation WHERE id = 1")->i64(0);
}

std::optional<std::string> kept_counts(store::Conn& c, std::int64_t space_id, std::int64_t generation,
                                       const std::string& members) {
  auto r = c.one("SELECT sealed FROM equality_report_cache WHERE space_id = ? AND generation = ? AND members = ?",
                 space_id, generation, members);
  if (!r) return std::nullopt;
  return r->text(0);
}

void keep_counts(store::Conn& c, std::int64_t space_id, std::int64_t generation, const std::string& members,
                 const std::string& sealed) {
  c.q(R"(INSERT INTO equality_report_cache (space_id, generation, members, sealed) VALUES (?, ?, ?, ?)
ON CONFLICT (space_id) DO UPDATE SET generation = excluded.generation, members = excluded.members,
  sealed = excluded.sealed)",
      space_id, generation, members, sealed);
}

std::vector<KeptCounts> all_kept_counts(store::Conn& c) {
  std::vector<KeptCounts> out;
  for (const auto& r : c.q("SELECT space_id, generation, members, sealed FROM equality_report_cache ORDER BY space_id"))
    out.push_back({r.i64(0), r.i64(1), r.text(2), r.text(3)});
  return out;
}

std::vector<std::tuple<std::string, std::string, std::int64_t>> references(store::Conn& c, std::int64_t space_id) {
  std::vector<std::tuple<std::string, std::string, std::int64_t>> out;
  for (const auto& r : c.q("SELECT question, answer, per_mille FROM equality_references WHERE space_id = ?", space_id))
    out.emplace_back(r.text(0), r.text(1), r.i64(2));
  return out;
}

void set_references(store::Conn& c, std::int64_t space_id, const std::string& question,
                    const std::vector<std::pair<std::string, std::int64_t>>& shares) {
  c.q("DELETE FROM equality_references WHERE space_id = ? AND question = ?", space_id, question);
  for (const auto& [answer, per_mille] : shares)
    c.q("INSERT INTO equality_references (space_id, question, answer, per_mille) VALUES (?, ?, ?, ?)", space_id,
        question, answer, per_mille);
}

}  // namespace hs::equity::repo
