#pragma once
// What consent and consensus share: a proposal is open until its stated closing time,
// then closed with an outcome. Answers are accepted only while open; the outcome is
// declared only once the closing time has come, as the settings promised.
#include <cstdint>

#include "core/error.hpp"
#include "modules/decisions/rules/settings.hpp"

namespace hs::decisions {

enum class Phase { open, closed };

// (conflict, decisions_closed) once closed or once the closing time has come.
Result<void> check_may_respond(Phase phase, const Settings& settings, std::int64_t at);
// (conflict, decisions_closed) when already closed; (conflict, decisions_close_too_early)
// before the closing time.
Result<void> check_may_close(Phase phase, const Settings& settings, std::int64_t at);

}  // namespace hs::decisions
