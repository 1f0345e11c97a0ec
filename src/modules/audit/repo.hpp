#pragma once
// The only place the audit module's SQL lives. Functions take a connection, so the
// caller decides the transaction.
#include <cstdint>
#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace hs::store {
class Conn;
}

namespace hs::audit::repo {

// Adds one to the log's size and returns the new size, locking the log until the
// transaction ends (a row lock on PostgreSQL; SQLite writers are serial anyway).
// Nothing when the space has no log yet.
std::optional<std::int64_t> grow_log(store::Conn& c, std::int64_t space_id);
// Locks the log without growing it and returns its size.
std::optional<std::int64_t> lock_log(store::Conn& c, std::int64_t space_id);
// Creates an empty log with its key; false when another transaction created it first.
bool create_log(store::Conn& c, std::int64_t space_id, const std::string& public_key, const std::string& secret_sealed,
                std::int64_t now);
// Entries in the log; 0 when it has none.
std::int64_t log_size(store::Conn& c, std::int64_t space_id);

struct KeyRow {
  std::string public_key;
  std::string secret_sealed;
};
std::optional<KeyRow> key(store::Conn& c, std::int64_t space_id);

void insert_entry(store::Conn& c, std::int64_t space_id, std::int64_t seq, const std::string& entry,
                  const std::string& leaf);
void insert_node(store::Conn& c, std::int64_t space_id, unsigned level, std::int64_t index, const std::string& hash);
std::optional<std::string> node(store::Conn& c, std::int64_t space_id, unsigned level, std::int64_t index);
// Leaf hashes of [begin, end), in order.
std::vector<std::string> leaves(store::Conn& c, std::int64_t space_id, std::int64_t begin, std::int64_t end);

struct EntryRow {
  std::int64_t seq = 0;
  std::string entry;  // canonical JSON
  std::string leaf;
};
std::optional<EntryRow> entry(store::Conn& c, std::int64_t space_id, std::int64_t seq);
// Up to limit entries from seq `from`, below `below`, in order.
std::vector<EntryRow> entries(store::Conn& c, std::int64_t space_id, std::int64_t from, std::int64_t below,
                              std::int64_t limit);
// The newest entries, newest first.
std::vector<EntryRow> recent_entries(store::Conn& c, std::int64_t space_id, std::int64_t limit);

struct HeadRow {
  std::int64_t space_id = 0;
  std::int64_t size = 0;
  std::string root;
  std::int64_t timestamp = 0;
  std::string signature;
};
void insert_head(store::Conn& c, const HeadRow& h);
std::optional<HeadRow> latest_head(store::Conn& c, std::int64_t space_id);
// Every head ever signed, oldest first.
std::vector<HeadRow> heads(store::Conn& c, std::int64_t space_id);
// The newest heads, newest first.
std::vector<HeadRow> recent_heads(store::Conn& c, std::int64_t space_id, std::int64_t limit);

// The log's row: its size and the largest head ever signed for it, read in one
// statement so they agree with each other.
struct LogState {
  std::int64_t size = 0;
  std::optional<HeadRow> kept;  // none until a head is signed
};
std::optional<LogState> log_state(store::Conn& c, std::int64_t space_id);
// Keeps h on the log's row unless a head at least as large is kept already.
void keep_head(store::Conn& c, const HeadRow& h);
// Logs that have grown past their largest signed head: space and size.
std::vector<std::pair<std::int64_t, std::int64_t>> logs_to_sign(store::Conn& c);

// The head an auditor was last shown on the audit page.
struct SeenHead {
  std::int64_t size = 0;
  std::string root;
};
std::optional<SeenHead> seen_head(store::Conn& c, std::int64_t space_id, std::int64_t user_id);
void remember_seen_head(store::Conn& c, std::int64_t space_id, std::int64_t user_id, const SeenHead& h,
                        std::int64_t now);
void forget_seen_heads(store::Conn& c, std::int64_t user_id);

// Audit findings: the text is kept here, never in the log.
struct FindingRow {
  std::int64_t id = 0;
  std::int64_t space_id = 0;
  std::int64_t created_at = 0;
  std::string outcome;
  std::string title;
  std::string body;
  std::optional<std::int64_t> author_id;  // none once the author erased their account
};
std::int64_t insert_finding(store::Conn& c, const FindingRow& f);
// Newest first.
std::vector<FindingRow> findings(store::Conn& c, std::int64_t space_id, std::int64_t limit);
// Forgets who wrote a person's findings; the findings stay.
void forget_finding_author(store::Conn& c, std::int64_t user_id);

// Digests of new signed heads by email (audit_head_subscriptions).
struct DigestRow {
  std::int64_t space_id = 0;
  std::int64_t user_id = 0;
  std::int64_t created_at = 0;
  std::optional<std::int64_t> last_sent_at;  // none until a digest went out
  std::int64_t last_size = 0;                // tree size of the head last sent
  std::int64_t head_size = 0;                // of the log's largest signed head now; 0: none
};
// Whether anything changed.
bool add_digest(store::Conn& c, std::int64_t space_id, std::int64_t user_id, std::int64_t now);
bool remove_digest(store::Conn& c, std::int64_t space_id, std::int64_t user_id);
bool has_digest(store::Conn& c, std::int64_t space_id, std::int64_t user_id);
// People with a subscription whose log has a head larger than the one last sent, and
// who were sent no digest after `sent_before`.
std::vector<std::int64_t> people_due_digest(store::Conn& c, std::int64_t sent_before);
// Locks the person's subscriptions until the transaction ends (a row lock on
// PostgreSQL), so two servers sweeping at once cannot both send the same day's digest.
void lock_digests(store::Conn& c, std::int64_t user_id);
// The person's subscriptions, by space.
std::vector<DigestRow> digests_of(store::Conn& c, std::int64_t user_id);
void mark_digest_sent(store::Conn& c, std::int64_t space_id, std::int64_t user_id, std::int64_t size, std::int64_t now);
void forget_digests(store::Conn& c, std::int64_t user_id);

}  // namespace hs::audit::repo
