#include "modules/spaces/rules/model.hpp"

namespace hs::spaces {

std::optional<Role> parse_role(std::string_view s) {
  if (s == "member") return Role::member;
  if (s == "facilitator") return Role::facilitator;
  if (s == "auditor") return Role::auditor;
  if (s == "steward") return Role::steward;
  if (s == "partner") return Role::partner;
  if (s == "treasurer") return Role::treasurer;
  return std::nullopt;
}

std::optional<Visibility> parse_visibility(std::string_view s) {
  if (s == "listed") return Visibility::listed;
  if (s == "unlisted") return Visibility::unlisted;
  if (s == "private") return Visibility::private_space;
  return std::nullopt;
}

std::optional<Kind> parse_kind(std::string_view s) {
  if (s == "practice") return Kind::practice;
  if (s == "forum") return Kind::forum;
  if (s == "network") return Kind::network;
  return std::nullopt;
}

std::string_view to_string(Role r) {
  switch (r) {
    case Role::none: return "";
    case Role::member: return "member";
    case Role::facilitator: return "facilitator";
    case Role::auditor: return "auditor";
    case Role::steward: return "steward";
    case Role::partner: return "partner";
    case Role::treasurer: return "treasurer";
  }
  return "";
}

std::string_view to_string(Visibility v) {
  switch (v) {
    case Visibility::listed: return "listed";
    case Visibility::unlisted: return "unlisted";
    case Visibility::private_space: return "private";
  }
  return "private";
}

std::string_view to_string(Kind k) {
  switch (k) {
    case Kind::practice: return "practice";
    case Kind::forum: return "forum";
    case Kind::network: return "network";
  }
  return "practice";
}

bool elevated(Role r) {
  return r == Role::facilitator || r == Role::auditor || r == Role::steward || r == Role::treasurer;
}

bool is_member(Role r) { return r != Role::none && r != Role::partner; }

}  // namespace hs::spaces
