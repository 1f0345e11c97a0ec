#pragma once
// What the breakouts module keeps, as plain data: the records its front door hands out.
// The SQL that reads and writes them is in repo.* and is the module's own.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace hs::breakouts {

struct RoundRow {
  std::int64_t id = 0, event_id = 0, number = 0, min_size = 0, max_size = 0, duration_minutes = 0, created_at = 0;
  std::string prompts, mode, state;
  std::optional<std::string> content_note, broadcast, figures;
  std::optional<std::string> keep_apart, keep_together;  // "name, name" lines
  std::optional<std::int64_t> group_count;
  std::optional<std::string> attributes_sealed;
  bool space_history = false;
  bool auto_end = false;  // ends by itself a minute after its time is up
  bool use_equality = false;  // balanced: also spread the equality answers of those who agreed
  std::optional<std::int64_t> started_at, ends_at, ended_at, broadcast_at;
};
struct HelpRow {
  std::int64_t id = 0, group_id = 0, group_number = 0, asked_at = 0;
};
struct ThemeRow {
  std::int64_t id = 0, event_id = 0, position = 0;
  std::string title;
};

}  // namespace hs::breakouts
