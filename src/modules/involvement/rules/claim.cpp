#include "modules/involvement/rules/claim.hpp"

#include <array>
#include <utility>

#include "core/text.hpp"

namespace hs::involvement {

namespace {

constexpr std::array<std::pair<ClaimState, std::string_view>, 8> kStates{{
    {ClaimState::draft, "draft"},
    {ClaimState::submitted, "submitted"},
    {ClaimState::queried, "queried"},
    {ClaimState::approved, "approved"},
    {ClaimState::refused, "refused"},
    {ClaimState::batched, "batched"},
    {ClaimState::paid, "paid"},
    {ClaimState::withdrawn, "withdrawn"},
}};

constexpr std::array<std::pair<ClaimMove, std::string_view>, 8> kMoves{{
    {ClaimMove::submit, "submit"},
    {ClaimMove::answer, "answer"},
    {ClaimMove::withdraw, "withdraw"},
    {ClaimMove::approve, "approve"},
    {ClaimMove::query, "query"},
    {ClaimMove::refuse, "refuse"},
    {ClaimMove::batch, "batch"},
    {ClaimMove::pay, "pay"},
}};

// Each move: the one state it starts from (withdraw: any of three), where it leads, and
// whose it is.
struct Edge {
  ClaimMove move;
  ClaimState from;
  ClaimState to;
  bool by_claimant;  // else by a treasurer
};
constexpr std::array<Edge, 10> kEdges{{
    {ClaimMove::submit, ClaimState::draft, ClaimState::submitted, true},
    {ClaimMove::answer, ClaimState::queried, ClaimState::submitted, true},
    {ClaimMove::withdraw, ClaimState::draft, ClaimState::withdrawn, true},
    {ClaimMove::withdraw, ClaimState::submitted, ClaimState::withdrawn, true},
    {ClaimMove::withdraw, ClaimState::queried, ClaimState::withdrawn, true},
    {ClaimMove::approve, ClaimState::submitted, ClaimState::approved, false},
    {ClaimMove::query, ClaimState::submitted, ClaimState::queried, false},
    {ClaimMove::refuse, ClaimState::submitted, ClaimState::refused, false},
    {ClaimMove::batch, ClaimState::approved, ClaimState::batched, false},
    {ClaimMove::pay, ClaimState::batched, ClaimState::paid, false},
}};

}  // namespace

std::optional<ClaimState> parse_claim_state(std::string_view s) {
  for (const auto& [state, name] : kStates)
    if (name == s) return state;
  return std::nullopt;
}

std::string_view claim_state_name(ClaimState s) {
  for (const auto& [state, name] : kStates)
    if (state == s) return name;
  return "draft";
}

std::optional<ClaimMove> parse_claim_move(std::string_view s) {
  for (const auto& [move, name] : kMoves)
    if (name == s) return move;
  return std::nullopt;
}

bool is_final(ClaimState s) { return s == ClaimState::refused || s == ClaimState::paid || s == ClaimState::withdrawn; }

Result<ClaimState> move_claim(ClaimState from, ClaimMove move, const Mover& who, std::string_view text) {
  for (const auto& e : kEdges) {
    if (e.move != move || e.from != from) continue;
    if (e.by_claimant && !who.claimant) return fail(ErrorCode::forbidden, "involvement_claim_not_yours");
    if (!e.by_claimant && !who.treasurer) return fail(ErrorCode::forbidden, "involvement_claim_treasurers_only");
    // Approving, querying or refusing your own claim would be deciding on your own pay.
    if (!e.by_claimant && who.claimant &&
        (move == ClaimMove::approve || move == ClaimMove::query || move == ClaimMove::refuse))
      return fail(ErrorCode::forbidden, "involvement_claim_own_approval");
    const bool needs_text = move == ClaimMove::query || move == ClaimMove::refuse || move == ClaimMove::answer;
    if (needs_text && text::trim(text).empty()) {
      Validation v;
      v.add("text", move == ClaimMove::query    ? "involvement_claim_question_missing"
                    : move == ClaimMove::refuse ? "involvement_claim_reason_missing"
                                                : "involvement_claim_answer_missing");
      return fail(v.error());
    }
    return e.to;
  }
  return fail(ErrorCode::conflict, "involvement_claim_move_refused");
}

}  // namespace hs::involvement
