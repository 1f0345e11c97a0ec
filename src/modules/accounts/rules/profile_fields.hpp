#pragma once
// Limits on what people write about themselves: short enough to show anywhere, no
// control characters that could break a page or an email.
#include <optional>
#include <string>
#include <string_view>

namespace hs::accounts::rules {

inline constexpr std::size_t kDisplayNameMax = 50;
inline constexpr std::size_t kPronounsMax = 30;
inline constexpr std::size_t kAccessNeedsMax = 2000;

// Message key of the problem, if any. Inputs are trimmed and valid UTF-8.
std::optional<std::string> display_name_problem(std::string_view name);
std::optional<std::string> pronouns_problem(std::string_view pronouns);
std::optional<std::string> access_needs_problem(std::string_view needs);

}  // namespace hs::accounts::rules
