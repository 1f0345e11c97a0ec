#pragma once
// Invitation links: single use, and they expire. Pure: times are passed in.
#include <cstdint>
#include <optional>
#include <string_view>

#include "core/error.hpp"

namespace hs::spaces {

constexpr std::int64_t kInvitationDefaultDays = 7;
constexpr std::int64_t kInvitationMaxDays = 30;
constexpr std::int64_t kDay = 24 * 60 * 60;

enum class InvitationState { valid, expired, used };

std::int64_t invitation_expires_at(std::int64_t created_at, std::int64_t days);
// Used wins over expired: a used link stays "used" whatever the time.
InvitationState invitation_state(std::int64_t now, std::int64_t expires_at, std::optional<std::int64_t> used_at);
// The "valid for" choice on the form: empty means the default; 1..kInvitationMaxDays.
Result<std::int64_t> parse_invitation_days(std::string_view text);
// A loose check of an address to send an invitation to: something@domain.tld, no spaces.
bool address_looks_valid(std::string_view address);

}  // namespace hs::spaces
