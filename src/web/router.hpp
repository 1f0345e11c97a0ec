#pragma once
#include <cstddef>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "core/error.hpp"
#include "web/http.hpp"

namespace hs::web {

class Context;
using Handler = std::function<Response(Context&)>;
// A WebSocket route checks permission and names the live topic to subscribe to.
using WsHandler = std::function<Result<std::string>(Context&)>;

struct RouteOptions {
  std::size_t body_limit = 0;  // 0: the server's default (1 MiB)
  bool csrf = true;            // state-changing routes check CSRF unless told not to
};

struct Route {
  std::string method;
  std::string pattern;  // "/spaces/{slug}/members"; a last segment "{*rest}" takes the rest
  Handler handler;
  WsHandler ws;
  RouteOptions options;
  std::vector<std::string> segments;
};

struct Match {
  const Route* route = nullptr;
  Pairs params;
  std::string allow;  // when the path matched but not the method: the methods it takes
};

class Router {
 public:
  void add(std::string method, std::string pattern, Handler h, RouteOptions o = {});
  void get(std::string pattern, Handler h, RouteOptions o = {}) { add("GET", std::move(pattern), std::move(h), o); }
  void post(std::string pattern, Handler h, RouteOptions o = {}) { add("POST", std::move(pattern), std::move(h), o); }
  void ws(std::string pattern, WsHandler h);

  // HEAD matches GET routes. WebSocket routes match only when websocket is true.
  Match match(std::string_view method, std::string_view path, bool websocket = false) const;
  std::size_t body_limit(std::string_view method, std::string_view path, std::size_t fallback) const;

 private:
  std::vector<Route> routes_;
};

}  // namespace hs::web
