#include "text/entry.hpp"

#include <unicode/uchar.h>
#include <unicode/utf8.h>

#include <algorithm>

#include "core/text.hpp"
#include "text/normalise.hpp"

namespace hs::text {
namespace {

// C0 and C1 controls, line and paragraph separators: nothing a word needs. A tab is
// only white space and is tidied away.
bool has_controls(std::string_view s) {
  int32_t i = 0, n = static_cast<int32_t>(s.size());
  while (i < n) {
    UChar32 c;
    U8_NEXT(s.data(), i, n, c);
    if (c < 0) return true;
    if (c == U'\t') continue;
    auto type = u_charType(c);
    if (type == U_CONTROL_CHAR || type == U_LINE_SEPARATOR || type == U_PARAGRAPH_SEPARATOR) return true;
  }
  return false;
}

}  // namespace

Result<std::string> validate_entry(std::string_view text, const EntryRules& rules) {
  Validation v;
  if (!hs::text::valid_utf8(text) || has_controls(text)) {
    v.add("entry", "wordcloud_entry_invalid");
    return fail(v.error());
  }
  std::string shown = hs::text::display_form(text);
  if (shown.empty()) {
    v.add("entry", "wordcloud_entry_empty");
    return fail(v.error());
  }
  // Words are what a person sees as words: "co-production" is one.
  auto words = static_cast<std::size_t>(std::count(shown.begin(), shown.end(), ' ')) + 1;
  if (hs::text::length(shown) > rules.max_chars) v.add("entry", "wordcloud_entry_too_long");
  else if (words > rules.max_words) v.add("entry", "wordcloud_entry_too_many_words");
  if (!v.ok()) return fail(v.error());
  return shown;
}

}  // namespace hs::text
