#include "modules/accounts/rules/next_path.hpp"

namespace hs::accounts::rules {

bool is_local_path(std::string_view next) {
  if (next.empty() || next.front() != '/' || next.size() > 2000) return false;
  if (next.size() > 1 && (next[1] == '/' || next[1] == '\\')) return false;
  for (unsigned char c : next)
    if (c < 0x20 || c == 0x7F || c == '\\') return false;
  return true;
}

std::string after_signin(std::string_view next) {
  if (next.empty()) return "/spaces";
  return is_local_path(next) ? std::string(next) : "/";
}

}  // namespace hs::accounts::rules
