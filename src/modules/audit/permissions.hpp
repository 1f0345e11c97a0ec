#pragma once
// Who may read and sign a space's decision log: deny-by-default pure predicates over
// the spaces module's view of the person.
#include "modules/spaces/module.hpp"

namespace hs::audit::permissions {

// Read the log, its proofs and signed heads, and download it: members of the space.
bool view_log(const spaces::Subject& s);
// Ask for a fresh signed tree head: the space's auditors and stewards.
bool sign_head(const spaces::Subject& s);
// Run the verifier from the page: the space's auditors and stewards.
bool run_verification(const spaces::Subject& s);
// Record an audit finding: the space's auditors only (a finding is an independent view).
bool record_finding(const spaces::Subject& s);
// Be told, on the audit page, whether the log is consistent with the signed head they
// saw last time (which means remembering the heads they were shown): the space's
// auditors, whose job is checking the log independently.
bool compare_heads(const spaces::Subject& s);
// Be emailed the newest signed head of the log, at most once a day: the space's auditors
// and stewards, who may sign and verify the log and so answer for it (every member can
// follow the Atom feed of heads). Checked again before every email, so a person who
// loses the role gets no more.
bool email_heads(const spaces::Subject& s);
// Read the space's findings: members of the space.
bool view_findings(const spaces::Subject& s);

}  // namespace hs::audit::permissions
