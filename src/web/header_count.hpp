#pragma once
// The count beside the site header's "Notifications" link ("Notifications, 3 new") on every
// page a signed-in person sees. The web layer knows no module: the conversations module
// sets `unread` when it registers (one small indexed query, capped), and pages show
// nothing while it is unset.
#include <cstdint>
#include <functional>

namespace hs::web {

class App;

struct HeaderCount {
  // How many unread notifications the person has, at most kHeaderCountMax (shown "99+").
  std::function<std::int64_t(App&, std::int64_t user_id)> unread;
};
inline constexpr std::int64_t kHeaderCountMax = 100;

}  // namespace hs::web
