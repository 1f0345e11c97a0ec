#pragma once
// Asking to join a space, and deciding. Pure: times are passed in.
#include <cstdint>
#include <optional>
#include <string_view>

#include "core/error.hpp"
#include "modules/spaces/rules/model.hpp"

namespace hs::spaces {

enum class RequestStatus { pending, approved, declined };

constexpr std::size_t kRequestMessageMax = 1000;
// After a "no", a person may ask again once this much time has passed, so stewards are
// not asked the same question every day.
constexpr std::int64_t kAskAgainAfter = 7 * 24 * 60 * 60;

std::optional<RequestStatus> parse_request_status(std::string_view s);
std::string_view to_string(RequestStatus s);

struct LastRequest {
  RequestStatus status = RequestStatus::pending;
  std::int64_t decided_at = 0;
};

// Whether a person with this role (none when not a member) and their latest request may
// ask to join now.
Result<void> check_may_request(Role role, const std::optional<LastRequest>& last, std::int64_t now);
// The optional message and the code-of-conduct checkbox.
Result<void> validate_request(std::string_view message, bool accepted_code);
// Only a pending request can be decided; the answer is final.
Result<RequestStatus> decide_request(RequestStatus current, bool approve);

}  // namespace hs::spaces
