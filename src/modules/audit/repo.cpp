#include "modules/audit/repo.hpp"

#include "store/db.hpp"

namespace hs::audit::repo {

namespace {

constexpr const char* kInsertFinding =
    "INSERT INTO audit_findings (space_id, created_at, outcome, title, body, author_id) "
    "VALUES (?, ?, ?, ?, ?, ?) RETURNING id";
constexpr const char* kFindings =
    "SELECT id, space_id, created_at, outcome, title, body, author_id FROM audit_findings "
    "WHERE space_id = ? ORDER BY created_at DESC, id DESC LIMIT ?";
constexpr const char* kForgetFindingAuthor = "UPDATE audit_findings SET author_id = NULL WHERE author_id = ?";

// Updates take the log's row lock and return its size in one statement.
constexpr const char* kGrowLog = "UPDATE audit_logs SET size = size + 1 WHERE space_id = ? RETURNING size";
constexpr const char* kLockLog = "UPDATE audit_logs SET size = size WHERE space_id = ? RETURNING size";
constexpr const char* kCreateLog =
    "INSERT INTO audit_logs (space_id, size, created_at) VALUES (?, 0, ?) ON CONFLICT (space_id) DO NOTHING";
constexpr const char* kInsertKey =
    "INSERT INTO audit_keys (space_id, public_key, secret_sealed, created_at) VALUES (?, ?, ?, ?)";
constexpr const char* kLogSize = "SELECT size FROM audit_logs WHERE space_id = ?";
constexpr const char* kKey = "SELECT public_key, secret_sealed FROM audit_keys WHERE space_id = ?";

constexpr const char* kInsertEntry = "INSERT INTO audit_entries (space_id, seq, entry, leaf) VALUES (?, ?, ?, ?)";
constexpr const char* kInsertNode = "INSERT INTO audit_nodes (space_id, level, idx, hash) VALUES (?, ?, ?, ?)";
constexpr const char* kNode = "SELECT hash FROM audit_nodes WHERE space_id = ? AND level = ? AND idx = ?";
constexpr const char* kLeaves =
    "SELECT leaf FROM audit_entries WHERE space_id = ? AND seq >= ? AND seq < ? ORDER BY seq";
constexpr const char* kEntry = "SELECT seq, entry, leaf FROM audit_entries WHERE space_id = ? AND seq = ?";
constexpr const char* kEntries =
    "SELECT seq, entry, leaf FROM audit_entries WHERE space_id = ? AND seq >= ? AND seq < ? ORDER BY seq LIMIT ?";
constexpr const char* kRecentEntries =
    "SELECT seq, entry, leaf FROM audit_entries WHERE space_id = ? ORDER BY seq DESC LIMIT ?";

constexpr const char* kInsertHead =
    "INSERT INTO audit_heads (space_id, size, root, signed_at, signature) VALUES (?, ?, ?, ?, ?)";
constexpr const char* kLatestHead =
    "SELECT space_id, size, root, signed_at, signature FROM audit_heads WHERE space_id = ? ORDER BY id DESC LIMIT 1";
constexpr const char* kHeads =
    "SELECT space_id, size, root, signed_at, signature FROM audit_heads WHERE space_id = ? ORDER BY id";
constexpr const char* kRecentHeads =
    "SELECT space_id, size, root, signed_at, signature FROM audit_heads WHERE space_id = ? ORDER BY id DESC LIMIT ?";

constexpr const char* kLogState =
    "SELECT size, head_size, head_root, head_signed_at, head_signature FROM audit_logs WHERE space_id = ?";
// Only ever upwards: a smaller head never replaces a larger one.
constexpr const char* kKeepHead =
    "UPDATE audit_logs SET head_size = ?, head_root = ?, head_signed_at = ?, head_signature = ? "
    "WHERE space_id = ? AND (head_size < ? OR head_root IS NULL)";
constexpr const char* kLogsToSign = "SELECT space_id, size FROM audit_logs WHERE size > head_size ORDER BY space_id";

constexpr const char* kSeenHead = "SELECT size, root FROM audit_seen_heads WHERE space_id = ? AND user_id = ?";
constexpr const char* kRememberSeenHead =
    "INSERT INTO audit_seen_heads (space_id, user_id, size, root, seen_at) VALUES (?, ?, ?, ?, ?) "
    "ON CONFLICT (space_id, user_id) DO UPDATE SET size = excluded.size, root = excluded.root, "
    "seen_at = excluded.seen_at";
constexpr const char* kForgetSeenHeads = "DELETE FROM audit_seen_heads WHERE user_id = ?";

constexpr const char* kAddDigest =
    "INSERT INTO audit_head_subscriptions (space_id, user_id, created_at, last_size) VALUES (?, ?, ?, 0) "
    "ON CONFLICT (space_id, user_id) DO NOTHING";
constexpr const char* kRemoveDigest = "DELETE FROM audit_head_subscriptions WHERE space_id = ? AND user_id = ?";
constexpr const char* kHasDigest = "SELECT 1 FROM audit_head_subscriptions WHERE space_id = ? AND user_id = ?";
// The 24 hours count from the person's newest digest, whichever space it was for.
constexpr const char* kPeopleDueDigest =
    "SELECT DISTINCT s.user_id FROM audit_head_subscriptions s JOIN audit_logs l ON l.space_id = s.space_id "
    "WHERE l.head_size > s.last_size AND l.head_root IS NOT NULL "
    "AND COALESCE((SELECT MAX(o.last_sent_at) FROM audit_head_subscriptions o WHERE o.user_id = s.user_id), 0) <= ? "
    "ORDER BY s.user_id";
constexpr const char* kLockDigests = "UPDATE audit_head_subscriptions SET last_size = last_size WHERE user_id = ?";
constexpr const char* kDigestsOf =
    "SELECT s.space_id, s.user_id, s.created_at, s.last_sent_at, s.last_size, COALESCE(l.head_size, 0) "
    "FROM audit_head_subscriptions s LEFT JOIN audit_logs l ON l.space_id = s.space_id "
    "WHERE s.user_id = ? ORDER BY s.space_id";
constexpr const char* kMarkDigestSent =
    "UPDATE audit_head_subscriptions SET last_sent_at = ?, last_size = ? WHERE space_id = ? AND user_id = ?";
constexpr const char* kForgetDigests = "DELETE FROM audit_head_subscriptions WHERE user_id = ?";

EntryRow entry_row(const store::Row& r) { return {r.i64(0), r.text(1), r.text(2)}; }
HeadRow head_row(const store::Row& r) { return {r.i64(0), r.i64(1), r.text(2), r.i64(3), r.text(4)}; }

}  // namespace

std::optional<std::int64_t> grow_log(store::Conn& c, std::int64_t space_id) {
  auto r = c.one(kGrowLog, space_id);
  if (!r) return std::nullopt;
  return r->i64(0);
}

std::optional<std::int64_t> lock_log(store::Conn& c, std::int64_t space_id) {
  auto r = c.one(kLockLog, space_id);
  if (!r) return std::nullopt;
  return r->i64(0);
}

bool create_log(store::Conn& c, std::int64_t space_id, const std::string& public_key, const std::string& secret_sealed,
                std::int64_t now) {
  c.q(kCreateLog, space_id, now);
  if (c.changes() == 0) return false;
  c.q(kInsertKey, space_id, public_key, secret_sealed, now);
  return true;
}

std::int64_t log_size(store::Conn& c, std::int64_t space_id) {
  auto r = c.one(kLogSize, space_id);
  return r ? r->i64(0) : 0;
}

std::optional<KeyRow> key(store::Conn& c, std::int64_t space_id) {
  auto r = c.one(kKey, space_id);
  if (!r) return std::nullopt;
  return KeyRow{r->text(0), r->text(1)};
}

void insert_entry(store::Conn& c, std::int64_t space_id, std::int64_t seq, const std::string& entry,
                  const std::string& leaf) {
  c.q(kInsertEntry, space_id, seq, entry, leaf);
}

void insert_node(store::Conn& c, std::int64_t space_id, unsigned level, std::int64_t index, const std::string& hash) {
  c.q(kInsertNode, space_id, static_cast<std::int64_t>(level), index, hash);
}

std::optional<std::string> node(store::Conn& c, std::int64_t space_id, unsigned level, std::int64_t index) {
  auto r = c.one(kNode, space_id, static_cast<std::int64_t>(level), index);
  if (!r) return std::nullopt;
  return r->text(0);
}

std::vector<std::string> leaves(store::Conn& c, std::int64_t space_id, std::int64_t begin, std::int64_t end) {
  std::vector<std::string> out;
  for (auto& r : c.q(kLeaves, space_id, begin, end)) out.push_back(r.text(0));
  return out;
}

std::optional<EntryRow> entry(store::Conn& c, std::int64_t space_id, std::int64_t seq) {
  auto r = c.one(kEntry, space_id, seq);
  if (!r) return std::nullopt;
  return entry_row(*r);
}

std::vector<EntryRow> entries(store::Conn& c, std::int64_t space_id, std::int64_t from, std::int64_t below,
                              std::int64_t limit) {
  std::vector<EntryRow> out;
  auto rows = c.q(kEntries, space_id, from, below, limit);
  out.reserve(rows.size());
  for (const auto& r : rows) out.push_back(entry_row(r));
  return out;
}

std::vector<EntryRow> recent_entries(store::Conn& c, std::int64_t space_id, std::int64_t limit) {
  std::vector<EntryRow> out;
  for (const auto& r : c.q(kRecentEntries, space_id, limit)) out.push_back(entry_row(r));
  return out;
}

void insert_head(store::Conn& c, const HeadRow& h) {
  c.q(kInsertHead, h.space_id, h.size, h.root, h.timestamp, h.signature);
}

std::optional<HeadRow> latest_head(store::Conn& c, std::int64_t space_id) {
  auto r = c.one(kLatestHead, space_id);
  if (!r) return std::nullopt;
  return head_row(*r);
}

std::vector<HeadRow> heads(store::Conn& c, std::int64_t space_id) {
  std::vector<HeadRow> out;
  for (const auto& r : c.q(kHeads, space_id)) out.push_back(head_row(r));
  return out;
}

std::vector<HeadRow> recent_heads(store::Conn& c, std::int64_t space_id, std::int64_t limit) {
  std::vector<HeadRow> out;
  for (const auto& r : c.q(kRecentHeads, space_id, limit)) out.push_back(head_row(r));
  return out;
}

std::optional<LogState> log_state(store::Conn& c, std::int64_t space_id) {
  auto r = c.one(kLogState, space_id);
  if (!r) return std::nullopt;
  LogState s{r->i64(0), std::nullopt};
  if (!r->is_null(2)) s.kept = HeadRow{space_id, r->i64(1), r->text(2), r->i64(3), r->text(4)};
  return s;
}

void keep_head(store::Conn& c, const HeadRow& h) {
  c.q(kKeepHead, h.size, h.root, h.timestamp, h.signature, h.space_id, h.size);
}

std::vector<std::pair<std::int64_t, std::int64_t>> logs_to_sign(store::Conn& c) {
  std::vector<std::pair<std::int64_t, std::int64_t>> out;
  for (const auto& r : c.q(kLogsToSign)) out.emplace_back(r.i64(0), r.i64(1));
  return out;
}

std::optional<SeenHead> seen_head(store::Conn& c, std::int64_t space_id, std::int64_t user_id) {
  auto r = c.one(kSeenHead, space_id, user_id);
  if (!r) return std::nullopt;
  return SeenHead{r->i64(0), r->text(1)};
}

void remember_seen_head(store::Conn& c, std::int64_t space_id, std::int64_t user_id, const SeenHead& h,
                        std::int64_t now) {
  c.q(kRememberSeenHead, space_id, user_id, h.size, h.root, now);
}

void forget_seen_heads(store::Conn& c, std::int64_t user_id) { c.q(kForgetSeenHeads, user_id); }

std::int64_t insert_finding(store::Conn& c, const FindingRow& f) {
  auto r = f.author_id ? c.one(kInsertFinding, f.space_id, f.created_at, f.outcome, f.title, f.body, *f.author_id)
                       : c.one(kInsertFinding, f.space_id, f.created_at, f.outcome, f.title, f.body, store::Null{});
  return r ? r->i64(0) : 0;
}

std::vector<FindingRow> findings(store::Conn& c, std::int64_t space_id, std::int64_t limit) {
  std::vector<FindingRow> out;
  for (const auto& r : c.q(kFindings, space_id, limit)) {
    FindingRow f;
    f.id = r.i64(0);
    f.space_id = r.i64(1);
    f.created_at = r.i64(2);
    f.outcome = r.text(3);
    f.title = r.text(4);
    f.body = r.text(5);
    if (!r.is_null(6)) f.author_id = r.i64(6);
    out.push_back(std::move(f));
  }
  return out;
}

void forget_finding_author(store::Conn& c, std::int64_t user_id) { c.q(kForgetFindingAuthor, user_id); }

bool add_digest(store::Conn& c, std::int64_t space_id, std::int64_t user_id, std::int64_t now) {
  c.q(kAddDigest, space_id, user_id, now);
  return c.changes() == 1;
}

bool remove_digest(store::Conn& c, std::int64_t space_id, std::int64_t user_id) {
  c.q(kRemoveDigest, space_id, user_id);
  return c.changes() == 1;
}

bool has_digest(store::Conn& c, std::int64_t space_id, std::int64_t user_id) {
  return c.one(kHasDigest, space_id, user_id).has_value();
}

std::vector<std::int64_t> people_due_digest(store::Conn& c, std::int64_t sent_before) {
  std::vector<std::int64_t> out;
  for (const auto& r : c.q(kPeopleDueDigest, sent_before)) out.push_back(r.i64(0));
  return out;
}

void lock_digests(store::Conn& c, std::int64_t user_id) { c.q(kLockDigests, user_id); }

std::vector<DigestRow> digests_of(store::Conn& c, std::int64_t user_id) {
  std::vector<DigestRow> out;
  for (const auto& r : c.q(kDigestsOf, user_id)) {
    DigestRow d;
    d.space_id = r.i64(0);
    d.user_id = r.i64(1);
    d.created_at = r.i64(2);
    if (!r.is_null(3)) d.last_sent_at = r.i64(3);
    d.last_size = r.i64(4);
    d.head_size = r.i64(5);
    out.push_back(d);
  }
  return out;
}

void mark_digest_sent(store::Conn& c, std::int64_t space_id, std::int64_t user_id, std::int64_t size,
                      std::int64_t now) {
  c.q(kMarkDigestSent, now, size, space_id, user_id);
}

void forget_digests(store::Conn& c, std::int64_t user_id) { c.q(kForgetDigests, user_id); }

}  // namespace hs::audit::repo
