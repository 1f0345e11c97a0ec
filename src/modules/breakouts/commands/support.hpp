#pragma once
// Shared by the breakouts commands.
#include <cstdint>
#include <optional>
#include <string>

namespace hs::web {
class App;
}
namespace hs::store {
class Conn;
}

namespace hs::breakouts::commands {

// How a person is shown at the event: a member's display name, a guest's nickname, or
// "Guest 12" for a guest who gave none.
std::string person_name(web::App& app, store::Conn& c, std::optional<std::int64_t> user_id,
                        const std::optional<std::string>& nickname, std::int64_t participant_id);

}  // namespace hs::breakouts::commands
