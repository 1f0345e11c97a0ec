#include "modules/audit/handlers/common.hpp"

#include "core/crypto.hpp"
#include "core/number.hpp"
#include "modules/audit/permissions.hpp"
#include "modules/audit/rules/canonical.hpp"
#include "modules/spaces/module.hpp"

namespace hs::audit::handlers {

using web::Context;
using web::Response;

std::optional<Loaded> load_space(Context& c) {
  return load_space_as(c, spaces::viewer_id(c), c.viewer && c.viewer->site_steward);
}

std::optional<Loaded> load_space_as(Context& c, std::int64_t user_id, bool site_steward) {
  auto s = spaces::space_as(c.app, std::string(c.param("slug")), user_id, site_steward);
  if (!s) return std::nullopt;
  return Loaded{std::move(s->row), s->subject};
}

namespace {
std::string feed_mac(const web::App& app, std::int64_t space_id, std::int64_t user_id) {
  static const auto purpose = crypto::derive(app.master_key, 301, "auditfed");
  return crypto::base64url(crypto::hmac_sha256(purpose, std::to_string(space_id) + ":" + std::to_string(user_id)));
}
}  // namespace

std::string feed_key(const web::App& app, std::int64_t space_id, std::int64_t user_id) {
  return std::to_string(user_id) + "." + feed_mac(app, space_id, user_id);
}

std::int64_t feed_key_owner(const web::App& app, std::int64_t space_id, std::string_view key) {
  auto dot = key.find('.');
  if (dot == std::string_view::npos || key.size() > 120) return 0;
  auto uid = number::whole(key.substr(0, dot));
  if (!uid || *uid <= 0) return 0;
  return crypto::equal(key.substr(dot + 1), feed_mac(app, space_id, *uid)) ? *uid : 0;
}

Response not_found(Context& c) { return c.error_page(Error::of(ErrorCode::not_found, "audit_space_not_found")); }

Response denied(Context& c) { return spaces::refuse(c, "audit_members_only"); }

Response json(int status, std::string body) {
  Response r;
  r.status = status;
  r.body = std::move(body);
  r.set("Content-Type", "application/json; charset=utf-8");
  r.set("Cache-Control", "no-store");
  return r;
}

Response json_error(Context& c, int status, const std::string& message_key) {
  std::string body = "{\"error\":";
  canonical::append_string(body, c.t(message_key));
  body += '}';
  return json(status, std::move(body));
}

JsonAccess json_access(Context& c) {
  JsonAccess a;
  auto l = load_space(c);
  if (!l) {
    a.refusal = json_error(c, 404, "audit_space_not_found");
  } else if (!permissions::view_log(l->subject)) {
    a.refusal = c.viewer ? json_error(c, 403, "audit_members_only") : json_error(c, 401, "audit_sign_in_first");
  } else {
    a.loaded = std::move(l);
  }
  return a;
}

std::optional<std::int64_t> query_int(Context& c, std::string_view name) { return number::whole(c.query_param(name)); }

}  // namespace hs::audit::handlers
