#include "modules/events/commands/cloud_tally.hpp"

#include <functional>
#include <mutex>
#include <optional>
#include <string>
#include <unordered_map>

#include "services/services.hpp"
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
  std::optional<text::Tally> tally;
  std::uint64_t used = 0;
};

constexpr std::size_t kItems = 64;  // items kept; the least recently used goes first

// The tallies of one server (Services::kept).
struct Tallies {
  std::mutex mu;
  std::unordered_map<std::int64_t, Kept> kept;
  std::uint64_t clock = 0;
};

std::size_t text_hash(const std::string& s) { return std::hash<std::string>{}(s); }

bool still_prefix(const Kept& k, const std::vector<CloudEntry>& entries) {
  if (k.seen.size() > entries.size()) return false;
  for (std::size_t i = 0; i < k.seen.size(); ++i)
    if (k.seen[i].first != entries[i].id || k.seen[i].second != text_hash(entries[i].body)) return false;
  return true;
}

}  // namespace

Result<std::vector<CloudCount>> cloud_groups(Services& app, std::int64_t item_id, std::string_view language,
                                             std::int64_t max_chars, const std::vector<CloudEntry>& entries,
                                             const std::vector<CloudDecision>& decisions,
                                             const hs::text::EventWords& words) {
  std::string lang(language.empty() ? "en" : language);
  auto& t = app.kept<Tallies>();
  std::lock_guard g(t.mu);
  auto& k = t.kept[item_id];
  k.used = ++t.clock;
  if (!k.tally || k.language != lang || k.max_chars != max_chars || k.held != words.held ||
      k.allowed != words.allowed || !still_prefix(k, entries)) {
    text::EntryRules rules;
    rules.max_chars = static_cast<std::size_t>(max_chars > 0 ? max_chars : 40);
    auto made = text::make_tally(lang, rules, {}, words);
    if (!made) {
      t.kept.erase(item_id);
      return fail(made.error());
    }
    k.tally.emplace(std::move(*made));
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
  if (t.kept.size() > kItems) {
    auto oldest = t.kept.begin();
    for (auto it = t.kept.begin(); it != t.kept.end(); ++it)
      if (it->second.used < oldest->second.used) oldest = it;
    t.kept.erase(oldest);
  }
  return out;
}

void forget_cloud_tallies(Services& app) {
  auto& t = app.kept<Tallies>();
  std::lock_guard g(t.mu);
  t.kept.clear();
}

}  // namespace hs::events::commands
