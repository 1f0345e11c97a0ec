#pragma once
// The plain records the vision module hands out (its front door and its repo share them).
#include <cstdint>
#include <optional>
#include <string>

namespace hs::vision {

// A Three Horizons board as it is kept: which space it is in, its title, stage and how
// many dots each person has.
struct BoardRow {
  std::int64_t id = 0;
  std::int64_t space_id = 0;
  std::optional<std::int64_t> event_id;
  std::optional<std::int64_t> item_id;  // an event's agenda item: its people are the event's participants
  std::int64_t version = 0;             // grows with every change (the event's live channel)
  std::string title;
  std::string stage = "h1";
  int dots_per_person = 3;
  std::optional<std::int64_t> created_by;
  std::int64_t created_at = 0, updated_at = 0;
};

// An opinion map: a question, whether statements wait for a facilitator, and a version
// that grows with every vote and statement shown.
struct MapRow {
  std::int64_t id = 0;
  std::int64_t space_id = 0;
  std::optional<std::int64_t> event_id;
  std::optional<std::int64_t> item_id;  // an event's agenda item: its voters are the event's participants
  std::string question;
  bool moderated = false;
  std::int64_t version = 0;
  std::optional<std::int64_t> created_by;
  std::int64_t created_at = 0, updated_at = 0;
};

// A statement on a map: pending, shown or rejected. Its author is never shown.
struct StatementRow {
  std::int64_t id = 0;
  std::int64_t map_id = 0;
  std::string text, status;
  std::int64_t created_at = 0;
};

// One answer: 1 agree, -1 disagree, 0 pass.
struct VoteRow {
  std::int64_t statement_id = 0, voter_id = 0;
  int vote = 0;
};

}  // namespace hs::vision
