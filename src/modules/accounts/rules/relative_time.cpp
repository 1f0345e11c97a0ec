#include "modules/accounts/rules/relative_time.hpp"

namespace hs::accounts::rules {

Ago ago(std::int64_t then, std::int64_t now) {
  std::int64_t s = now > then ? now - then : 0;
  if (s < 60) return {TimeUnit::just_now, 0};
  if (s < 60 * 60) return {TimeUnit::minutes, s / 60};
  if (s < 24 * 60 * 60) return {TimeUnit::hours, s / 3600};
  return {TimeUnit::days, s / 86400};
}

}  // namespace hs::accounts::rules
