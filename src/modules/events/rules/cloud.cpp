#include "modules/events/rules/cloud.hpp"

#include <algorithm>
#include <unordered_map>

#include "core/text.hpp"

namespace hs::events {
using namespace hs::text;

namespace {
std::string key_of(std::string_view s) {
  std::string out;
  bool space = false;
  for (char ch : trim(s)) {
    if (ch == ' ' || ch == '\t') {
      space = true;
      continue;
    }
    if (space && !out.empty()) out.push_back(' ');
    space = false;
    out.push_back(ch);
  }
  return lower_ascii(out);
}
}  // namespace

std::vector<CloudCount> group_entries(const std::vector<std::string>& entries) {
  std::vector<CloudCount> out;
  std::unordered_map<std::string, std::size_t> at;
  for (const auto& e : entries) {
    auto k = key_of(e);
    if (k.empty()) continue;
    auto [it, fresh] = at.emplace(k, out.size());
    if (fresh) out.push_back({std::string(trim(e)), 0});
    ++out[it->second].count;
  }
  std::stable_sort(out.begin(), out.end(), [](const CloudCount& a, const CloudCount& b) { return a.count > b.count; });
  return out;
}

Result<std::string> check_entry(const std::string& text, std::int64_t already, std::int64_t max) {
  auto t = std::string(trim(text));
  if (t.empty()) return fail(Error{ErrorCode::invalid, "common_fix_errors", {{"entry", "events_entry_missing"}}});
  if (!valid_utf8(t) || length(t) > 40 || has_control(t, false))
    return fail(Error{ErrorCode::invalid, "common_fix_errors", {{"entry", "events_entry_too_long"}}});
  if (already >= max) return fail(Error{ErrorCode::conflict, "common_fix_errors", {{"entry", "events_entry_limit"}}});
  return t;
}

}  // namespace hs::events
