#pragma once
// The plain records the library hands out (and its repo uses).
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace hs::library {

struct ResourceRow {
  std::int64_t id = 0;
  std::int64_t space_id = 0;
  std::optional<std::int64_t> added_by;
  std::string kind;  // link | file
  std::string title, description;
  std::optional<std::string> url;          // a link's address
  std::optional<std::string> stored_name;  // a file's random name on disk (never shown)
  std::optional<std::string> file_name;    // as uploaded: shown, never used on disk
  std::optional<std::string> media_type;   // read from the bytes
  std::optional<std::int64_t> size_bytes;
  std::optional<std::int64_t> conversation_id;  // the conversation it came from
  std::string state;                            // shown | removed
  std::optional<std::string> remove_reason;
  std::int64_t created_at = 0, updated_at = 0;
  std::vector<std::string> tags;
};

}  // namespace hs::library
