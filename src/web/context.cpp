#include <fmt/format.h>

#include "core/text.hpp"
#include "web/app.hpp"
#include "web/header_count.hpp"
#include "web/multipart.hpp"
#include "web/parse.hpp"
#include "web/render.hpp"

namespace hs::web {

std::string App::cookie_name(std::string_view base, bool secure) const {
  // __Host- cookies must be Secure; browsers accept Secure cookies on loopback, so only
  // a plain-HTTP deployment on a real host name falls back to a plain name.
  (void)secure;
  return "__Host-hs_" + std::string(base);
}

Context::Context(App& a, const Request& r) : app(a), req(r) {}

std::string_view Context::param(std::string_view name) const { return find(params, name); }

const Pairs& Context::form() {
  if (!form_) {
    auto ct = req.header("content-type");
    if (text::lower_ascii(text::trim(ct.substr(0, ct.find(';')))) == "multipart/form-data") {
      // A form with a file input: its text fields are the form (the CSRF token among them);
      // handlers read the files with uploads(req).
      auto boundary = multipart_boundary(ct);
      if (!boundary) throw BadRequest("a multipart form needs a boundary of 1 to 70 allowed characters");
      auto parsed = parse_multipart(*boundary, req.body);
      if (!parsed) throw BadRequest("the multipart form is malformed or a field is not valid UTF-8");
      form_ = std::move(parsed->fields);
      return *form_;
    }
    if (!req.body.empty() && !ct.starts_with("application/x-www-form-urlencoded"))
      throw BadRequest("a form must be sent as application/x-www-form-urlencoded or multipart/form-data");
    auto parsed = parse_form(req.body);
    if (!parsed) throw BadRequest("the form is not valid UTF-8 or has a broken escape");
    form_ = std::move(*parsed);
  }
  return *form_;
}

std::string Context::field(std::string_view name) {
  auto v = find(form(), name);
  const char* ws = " \t\r\n";
  auto b = v.find_first_not_of(ws);
  if (b == std::string_view::npos) return {};
  auto e = v.find_last_not_of(ws);
  return std::string(v.substr(b, e - b + 1));
}

bool Context::checked(std::string_view name) {
  for (const auto& [k, v] : form())
    if (k == name) return true;
  return false;
}

const Pairs& Context::query() {
  if (!query_) {
    auto parsed = parse_form(req.query);
    if (!parsed) throw BadRequest("the query string is malformed");
    query_ = std::move(*parsed);
  }
  return *query_;
}

std::string_view Context::query_param(std::string_view name) { return find(query(), name); }

std::string Context::cookie(std::string_view name) const {
  if (!const_cast<Context*>(this)->cookies_) const_cast<Context*>(this)->cookies_ = parse_cookies(req.header("cookie"));
  return std::string(find(*cookies_, app.cookie_name(name, req.secure)));
}

void Context::set_cookie(std::string_view base_name, std::string_view value, std::int64_t max_age_seconds) {
  std::string c =
      fmt::format("{}={}; Path=/; Secure; HttpOnly; SameSite=Lax", app.cookie_name(base_name, req.secure), value);
  if (max_age_seconds > 0) c += fmt::format("; Max-Age={}", max_age_seconds);
  set_cookies.push_back(std::move(c));
}

void Context::clear_cookie(std::string_view base_name) {
  set_cookies.push_back(
      fmt::format("{}=; Path=/; Secure; HttpOnly; SameSite=Lax; Max-Age=0", app.cookie_name(base_name, req.secure)));
}

const std::string& Context::t(const std::string& key) const { return app.renderer->t(key); }

std::string Context::absolute_url(std::string_view path) const { return app.link(path); }

View Context::view(const std::string& page_title_key) {
  View v;
  v.set("page_title", t(page_title_key));
  v.set("csrf", csrf);
  v.set("signed_in", viewer.has_value());
  if (viewer) {
    View me;
    me.set("display_name", viewer->display_name);
    me.set("site_steward", viewer->site_steward);
    v.set("me", std::move(me));
    // The header's notifications count: one indexed count, capped (web/header_count.hpp).
    if (const auto& unread = app.kept<HeaderCount>().unread) {
      const auto n = unread(app, viewer->user_id);
      if (n > 0) v.set("unread_count", n >= kHeaderCountMax ? std::string("99+") : std::to_string(n));
    }
  }
  v.set("demo", app.config.demo);
  // The demo outbox holds working sign-in links: only a site steward is shown it.
  v.set("demo_outbox", app.config.demo && viewer && viewer->site_steward);
  v.set("errors", View::list());
  v.set("has_errors", false);
  return v;
}

void Context::add_errors(View& v, const Error& e) {
  View list = View::list();
  for (const auto& f : e.fields) {
    View item;
    item.set("field", f.field);
    item.set("text", t(f.message_key));
    list.push(std::move(item));
    v.set("error_" + f.field, t(f.message_key));
  }
  if (e.fields.empty()) {
    View item;
    item.set("field", "");
    item.set("text", t(e.message_key));
    list.push(std::move(item));
  }
  v.set("errors", std::move(list));
  v.set("has_errors", true);
}

Response Context::page(std::string_view template_name, const View& v, int status) {
  Response r;
  r.status = status;
  r.set("Content-Type", "text/html; charset=utf-8");
  r.body = app.renderer->render(template_name, v);
  return r;
}

Response Context::error_page(const Error& e, int status) {
  if (status == 0) status = http_status(e.code);
  if (e.code == ErrorCode::unauthenticated) return need_signin();
  View v = view(status == 404 ? "common_not_found_title" : "common_error_title");
  v.set("status", status);
  v.set("heading", t(status == 404 ? "common_not_found_title" : "common_error_title"));
  v.set("message", t(e.message_key));
  v.set("request_id", req.request_id);
  return page(status == 404 ? "errors/not_found" : "errors/error", v, status);
}

Response Context::need_signin() {
  std::string next = req.method == "GET" ? req.target : "/";
  return Response::redirect("/signin?next=" + percent_encode(next));
}

int http_status(ErrorCode code) {
  switch (code) {
    case ErrorCode::invalid: return 422;
    case ErrorCode::unauthenticated: return 401;
    case ErrorCode::forbidden: return 403;
    case ErrorCode::not_found: return 404;
    case ErrorCode::conflict: return 409;
    case ErrorCode::rate_limited: return 429;
    case ErrorCode::unavailable: return 503;
  }
  return 500;
}

}  // namespace hs::web
