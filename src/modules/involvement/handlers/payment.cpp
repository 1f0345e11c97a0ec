// GET /spaces/{slug}/involvement/payment: plain guidance on payments and benefits, then
// how the person would like to be paid (POST), and their bank details when they chose a
// bank transfer (POST .../payment/bank; POST .../payment/bank/remove erases them). Before a
// first claim people are sent here, then on to their claim.
#include "core/number.hpp"
#include "modules/involvement/handlers/common.hpp"
#include "modules/involvement/handlers/handlers.hpp"

namespace hs::involvement::handlers {

using web::Context;
using web::Response;
using web::View;

namespace {

struct Typed {
  std::string method, charity, account_name, sort_code, account_number;
};

std::string next_of(Context& c) {
  if (auto p = number::id(c.query_param("participation"))) return "participation=" + std::to_string(*p);
  if (auto o = number::id(c.query_param("opportunity"))) return "opportunity=" + std::to_string(*o);
  return {};
}

Response render(Context& c, const Space& s, const Typed& typed, const Error* error = nullptr, int status = 200,
                const std::string& next = "") {
  View v = page(c, s, "involvement_payment_title");
  const auto me = viewer_id(c);
  auto chosen = commands::choice(c.app, s.space().id, me);
  const std::string method = !typed.method.empty() ? typed.method : chosen ? chosen->method : "";
  const std::string charity =
      !typed.charity.empty() ? typed.charity : chosen && chosen->charity ? *chosen->charity : "";
  View fields = View::list();
  std::vector<std::pair<std::string, std::string>> methods;
  for (auto m : kMethods) methods.emplace_back(std::string(m), "involvement_method_" + std::string(m));
  fields.push(radios_field(c, {"method", "involvement_field_method", method, ""}, error, methods, true));
  fields.push(text_field(c, {"charity", "involvement_field_charity", charity, "involvement_field_charity_hint"},
                         error));
  v.set("fields", std::move(fields));
  v.set("first", !chosen.has_value());
  v.set("action", path(s, "/payment") + (next.empty() ? "" : "?" + next));
  // Bank details are for bank transfers, and to repay expenses whatever a person chose for
  // their time; shown once a choice is made, so the guidance comes first.
  const bool bank = chosen.has_value();
  v.set("bank", bank);
  v.set("bank_chosen", chosen && chosen->method == "bank");
  if (bank) {
    v.set("has_bank", commands::has_bank_details(c.app, s.space().id, me));
    View b = View::list();
    b.push(text_field(c, {"account_name", "involvement_field_account_name", typed.account_name, ""}, error, "", "text"));
    b.push(text_field(c, {"sort_code", "involvement_field_sort_code", typed.sort_code, "involvement_field_sort_code_hint"},
                      error, "govuk-input--width-5", "text", "numeric"));
    b.push(text_field(c, {"account_number", "involvement_field_account_number", typed.account_number,
                          "involvement_field_account_number_hint"},
                      error, "govuk-input--width-10", "text", "numeric"));
    v.set("bank_fields", std::move(b));
    v.set("bank_action", path(s, "/payment/bank"));
    v.set("bank_remove_action", path(s, "/payment/bank/remove"));
  }
  v.set("keep_days", std::to_string(commands::keep_days(c.app, s.space().id)));
  auto notice = c.query_param("notice");
  for (auto n : {"choice", "bank", "bank_removed"})
    if (notice == n) v.set("notice", c.t(std::string("involvement_notice_") + n));
  if (error) c.add_errors(v, *error);
  return c.page("involvement/payment", v, status);
}

}  // namespace

Response payment_page(Context& c) {
  auto l = load_space(c);
  if (!l.space) return l.refusal;
  return render(c, *l.space, {}, nullptr, 200, next_of(c));
}

Response payment_update(Context& c) {
  auto l = load_space(c);
  if (!l.space) return l.refusal;
  Typed t;
  t.method = c.field("method");
  t.charity = c.field("charity");
  const auto next = next_of(c);
  auto r = commands::set_choice(c.app, l.space->space().id, viewer_id(c), t.method, t.charity);
  if (!r) {
    if (r.error().code == ErrorCode::forbidden) return forbidden(c, r.error().message_key);
    return render(c, *l.space, t, &r.error(), web::http_status(r.error().code), next);
  }
  // On to the claim they came for; bank transfers first need the details.
  if (!next.empty() && t.method != "bank") return c.redirect(path(*l.space, "/claims/new?" + next));
  return c.redirect(path(*l.space, "/payment?notice=choice" + (next.empty() ? "" : "&" + next)));
}

Response bank_update(Context& c) {
  auto l = load_space(c);
  if (!l.space) return l.refusal;
  Typed t;
  t.account_name = c.field("account_name");
  t.sort_code = c.field("sort_code");
  t.account_number = c.field("account_number");
  const auto next = next_of(c);
  auto r = commands::set_bank_details(c.app, l.space->space().id, viewer_id(c), t.account_name, t.sort_code,
                                      t.account_number);
  if (!r) {
    if (r.error().code == ErrorCode::forbidden) return forbidden(c, r.error().message_key);
    return render(c, *l.space, t, &r.error(), web::http_status(r.error().code), next);
  }
  if (!next.empty()) return c.redirect(path(*l.space, "/claims/new?" + next));
  return c.redirect(path(*l.space, "/payment?notice=bank"));
}

Response bank_remove(Context& c) {
  auto l = load_space(c);
  if (!l.space) return l.refusal;
  auto r = commands::erase_bank_details(c.app, l.space->space().id, viewer_id(c));
  if (!r) return refused(c, r.error());
  return c.redirect(path(*l.space, "/payment?notice=bank_removed"));
}

}  // namespace hs::involvement::handlers
