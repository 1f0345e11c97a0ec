#include "modules/decisions/handlers/common.hpp"

#include <algorithm>

#include "core/clock.hpp"
#include "core/number.hpp"
#include "modules/decisions/commands/anonymity.hpp"
#include "modules/decisions/permissions.hpp"
#include "modules/decisions/rules/method.hpp"
#include "modules/decisions/rules/outcome.hpp"
#include "web/render.hpp"

namespace hs::decisions::handlers {

using web::Context;
using web::Response;
using web::View;

Access members_only(Context& c) {
  Access a;
  auto s = spaces::space_in_path(c);
  if (!s) {
    a.refusal = not_found(c);
  } else if (!permissions::view_decisions(s->subject)) {
    a.refusal = c.viewer ? not_found(c) : c.need_signin();
  } else {
    a.space = std::move(s);
  }
  return a;
}

Response not_found(Context& c) { return c.error_page(Error::of(ErrorCode::not_found, "decisions_not_found")); }

Response forbidden(Context& c) { return spaces::refuse(c, "decisions_not_allowed"); }

std::optional<std::int64_t> id_param(Context& c, const char* name) { return number::id(c.param(name)); }

View page_view(Context& c, const Space& s, const std::string& title_key,
               const std::vector<std::pair<std::string, std::string>>& args) {
  View v = spaces::space_page(c, s, title_key, args);
  add_notice(c, v);
  return v;
}

std::string decision_path(const Space& s, std::int64_t id, const std::string& rest) {
  return "/spaces/" + s.space().slug + "/decisions/" + std::to_string(id) + rest;
}

std::string method_label(Context& c, const std::string& method) {
  auto m = parse_method(method);
  return m ? c.t(std::string(name_key(*m))) : method;
}

std::string outcome_label(Context& c, const std::string& outcome) { return c.t("decisions_outcome_" + outcome); }

std::optional<std::string> ballot_code(Context& c, std::int64_t proposal_id) {
  if (!c.viewer) return std::nullopt;
  auto value = c.cookie(commands::anonymity::cookie_name(proposal_id));
  if (value.empty()) return std::nullopt;
  return commands::anonymity::code_from_cookie(c.app, c.viewer->user_id, proposal_id, value);
}

void remember_code(Context& c, std::int64_t proposal_id, const std::string& code, std::int64_t closes_at) {
  constexpr std::int64_t kDay = 24 * 3600;
  const auto max_age = std::max<std::int64_t>(kDay, closes_at - c.app.clock->now() + kDay);
  c.set_cookie(commands::anonymity::cookie_name(proposal_id),
               commands::anonymity::cookie_value(c.app, c.viewer->user_id, proposal_id, code), max_age);
}

void forget_code(Context& c, std::int64_t proposal_id) {
  c.clear_cookie(commands::anonymity::cookie_name(proposal_id));
}

void add_notice(Context& c, View& v) {
  static constexpr std::string_view kKnown[] = {"opened", "answered",  "withdrawn",
                                                "closed", "code_kept", "code_forgotten"};
  auto n = c.query_param("notice");
  for (auto k : kKnown)
    if (n == k) v.set("notice", c.t("decisions_notice_" + std::string(k)));
}

}  // namespace hs::decisions::handlers
