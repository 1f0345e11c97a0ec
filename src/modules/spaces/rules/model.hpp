#pragma once
// The words the spaces module stores: roles, visibilities and kinds, and their spelling
// in the database and in forms. Pure: no I/O.
#include <optional>
#include <string_view>

namespace hs::spaces {

// Roles are functions, not ranks: the order below carries no meaning beyond `none`.
// A partner answers for a named organisation (a health board, a council's housing team):
// they may see the space and what it shares with partners, but they are not one of its
// members (no vote, no member-only pages). A treasurer is a member who approves claims for
// time and expenses and prepares payments: the only role that sees bank details.
enum class Role { none, member, facilitator, auditor, steward, partner, treasurer };
enum class Visibility { listed, unlisted, private_space };
enum class Kind { practice, forum, network };

std::optional<Role> parse_role(std::string_view s);  // never yields Role::none
std::optional<Visibility> parse_visibility(std::string_view s);
std::optional<Kind> parse_kind(std::string_view s);

std::string_view to_string(Role r);  // "" for none
std::string_view to_string(Visibility v);
std::string_view to_string(Kind k);

// A role that lets a person see other people's data in a space.
bool elevated(Role r);
// One of the space's own members, in any role but partner: what member-only pages ask.
bool is_member(Role r);

}  // namespace hs::spaces
