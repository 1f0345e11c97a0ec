// GET /spaces/{slug}/decisions/{id}: the proposal, how it will be decided (the rule text
// for its method), the answer form for this method, the results when this person may see
// them, and the closing form for facilitators and the proposer.
#include "modules/decisions/commands/anonymity.hpp"
#include "modules/decisions/commands/commands.hpp"
#include "modules/decisions/commands/support.hpp"
#include "modules/decisions/handlers/common.hpp"
#include "modules/decisions/handlers/handlers.hpp"
#include "modules/decisions/handlers/show.hpp"
#include "modules/decisions/methods/descriptor.hpp"
#include "modules/decisions/methods/shared.hpp"
#include "modules/decisions/permissions.hpp"
#include "modules/decisions/rules/method.hpp"
#include "web/blocks.hpp"
#include "web/render.hpp"

namespace hs::decisions::handlers {

using web::Context;
using web::Response;
using web::View;

namespace {

PageInput page_input(const commands::Loaded& l, bool names) {
  return {l.settings, l.options, l.mine, l.named, l.anonymous, names};
}

// The answer form for this method, filled with what the person typed (after an error)
// or their current answer.
void add_ballot_view(Context& c, View& v, const commands::Loaded& l, const BallotFields& f) {
  View vote;
  vote.set("reason", f.reason);
  descriptor(l.settings.method).ballot_view(*c.app.renderer, vote, page_input(l, false), f);
  vote.set("reason_required", l.settings.reasons_required);
  v.set("vote", std::move(vote));
}

BallotFields fields_of(const commands::Loaded& l) {
  BallotFields f;
  if (!l.mine) return f;
  f.reason = l.mine->reason;
  descriptor(l.settings.method).fill_fields(l.mine->choice, f);
  return f;
}

std::string name_or_former(Context& c, const std::string& name) {
  return methods::name_or_former(*c.app.renderer, name);
}

void add_results_view(Context& c, View& v, const commands::Loaded& l, bool names) {
  const auto& t = *l.tally;
  View r;
  r.set("outcome", outcome_label(c, std::string(to_string(t.outcome))));
  r.set("final", l.closed);
  r.set("quorum", c.app.renderer->format(t.quorum.met ? "decisions_quorum_met" : "decisions_quorum_not_met",
                                         {{"required", std::to_string(t.quorum.required)},
                                          {"turnout", std::to_string(t.quorum.turnout)},
                                          {"eligible", std::to_string(t.quorum.eligible)}}));
  View reasons = View::list();
  descriptor(t.method).results_view(*c.app.renderer, r, reasons, t.result, page_input(l, names));
  r.set("has_reasons", !reasons.items().empty());
  r.set("reasons", std::move(reasons));
  v.set("results", std::move(r));
}

void add_settings_view(Context& c, View& v, const commands::Loaded& l) {
  const auto& s = l.settings;
  View rows = View::list();
  auto row = [&](const std::string& key, const std::string& value) {
    View r;
    r.set("key", c.t(key));
    r.set("value", value);
    rows.push(std::move(r));
  };
  row("decisions_setting_method", c.t(std::string(name_key(s.method))));
  for (const auto& [key, value] : descriptor(s.method).setting_rows(*c.app.renderer, s)) row(key, value);
  row("decisions_setting_closes", commands::when_text(c.app, s.closes_at));
  auto required = check_quorum(electorate(s, l.eligible), 0).required;
  row("decisions_setting_quorum",
      c.app.renderer->format("decisions_quorum_value", {{"percent", std::to_string(s.quorum_percent)},
                                                        {"required", std::to_string(required)},
                                                        {"eligible", std::to_string(l.eligible)}}));
  row("decisions_setting_results", c.t(std::string(name_key(s.results))));
  row("decisions_setting_reasons", c.t(s.reasons_required ? "decisions_yes" : "decisions_no"));
  row("decisions_setting_anonymous", c.t(s.anonymous ? "decisions_anonymous_yes" : "decisions_anonymous_no"));
  v.set("settings", std::move(rows));
}

}  // namespace

Response render_show(Context& c, const Space& s, std::int64_t id, const ShowState& state) {
  const auto viewer = spaces::viewer_id(c);
  auto loaded = commands::load(c.app, s.space().id, id, viewer, ballot_code(c, id));
  if (!loaded) return not_found(c);
  const auto& l = *loaded;
  const auto now = c.app.clock->now();
  View v = page_view(c, s, "decisions_show_title", {{"title", l.row.title}});

  View p;
  p.set("id", l.row.id);
  p.set("title", l.row.title);
  p.set("details", web::code_blocks(l.row.details));
  p.set("method", method_label(c, l.row.method));
  p.set("anonymous", l.settings.anonymous);
  p.set("closed", l.closed);
  p.set("open", !l.closed);
  p.set("proposer", l.row.proposer_id ? name_or_former(c, l.proposer_name) : c.t("decisions_former_member"));
  p.set("opened", commands::when_text(c.app, l.row.created_at));
  p.set("closes", commands::when_text(c.app, l.settings.closes_at));
  p.set("path", decision_path(s, l.row.id));
  if (!l.options.empty()) {
    View opts = View::list();
    for (const auto& o : l.options) opts.push(View(o));
    p.set("options", std::move(opts));
    v.set("has_options", true);
  }
  if (l.subject) {
    View subject;
    subject.set("text", l.subject->text);
    subject.set("href", l.subject->href);
    p.set("subject", std::move(subject));
  }
  v.set("p", std::move(p));
  add_settings_view(c, v, l);

  View rules = View::list();
  for (auto key : rule_keys(l.settings.method)) rules.push(View(c.t(std::string(key))));
  rules.push(View(c.t("decisions_rule_close_early")));
  rules.push(View(c.t("decisions_rule_auditors")));
  v.set("rules", std::move(rules));
  v.set("turnout",
        c.app.renderer->format(l.turnout == 1 ? "decisions_turnout_one" : "decisions_turnout_n",
                               {{"count", std::to_string(l.turnout)}, {"eligible", std::to_string(l.eligible)}}));

  const bool open_now = !l.closed && is_open(l.settings, now);
  v.set("is_voter", permissions::vote(s.subject));
  if (open_now && permissions::vote(s.subject)) {
    v.set("can_vote", true);
    v.set("has_voted", l.has_voted);
    if (l.settings.anonymous && l.code) v.set("ballot_code", commands::anonymity::display_code(*l.code));
    if (l.settings.anonymous && l.has_voted && !l.mine) {
      v.set("needs_code", true);
      if (state.code_typed) v.set("code_typed", *state.code_typed);
    }
    add_ballot_view(c, v, l, state.typed ? *state.typed : fields_of(l));
  } else if (!l.closed && !open_now) {
    v.set("voting_ended", true);
  } else if (!l.closed && !permissions::vote(s.subject)) {
    v.set("cannot_vote", true);
  }
  if (l.closed) {
    View closed;
    closed.set("outcome", outcome_label(c, l.row.outcome.value_or("no_votes")));
    closed.set("statement", web::paragraphs(l.row.outcome_statement.value_or("")));
    closed.set("when", commands::when_text(c.app, l.row.closed_at.value_or(0)));
    closed.set("closed_by",
               c.app.renderer->format(
                   "decisions_closed_by",
                   {{"name", l.row.closed_by ? name_or_former(c, l.closer_name) : c.t("decisions_former_member")},
                    {"when", commands::when_text(c.app, l.row.closed_at.value_or(0))}}));
    closed.set("early", l.row.closed_early);
    v.set("closed", std::move(closed));
  }

  if (l.tally && permissions::view_results(s.subject, l.settings, l.has_voted, l.closed)) {
    add_results_view(c, v, l, permissions::view_names(s.subject, l.settings));
    v.set("csv_href", decision_path(s, l.row.id, "/results.csv"));
  } else {
    v.set("results_hidden", c.t(l.settings.results == ResultsVisibility::after_voting && !l.settings.anonymous
                                    ? "decisions_results_after_voting"
                                    : "decisions_results_after_close"));
  }

  const bool is_proposer = l.row.proposer_id && *l.row.proposer_id == viewer;
  if (!l.closed && permissions::close_proposal(s.subject, is_proposer)) {
    v.set("can_close", true);
    v.set("close_ready", !open_now || l.may_close_early);
    v.set("close_early", open_now && l.may_close_early);
    if (open_now && !l.may_close_early)
      v.set("close_wait", c.app.renderer->format("decisions_close_wait",
                                                 {{"when", commands::when_text(c.app, l.settings.closes_at)}}));
    if (state.statement) v.set("statement_typed", *state.statement);
  }
  if (state.error) c.add_errors(v, *state.error);
  return c.page("decisions/show", v, state.status);
}

Response proposal_show(Context& c) {
  auto a = members_only(c);
  if (!a.space) return std::move(a.refusal);
  auto id = id_param(c);
  if (!id) return not_found(c);
  return render_show(c, *a.space, *id, {});
}

}  // namespace hs::decisions::handlers
