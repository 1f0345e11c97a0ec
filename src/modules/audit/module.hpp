#pragma once
// The tamper-evident decision log of each space. Governance commands append entries
// inside their own transaction; tree heads are signed with the space's Ed25519 key; an
// export can be verified offline by anyone, with no database.
//
// Entries hold no personal data: refer to a person with person_commitment(), a keyed
// hash that means nothing without the server's key, so erasing the person never breaks
// verification.
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>

#include "core/error.hpp"
#include "modules/audit/head.hpp"
#include "modules/audit/rules/canonical.hpp"  // Value, Fields
#include "services/fwd.hpp"

namespace hs::web {
class App;
}
namespace hs::services {
class AuditLog;
}
namespace hs::store {
class Conn;
}

namespace hs::audit {

// Routes: /spaces/{slug}/audit (page), .../audit/head (GET: the largest signed head as
// JSON; POST: sign now), .../audit/heads.atom (the newest signed heads, for auditors to
// keep copies), .../audit/proof/inclusion?seq=N&size=M,
// .../audit/proof/consistency?from=A&to=B, .../audit/export, .../audit/digest (POST: start
// or stop the daily email of new signed heads), .../audit/digest/stop?key=K (stopping
// them from the link in the email, without signing in).
void register_module(web::App& app);

// Emails each person who asked for it, at most once in 24 hours, the largest signed head
// of every log they follow that has a new one since their last email, so copies of each
// log's history exist outside this server. Run by `humanspace serve` every few minutes
// and by `humanspace audit send-digests`. Returns how many emails were sent.
int send_digests(Services& app);

// Keeps every log signed, so that no entry stays unsigned (and open to being rewritten
// unseen) for long: each log that has grown past its largest signed head is signed,
// about once a second on a thread of its own when `background` (humanspace serve), and
// once more when this object goes (so the entries any command appended are signed
// before it ends). Destroy it before the store.
class HeadSigner {
 public:
  HeadSigner(Services& app, bool background);
  ~HeadSigner();
  HeadSigner(const HeadSigner&) = delete;
  HeadSigner& operator=(const HeadSigner&) = delete;

 private:
  struct State;
  std::unique_ptr<State> state_;
};

// Appends an entry {"at","data","kind","seq","space","v"} to the space's log inside the
// caller's transaction (the log and its key are created on first use) and returns its
// seq, counted from 0. kind: e.g. "decision.closed" (lower-case letters, digits, '_'
// and '.'); data keys: lower-case letters, digits and '_'. Fails with invalid when
// either is not acceptable or a string is not UTF-8.
// The log as modules that audit does not serve append to it (services::AuditLog), set on
// the services by register_module; for tests that wire services by hand.
const services::AuditLog& log();

Result<std::int64_t> append(Services& app, store::Conn& c, std::int64_t space_id, std::string_view kind,
                            const Fields& data);

// How an entry names a person: hex HMAC-SHA256 of the user id under the space's audit
// key (derived from the master key). The same person gets the same value in one space
// and unrelated values in different spaces.
std::string person_commitment(const Services& app, std::int64_t space_id, std::int64_t user_id);

// Signs the log as it stands now (e.g. when a decision closes), inside the caller's
// transaction or in its own. When the largest head already covers every entry, it is
// returned instead of signing again. Fails with conflict, signing nothing, when the log
// no longer extends that head (cut short or rewritten in the database).
Result<SignedHead> sign_head(Services& app, store::Conn& c, std::int64_t space_id);
Result<SignedHead> sign_head(Services& app, std::int64_t space_id);

// Command line. Each returns the process exit code and writes what a person needs to
// read (stdout, or stderr for failures).
// `humanspace audit export SPACE [--out FILE]`: the export, to FILE or stdout.
int export_cli(Services& app, const std::string& space_slug, const std::string& out_path);
// `humanspace audit verify EXPORT.json [--head HEAD.json]`: needs no database and no
// wired App: 0 when verified, 1 otherwise, naming the first entry that fails.
int verify_cli(const std::string& export_path, const std::string& head_path);
// `humanspace audit sign SPACE`: signs the log now and prints the head as JSON.
int sign_cli(Services& app, const std::string& space_slug);
// `humanspace audit send-digests`: send_digests now; prints how many went out.
int send_digests_cli(Services& app);
// Hidden, for tests and benchmarks only: appends `count` synthetic entries in
// transactions of `batch`, signs a head, then times `proofs` inclusion proofs.
int synthetic_cli(Services& app, const std::string& space_slug, std::int64_t count, std::int64_t batch,
                  std::int64_t proofs);

}  // namespace hs::audit
