#pragma once
// Word cloud, before the word-cloud engine is wired in: entries grouped by their
// lower-cased, trimmed text and counted exactly. Pure.
#include <cstdint>
#include <string>
#include <vector>

#include "core/error.hpp"

namespace hs::events {

struct CloudCount {
  std::string text;  // as first written
  std::int64_t count = 0;
};
// Most common first; ties in the order first written.
std::vector<CloudCount> group_entries(const std::vector<std::string>& entries);
// A word or short phrase, at most 40 characters; and at most `max` per person.
Result<std::string> check_entry(const std::string& text, std::int64_t already, std::int64_t max);

}  // namespace hs::events
