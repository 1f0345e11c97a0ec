#pragma once
// Small helpers the decisions commands share.
#include <cstdint>
#include <string>
#include <string_view>

#include "modules/decisions/module.hpp"
#include "modules/spaces/module.hpp"
#include "services/fwd.hpp"

namespace hs::store {
class Conn;
}

namespace hs::decisions::commands {

// The person as the permissions see them, from their role in the space now.
spaces::Subject subject_in(store::Conn& c, std::int64_t space_id, std::int64_t user_id);
// The hooks another module registered for this subject kind, if any.
const SubjectHooks* subject_hooks(Services& app, const std::string& subject_kind);
// Where links in email point: --base-url, or a path alone when it is not set.
std::string site_link(const Services& app, const std::string& path);
std::string sha256(std::string_view text);
// "3 March 2027 at 17:00 UTC": times are kept and shown in UTC.
std::string when_text(const Services& app, std::int64_t t);

}  // namespace hs::decisions::commands
