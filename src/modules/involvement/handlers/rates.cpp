// GET /spaces/{slug}/involvement/rates: the space's rate card, every rate with the day it
// applies from (old ones stay: claims use the rate of their day); stewards and treasurers
// add a rate (POST .../rates) and set how long bank details are kept (POST .../settings).
#include "modules/involvement/handlers/common.hpp"
#include "modules/involvement/handlers/handlers.hpp"
#include "modules/involvement/permissions.hpp"

namespace hs::involvement::handlers {

using web::Context;
using web::Response;
using web::View;

namespace {

std::vector<std::pair<std::string, std::string>> kind_options() {
  std::vector<std::pair<std::string, std::string>> out;
  for (auto k : kKinds) out.emplace_back(std::string(k), "involvement_kind_" + std::string(k));
  return out;
}

struct Typed {
  std::string kind, unit = "hourly", amount, from_day, keep_days;
};

Response render(Context& c, const Space& s, const Typed& typed, const Error* error = nullptr, int status = 200) {
  View v = page(c, s, "involvement_rates_title");
  const auto today = commands::day_of(c.app.clock->now());
  View rows = View::list();
  for (const auto& r : commands::rate_card(c.app, s.space().id)) {
    View x;
    x.set("kind", kind_label(c, r.kind));
    x.set("amount", c.app.words->format(r.unit == "hourly" ? "involvement_rate_hourly" : "involvement_rate_fixed",
                                        {{"amount", format_pounds(r.pence)}}));
    x.set("from", day_words(c, r.from_day));
    x.set("in_force", commands::rate_for(c.app, s.space().id, r.kind, today).value_or(RateRow{}).id == r.id);
    rows.push(std::move(x));
  }
  v.set("has_rates", !rows.items().empty());
  v.set("rates", std::move(rows));
  const bool manages = permissions::manage_rates(s.subject);
  if (manages) {
    View fields = View::list();
    fields.push(select_field(c, {"kind", "involvement_field_kind", typed.kind, ""}, error, kind_options()));
    fields.push(radios_field(c, {"unit", "involvement_field_unit", typed.unit, ""}, error,
                             {{"hourly", "involvement_unit_hourly"}, {"fixed", "involvement_unit_fixed"}}));
    fields.push(text_field(c, {"amount", "involvement_field_amount", typed.amount, "involvement_field_amount_hint"},
                           error, "govuk-input--width-5", "text", "decimal"));
    fields.push(text_field(c, {"from_day", "involvement_field_from_day",
                               typed.from_day.empty() ? today : typed.from_day, "involvement_field_from_day_hint"},
                           error, "govuk-input--width-10", "date"));
    v.set("fields", std::move(fields));
    View keep = View::list();
    keep.push(text_field(c,
                         {"keep_days", "involvement_field_keep_days",
                          typed.keep_days.empty() ? std::to_string(commands::keep_days(c.app, s.space().id))
                                                  : typed.keep_days,
                          "involvement_field_keep_days_hint"},
                         error, "govuk-input--width-3", "text", "numeric"));
    v.set("keep_fields", std::move(keep));
    v.set("rate_action", path(s, "/rates"));
    v.set("keep_action", path(s, "/settings"));
  }
  v.set("manages", manages);
  auto notice = c.query_param("notice");
  if (notice == "rate") v.set("notice", c.t("involvement_notice_rate"));
  if (notice == "keep") v.set("notice", c.t("involvement_notice_keep"));
  if (error) c.add_errors(v, *error);
  return c.page("involvement/rates", v, status);
}

}  // namespace

Response rates_page(Context& c) {
  auto l = load_space(c);
  if (!l.space) return l.refusal;
  return render(c, *l.space, {});
}

Response rate_create(Context& c) {
  auto l = load_space(c);
  if (!l.space) return l.refusal;
  Typed t{c.field("kind"), c.field("unit"), c.field("amount"), c.field("from_day"), ""};
  auto r = commands::add_rate(c.app, l.space->space().id, viewer_id(c), t.kind, t.unit, t.amount, t.from_day);
  if (!r) {
    if (r.error().code == ErrorCode::forbidden) return forbidden(c, r.error().message_key);
    return render(c, *l.space, t, &r.error(), web::http_status(r.error().code));
  }
  return c.redirect(path(*l.space, "/rates?notice=rate"));
}

Response keep_days_update(Context& c) {
  auto l = load_space(c);
  if (!l.space) return l.refusal;
  Typed t;
  t.keep_days = c.field("keep_days");
  auto r = commands::set_keep_days(c.app, l.space->space().id, viewer_id(c), t.keep_days);
  if (!r) {
    if (r.error().code == ErrorCode::forbidden) return forbidden(c, r.error().message_key);
    return render(c, *l.space, t, &r.error(), web::http_status(r.error().code));
  }
  return c.redirect(path(*l.space, "/rates?notice=keep"));
}

}  // namespace hs::involvement::handlers
