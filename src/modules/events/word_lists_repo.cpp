#include "modules/events/word_lists_repo.hpp"

#include "store/db.hpp"

namespace hs::events::repo {

namespace {
constexpr const char* kEventWords = "SELECT kind, word FROM event_word_lists WHERE event_id = ? ORDER BY kind, word";
constexpr const char* kAddEventWord =
    "INSERT INTO event_word_lists (event_id, kind, word) VALUES (?, ?, ?) ON CONFLICT (event_id, kind, word) DO "
    "NOTHING";
constexpr const char* kFindEventWord = "SELECT 1 FROM event_word_lists WHERE event_id = ? AND kind = ? AND word = ?";
constexpr const char* kRemoveEventWord = "DELETE FROM event_word_lists WHERE event_id = ? AND kind = ? AND word = ?";
}  // namespace

std::vector<EventWordRow> event_words(store::Conn& c, std::int64_t event_id) {
  std::vector<EventWordRow> out;
  for (const auto& r : c.q(kEventWords, event_id)) out.push_back({r.text(0), r.text(1)});
  return out;
}

text::EventWords cloud_word_lists(store::Conn& c, std::int64_t event_id) {
  hs::text::EventWords w;
  for (const auto& r : event_words(c, event_id)) (r.kind == "held" ? w.held : w.allowed) += r.word + "\n";
  return w;
}

void add_event_word(store::Conn& c, std::int64_t event_id, const std::string& kind, const std::string& word) {
  c.q(kAddEventWord, event_id, kind, word);
}

bool remove_event_word(store::Conn& c, std::int64_t event_id, const std::string& kind, const std::string& word) {
  if (c.q(kFindEventWord, event_id, kind, word).empty()) return false;
  c.q(kRemoveEventWord, event_id, kind, word);
  return true;
}

}  // namespace hs::events::repo
