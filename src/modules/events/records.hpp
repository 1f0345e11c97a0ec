#pragma once
// What the events module keeps, as plain data: the records its front door hands out.
// The SQL that reads and writes them is in repo.* and is the module's own.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace hs::events {

struct EventRow {
  std::int64_t id = 0, space_id = 0, starts_at = 0, ends_at = 0;
  std::string title, description, join_code, support_text, space_slug, space_name;
  std::optional<std::int64_t> current_item_id;
  std::string language = "en";  // word clouds: stemming and word lists
};
struct ItemRow {
  std::int64_t id = 0, event_id = 0, position = 0, max_entries = 3, max_chars = 40;
  std::string kind, title, summary, speakers, key_messages, state;
  std::optional<std::string> content_note;
  bool multiple = false, premoderate = false, revealed = false;
  std::optional<std::int64_t> shown_question_id;  // a Q&A's question shown large on the presenter
};
struct QuestionRow {
  std::int64_t id = 0, votes = 0, created_at = 0;
  std::optional<std::int64_t> participant_id;
  std::string body, status;
  std::optional<std::string> nickname;  // only when not anonymous
  bool answered = false;
};
struct EntryRow {
  std::int64_t id = 0, participant_id = 0;
  std::string body;
};

}  // namespace hs::events
