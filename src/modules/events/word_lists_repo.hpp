#pragma once
// The SQL of an event's own word lists (held and allowed words for its word clouds).
#include <cstdint>
#include <string>
#include <vector>

#include "text/language.hpp"

namespace hs::store {
class Conn;
}

namespace hs::events::repo {

struct EventWordRow {
  std::string kind;  // held | allowed
  std::string word;
};

// Sorted by kind, then word.
std::vector<EventWordRow> event_words(store::Conn& c, std::int64_t event_id);
// The lists as the word-cloud engine takes them, one word a line.
text::EventWords cloud_word_lists(store::Conn& c, std::int64_t event_id);
// Adding a word already there changes nothing.
void add_event_word(store::Conn& c, std::int64_t event_id, const std::string& kind, const std::string& word);
// False when there was no such word.
bool remove_event_word(store::Conn& c, std::int64_t event_id, const std::string& kind, const std::string& word);

}  // namespace hs::events::repo
