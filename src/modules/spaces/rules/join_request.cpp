#include "modules/spaces/rules/join_request.hpp"

#include "core/text.hpp"

namespace hs::spaces {

std::optional<RequestStatus> parse_request_status(std::string_view s) {
  if (s == "pending") return RequestStatus::pending;
  if (s == "approved") return RequestStatus::approved;
  if (s == "declined") return RequestStatus::declined;
  return std::nullopt;
}

std::string_view to_string(RequestStatus s) {
  switch (s) {
    case RequestStatus::pending: return "pending";
    case RequestStatus::approved: return "approved";
    case RequestStatus::declined: return "declined";
  }
  return "pending";
}

Result<void> check_may_request(Role role, const std::optional<LastRequest>& last, std::int64_t now) {
  if (role != Role::none) return fail(ErrorCode::conflict, "spaces_already_member");
  if (!last) return {};
  switch (last->status) {
    case RequestStatus::pending: return fail(ErrorCode::conflict, "spaces_request_already_pending");
    case RequestStatus::declined:
      if (now - last->decided_at < kAskAgainAfter) return fail(ErrorCode::conflict, "spaces_request_ask_again_later");
      return {};
    case RequestStatus::approved: return {};  // approved, then left: may come back
  }
  return {};
}

Result<void> validate_request(std::string_view message, bool accepted_code) {
  Validation v;
  if (!text::valid_utf8(message) || text::has_control(message, true))
    v.add("message", "spaces_request_message_invalid");
  else if (text::length(message) > kRequestMessageMax) v.add("message", "spaces_request_message_too_long");
  if (!accepted_code) v.add("accept_code", "spaces_accept_code_required");
  if (!v.ok()) return fail(v.error());
  return {};
}

Result<RequestStatus> decide_request(RequestStatus current, bool approve) {
  if (current != RequestStatus::pending) return fail(ErrorCode::conflict, "spaces_request_already_decided");
  return approve ? RequestStatus::approved : RequestStatus::declined;
}

}  // namespace hs::spaces
