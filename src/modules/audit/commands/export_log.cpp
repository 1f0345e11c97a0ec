// The export an outsider verifies with `humanspace audit verify`: the space, its public
// key, every entry in order (one a line, exactly as hashed) and every signed tree head,
// including any that covers more entries than the log now holds: a log cut short in the
// database must fail verification, not quietly drop the heads that would show it.
#include <algorithm>
#include <ostream>

#include "modules/audit/commands/commands.hpp"
#include "modules/audit/rules/canonical.hpp"
#include "modules/audit/verify.hpp"
#include "services/services.hpp"
#include "store/db.hpp"

namespace hs::audit::commands {

Result<void> write_export(Services& app, const SpaceRef& space, std::ostream& out) {
  return app.store->with([&](store::Conn& c) -> Result<void> {
    // Heads first, then the size: a head is signed in the transaction that reads the
    // size it covers, so every head read here covers entries below the size read next
    // (unless the log was cut short), however many are appended and signed meanwhile.
    auto heads = repo::heads(c, space.id);
    auto state = repo::log_state(c, space.id);
    auto key = repo::key(c, space.id);
    if (!state || !key) return fail(ErrorCode::not_found, "audit_log_empty");
    const auto size = state->size;
    // The largest head is also kept on the log's row: deleting its row from the heads
    // does not take it out of the export.
    if (const auto& kept = state->kept; kept && std::none_of(heads.begin(), heads.end(), [&](const repo::HeadRow& h) {
                                          return h.size == kept->size && h.root == kept->root &&
                                                 h.timestamp == kept->timestamp && h.signature == kept->signature;
                                        }))
      heads.push_back(*kept);

    std::string line = "{\"format\":";
    canonical::append_string(line, kExportFormat);
    line += ",\"space\":{\"id\":" + std::to_string(space.id) + ",\"name\":";
    canonical::append_string(line, space.name);
    line += ",\"slug\":";
    canonical::append_string(line, space.slug);
    line += "},\"public_key\":";
    canonical::append_string(line, key->public_key);
    line +=
        ",\"size\":" + std::to_string(size) + ",\"exported_at\":" + std::to_string(app.clock->now()) + ",\"entries\":[";
    out << line;

    constexpr std::int64_t kPage = 10000;
    std::string buf;
    for (std::int64_t from = 0; from < size;) {
      auto rows = repo::entries(c, space.id, from, size, kPage);
      if (rows.empty()) break;
      buf.clear();
      for (const auto& r : rows) {
        buf += r.seq == 0 ? "\n{\"entry\":" : ",\n{\"entry\":";
        buf += r.entry;
        buf += ",\"leaf\":\"";
        buf += r.leaf;
        buf += "\"}";
      }
      out << buf;
      from = rows.back().seq + 1;
    }

    out << "\n],\"heads\":[";
    bool first = true;
    for (const auto& h : heads) {
      line = first ? "\n{\"root\":" : ",\n{\"root\":";
      canonical::append_string(line, h.root);
      line += ",\"signature\":";
      canonical::append_string(line, h.signature);
      line += ",\"size\":" + std::to_string(h.size) + ",\"space\":" + std::to_string(h.space_id) +
              ",\"timestamp\":" + std::to_string(h.timestamp) + "}";
      out << line;
      first = false;
    }
    out << "\n]}\n";
    return {};
  });
}

}  // namespace hs::audit::commands
