#include "modules/spaces/rules/invitation.hpp"

#include <charconv>

namespace hs::spaces {

std::int64_t invitation_expires_at(std::int64_t created_at, std::int64_t days) { return created_at + days * kDay; }

InvitationState invitation_state(std::int64_t now, std::int64_t expires_at, std::optional<std::int64_t> used_at) {
  if (used_at) return InvitationState::used;
  if (now >= expires_at) return InvitationState::expired;
  return InvitationState::valid;
}

Result<std::int64_t> parse_invitation_days(std::string_view text) {
  if (text.empty()) return kInvitationDefaultDays;
  std::int64_t days = 0;
  auto [p, ec] = std::from_chars(text.data(), text.data() + text.size(), days);
  if (ec != std::errc() || p != text.data() + text.size() || days < 1 || days > kInvitationMaxDays) {
    Validation v;
    v.add("days", "spaces_invite_days_invalid");
    return fail(v.error());
  }
  return days;
}

bool address_looks_valid(std::string_view a) {
  if (a.size() < 5 || a.size() > 254) return false;
  for (char ch : a)
    if (static_cast<unsigned char>(ch) <= ' ' || ch == 0x7f || ch == '<' || ch == '>' || ch == ',') return false;
  auto at = a.find('@');
  if (at == std::string_view::npos || at == 0 || a.find('@', at + 1) != std::string_view::npos) return false;
  auto domain = a.substr(at + 1);
  auto dot = domain.rfind('.');
  return dot != std::string_view::npos && dot > 0 && dot + 1 < domain.size() && domain.front() != '.';
}

}  // namespace hs::spaces
