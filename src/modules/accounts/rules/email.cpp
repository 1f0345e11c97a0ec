#include "modules/accounts/rules/email.hpp"

#include "core/text.hpp"

namespace hs::accounts::rules {

std::string normalise_email(std::string_view typed) { return text::lower_ascii(text::trim(typed)); }

bool email_looks_valid(std::string_view e) {
  if (e.empty() || e.size() > 254 || !text::valid_utf8(e) || text::has_control(e, false)) return false;
  for (char c : e)
    if (c == ' ' || c == '<' || c == '>' || c == ',' || c == ';' || c == '"' || c == '\\') return false;
  auto at = e.rfind('@');
  if (at == std::string_view::npos || at == 0 || at > 64) return false;
  auto domain = e.substr(at + 1);
  if (domain.find('@') != std::string_view::npos) return false;
  auto dot = domain.rfind('.');
  if (dot == std::string_view::npos || dot == 0 || dot + 1 >= domain.size()) return false;
  if (domain.front() == '-' || domain.find("..") != std::string_view::npos) return false;
  return e.substr(0, at).find('@') == std::string_view::npos;
}

}  // namespace hs::accounts::rules
