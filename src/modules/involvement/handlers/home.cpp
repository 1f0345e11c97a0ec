// GET /spaces/{slug}/involvement: what a member sees of paid involvement (open
// opportunities, time to claim, advances they can ask for, their claims, their payments
// by tax year and a recognition letter), with the facilitators' and treasurers' links.
// GET .../statement.pdf?year= and .../letter.pdf?from=&to= are the two documents.
#include "core/dates.hpp"
#include "core/number.hpp"
#include "modules/involvement/handlers/common.hpp"
#include "modules/involvement/handlers/handlers.hpp"
#include "modules/involvement/permissions.hpp"
#include "modules/involvement/rules/tax_year.hpp"
#include "web/parse.hpp"

namespace hs::involvement::handlers {

using web::Context;
using web::Response;
using web::View;

namespace {

std::string paid_as(Context& c, const std::optional<RateRow>& r) {
  if (!r) return c.t("involvement_rate_none");
  return c.app.words->format(r->unit == "hourly" ? "involvement_rate_hourly" : "involvement_rate_fixed",
                             {{"amount", format_pounds(r->pence)}});
}

Response pdf(std::string bytes, const std::string& file_name) {
  Response r;
  r.set("Content-Type", "application/pdf");
  r.set("Content-Disposition", "attachment; filename=\"" + file_name + "\"");
  r.set("Cache-Control", "private, no-store");
  r.body = std::move(bytes);
  return r;
}

}  // namespace

Response home(Context& c) {
  auto l = load_space(c);
  if (!l.space) return l.refusal;
  const auto& s = *l.space;
  const auto me = viewer_id(c);
  const auto space_id = s.space().id;
  const auto today = commands::day_of(c.app.clock->now());
  View v = page(c, s, "involvement_home_title");

  auto chosen = commands::choice(c.app, space_id, me);
  v.set("has_choice", chosen.has_value());
  if (chosen) {
    v.set("method", chosen->method == "charity" && chosen->charity
                        ? c.app.words->format("involvement_method_charity_named", {{"charity", *chosen->charity}})
                        : c.t("involvement_method_" + chosen->method));
  }
  v.set("payment_href", path(s, "/payment"));
  v.set("rates_href", path(s, "/rates"));
  v.set("new_opportunity_href", path(s, "/opportunities/new"));
  v.set("by_hand_href", path(s, "/time/new"));
  v.set("claims_href", path(s, "/claims"));
  v.set("batches_href", path(s, "/batches"));

  std::map<std::int64_t, InterestRow> mine;
  for (auto& i : commands::my_interests(c.app, space_id, me)) mine.emplace(i.opportunity_id, std::move(i));
  View open = View::list(), advances = View::list();
  for (const auto& o : commands::opportunities(c.app, space_id)) {
    auto it = mine.find(o.id);
    if (o.status == "open" && o.day >= today) {
      View x;
      x.set("title", o.title);
      x.set("href", path(s, "/opportunities/" + std::to_string(o.id)));
      x.set("day", day_words(c, o.day));
      x.set("starts", o.starts);
      x.set("kind", kind_label(c, o.kind));
      x.set("paid", paid_as(c, commands::rate_for(c.app, space_id, o.kind, o.day)));
      x.set("interest", it != mine.end() ? c.t("involvement_interest_" + it->second.status) : std::string());
      x.set("has_interest", it != mine.end());
      open.push(std::move(x));
    }
    if (it != mine.end() && it->second.status == "chosen" && o.day >= today) {
      View x;
      x.set("title", o.title);
      x.set("day", day_words(c, o.day));
      x.set("href", path(s, "/claims/new?opportunity=" + std::to_string(o.id)));
      advances.push(std::move(x));
    }
  }
  if (permissions::run_opportunities(s.subject)) {
    // Facilitators find every opportunity here, past and closed ones too, to confirm who
    // took part and to see who is interested.
    const auto counts = commands::interest_counts(c.app, space_id);
    View all = View::list();
    auto list = commands::opportunities(c.app, space_id);
    for (auto it = list.rbegin(); it != list.rend(); ++it) {
      View x;
      x.set("title", it->title);
      x.set("href", path(s, "/opportunities/" + std::to_string(it->id)));
      x.set("day", day_words(c, it->day));
      auto n = counts.find(it->id);
      x.set("interested", std::to_string(n == counts.end() ? 0 : n->second));
      x.set("closed", it->status != "open");
      x.set("past", it->day < today);
      all.push(std::move(x));
    }
    v.set("has_all", !all.items().empty());
    v.set("all", std::move(all));
  }
  v.set("has_open", !open.items().empty());
  v.set("open", std::move(open));
  v.set("has_advances", !advances.items().empty());
  v.set("advances", std::move(advances));

  View to_claim = View::list();
  for (const auto& p : commands::unclaimed(c.app, space_id, me)) {
    View x;
    x.set("what", p.what);
    x.set("kind", kind_label(c, p.kind));
    x.set("day", day_words(c, p.day));
    x.set("hours", hours_words(c, p.minutes));
    x.set("href", path(s, "/claims/new?participation=" + std::to_string(p.id)));
    to_claim.push(std::move(x));
  }
  v.set("has_to_claim", !to_claim.items().empty());
  v.set("to_claim", std::move(to_claim));

  View claims = View::list();
  for (const auto& k : commands::my_claims(c.app, space_id, me)) claims.push(claim_item(c, s, k));
  v.set("has_claims", !claims.items().empty());
  v.set("claims", std::move(claims));

  View years = View::list();
  for (const auto& y : commands::tax_years(c.app, space_id, me)) {
    View x;
    x.set("label", c.app.words->format("involvement_tax_year",
                                       {{"start", std::to_string(y.year)}, {"end", std::to_string(y.year + 1)}}));
    x.set("time", format_pounds(y.time));
    x.set("expenses", format_pounds(y.expenses));
    x.set("given", format_pounds(y.given));
    x.set("href", path(s, "/statement.pdf?year=" + std::to_string(y.year)));
    years.push(std::move(x));
  }
  v.set("has_years", !years.items().empty());
  v.set("years", std::move(years));

  v.set("letter_action", path(s, "/letter.pdf"));
  v.set("letter_from", c.query_param("from").empty() ? today.substr(0, 4) + "-01-01" : std::string(c.query_param("from")));
  v.set("letter_to", c.query_param("to").empty() ? today : std::string(c.query_param("to")));
  if (c.query_param("letter_error") == "1") {
    auto checked = commands::letter_hours(c.app, space_id, me, std::string(c.query_param("from")),
                                          std::string(c.query_param("to")));
    if (!checked) {
      c.add_errors(v, checked.error());
      for (const auto& f : checked.error().fields) v.set("letter_error_" + f.field, c.t(f.message_key));
    }
  }
  if (c.query_param("notice") == "paid_choice") v.set("notice", c.t("involvement_notice_choice"));
  if (c.query_param("notice") == "claimed") v.set("notice", c.t("involvement_notice_claimed"));
  return c.page("involvement/home", v);
}

Response statement_pdf(Context& c) {
  auto l = load_space(c);
  if (!l.space) return l.refusal;
  auto year = number::whole(c.query_param("year"));
  if (!year || *year < 2000 || *year > 9998) return not_found(c);
  auto bytes = commands::tax_statement(c.app, l.space->space().id, viewer_id(c), static_cast<int>(*year));
  if (!bytes) return refused(c, bytes.error());
  return pdf(std::move(*bytes), "statement-" + std::to_string(*year) + ".pdf");
}

Response letter_pdf(Context& c) {
  auto l = load_space(c);
  if (!l.space) return l.refusal;
  const std::string from(c.query_param("from")), to(c.query_param("to"));
  auto bytes = commands::recognition_letter(c.app, l.space->space().id, viewer_id(c), from, to);
  if (!bytes) {
    if (bytes.error().code != ErrorCode::invalid) return refused(c, bytes.error());
    // The home page again, saying which date to fix.
    return c.redirect(path(*l.space, "?letter_error=1&from=" + web::percent_encode(from) +
                                         "&to=" + web::percent_encode(to) + "#letter"));
    // (The home page says which date to fix, from the same check.)
  }
  return pdf(std::move(*bytes), "recognition-" + from + "-to-" + to + ".pdf");
}

}  // namespace hs::involvement::handlers
