#pragma once
// The audit use cases: appending (inside the caller's transaction), signing tree heads,
// answering proofs from storage, and exporting a log.
#include <cstdint>
#include <iosfwd>
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

namespace hs::web {
class App;
}
namespace hs::store {
class Conn;
}

namespace hs::audit::commands {

// Subtrees of 2^kStoredLevel leaves and more are stored as they fill; smaller ones are
// rehashed from at most that many leaves.
inline constexpr unsigned kStoredLevel = 4;

// Per-space keys, derived from the master key.
crypto::Key signing_seal_key(const web::App& app, std::int64_t space_id);
crypto::Key commitment_key(const web::App& app, std::int64_t space_id);

Result<std::int64_t> append(web::App& app, store::Conn& c, std::int64_t space_id, std::string_view kind,
                            const Fields& data);
std::string person_commitment(const web::App& app, std::int64_t space_id, std::int64_t user_id);
// Creates the space's (empty) log and its key pair, unless another transaction just did.
void create_log(web::App& app, store::Conn& c, std::int64_t space_id);

// Signs the log as it stands (creating an empty log when there is none). When the
// newest head already covers every entry, that head is the answer.
Result<SignedHead> sign_head(web::App& app, store::Conn& c, std::int64_t space_id);
Result<SignedHead> sign_head(web::App& app, std::int64_t space_id);
std::optional<SignedHead> latest_head(web::App& app, std::int64_t space_id);

struct InclusionProof {
  std::int64_t seq = 0;
  std::int64_t size = 0;
  std::string entry;  // canonical JSON
  std::string leaf;   // hex
  std::string root;   // hex, of the first `size` entries
  std::vector<std::string> path;
};
// size: of the tree to prove against (usually a signed head's); the log's size when absent.
Result<InclusionProof> inclusion_proof(web::App& app, std::int64_t space_id, std::int64_t seq,
                                       std::optional<std::int64_t> size);

struct ConsistencyProof {
  std::int64_t from = 0;
  std::int64_t to = 0;
  std::string from_root;
  std::string to_root;
  std::vector<std::string> proof;
};
Result<ConsistencyProof> consistency_proof(web::App& app, std::int64_t space_id, std::int64_t from,
                                           std::optional<std::int64_t> to);

struct Summary {
  std::int64_t size = 0;
  std::optional<std::string> public_key;  // none until the first entry
  std::optional<SignedHead> head;
  std::vector<repo::EntryRow> recent;
};
Summary summary(web::App& app, std::int64_t space_id, std::int64_t recent);

struct SpaceRef {
  std::int64_t id = 0;
  std::string slug;
  std::string name;
};
// Writes the export that `audit verify` reads, a line per entry. Fails with
// not_found when the space has no log yet.
Result<void> write_export(web::App& app, const SpaceRef& space, std::ostream& out);

// Builds the export in memory exactly as the export route does and runs the verifier
// `humanspace audit verify` uses. Changes nothing, so it is not logged.
struct VerifyRun {
  Verdict verdict;
  std::int64_t millis = 0;
};
Result<VerifyRun> verify_log(web::App& app, const SpaceRef& space);

// Stores an auditor's finding and logs "audit.finding" with its outcome, the SHA-256 of
// its title and text (never the text) and the author's commitment, in one transaction.
Result<std::int64_t> record_finding(web::App& app, std::int64_t space_id, std::int64_t author_id,
                                    const rules::FindingInput& in);
std::vector<repo::FindingRow> findings(web::App& app, std::int64_t space_id, std::int64_t limit);
// on_erase: the person's findings stay, no longer linked to them.
void erase_person(store::Conn& c, std::int64_t user_id);

}  // namespace hs::audit::commands
