#include "modules/accounts/rules/device_label.hpp"

namespace hs::accounts::rules {

namespace {
bool has(std::string_view ua, std::string_view s) { return ua.find(s) != std::string_view::npos; }
}  // namespace

Device device_from_user_agent(std::string_view ua) {
  Device d;
  // Order matters: most browsers also claim to be Chrome, Safari and Mozilla.
  if (has(ua, "Edg/") || has(ua, "EdgA/") || has(ua, "EdgiOS/")) d.browser = "Edge";
  else if (has(ua, "OPR/") || has(ua, "Opera")) d.browser = "Opera";
  else if (has(ua, "SamsungBrowser/")) d.browser = "Samsung Internet";
  else if (has(ua, "Firefox/") || has(ua, "FxiOS/")) d.browser = "Firefox";
  else if (has(ua, "Chrome/") || has(ua, "CriOS/") || has(ua, "Chromium/")) d.browser = "Chrome";
  else if (has(ua, "Safari/") && has(ua, "Version/")) d.browser = "Safari";

  if (has(ua, "Android")) d.system = "Android";
  else if (has(ua, "iPhone")) d.system = "iPhone";
  else if (has(ua, "iPad")) d.system = "iPad";
  else if (has(ua, "CrOS")) d.system = "ChromeOS";
  else if (has(ua, "Windows")) d.system = "Windows";
  else if (has(ua, "Macintosh") || has(ua, "Mac OS X")) d.system = "macOS";
  else if (has(ua, "Linux")) d.system = "Linux";
  return d;
}

}  // namespace hs::accounts::rules
