#include "modules/actions/rules/paging.hpp"

#include <algorithm>

namespace hs::actions {

std::optional<int> parse_page(std::string_view s) {
  if (s.empty() || s.size() > 9) return std::nullopt;
  int n = 0;
  for (char ch : s) {
    if (ch < '0' || ch > '9') return std::nullopt;
    n = n * 10 + (ch - '0');
  }
  if (n < 1) return std::nullopt;
  return n;
}

Paging paging(std::int64_t total, std::optional<int> asked, int per_page) {
  Paging p;
  p.limit = std::max(1, per_page);
  const auto pages = total <= 0 ? 1 : (total + p.limit - 1) / p.limit;
  p.pages = static_cast<int>(std::min<std::int64_t>(pages, 1'000'000'000));
  p.page = std::clamp(asked.value_or(1), 1, p.pages);
  p.offset = static_cast<std::int64_t>(p.page - 1) * p.limit;
  return p;
}

std::vector<int> page_links(int page, int pages) {
  std::vector<int> out;
  if (pages <= 1) return out;
  int last = 0;
  for (int n = 1; n <= pages; ++n) {
    const bool shown = n == 1 || n == pages || (n >= page - 1 && n <= page + 1);
    if (!shown) continue;
    if (last && n > last + 1) out.push_back(0);
    out.push_back(n);
    last = n;
  }
  return out;
}

}  // namespace hs::actions
