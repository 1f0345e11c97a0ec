#pragma once
// The canonical JSON of log entries and tree heads: keys sorted, no white space, UTF-8,
// whole numbers only, strings escaped as RFC 8785 (JCS) escapes them. An auditor can
// reproduce the bytes with any JCS library, or e.g. Python's
// json.dumps(v, sort_keys=True, separators=(",", ":"), ensure_ascii=False).
// Pure: no I/O.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <variant>
#include <vector>

namespace hs::audit {

// A value in an entry's data: text, a whole number, yes/no, or a list of texts (e.g. the
// options of a ranked vote, in order). Never personal data: refer to people by
// person_commitment().
using Value = std::variant<std::string, std::int64_t, bool, std::vector<std::string>>;
using Fields = std::vector<std::pair<std::string, Value>>;

namespace canonical {

// The version of the entry format, recorded in every entry as "v".
inline constexpr std::int64_t kEntryVersion = 1;
// Entries are decisions, not documents: anything longer is a mistake.
inline constexpr std::size_t kMaxEntryBytes = 64 * 1024;

// Data keys: a lower-case letter, then lower-case letters, digits and '_' (at most 64).
bool valid_key(std::string_view key);
// Kinds: like keys, and may contain '.', e.g. "decision.closed".
bool valid_kind(std::string_view kind);

// Appends s as a JSON string (s must be valid UTF-8).
void append_string(std::string& out, std::string_view s);

struct EntryFrame {
  std::int64_t space = 0;
  std::int64_t seq = 0;
  std::int64_t at = 0;  // unix seconds
};

// {"at":..,"data":{..},"kind":"..","seq":..,"space":..,"v":1}; nothing when the kind, a
// key or a string is not acceptable, keys repeat, or the entry is too long.
std::optional<std::string> entry_text(const EntryFrame& frame, std::string_view kind, const Fields& data);

// What a tree head's signature covers: {"root":"..","size":..,"space":..,"timestamp":..}.
std::string head_text(std::int64_t space, std::int64_t size, std::string_view root_hex, std::int64_t timestamp);

}  // namespace canonical
}  // namespace hs::audit
