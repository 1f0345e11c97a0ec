#include "modules/accounts/rules/profile_fields.hpp"

#include "core/text.hpp"

namespace hs::accounts::rules {

std::optional<std::string> display_name_problem(std::string_view name) {
  if (name.empty()) return "accounts_name_missing";
  if (text::length(name) > kDisplayNameMax) return "accounts_name_too_long";
  if (text::has_control(name, false)) return "accounts_name_invalid";
  return std::nullopt;
}

std::optional<std::string> pronouns_problem(std::string_view pronouns) {
  if (text::length(pronouns) > kPronounsMax) return "accounts_pronouns_too_long";
  if (text::has_control(pronouns, false)) return "accounts_pronouns_invalid";
  return std::nullopt;
}

std::optional<std::string> access_needs_problem(std::string_view needs) {
  if (text::length(needs) > kAccessNeedsMax) return "accounts_access_needs_too_long";
  if (text::has_control(needs, true)) return "accounts_access_needs_invalid";
  return std::nullopt;
}

}  // namespace hs::accounts::rules
