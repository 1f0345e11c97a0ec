#pragma once
// Links to this site for email and feeds, with or without a request at hand: from
// --base-url, else the address the server listens on; never from a Host header.
#include <string>
#include <string_view>

namespace hs::web {

class App;
std::string site_link(const App& app, std::string_view path);

}  // namespace hs::web
