// Keeping every log signed: each log that has grown past its largest signed head gets
// a new head. Run about once a second by `humanspace serve` (and once as any command
// ends), so an entry stays unsigned for a second at most and an unsigned tail cannot
// be quietly rewritten and then signed.
#include <spdlog/spdlog.h>

#include "core/view.hpp"
#include "modules/audit/commands/commands.hpp"
#include "services/services.hpp"
#include "store/db.hpp"

namespace hs::audit::commands {

int PendingSigner::run() {
  auto pending = app_.store->with([](store::Conn& c) { return repo::logs_to_sign(c); });
  int signed_heads = 0;
  for (const auto& [space_id, size] : pending) {
    if (auto it = refused_.find(space_id); it != refused_.end() && it->second == size) continue;
    auto head = sign_head(app_, space_id);
    if (head) {
      refused_.erase(space_id);
      ++signed_heads;
      continue;
    }
    refused_[space_id] = size;
    spdlog::critical("audit: not signing the decision log of space {} ({} entries): {}", space_id, size,
                     app_.words ? app_.words->t(head.error().message_key) : head.error().message_key);
  }
  return signed_heads;
}

}  // namespace hs::audit::commands
