#pragma once
// What the spaces module needs to know about a person that the accounts module keeps:
// where to email them, and the access needs they chose to share. One seam, so that
// nothing else here reads accounts' data.
#include <cstdint>
#include <optional>
#include <string>

#include "services/fwd.hpp"

namespace hs::store {
class Conn;
}

namespace hs::spaces::people {

std::optional<std::string> email_of(Services& app, std::int64_t user_id);
std::optional<std::string> email_of(Services& app, store::Conn& c, std::int64_t user_id);
// Only what the person chose to share with the people who run their spaces.
std::optional<std::string> shared_access_needs(Services& app, store::Conn& c, std::int64_t user_id);

}  // namespace hs::spaces::people
