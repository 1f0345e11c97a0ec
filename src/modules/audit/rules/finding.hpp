#pragma once
// What an audit finding is: a short title, its text and an outcome. Pure checks, no I/O.
#include <array>
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

#include "core/error.hpp"

namespace hs::audit::rules {

inline constexpr std::size_t kFindingTitleMax = 120;  // characters
inline constexpr std::size_t kFindingBodyMax = 2000;  // characters

// Stored and logged as these words; the page shows messages audit_outcome_<value>.
inline constexpr std::array<std::string_view, 3> kOutcomes = {"no_concerns", "concern_raised", "recommendation"};
bool valid_outcome(std::string_view outcome);

// As typed (trimmed) in the form.
struct FindingInput {
  std::string title;
  std::string body;
  std::string outcome;
};

// The input when acceptable, else the fields to fix (title, body, outcome).
Result<FindingInput> check_finding(FindingInput in);

// What the log holds instead of the text: hex SHA-256 of the canonical JSON
// {"body":…,"title":…}, so anyone holding the finding can recompute it.
std::string finding_digest(std::string_view title, std::string_view body);

}  // namespace hs::audit::rules
