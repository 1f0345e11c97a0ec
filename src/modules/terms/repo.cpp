#include "modules/terms/repo.hpp"

#include "store/db.hpp"

namespace hs::terms::repo {

namespace {

constexpr const char* kColumns = R"(
id, space_id, number, base_number, body, summary, review_on, status, proposal_id, proposed_by, created_at, decided_at)";

constexpr const char* kInsert = R"(
INSERT INTO terms_versions (space_id, number, base_number, body, summary, review_on, status, proposal_id, proposed_by,
  created_at)
VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id)";

constexpr const char* kNextNumber = "SELECT COALESCE(MAX(number), 0) + 1 FROM terms_versions WHERE space_id = ?";
constexpr const char* kSetProposal = "UPDATE terms_versions SET proposal_id = ? WHERE id = ?";
constexpr const char* kSetStatus = "UPDATE terms_versions SET status = ?, decided_at = ? WHERE id = ?";
constexpr const char* kSupersede =
    "UPDATE terms_versions SET status = 'superseded' WHERE space_id = ? AND status = 'current'";

constexpr const char* kReviewsDue = R"(
SELECT v.space_id, v.number, v.review_on FROM terms_versions v
WHERE v.status = 'current' AND v.review_on <= ?
  AND NOT EXISTS (SELECT 1 FROM terms_review_reminders r WHERE r.space_id = v.space_id AND r.review_on = v.review_on)
ORDER BY v.space_id)";

constexpr const char* kClaimReview = R"(
INSERT INTO terms_review_reminders (space_id, review_on, sent_at) VALUES (?, ?, ?)
ON CONFLICT (space_id, review_on) DO NOTHING)";

constexpr const char* kErase = "UPDATE terms_versions SET proposed_by = NULL WHERE proposed_by = ?";

std::string select(const char* where) {
  return std::string("SELECT ") + kColumns + " FROM terms_versions WHERE " + where;
}

VersionRow from(const store::Row& r) {
  VersionRow v;
  v.id = r.i64(0);
  v.space_id = r.i64(1);
  v.number = r.i64(2);
  v.base_number = r.opt_i64(3);
  v.body = r.text(4);
  v.summary = r.text(5);
  v.review_on = r.text(6);
  v.status = r.text(7);
  v.proposal_id = r.opt_i64(8);
  v.proposed_by = r.opt_i64(9);
  v.created_at = r.i64(10);
  v.decided_at = r.opt_i64(11);
  return v;
}

std::optional<VersionRow> one(store::Conn& c, const std::string& sql, std::int64_t a) {
  auto r = c.one(sql, a);
  if (!r) return std::nullopt;
  return from(*r);
}

store::Value opt_id(const std::optional<std::int64_t>& v) { return v ? store::Value(*v) : store::Value(store::Null{}); }

}  // namespace

std::optional<VersionRow> current(store::Conn& c, std::int64_t space_id) {
  static const std::string sql = select("space_id = ? AND status = 'current'");
  return one(c, sql, space_id);
}

std::optional<VersionRow> proposed(store::Conn& c, std::int64_t space_id) {
  static const std::string sql = select("space_id = ? AND status = 'proposed' ORDER BY number DESC LIMIT 1");
  return one(c, sql, space_id);
}

std::optional<VersionRow> by_number(store::Conn& c, std::int64_t space_id, std::int64_t number) {
  static const std::string sql = select("space_id = ? AND number = ?");
  auto r = c.one(sql, space_id, number);
  if (!r) return std::nullopt;
  return from(*r);
}

std::optional<VersionRow> by_id(store::Conn& c, std::int64_t id) {
  static const std::string sql = select("id = ?");
  return one(c, sql, id);
}

std::vector<VersionRow> versions(store::Conn& c, std::int64_t space_id) {
  static const std::string sql = select("space_id = ? ORDER BY number DESC");
  std::vector<VersionRow> out;
  for (const auto& r : c.q(sql, space_id)) out.push_back(from(r));
  return out;
}

std::int64_t next_number(store::Conn& c, std::int64_t space_id) { return c.one(kNextNumber, space_id)->i64(0); }

std::int64_t insert_version(store::Conn& c, const VersionRow& v) {
  const store::Value args[] = {v.space_id,
                               v.number,
                               opt_id(v.base_number),
                               v.body,
                               v.summary,
                               v.review_on,
                               v.status,
                               opt_id(v.proposal_id),
                               opt_id(v.proposed_by),
                               v.created_at};
  return c.query(kInsert, args).at(0).i64(0);
}

void set_proposal(store::Conn& c, std::int64_t id, std::int64_t proposal_id) { c.q(kSetProposal, proposal_id, id); }

void set_status(store::Conn& c, std::int64_t id, const std::string& status, std::int64_t decided_at) {
  c.q(kSetStatus, status, decided_at, id);
}

void supersede_current(store::Conn& c, std::int64_t space_id, std::int64_t) { c.q(kSupersede, space_id); }

std::vector<ReviewDue> reviews_due(store::Conn& c, const std::string& today) {
  std::vector<ReviewDue> out;
  for (const auto& r : c.q(kReviewsDue, today)) out.push_back({r.i64(0), r.i64(1), r.text(2)});
  return out;
}

bool claim_review(store::Conn& c, std::int64_t space_id, const std::string& review_on, std::int64_t now) {
  c.q(kClaimReview, space_id, review_on, now);
  return c.changes() == 1;
}

void erase_person(store::Conn& c, std::int64_t user_id) { c.q(kErase, user_id); }

std::vector<VersionRow> proposed_by(store::Conn& c, std::int64_t user_id) {
  static const std::string sql = select("proposed_by = ? ORDER BY id");
  std::vector<VersionRow> out;
  for (const auto& r : c.q(sql, user_id)) out.push_back(from(r));
  return out;
}

}  // namespace hs::terms::repo
