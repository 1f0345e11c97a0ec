#pragma once
// A claim for time and expenses, and who may move it. Pure: no I/O.
//
//   draft ──> submitted ──> approved ──> in a batch ──> paid
//               │  ^  │
//               v  │  └──> refused
//             queried
//
// - The claimant submits, answers a query (which submits it again) and may withdraw it
//   until it is approved.
// - A treasurer approves, queries (with a question) or refuses (with a reason) a
//   submitted claim, but never their own: someone else must approve a treasurer's claim.
// - Approved claims go into a payment batch; marking the batch paid pays them. Approval
//   and payment are final: a mistake is put right by a new claim, so the record stays.
// - An advance is a claim made before the involvement (travel booked ahead), so nobody
//   pays out of their own pocket; it moves the same way.
#include <optional>
#include <string>
#include <string_view>

#include "core/error.hpp"

namespace hs::involvement {

enum class ClaimState { draft, submitted, queried, approved, refused, batched, paid, withdrawn };

std::optional<ClaimState> parse_claim_state(std::string_view s);
std::string_view claim_state_name(ClaimState s);

// Who is moving it, as far as the rules care.
struct Mover {
  bool claimant = false;   // the person the claim is for
  bool treasurer = false;  // holds the treasurer role in the claim's space
};

enum class ClaimMove { submit, answer, withdraw, approve, query, refuse, batch, pay };

std::optional<ClaimMove> parse_claim_move(std::string_view s);

// The state a move leads to from `from` when `who` may make it; otherwise an error whose
// key says why (involvement_claim_not_yours, involvement_claim_own_approval,
// involvement_claim_move_refused). `text` is the query's question or the refusal's
// reason, which those moves need (involvement_claim_question_missing,
// involvement_claim_reason_missing).
Result<ClaimState> move_claim(ClaimState from, ClaimMove move, const Mover& who, std::string_view text = "");

// A claim no one can move any more.
bool is_final(ClaimState s);

}  // namespace hs::involvement
