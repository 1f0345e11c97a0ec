#pragma once
// What every handler can reach: the configuration and shared services (App), and the
// request being handled (Context). Light on includes on purpose.
#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include "core/error.hpp"
#include "services/services.hpp"
#include "web/http.hpp"
#include "web/router.hpp"
#include "web/view.hpp"

namespace hs::web {

class Renderer;
class Metrics;

struct Config {
  std::string listen = "127.0.0.1:8080";
  std::string db = "sqlite:data/humanspace.db";
  std::string data_dir = "data";
  std::string static_dir = "static";
  bool demo_on_public_address = false;  // demo mode away from loopback, only when asked for by name
  std::string smtp_url;                 // smtp://host:port or smtps://...; empty: write to data/outbox
  std::string smtp_from = "Humanspace <no-reply@localhost>";
  std::string port_file;  // when set, the bound port is written here (tests listen on port 0)
  bool demo = false;
  bool trust_proxy = false;  // believe X-Forwarded-Proto and X-Forwarded-For
  int threads = 0;           // 0: one per core
  std::size_t body_limit = 1024 * 1024;
};

// The signed-in person for this request.
struct Viewer {
  std::int64_t user_id = 0;
  std::int64_t session_id = 0;
  std::string display_name;
  bool site_steward = false;  // may create spaces
};

// The server: the services commands use (services/services.hpp), and what only the web
// layer needs besides.
class App : public services::Services {
 public:
  Config config;
  Renderer* renderer = nullptr;  // pages; set words to the same renderer for mail
  Metrics* metrics = nullptr;
  Router router;

  // Set by the accounts module: finds the session behind the request's cookie, applying
  // idle and absolute timeouts (and may refresh the cookie through the context).
  std::function<std::optional<Viewer>(class Context&)> resolve_session;
  // Set by the breakouts module: who a live listener is on a topic, as Presence counts
  // them ("" for nobody in particular); and a page load to count (a GET answered 200,
  // with its route pattern), for people without JavaScript.
  std::function<std::string(class Context&, const std::string& topic)> presence_key;
  std::function<void(class Context&, std::string_view route_pattern)> page_seen;

  std::string cookie_name(std::string_view base, bool secure) const;
};

class BadRequest : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

class Context {
 public:
  Context(App& app, const Request& req);

  App& app;
  const Request& req;
  Pairs params;
  std::optional<Viewer> viewer;
  std::string csrf;                      // the token forms must echo
  std::vector<std::string> set_cookies;  // Set-Cookie values to add

  std::string_view param(std::string_view name) const;
  // The urlencoded body; throws BadRequest (400) when malformed or not UTF-8.
  const Pairs& form();
  // A form field with surrounding white space removed.
  std::string field(std::string_view name);
  bool checked(std::string_view name);
  const Pairs& query();
  std::string_view query_param(std::string_view name);
  std::string cookie(std::string_view name) const;
  void set_cookie(std::string_view base_name, std::string_view value, std::int64_t max_age_seconds);
  void clear_cookie(std::string_view base_name);
  bool secure() const { return req.secure; }

  // Words for a person, from the message catalogue.
  const std::string& t(const std::string& key) const;
  std::string absolute_url(std::string_view path) const;

  // A view with what every page needs: page title, csrf, who is signed in, demo flag.
  View view(const std::string& page_title_key);
  // Adds an error summary and inline messages (error_<field>) to a view.
  void add_errors(View& v, const Error& e);
  Response page(std::string_view template_name, const View& v, int status = 200);
  Response redirect(std::string to) { return Response::redirect(std::move(to)); }
  // An error page for a non-form failure, with the status mapped from its code.
  Response error_page(const Error& e, int status = 0);
  Response need_signin();

 private:
  std::optional<Pairs> form_;
  std::optional<Pairs> query_;
  std::optional<Pairs> cookies_;
};

int http_status(ErrorCode code);
// Builds the response for a request: routing, sessions, CSRF, handler, security headers,
// error pages, metrics and the access log. Never throws.
Response dispatch(App& app, Request& req);
// For WebSocket upgrades: runs the same session and permission checks; on success
// returns the topic to subscribe to (and who listens, for Presence), else the response
// to send instead.
struct WsGrant {
  std::string topic, who;
};
std::variant<WsGrant, Response> authorise_websocket(App& app, Request& req);

}  // namespace hs::web
