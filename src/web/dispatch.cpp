#include <spdlog/spdlog.h>

#include <chrono>

#include "core/crypto.hpp"
#include "services/lookup_cache.hpp"
#include "web/app.hpp"
#include "web/metrics.hpp"
#include "web/parse.hpp"
#include "web/render.hpp"

namespace hs::web {

namespace {

bool state_changing(std::string_view m) { return m != "GET" && m != "HEAD" && m != "OPTIONS"; }

bool known_method(std::string_view m) {
  for (auto k : {"GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"})
    if (m == k) return true;
  return false;
}

// The token forms echo: bound to the browser's CSRF cookie and, once someone is signed
// in, to their session too, so a token seen before sign-in (or in another session on a
// shared computer) is no good after it.
std::string csrf_for(const App& app, std::string_view cookie_value, std::int64_t session_id) {
  // Derived per request (one BLAKE2b), never kept process-wide: each server its own key.
  const auto purpose = crypto::derive(app.master_key, 1, "csrf----");
  if (session_id == 0) return crypto::base64url(crypto::hmac_sha256(purpose, cookie_value));
  return crypto::base64url(
      crypto::hmac_sha256(purpose, std::string(cookie_value) + "\nsession " + std::to_string(session_id)));
}

// The request must come from one of our own pages: Origin (or Referer) names us.
bool same_origin(const App& app, const Request& req) {
  std::string own = std::string(req.secure ? "https://" : "http://") + std::string(req.header("host"));
  auto ok = [&](std::string_view o) { return o == own || (!app.base_url.empty() && o == app.base_url); };
  auto origin = req.header("origin");
  if (!origin.empty()) return ok(origin);
  auto referer = req.header("referer");
  if (!referer.empty()) {
    auto slash = referer.find('/', referer.find("//") == std::string_view::npos ? 0 : referer.find("//") + 2);
    return ok(referer.substr(0, slash));
  }
  return true;  // neither header: the CSRF token alone decides
}

void security_headers(Response& r, const Request& req, bool signed_in) {
  // A download (an uploaded file, a CSV, a PDF) is also sandboxed: should a browser show it
  // after all, it runs no script and reaches no cookie of this site.
  const bool download = r.header("Content-Disposition").starts_with("attachment");
  r.set("Content-Security-Policy",
        std::string("default-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action 'self'") +
            (download ? "; sandbox allow-downloads" : ""));
  r.set("X-Content-Type-Options", "nosniff");
  r.set("Referrer-Policy", "same-origin");
  r.set("X-Frame-Options", "DENY");
  r.set("Cross-Origin-Opener-Policy", "same-origin");
  r.set("Permissions-Policy", "camera=(), microphone=(), geolocation=(), interest-cohort=()");
  if (req.secure) r.set("Strict-Transport-Security", "max-age=31536000");
  if (signed_in) r.set("Cache-Control", "no-store");
  else if (r.header("Cache-Control").empty()) r.set("Cache-Control", "no-cache");
  r.set("X-Request-Id", req.request_id);
}

Response plain_error(App& app, Context* ctx, const Request& req, int status, const std::string& key) {
  try {
    auto code = status == 404 ? ErrorCode::not_found : ErrorCode::invalid;
    Response r;
    if (ctx) {
      r = ctx->error_page(Error::of(code, key), status);
    } else {
      Context c(app, req);
      r = c.error_page(Error::of(code, key), status);
    }
    r.status = status;
    return r;
  } catch (const std::exception& e) {
    spdlog::error("[{}] could not render the {} page: {}", req.request_id, status, e.what());
    return Response::text(status, "Sorry, that request could not be handled.\n");
  }
}

Response server_error(App& app, const Request& req) {
  try {
    Context c(app, req);
    View v = c.view("common_server_error_title");
    v.set("request_id", req.request_id);
    return c.page("errors/server_error", v, 500);
  } catch (const std::exception& e) {
    spdlog::error("[{}] could not render the 500 page: {}", req.request_id, e.what());
    return Response::text(500, "Sorry, something went wrong on our side. Reference: " + req.request_id + "\n");
  }
}

// Everything a handler runs inside: CSRF cookie, session, origin and token checks.
std::optional<Response> prepare(App& app, Context& ctx, bool check_csrf) {
  std::string raw = ctx.cookie("csrf");
  if (raw.size() < 16) {
    raw = crypto::random_token(16);
    ctx.set_cookie("csrf", raw, 0);
    if (state_changing(ctx.req.method) && check_csrf) return plain_error(app, &ctx, ctx.req, 403, "common_csrf_failed");
  }
  if (app.resolve_session) ctx.viewer = app.resolve_session(ctx);
  ctx.csrf = csrf_for(app, raw, ctx.viewer ? ctx.viewer->session_id : 0);
  if (state_changing(ctx.req.method) && check_csrf) {
    if (!same_origin(app, ctx.req)) return plain_error(app, &ctx, ctx.req, 403, "common_csrf_failed");
    auto sent = find(ctx.form(), "csrf");
    if (!crypto::equal(sent, ctx.csrf)) return plain_error(app, &ctx, ctx.req, 403, "common_csrf_failed");
  }
  return std::nullopt;
}

}  // namespace

static std::variant<WsGrant, Response> authorise_websocket_unguarded(App& app, Request& req);

Response dispatch(App& app, Request& req) {
  auto started = std::chrono::steady_clock::now();
  if (req.request_id.empty()) req.request_id = crypto::random_token(9);
  Response res;
  std::string route_label = "unmatched";
  bool signed_in = false;
  try {
    if (!known_method(req.method)) {
      res = plain_error(app, nullptr, req, 405, "common_method_not_allowed");
      res.status = 405;
      res.set("Allow", "GET, HEAD, POST");
    } else {
      Match m = app.router.match(req.method, req.path);
      if (!m.route && !m.allow.empty()) {
        res = plain_error(app, nullptr, req, 405, "common_method_not_allowed");
        res.status = 405;
        res.set("Allow", m.allow);
        route_label = "method_not_allowed";
      } else if (!m.route) {
        res = plain_error(app, nullptr, req, 404, "common_not_found_body");
      } else {
        route_label = m.route->method + " " + m.route->pattern;
        Context ctx(app, req);
        ctx.params = std::move(m.params);
        try {
          if (auto early = prepare(app, ctx, m.route->options.csrf)) res = std::move(*early);
          else res = m.route->handler(ctx);
          if (app.page_seen &&
              ((req.method == "GET" && res.status == 200) || (req.method == "POST" && res.status == 303)))
            app.page_seen(ctx, m.route->pattern);
        } catch (const BadRequest& e) {
          spdlog::info("[{}] bad request: {}", req.request_id, e.what());
          res = plain_error(app, &ctx, req, 400, "common_bad_request");
          res.status = 400;
        }
        signed_in = ctx.viewer.has_value();
        for (auto& c : ctx.set_cookies) res.headers.emplace_back("Set-Cookie", std::move(c));
      }
    }
  } catch (const std::exception& e) {
    spdlog::error("[{}] {} {} failed: {}", req.request_id, req.method, route_label, e.what());
    res = server_error(app, req);
  }
  // Whatever it changed is committed by now: lookups cached before it are stale.
  if (state_changing(req.method)) services::advance_write_epoch();
  if (res.header("Content-Type").empty() && !res.body.empty()) res.set("Content-Type", "text/plain; charset=utf-8");
  security_headers(res, req, signed_in);
  double secs = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
  if (app.metrics) app.metrics->observe(route_label, res.status, secs);
  // The log names the route pattern, never the path: paths can hold tokens.
  spdlog::info("[{}] {} {} {} {:.1f}ms", req.request_id, req.method,
               route_label == "unmatched" ? "-" : route_label.substr(route_label.find(' ') + 1), res.status,
               secs * 1000);
  return res;
}

std::variant<WsGrant, Response> authorise_websocket(App& app, Request& req) {
  if (req.request_id.empty()) req.request_id = crypto::random_token(9);
  // The same one top-level catch as dispatch(): a store failure while checking who may
  // listen answers 500 and never escapes into the event loop.
  try {
    return authorise_websocket_unguarded(app, req);
  } catch (const std::exception& e) {
    spdlog::error("[{}] WebSocket upgrade failed: {}", req.request_id, e.what());
    return server_error(app, req);
  }
}

static std::variant<WsGrant, Response> authorise_websocket_unguarded(App& app, Request& req) {
  Match m = app.router.match("GET", req.path, true);
  if (!m.route) return plain_error(app, nullptr, req, 404, "common_not_found_body");
  Context ctx(app, req);
  ctx.params = std::move(m.params);
  // Browsers always send Origin on a WebSocket handshake; a foreign page may not listen in.
  if (!req.header("origin").empty() && !same_origin(app, req))
    return plain_error(app, &ctx, req, 403, "common_csrf_failed");
  if (app.resolve_session) ctx.viewer = app.resolve_session(ctx);
  auto topic = m.route->ws(ctx);
  if (!topic) return ctx.error_page(topic.error());
  return WsGrant{*topic, app.presence_key ? app.presence_key(ctx, *topic) : std::string()};
}

}  // namespace hs::web
