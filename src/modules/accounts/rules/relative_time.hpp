#pragma once
// "5 minutes ago": how long ago something happened, in the largest whole unit.
#include <cstdint>

namespace hs::accounts::rules {

enum class TimeUnit { just_now, minutes, hours, days };
struct Ago {
  TimeUnit unit;
  std::int64_t count;
};

Ago ago(std::int64_t then, std::int64_t now);

}  // namespace hs::accounts::rules
