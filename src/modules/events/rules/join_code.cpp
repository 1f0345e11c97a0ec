#include "modules/events/rules/join_code.hpp"

namespace hs::events {

bool valid_join_code(std::string_view code) {
  if (code.size() != kJoinCodeLength) return false;
  for (char ch : code)
    if (kJoinAlphabet.find(ch) == std::string_view::npos) return false;
  return true;
}

std::optional<std::string> normalise_join_code(std::string_view typed) {
  if (typed.size() > 40) return std::nullopt;
  std::string out;
  for (char ch : typed) {
    if (ch == ' ' || ch == '-' || ch == '\t') continue;
    if (ch >= 'a' && ch <= 'z') ch = static_cast<char>(ch - 'a' + 'A');
    out.push_back(ch);
  }
  if (!valid_join_code(out)) return std::nullopt;
  return out;
}

}  // namespace hs::events
