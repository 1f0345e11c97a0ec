#pragma once
// Lists of ids as bound parameters, the same on both engines.
//
// A short list (a page's worth) goes as `IN (?, ?, ...)`: in slices within every engine's
// limit on parameters, each padded to one of a few lengths (the last id repeated, which IN
// ignores), so a query has a few prepared shapes rather than one for every length.
//
// A list of any length in one statement goes as one text of fixed-width numbers that the
// query cuts apart itself (kPackedIds), with no engine's own array or JSON functions.
#include <algorithm>
#include <cstdint>
#include <string>
#include <vector>

#include "store/db.hpp"

namespace hs::store {

inline constexpr std::size_t kIdSlice = 500;

// For each slice of ids: f(in, args), where in is "(?, ?, ...)" and args are `head` (the
// query's parameters before the list) followed by the slice's ids, padded.
template <class F>
void for_id_slices(const std::vector<std::int64_t>& ids, const std::vector<Value>& head, F&& f) {
  for (std::size_t at = 0; at < ids.size(); at += kIdSlice) {
    const auto n = std::min(kIdSlice, ids.size() - at);
    std::size_t padded = kIdSlice;
    for (std::size_t size : {std::size_t{1}, std::size_t{10}, std::size_t{50}})
      if (n <= size) {
        padded = size;
        break;
      }
    std::vector<Value> args = head;
    std::string in = "(";
    for (std::size_t i = 0; i < padded; ++i) {
      in += i ? ", ?" : "?";
      args.emplace_back(ids[at + std::min(i, n - 1)]);
    }
    in += ")";
    f(in, args);
  }
}

// Digits a packed id takes.
inline constexpr std::size_t kPackedIdWidth = 19;
// The ids as one text for kPackedIds (negative ids, which no table has, read as 0).
inline std::string packed_ids(const std::vector<std::int64_t>& ids) {
  std::string out;
  out.reserve(ids.size() * kPackedIdWidth);
  for (auto id : ids) {
    const auto digits = std::to_string(id < 0 ? 0 : id);
    out.append(kPackedIdWidth - digits.size(), '0');
    out += digits;
  }
  return out;
}
// A WITH clause naming the table ids (id) for packed_ids given three times as its first
// parameters (non-empty): "WITH RECURSIVE ids ... SELECT ... WHERE x IN (SELECT id FROM ids)".
inline constexpr const char* kPackedIds = R"(WITH RECURSIVE ids (n, id) AS (
  SELECT 1, CAST(substr(CAST(? AS TEXT), 1, 19) AS BIGINT)
  UNION ALL
  SELECT n + 1, CAST(substr(CAST(? AS TEXT), n * 19 + 1, 19) AS BIGINT) FROM ids
  WHERE n * 19 < length(CAST(? AS TEXT))))";

}  // namespace hs::store
