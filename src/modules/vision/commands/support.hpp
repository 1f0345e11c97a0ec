#pragma once
// What the board commands share: the board opened in the caller's transaction for a
// person, with their role in its space as it is now.
#include <cstdint>
#include <string>

#include "core/error.hpp"
#include "modules/spaces/module.hpp"
#include "modules/vision/commands/commands.hpp"
#include "modules/vision/records.hpp"
#include "modules/vision/rules/horizons.hpp"
#include "services/services.hpp"

namespace hs::vision::commands {

struct Open {
  BoardRow row;
  Board board;
  bool take_part = false, facilitate = false;
  // Whom the rules count the person as: their account on a space's board, their
  // participant record on an event's (0 when they have none and did not take part).
  std::int64_t me = 0;
  std::int64_t user_id = 0, participant_id = 0;  // what is stored as the author or voter
};
// The board when it is in this space and the person may see it (not_found otherwise, so
// nobody learns that a board exists where they may not look). taking_part: on an event's
// board, a member taking part for the first time gets a participant record.
Result<Open> open(Services& app, store::Conn& c, std::int64_t space_id, std::int64_t board_id, const Actor& who,
                  bool taking_part = false);
// After a commit: an event's board is drawn again on every screen.
void changed(Services& app, const std::optional<std::int64_t>& event_id);
spaces::Subject subject_in(store::Conn& c, std::int64_t space_id, std::int64_t user_id);
// Appends a moderation entry naming the board and the person by commitment.
Result<void> log(Services& app, store::Conn& c, const BoardRow& row, std::int64_t user_id, const std::string& kind,
                 services::AuditFields fields);

}  // namespace hs::vision::commands
