#include "modules/events/commands/cloud_tally.hpp"

#include <functional>
#include <mutex>
#include <optional>
#include <string>
#include <unordered_map>

#include "text/language.hpp"

namespace hs::events::commands {

namespace {

// An item's tally and exactly which entries went into it, in order. A later build
// reuses it only when the entries it holds are still the first entries read, unchanged
// (same ids, same text): then adding the rest gives the same tally as adding all. A
// withdrawn entry, an id arriving below one already seen, or a row id reused with other
// text means a fresh build. Moderation is applied from the stored rows every time.
struct Kept {
  std::string language;
  std::int64_t max_chars = 0;
  std::string held, allowed;                               // the event's word lists it was built with
  std::vector<std::pair<std::int64_t, std::size_t>> seen;  // id, hash of the text
  std::optional<wordcloud::Tally> tally;
  std::uint64_t used = 0;
};

constexpr std::size_t kItems = 64;  // items kept; the least recently used goes first

std::mutex g_mu;
std::unordered_map<std::int64_t, Kept> g_kept;
std::uint64_t g_clock = 0;

std::size_t text_hash(const std::string& s) { return std::hash<std::string>{}(s); }

bool still_prefix(const Kept& k, const std::vector<CloudEntry>& entries) {
  if (k.seen.size() > entries.size()) return false;
  for (std::size_t i = 0; i < k.seen.size(); ++i)
    if (k.seen[i].first != entries[i].id || k.seen[i].second != text_hash(entries[i].body)) return false;
  return true;
}

}  // namespace

Result<std::vector<CloudCount>> cloud_groups(std::int64_t item_id, std::string_view language, std::int64_t max_chars,
                                             const std::vector<CloudEntry>& entries,
                                             const std::vector<CloudDecision>& decisions,
                                             const hs::text::EventWords& words) {
  std::string lang(language.empty() ? "en" : language);
  std::lock_guard g(g_mu);
  auto& k = g_kept[item_id];
  k.used = ++g_clock;
  if (!k.tally || k.language != lang || k.max_chars != max_chars || k.held != words.held ||
      k.allowed != words.allowed || !still_prefix(k, entries)) {
    wordcloud::EntryRules rules;
    rules.max_chars = static_cast<std::size_t>(max_chars > 0 ? max_chars : 40);
    auto t = wordcloud::make_tally(lang, rules, {}, words);
    if (!t) {
      g_kept.erase(item_id);
      return fail(t.error());
    }
    k.tally.emplace(std::move(*t));
    k.language = lang;
    k.max_chars = max_chars;
    k.held = words.held;
    k.allowed = words.allowed;
    k.seen.clear();
  }
  for (std::size_t i = k.seen.size(); i < entries.size(); ++i) {
    (void)k.tally->add(std::to_string(entries[i].id), entries[i].body);
    k.seen.emplace_back(entries[i].id, text_hash(entries[i].body));
  }
  k.tally->set_moderation(from_decisions(decisions));
  auto out = all_groups(*k.tally);
  if (g_kept.size() > kItems) {
    auto oldest = g_kept.begin();
    for (auto it = g_kept.begin(); it != g_kept.end(); ++it)
      if (it->second.used < oldest->second.used) oldest = it;
    g_kept.erase(oldest);
  }
  return out;
}

void forget_cloud_tallies() {
  std::lock_guard g(g_mu);
  g_kept.clear();
}

}  // namespace hs::events::commands
