#pragma once
// The audit use cases: appending (inside the caller's transaction), signing tree heads,
// answering proofs from storage, and exporting a log.
#include <cstdint>
#include <iosfwd>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/crypto.hpp"
#include "core/error.hpp"
#include "modules/audit/head.hpp"
#include "modules/audit/repo.hpp"
#include "modules/audit/rules/canonical.hpp"
#include "modules/audit/rules/finding.hpp"
#include "modules/audit/verify.hpp"
#include "services/fwd.hpp"

namespace hs::store {
class Conn;
}

namespace hs::audit::commands {

// Subtrees of 2^kStoredLevel leaves and more are stored as they fill; smaller ones are
// rehashed from at most that many leaves.
inline constexpr unsigned kStoredLevel = 4;

// Per-space keys, derived from the master key.
crypto::Key signing_seal_key(const Services& app, std::int64_t space_id);
crypto::Key commitment_key(const Services& app, std::int64_t space_id);

Result<std::int64_t> append(Services& app, store::Conn& c, std::int64_t space_id, std::string_view kind,
                            const Fields& data);
std::string person_commitment(const Services& app, std::int64_t space_id, std::int64_t user_id);
// Creates the space's (empty) log and its key pair, unless another transaction just did.
void create_log(Services& app, store::Conn& c, std::int64_t space_id);

// Signs the log as it stands (creating an empty log when there is none). When the
// largest head already covers every entry, that head is the answer. Refuses (conflict)
// a log that holds fewer entries than that head or whose first entries no longer hash
// to its root.
Result<SignedHead> sign_head(Services& app, store::Conn& c, std::int64_t space_id);
Result<SignedHead> sign_head(Services& app, std::int64_t space_id);
// The largest head ever signed for the space's log (what GET .../audit/head answers).
std::optional<SignedHead> latest_head(Services& app, std::int64_t space_id);
// The newest signed heads, newest first (the Atom feed of heads).
std::vector<SignedHead> recent_heads(Services& app, std::int64_t space_id, std::int64_t limit);

// Signs every log that has grown past its largest signed head, each in its own
// transaction, so no entry stays unsigned for long. A log whose signing was refused
// (cut short or rewritten under an earlier head) is tried again only once its size
// changes, so the alarm is logged once rather than on every run.
class PendingSigner {
 public:
  explicit PendingSigner(Services& app) : app_(app) {}
  // Heads signed by this run.
  int run();

 private:
  Services& app_;
  std::map<std::int64_t, std::int64_t> refused_;  // space → its log's size when refused
};

struct InclusionProof {
  std::int64_t seq = 0;
  std::int64_t size = 0;
  std::string entry;  // canonical JSON
  std::string leaf;   // hex
  std::string root;   // hex, of the first `size` entries
  std::vector<std::string> path;
};
// size: of the tree to prove against (usually a signed head's); the log's size when absent.
Result<InclusionProof> inclusion_proof(Services& app, std::int64_t space_id, std::int64_t seq,
                                       std::optional<std::int64_t> size);

struct ConsistencyProof {
  std::int64_t from = 0;
  std::int64_t to = 0;
  std::string from_root;
  std::string to_root;
  std::vector<std::string> proof;
};
Result<ConsistencyProof> consistency_proof(Services& app, std::int64_t space_id, std::int64_t from,
                                           std::optional<std::int64_t> to);

struct Summary {
  std::int64_t size = 0;
  std::optional<std::string> public_key;  // none until the first entry
  std::optional<SignedHead> head;         // the largest ever signed
  // Whether the stored log still holds every entry that head covers, unchanged. When
  // not, the log was cut short or rewritten behind the server's back.
  bool matches_head = true;
  std::vector<repo::EntryRow> recent;
};
Summary summary(Services& app, std::int64_t space_id, std::int64_t recent);

struct SpaceRef {
  std::int64_t id = 0;
  std::string slug;
  std::string name;
};
// Writes the export that `audit verify` reads, a line per entry. Fails with
// not_found when the space has no log yet.
Result<void> write_export(Services& app, const SpaceRef& space, std::ostream& out);

// Builds the export in memory exactly as the export route does and runs the verifier
// `humanspace audit verify` uses. Changes nothing, so it is not logged.
struct VerifyRun {
  Verdict verdict;
  std::int64_t millis = 0;
};
Result<VerifyRun> verify_log(Services& app, const SpaceRef& space);

// Stores an auditor's finding and logs "audit.finding" with its outcome, the SHA-256 of
// its title and text (never the text) and the author's commitment, in one transaction.
Result<std::int64_t> record_finding(Services& app, std::int64_t space_id, std::int64_t author_id,
                                    const rules::FindingInput& in);
std::vector<repo::FindingRow> findings(Services& app, std::int64_t space_id, std::int64_t limit);
// on_erase: the person's findings stay, no longer linked to them; the heads they were
// shown and their digest subscriptions are forgotten.
void erase_person(store::Conn& c, std::int64_t user_id);

// What the audit page tells an auditor about the log now against the signed head they
// were shown last time.
struct SeenCheck {
  enum class Outcome {
    none,          // nothing signed yet
    first,         // they had not been shown a head of this log before
    same,          // the same head as last time
    grown,         // a larger head, consistent with the one they saw
    smaller,       // alarm: the largest head now is smaller than the one they saw
    inconsistent,  // alarm: the log now does not extend the head they saw
  };
  Outcome outcome = Outcome::none;
  std::int64_t seen_size = 0;
  std::string seen_root;
  std::int64_t size = 0;  // of the head they are shown now
};
// Compares the log's largest signed head with the one this person was shown last and,
// unless that raises an alarm, remembers the new one as shown (an alarm keeps showing
// until the log is consistent again with what they saw).
SeenCheck check_seen_head(Services& app, std::int64_t space_id, std::int64_t user_id);

// Digests of new signed heads by email (commands/head_digests.cpp). Whether to offer
// them is the caller's permission check; the sweep checks it again for every digest.
bool digest_on(Services& app, std::int64_t space_id, std::int64_t user_id);
void start_digest(Services& app, std::int64_t space_id, std::int64_t user_id);
// False when there was nothing to stop.
bool stop_digest(Services& app, std::int64_t space_id, std::int64_t user_id);
// The key in a digest's link to stop it, for a person who is not signed in: "USER.MAC",
// the MAC keyed from the master key over the space and the person.
std::string digest_stop_key(const Services& app, std::int64_t space_id, std::int64_t user_id);
// Whose key it is (0: nobody's).
std::int64_t digest_stop_key_owner(const Services& app, std::int64_t space_id, std::string_view key);
// Emails each person who asked, at most once in 24 hours, the largest signed head of each
// log they follow that has grown since their last digest; drops the subscriptions of
// people who no longer hold a role that may have them. Returns how many were sent.
int send_digests(Services& app);
// "Download my data": the person's subscriptions, as JSON.
std::string export_digests(store::Conn& c, std::int64_t user_id);

}  // namespace hs::audit::commands
