#include "modules/accounts/rules/password_policy.hpp"

#include "core/text.hpp"

namespace hs::accounts::rules {

std::unordered_set<std::string> parse_password_list(std::string_view file) {
  std::unordered_set<std::string> out;
  for (auto line : text::content_lines(file)) out.insert(text::lower_ascii(line));
  return out;
}

std::optional<std::string> password_problem(std::string_view password, std::string_view email,
                                            std::string_view display_name,
                                            const std::unordered_set<std::string>& common) {
  auto n = text::length(password);
  if (n < kPasswordMin) return "accounts_password_too_short";
  if (n > kPasswordMax) return "accounts_password_too_long";
  auto lowered = text::lower_ascii(password);
  if (common.contains(lowered) || common.contains(std::string(text::trim(lowered)))) return "accounts_password_common";
  auto same = [&](std::string_view other) {
    auto o = text::lower_ascii(text::trim(other));
    return !o.empty() && text::trim(lowered) == o;
  };
  auto at = email.find('@');
  if (same(email) || same(display_name) || (at != std::string_view::npos && same(email.substr(0, at))))
    return "accounts_password_personal";
  return std::nullopt;
}

}  // namespace hs::accounts::rules
