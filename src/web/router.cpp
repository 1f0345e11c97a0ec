#include "web/router.hpp"

#include <stdexcept>

namespace hs::web {

namespace {

std::vector<std::string> split(std::string_view path) {
  std::vector<std::string> out;
  std::size_t i = 1;
  while (i <= path.size()) {
    auto next = path.find('/', i);
    if (next == std::string_view::npos) next = path.size();
    out.emplace_back(path.substr(i, next - i));
    i = next + 1;
  }
  return out;
}

// parts: the request path split once, shared by every route tried.
bool match_segments(const Route& r, const std::vector<std::string>& parts, Pairs& params) {
  params.clear();
  for (std::size_t i = 0; i < r.segments.size(); ++i) {
    const auto& seg = r.segments[i];
    if (seg.starts_with("{*")) {
      std::string rest;
      for (std::size_t k = i; k < parts.size(); ++k) rest += (k == i ? "" : "/") + parts[k];
      if (rest.empty()) return false;
      params.emplace_back(seg.substr(2, seg.size() - 3), rest);
      return true;
    }
    if (i >= parts.size()) return false;
    if (seg.size() > 2 && seg.front() == '{' && seg.back() == '}') {
      if (parts[i].empty()) return false;
      params.emplace_back(seg.substr(1, seg.size() - 2), parts[i]);
    } else if (seg != parts[i]) {
      return false;
    }
  }
  return parts.size() == r.segments.size();
}

}  // namespace

void Router::add(std::string method, std::string pattern, Handler h, RouteOptions o) {
  if (pattern.empty() || pattern.front() != '/') throw std::invalid_argument("route must start with /: " + pattern);
  Route r{std::move(method), pattern, std::move(h), {}, o, split(pattern)};
  routes_.push_back(std::move(r));
}

void Router::ws(std::string pattern, WsHandler h) {
  Route r{"WS", pattern, {}, std::move(h), {}, split(pattern)};
  routes_.push_back(std::move(r));
}

Match Router::match(std::string_view method, std::string_view path, bool websocket) const {
  Match m;
  Pairs params;
  std::string_view want = method == "HEAD" ? std::string_view("GET") : method;
  if (websocket) want = "WS";
  const auto parts = split(path);
  for (const auto& r : routes_) {
    if (!match_segments(r, parts, params)) continue;
    if (r.method == want) {
      m.route = &r;
      m.params = std::move(params);
      m.allow.clear();
      return m;
    }
    if (r.method == "WS") continue;
    if (!m.allow.empty()) m.allow += ", ";
    m.allow += r.method;
    if (r.method == "GET") m.allow += ", HEAD";
  }
  return m;
}

std::size_t Router::body_limit(std::string_view method, std::string_view path, std::size_t fallback) const {
  auto m = match(method, path);
  if (m.route && m.route->options.body_limit) return m.route->options.body_limit;
  return fallback;
}

}  // namespace hs::web
