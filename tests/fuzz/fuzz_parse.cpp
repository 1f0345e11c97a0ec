// libFuzzer target for what a client controls before any handler runs: the request
// target (path and query), Cookie headers and urlencoded form bodies.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string_view>

#include "core/text.hpp"
#include "web/parse.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  std::string_view in(reinterpret_cast<const char*>(data), size);

  if (auto t = hs::web::parse_target(in)) {
    // A path we accept is valid UTF-8, without NUL or dot segments.
    if (!hs::text::valid_utf8(t->path) || t->path.find('\0') != std::string::npos) std::abort();
    if (t->path.find("/../") != std::string::npos || t->path.ends_with("/..")) std::abort();
    (void)hs::web::parse_form(t->query);
  }

  for (const auto& [k, v] : hs::web::parse_cookies(in)) {
    if (k.empty()) std::abort();
    (void)v;
  }

  if (auto form = hs::web::parse_form(in)) {
    for (const auto& [k, v] : *form)
      if (!hs::text::valid_utf8(k) || !hs::text::valid_utf8(v)) std::abort();
  }

  if (auto dec = hs::web::percent_decode(in, false)) {
    // Encoding what we decoded and decoding again gives it back.
    auto again = hs::web::percent_decode(hs::web::percent_encode(*dec), false);
    if (!again || *again != *dec) std::abort();
  }
  return 0;
}
