#pragma once
// Checks an exported decision log offline, with no database: recomputes every entry's
// hash and the tree, checks every signed tree head's signature and that its root is the
// root of the entries it covers, and names the first entry that fails.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace hs::audit {

inline constexpr std::string_view kExportFormat = "humanspace-audit-export/1";

struct Verdict {
  bool ok = false;
  // What to tell the person (messages/en/audit.txt) and its {placeholders}.
  std::string message_key;
  std::vector<std::pair<std::string, std::string>> args;
  std::optional<std::int64_t> entry;  // the first entry that fails, when one can be named

  std::int64_t entries = 0;
  std::int64_t heads = 0;             // signed tree heads checked (with the one given)
  std::int64_t unsigned_entries = 0;  // the newest entries no signed head covers yet
  std::int64_t space_id = 0;
  std::string public_key;
};

// export_json: the output of `humanspace audit export`. head_json: optionally a signed
// tree head kept from earlier (GET /spaces/{slug}/audit/head): the export must extend
// the log that head signed.
Verdict verify_export(std::string_view export_json, std::optional<std::string_view> head_json = std::nullopt);

// The canonical form (see rules/canonical.hpp) of any JSON text; nothing when it is not
// JSON or holds a number that is not whole.
std::optional<std::string> recanonicalize(std::string_view json_text);

// The top-level facts of an entry, for listing it.
struct EntryInfo {
  std::int64_t seq = 0;
  std::int64_t at = 0;
  std::string kind;
};
std::optional<EntryInfo> entry_info(std::string_view entry_json);

// "2026-03-01 14:05:09 UTC": times in verifier messages.
std::string utc_time(std::int64_t unix_seconds);

}  // namespace hs::audit
