// GET/POST /account/equality: a person's own equality answers, every question optional
// with "prefer not to say", and POST /account/equality/delete. GET /spaces/{slug}/equality
// (and .csv): the space's report for its stewards and facilitators, counts with small
// numbers suppressed; GET/POST /spaces/{slug}/equality/reference: a steward's reference
// population for one question.
#include "modules/equity/commands/commands.hpp"
#include "modules/equity/handlers/handlers.hpp"
#include "modules/equity/permissions.hpp"
#include "modules/spaces/module.hpp"
#include "web/app.hpp"

namespace hs::equity::handlers {

using web::Context;
using web::Response;
using web::View;

namespace {

View form_view(Context& c, const Answers& answers, bool groups) {
  View v = c.view("equity_mine_title");
  View qs = View::list();
  for (const auto& q : questions()) {
    View x;
    const std::string key(q.key);
    x.set("key", key);
    x.set("legend", c.t("equity_q_" + key));
    x.set("multiple", q.multiple);
    auto it = answers.find(key);
    View options = View::list();
    for (auto o : q.options) {
      View opt;
      opt.set("value", std::string(o));
      opt.set("label", c.t("equity_a_" + key + "_" + std::string(o)));
      opt.set("checked", it != answers.end() && std::find(it->second.begin(), it->second.end(), o) != it->second.end());
      options.push(std::move(opt));
    }
    x.set("options", std::move(options));
    qs.push(std::move(x));
  }
  v.set("questions", std::move(qs));
  v.set("groups", groups);
  return v;
}

std::optional<spaces::SpaceInPath> report_space(Context& c, Response& refusal) {
  auto s = spaces::space_in_path(c);
  if (!s) refusal = c.error_page(Error::of(ErrorCode::not_found, "equity_not_found"));
  else if (!permissions::view_report(s->subject)) refusal = spaces::refuse(c, "equity_not_allowed");
  else return s;
  return std::nullopt;
}

std::string share_text(std::int64_t per_mille) {
  return std::to_string(per_mille / 10) + "." + std::to_string(per_mille % 10) + "%";
}

}  // namespace

Response mine_page(Context& c) {
  if (!c.viewer) return c.need_signin();
  auto m = commands::mine(c.app, c.viewer->user_id);
  View v = form_view(c, m.answers, m.groups);
  v.set("any", m.any);
  if (c.query_param("notice") == "saved") v.set("notice", c.t("equity_notice_saved"));
  if (c.query_param("notice") == "deleted") v.set("notice", c.t("equity_notice_deleted"));
  return c.page("equity/mine", v);
}

Response mine_save(Context& c) {
  if (!c.viewer) return c.need_signin();
  Answers typed;
  for (const auto& q : questions()) {
    std::vector<std::string> chosen;
    for (const auto& [k, val] : c.form())
      if (k == "q_" + std::string(q.key)) chosen.push_back(val);
    if (!chosen.empty()) typed.emplace(std::string(q.key), std::move(chosen));
  }
  auto r = commands::save(c.app, c.viewer->user_id, typed, c.checked("groups"));
  if (!r) return c.error_page(r.error());
  return c.redirect("/account/equality?notice=saved");
}

Response mine_delete(Context& c) {
  if (!c.viewer) return c.need_signin();
  auto r = commands::forget(c.app, c.viewer->user_id);
  if (!r) return c.error_page(r.error());
  return c.redirect("/account/equality?notice=deleted");
}

namespace {

// The report's tables into a page's view (or "too few" when refused).
void add_report(Context& c, View& v, const Result<commands::Report>& r, const std::string& slug) {
  if (!r) {
    v.set("too_few", true);
    v.set("minimum", std::to_string(kMinimumPeople));
    return;
  }
  v.set("people", std::to_string(r->people));
  v.set("members", std::to_string(r->members));
  View qs = View::list();
  for (const auto& q : r->questions) {
    View x;
    x.set("key", q.key);
    x.set("title", c.t("equity_q_" + q.key));
    x.set("withheld", q.withheld);
    if (!slug.empty()) x.set("reference_href", "/spaces/" + slug + "/equality/reference?question=" + q.key);
    View rows = View::list();
    bool any_reference = false;
    for (const auto& row : q.rows) {
      View y;
      y.set("label", c.t("equity_a_" + q.key + "_" + row.option));
      if (row.shown.hidden) y.set("people", row.shown.primary ? c.t("equity_fewer_than_5") : c.t("equity_hidden"));
      else y.set("people", std::to_string(row.shown.count));
      y.set("hidden", row.shown.hidden);
      if (row.reference_per_mille) {
        y.set("reference", share_text(*row.reference_per_mille));
        any_reference = true;
      } else {
        y.set("reference", "");
      }
      y.set("under", row.under);
      rows.push(std::move(y));
    }
    x.set("rows", std::move(rows));
    x.set("any_reference", any_reference);
    qs.push(std::move(x));
  }
  v.set("questions", std::move(qs));
}

}  // namespace

Response report_page(Context& c) {
  Response refusal;
  auto s = report_space(c, refusal);
  if (!s) return refusal;
  View v = spaces::space_page(c, *s, "equity_report_title");
  auto r = commands::space_report(c.app, s->space().id, spaces::viewer_id(c));
  if (!r && r.error().code == ErrorCode::forbidden) return spaces::refuse(c, r.error().message_key);
  v.set("is_steward", permissions::set_reference(s->subject));
  v.set("csv_href", "/spaces/" + s->space().slug + "/equality.csv");
  v.set("lede_key", c.t("equity_report_lede"));
  add_report(c, v, r, s->space().slug);
  return c.page("equity/report", v);
}

Response report_csv(Context& c) {
  Response refusal;
  auto s = report_space(c, refusal);
  if (!s) return refusal;
  auto r = commands::space_report(c.app, s->space().id, spaces::viewer_id(c));
  if (!r) {
    if (r.error().code == ErrorCode::forbidden) return spaces::refuse(c, r.error().message_key);
    return c.error_page(r.error());
  }
  Response out;
  out.set("Content-Type", "text/csv; charset=utf-8");
  out.set("Content-Disposition", "attachment; filename=\"equality-" + s->space().slug + ".csv\"");
  out.set("Cache-Control", "private, no-store");
  out.body = commands::report_csv(c.app, *r);
  return out;
}

namespace {

Response render_reference(Context& c, const spaces::SpaceInPath& s, const Question& q,
                          const std::vector<std::pair<std::string, std::string>>& typed, const Error* error,
                          int status) {
  View v = spaces::space_page(c, s, "equity_reference_title");
  const std::string key(q.key);
  v.set("question", c.t("equity_q_" + key));
  v.set("key", key);
  View rows = View::list();
  for (auto o : q.options) {
    const std::string option(o);
    View y;
    y.set("name", "share_" + option);
    y.set("label", c.t("equity_a_" + key + "_" + option));
    std::string value;
    for (const auto& [k, t] : typed)
      if (k == option) value = t;
    y.set("value", value);
    y.set("error", false);
    if (error)
      for (const auto& f : error->fields)
        if (f.field == "share_" + option) y.set("error", c.t(f.message_key));
    rows.push(std::move(y));
  }
  v.set("rows", std::move(rows));
  v.set("action", "/spaces/" + s.space().slug + "/equality/reference?question=" + key);
  v.set("back_href", "/spaces/" + s.space().slug + "/equality");
  if (error) c.add_errors(v, *error);
  return c.page("equity/reference", v, status);
}

}  // namespace

Response reference_page(Context& c) {
  Response refusal;
  auto s = report_space(c, refusal);
  if (!s) return refusal;
  if (!permissions::set_reference(s->subject)) return spaces::refuse(c, "equity_not_steward");
  const auto* q = question(c.query_param("question"));
  if (!q) return c.error_page(Error::of(ErrorCode::not_found, "equity_not_found"));
  std::vector<std::pair<std::string, std::string>> typed;
  for (const auto& [option, pm] : commands::reference_of(c.app, s->space().id, std::string(q->key)))
    typed.emplace_back(option, share_text(pm));
  return render_reference(c, *s, *q, typed, nullptr, 200);
}

Response reference_save(Context& c) {
  Response refusal;
  auto s = report_space(c, refusal);
  if (!s) return refusal;
  const auto* q = question(c.query_param("question"));
  if (!q) return c.error_page(Error::of(ErrorCode::not_found, "equity_not_found"));
  std::vector<std::pair<std::string, std::string>> typed;
  for (auto o : q->options) typed.emplace_back(std::string(o), c.field("share_" + std::string(o)));
  auto r = commands::set_reference(c.app, s->space().id, spaces::viewer_id(c), std::string(q->key), typed);
  if (!r) {
    if (r.error().code == ErrorCode::forbidden) return spaces::refuse(c, r.error().message_key);
    return render_reference(c, *s, *q, typed, &r.error(), web::http_status(r.error().code));
  }
  return c.redirect("/spaces/" + s->space().slug + "/equality#" + std::string(q->key));
}

Response people_report_page(Context& c, View v, const std::vector<std::int64_t>& user_ids) {
  v.set("is_steward", false);
  v.set("lede_key", c.t("equity_event_report_lede"));
  add_report(c, v, commands::people_report(c.app, user_ids), "");
  return c.page("equity/report", v);
}

}  // namespace hs::equity::handlers
