#pragma once
// A coarse name for the device behind a session ("Chrome" on "Android"), taken from
// the User-Agent once at sign-in. The User-Agent itself is never stored.
#include <string>
#include <string_view>

namespace hs::accounts::rules {

struct Device {
  std::string browser;  // product name, or empty when not recognised
  std::string system;   // operating system or device, or empty
};

Device device_from_user_agent(std::string_view user_agent);

}  // namespace hs::accounts::rules
