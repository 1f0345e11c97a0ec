#pragma once
// Who may use which password: NIST SP 800-63B style. Length counts code points, no
// composition rules, and no password from the list of the most common ones or that is
// simply the person's own email or name.
#include <optional>
#include <string>
#include <string_view>
#include <unordered_set>

namespace hs::accounts::rules {

inline constexpr std::size_t kPasswordMin = 8;
inline constexpr std::size_t kPasswordMax = 128;

// Lower-cased (ASCII) entries, one per line of the shipped list; '#' lines and blanks skipped.
std::unordered_set<std::string> parse_password_list(std::string_view file);

// The message key of what is wrong with a new password, or nothing when it is fine.
// password must be valid UTF-8 (forms guarantee it).
std::optional<std::string> password_problem(std::string_view password, std::string_view email,
                                            std::string_view display_name,
                                            const std::unordered_set<std::string>& common);

}  // namespace hs::accounts::rules
