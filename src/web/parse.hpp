#pragma once
// Parsing of what a client sends: percent-encoding, query strings and urlencoded
// forms, and Cookie headers. No I/O; Boost.URL only behind this header, so the fuzz
// target links these alone.
#include <optional>
#include <string>
#include <string_view>

#include "web/http.hpp"

namespace hs::web {

// Decodes %XX (and '+' as space when form is true). nullopt on a malformed escape.
std::optional<std::string> percent_decode(std::string_view s, bool form);
std::string percent_encode(std::string_view s);

// application/x-www-form-urlencoded (also query strings). nullopt when an escape is
// malformed or a name or value is not valid UTF-8: the request is then a 400.
std::optional<Pairs> parse_form(std::string_view body);

// Cookie header: "a=b; c=d". Malformed pieces are skipped, as browsers do.
Pairs parse_cookies(std::string_view header);

// Splits a request target into a decoded path and the raw query. nullopt when the
// target is not origin-form, has a malformed escape, an escaped '/', invalid UTF-8, a NUL,
// or dot segments.
struct Target {
  std::string path;
  std::string query;
};
std::optional<Target> parse_target(std::string_view target);

std::string_view find(const Pairs& pairs, std::string_view name);

}  // namespace hs::web
