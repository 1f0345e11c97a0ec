#include "web/parse.hpp"

#include <boost/url/encode.hpp>
#include <boost/url/parse.hpp>
#include <boost/url/parse_query.hpp>
#include <boost/url/pct_string_view.hpp>
#include <boost/url/rfc/unreserved_chars.hpp>
#include <boost/url/url_view.hpp>

#include "core/text.hpp"

namespace hs::web {

namespace urls = boost::urls;

namespace {
// Query strings and form bodies read '+' as a space (application/x-www-form-urlencoded).
const urls::encoding_opts kForm(/*space_as_plus=*/true);
}  // namespace

std::optional<std::string> percent_decode(std::string_view s, bool form) {
  auto pct = urls::make_pct_string_view(urls::string_view(s.data(), s.size()));
  if (!pct) return std::nullopt;
  return pct->decode(form ? kForm : urls::encoding_opts());
}

std::string percent_encode(std::string_view s) {
  return urls::encode(urls::string_view(s.data(), s.size()), urls::unreserved_chars);
}

std::optional<Pairs> parse_form(std::string_view body) {
  // Boost 1.81's parse_query measures the buffer it keeps with strlen (the fuzz target
  // found it reading past a view's end), so it gets a copy that ends in a NUL; a query it
  // accepts never holds a NUL of its own, so the two lengths agree.
  const std::string query(body);
  // RFC 3986 query grammar: a malformed escape, or a character that should have been
  // escaped, fails the whole body.
  auto params = urls::parse_query(query);
  if (!params) return std::nullopt;
  Pairs out;
  out.reserve(params->size());
  for (auto p : *params) {
    if (p.key.empty() && !p.has_value) continue;  // "a=1&&b=2": nothing between the '&'s
    auto name = p.key.decode(kForm);
    auto value = p.value.decode(kForm);
    if (!text::valid_utf8(name) || !text::valid_utf8(value)) return std::nullopt;
    out.emplace_back(std::move(name), std::move(value));
  }
  return out;
}

// Boost.URL has no Cookie-header parser (and Beast's param_list reads "; a=b" parameter
// lists, not a header that starts with a pair), so this one stays hand-written.
Pairs parse_cookies(std::string_view header) {
  Pairs out;
  std::size_t start = 0;
  while (start < header.size()) {
    auto semi = header.find(';', start);
    if (semi == std::string_view::npos) semi = header.size();
    auto piece = text::trim(header.substr(start, semi - start));
    auto eq = piece.find('=');
    if (eq != std::string_view::npos && eq > 0) {
      auto name = text::trim(piece.substr(0, eq));
      auto value = text::trim(piece.substr(eq + 1));
      if (value.size() >= 2 && value.front() == '"' && value.back() == '"') value = value.substr(1, value.size() - 2);
      out.emplace_back(std::string(name), std::string(value));
    }
    start = semi + 1;
  }
  return out;
}

std::optional<Target> parse_target(std::string_view target) {
  // origin-form (RFC 9112 3.2.1): an absolute path and an optional query; no scheme, no
  // authority, no fragment, and every character outside RFC 3986's sets escaped.
  auto url = urls::parse_origin_form(urls::string_view(target.data(), target.size()));
  if (!url) return std::nullopt;
  for (auto seg : url->segments()) {
    // Dot segments would let a path climb out of a folder, and an escaped '/' would
    // make one segment read as two once decoded; no page of ours uses either.
    if (seg == "." || seg == ".." || seg.find('/') != std::string::npos) return std::nullopt;
  }
  auto path = url->path();
  if (!text::valid_utf8(path) || path.find('\0') != std::string::npos) return std::nullopt;
  return Target{std::move(path), std::string(url->encoded_query())};
}

std::string_view find(const Pairs& pairs, std::string_view name) {
  for (const auto& [k, v] : pairs)
    if (k == name) return v;
  return {};
}

}  // namespace hs::web
