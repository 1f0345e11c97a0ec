// POST /spaces/{slug}/audit/verify: run the offline verifier on the log as it stands and
// show its answer on the audit page. POST /spaces/{slug}/audit/findings: an auditor
// records a finding. The findings section of the audit page.
#include "core/dates.hpp"
#include "modules/audit/commands/commands.hpp"
#include "modules/audit/handlers/common.hpp"
#include "modules/audit/handlers/handlers.hpp"
#include "modules/audit/permissions.hpp"
#include "modules/audit/verify.hpp"
#include "web/render.hpp"

namespace hs::audit::handlers {

using web::Context;
using web::Response;
using web::View;

namespace {

constexpr std::int64_t kFindingsShown = 100;

// A text as paragraphs, a line each, so line breaks survive without markup.
View lines_of(const std::string& text) {
  View list = View::list();
  std::size_t start = 0;
  while (start <= text.size()) {
    auto end = text.find('\n', start);
    if (end == std::string::npos) end = text.size();
    std::string line = text.substr(start, end - start);
    if (!line.empty() && line.back() == '\r') line.pop_back();
    if (!line.empty()) {
      View item;
      item.set("line", line);
      list.push(std::move(item));
    }
    start = end + 1;
  }
  return list;
}

}  // namespace

void add_finding_form(Context& c, View& v, const rules::FindingInput& typed) {
  View form;
  if (!typed.title.empty()) form.set("title", typed.title);
  if (!typed.body.empty()) form.set("body", typed.body);
  v.set("form", std::move(form));
  View outcomes = View::list();
  bool first = true;
  for (auto o : rules::kOutcomes) {
    View item;
    std::string value(o);
    // The first radio carries the field's id, so the error summary can link to it.
    item.set("id", first ? std::string("outcome") : "outcome-" + value);
    item.set("value", value);
    item.set("label", c.t("audit_outcome_" + value));
    item.set("checked", typed.outcome == value);
    outcomes.push(std::move(item));
    first = false;
  }
  v.set("outcomes", std::move(outcomes));
}

void add_findings(Context& c, View& v, const Loaded& l) {
  const bool may_record = permissions::record_finding(l.subject);
  v.set("can_record", may_record);
  if (may_record) add_finding_form(c, v, {});
  if (!permissions::view_findings(l.subject)) return;
  auto rows = commands::findings(c.app, l.space.id, kFindingsShown);
  v.set("has_findings", !rows.empty());
  View list = View::list();
  for (const auto& f : rows) {
    View item;
    item.set("title", f.title);
    item.set("outcome", c.t("audit_outcome_" + f.outcome));
    item.set("concern", f.outcome == "concern_raised");
    item.set("date", utc_time(f.created_at));
    item.set("iso", dates::format(f.created_at, dates::Style::rfc3339));
    item.set("lines", lines_of(f.body));
    list.push(std::move(item));
  }
  v.set("findings", std::move(list));
}

Response log_verify(Context& c) {
  auto l = load_space(c);
  if (!l) return not_found(c);
  if (!permissions::run_verification(l->subject)) return denied(c);
  // Not logged: a verification only reads the log and changes nothing.
  auto run = commands::verify_log(c.app, {l->space.id, l->space.slug, l->space.name});
  if (!run) return c.error_page(run.error());
  const auto& verdict = run->verdict;
  return render_log_page(c, *l, [&](View& v) {
    View result;
    result.set("ok", verdict.ok);
    result.set("message", c.app.renderer->format(verdict.message_key, verdict.args));
    if (verdict.ok && verdict.heads == 0) result.set("note", c.t("audit_verify_no_heads"));
    else if (verdict.ok && verdict.unsigned_entries > 0)
      result.set("note", c.app.renderer->format("audit_verify_unsigned",
                                                {{"count", std::to_string(verdict.unsigned_entries)}}));
    result.set("facts", c.app.renderer->format("audit_verify_facts", {{"entries", std::to_string(verdict.entries)},
                                                                      {"heads", std::to_string(verdict.heads)},
                                                                      {"millis", std::to_string(run->millis)}}));
    v.set("verification", std::move(result));
  });
}

Response finding_record(Context& c) {
  auto l = load_space(c);
  if (!l) return not_found(c);
  if (!permissions::record_finding(l->subject)) return denied(c);
  rules::FindingInput typed{std::string(c.field("title")), std::string(c.field("body")),
                            std::string(c.field("outcome"))};
  auto id = commands::record_finding(c.app, l->space.id, c.viewer->user_id, typed);
  if (!id) {
    const Error error = id.error();
    const int status = error.code == ErrorCode::invalid ? 422 : web::http_status(error.code);
    return render_log_page(
        c, *l,
        [&](View& v) {
          add_finding_form(c, v, typed);
          c.add_errors(v, error);
        },
        status);
  }
  return c.redirect("/spaces/" + l->space.slug + "/audit?notice=finding#findings");
}

}  // namespace hs::audit::handlers
