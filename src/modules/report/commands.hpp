#pragma once
// The report module's use cases: the facilitator's words, publishing, and the PDF.
#include <cstdint>
#include <optional>
#include <string>

#include "core/error.hpp"
#include "modules/events/module.hpp"
#include "services/fwd.hpp"

namespace hs::report {

using events::Standing;

// Who may do what with an event's report: deny by default.
namespace permissions {
bool edit(Standing s);  // write the introduction and next steps, publish, unpublish
bool read(Standing s);  // read it while it is private: people of the space
}  // namespace permissions

struct Texts {
  std::string intro, next_steps;
  std::optional<std::string> public_token;
  std::optional<std::int64_t> published_at;
};
Texts report_texts(Services& app, std::int64_t event_id);

// Field errors: intro, next_steps.
Result<bool> save_texts(Services& app, const events::commands::Access& a, const std::string& intro,
                        const std::string& next_steps);
// Publishes at a new unguessable link; returns its token.
Result<std::string> publish(Services& app, const events::commands::Access& a);
Result<bool> unpublish(Services& app, const events::commands::Access& a);
// The event a published link is for.
std::optional<std::int64_t> published_event(Services& app, const std::string& token);

}  // namespace hs::report
