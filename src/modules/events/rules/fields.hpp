#pragma once
// What a facilitator types to make an event and its agenda, checked. Pure.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/error.hpp"

namespace hs::events {

// horizons and opinions: a Three Horizons board and an opinion map, kept by the vision
// module (its pages are under the item's address).
enum class ItemKind { talk, poll, qa, cloud, horizons, opinions };
enum class ItemState { waiting, open, closed };

std::optional<ItemKind> parse_kind(std::string_view s);
std::string_view to_string(ItemKind k);
std::optional<ItemState> parse_state(std::string_view s);
std::string_view to_string(ItemState s);

struct EventInput {
  std::string title, description, starts, ends;  // starts/ends: "YYYY-MM-DDTHH:MM" (UTC)
  std::string language{};                        // word clouds' language, an ISO 639-1 code; empty: "en"
};
struct EventFields {
  std::string title, description;
  std::int64_t starts_at = 0, ends_at = 0;
  std::string language = "en";
};
// languages: the codes word clouds can group words in (text::languages()).
Result<EventFields> check_event(const EventInput& in, const std::vector<std::string>& languages = {"en"});

// "2025-03-14T09:30" (as a datetime-local input sends it) to unix seconds, read as UTC.
std::optional<std::int64_t> parse_local_datetime(std::string_view s);
std::string format_local_datetime(std::int64_t unix_seconds);
// "2025-03-14 09:30", for emails (the template says it is UTC).
std::string format_email_datetime(std::int64_t unix_seconds);

struct ItemInput {
  std::string kind, title, summary, speakers, key_messages, content_note, options;
  bool multiple = false, premoderate = false;
  std::string max_entries;
  std::string max_chars;  // word clouds: longest entry, 10-80 characters (40 when empty)
};
struct Speaker {
  std::string name, about;
};
struct ItemFields {
  ItemKind kind = ItemKind::talk;
  std::string title, summary, speakers, key_messages;
  std::optional<std::string> content_note;
  std::vector<std::string> options;  // poll only
  bool multiple = false, premoderate = false;
  std::int64_t max_entries = 3;  // word clouds: entries per person, 1-10
  std::int64_t max_chars = 40;
};
Result<ItemFields> check_item(const ItemInput& in);
// "name | who they are" lines.
std::vector<Speaker> parse_speakers(std::string_view text);
// Non-empty trimmed lines.
std::vector<std::string> lines_of(std::string_view text);

}  // namespace hs::events
