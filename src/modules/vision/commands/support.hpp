#pragma once
// What the board commands share: the board opened in the caller's transaction for a
// person, with their role in its space as it is now.
#include <cstdint>
#include <string>

#include "core/error.hpp"
#include "modules/spaces/module.hpp"
#include "modules/vision/records.hpp"
#include "modules/vision/rules/horizons.hpp"
#include "services/services.hpp"

namespace hs::vision::commands {

struct Open {
  BoardRow row;
  Board board;
  spaces::Subject who;
};
// The board when it is in this space and the person may see it (not_found otherwise, so
// nobody learns that a board exists where they may not look).
Result<Open> open(store::Conn& c, std::int64_t space_id, std::int64_t board_id, std::int64_t user_id);
spaces::Subject subject_in(store::Conn& c, std::int64_t space_id, std::int64_t user_id);
// Appends a moderation entry naming the board and the person by commitment.
Result<void> log(Services& app, store::Conn& c, const BoardRow& row, std::int64_t user_id, const std::string& kind,
                 services::AuditFields fields);

}  // namespace hs::vision::commands
