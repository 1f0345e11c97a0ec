#pragma once
// What a member writes when opening a proposal: a title, details, and for methods that
// choose among options (ranked choice, score, dot vote, meeting times) the options.
#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "core/error.hpp"
#include "modules/decisions/rules/method.hpp"

namespace hs::decisions {

inline constexpr std::size_t kTitleMax = 150;
inline constexpr std::size_t kDetailsMax = 20000;
inline constexpr std::size_t kOptionMax = 200;
inline constexpr std::size_t kOptionsMax = 30;

struct ProposalText {
  std::string title;    // trimmed
  std::string details;  // trimmed; Markdown is the page's business
};

// Field errors: title, details.
Result<ProposalText> validate_proposal(std::string_view title, std::string_view details);

// The fewest options a method needs: 0 for methods that decide on the proposal itself
// (which take none), 2 to choose among, 1 for meeting times ("can you make this time?").
std::size_t min_options(Method m);

// Trims each option and checks them: none for consent, consensus and majority; else
// between min_options and kOptionsMax, none blank, none too long, no two that read the
// same ignoring case and surrounding spaces. Field: options.
Result<std::vector<std::string>> validate_options(Method m, const std::vector<std::string>& options);

}  // namespace hs::decisions
