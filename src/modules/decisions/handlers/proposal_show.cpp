// GET /spaces/{slug}/decisions/{id}: the proposal, how it will be decided (the rule text
// for its method), the answer form for this method, the results when this person may see
// them, and the closing form for facilitators and the proposer.
#include "modules/decisions/commands/anonymity.hpp"
#include "modules/decisions/commands/commands.hpp"
#include "modules/decisions/commands/support.hpp"
#include "modules/decisions/handlers/common.hpp"
#include "modules/decisions/handlers/handlers.hpp"
#include "modules/decisions/handlers/show.hpp"
#include "modules/decisions/permissions.hpp"
#include "modules/decisions/rules/keys.hpp"
#include "modules/decisions/rules/method.hpp"
#include "web/blocks.hpp"
#include "web/render.hpp"

namespace hs::decisions::handlers {

using web::Context;
using web::Response;
using web::View;

namespace {

std::string option_name(const commands::Loaded& l, std::size_t i) {
  return i < l.options.size() ? l.options[i] : std::string();
}

View radio(const std::string& name, const std::string& value, const std::string& label, bool checked, bool first,
           const std::string& hint = "") {
  View item;
  item.set("name", name);
  item.set("value", value);
  item.set("id", first ? name : name + "-" + value);
  item.set("label", label);
  item.set("checked", checked);
  if (!hint.empty()) item.set("hint", hint);
  return item;
}

std::vector<std::string> split(const std::string& s) {
  std::vector<std::string> out;
  std::size_t start = 0;
  while (!s.empty()) {
    auto comma = s.find(',', start);
    out.push_back(s.substr(start, comma == std::string::npos ? std::string::npos : comma - start));
    if (comma == std::string::npos) break;
    start = comma + 1;
  }
  return out;
}

// The answer form for this method, filled with what the person typed (after an error)
// or their current answer.
void add_ballot_view(Context& c, View& v, const commands::Loaded& l, const BallotFields& f) {
  const auto method = l.settings.method;
  const auto n = l.options.size();
  View vote;
  vote.set("reason", f.reason);
  switch (method) {
    case Method::consent: {
      vote.set("is_consent", true);
      View items = View::list();
      items.push(radio("choice", "consent", c.t("decisions_stance_consent"), f.choice == "consent", true,
                       c.t("decisions_stance_consent_hint")));
      items.push(radio("choice", "object", c.t("decisions_stance_object"), f.choice == "object", false,
                       c.t("decisions_stance_object_hint")));
      vote.set("choices", std::move(items));
      vote.set("has_objection", l.mine && l.mine->choice == "object");
      break;
    }
    case Method::consensus: {
      vote.set("is_consensus", true);
      View items = View::list();
      bool first = true;
      for (auto p : {Position::agree, Position::abstain, Position::disagree, Position::block}) {
        auto name = std::string(to_string(p));
        items.push(radio("position", name, c.t("decisions_position_" + name), f.choice == name, first,
                         c.t("decisions_position_" + name + "_hint")));
        first = false;
      }
      vote.set("positions", std::move(items));
      break;
    }
    case Method::majority: {
      vote.set("is_majority", true);
      View items = View::list();
      bool first = true;
      for (auto ch : {MajorityChoice::yes, MajorityChoice::no, MajorityChoice::abstain}) {
        auto name = std::string(to_string(ch));
        items.push(radio("choice", name, c.t("decisions_choice_" + name), f.choice == name, first));
        first = false;
      }
      vote.set("choices", std::move(items));
      break;
    }
    case Method::ranked_choice: {
      vote.set("is_ranked", true);
      View ranks = View::list();
      for (std::size_t r = 0; r < n; ++r) {
        View rank;
        rank.set("id", r == 0 ? std::string("ranking") : "rank_" + std::to_string(r + 1));
        rank.set("name", "rank_" + std::to_string(r + 1));
        rank.set("label", c.app.renderer->format("decisions_rank_n", {{"n", std::to_string(r + 1)}}));
        const std::string chosen = r < f.ranks.size() ? f.ranks[r] : std::string();
        View opts = View::list();
        View none;
        none.set("value", "");
        none.set("label", c.t("decisions_rank_none"));
        none.set("selected", chosen.empty());
        opts.push(std::move(none));
        for (std::size_t i = 0; i < n; ++i) {
          View o;
          o.set("value", std::to_string(i));
          o.set("label", l.options[i]);
          o.set("selected", chosen == std::to_string(i));
          opts.push(std::move(o));
        }
        rank.set("options", std::move(opts));
        ranks.push(std::move(rank));
      }
      vote.set("ranks", std::move(ranks));
      break;
    }
    case Method::score: {
      vote.set("is_score", true);
      View rows = View::list();
      for (std::size_t i = 0; i < n; ++i) {
        View row;
        row.set("label", l.options[i]);
        row.set("legend_id", "score_" + std::to_string(i) + "-legend");
        const std::string chosen = i < f.scores.size() ? f.scores[i] : std::string();
        View values = View::list();
        for (int s = kScoreMin; s <= kScoreMax; ++s) {
          View val;
          val.set("name", "score_" + std::to_string(i));
          val.set("value", std::to_string(s));
          val.set("id", i == 0 && s == kScoreMin ? std::string("scores")
                                                 : "score_" + std::to_string(i) + "_" + std::to_string(s));
          val.set("checked", chosen == std::to_string(s));
          values.push(std::move(val));
        }
        row.set("values", std::move(values));
        rows.push(std::move(row));
      }
      vote.set("score_rows", std::move(rows));
      break;
    }
    case Method::dot_vote: {
      vote.set("is_dots", true);
      vote.set("dots_hint", c.app.renderer->format("decisions_dots_hint",
                                                   {{"count", std::to_string(l.settings.dots_per_person)}}));
      View rows = View::list();
      for (std::size_t i = 0; i < n; ++i) {
        View row;
        row.set("label", l.options[i]);
        row.set("name", "dots_" + std::to_string(i));
        row.set("id", i == 0 ? std::string("dots") : "dots_" + std::to_string(i));
        row.set("value", i < f.dots.size() ? f.dots[i] : std::string("0"));
        rows.push(std::move(row));
      }
      vote.set("dot_rows", std::move(rows));
      break;
    }
    case Method::meeting_poll: {
      vote.set("is_meeting", true);
      View rows = View::list();
      for (std::size_t i = 0; i < n; ++i) {
        View row;
        row.set("label", l.options[i]);
        const std::string chosen = i < f.slots.size() ? f.slots[i] : std::string();
        View answers = View::list();
        for (auto a : {Availability::yes, Availability::if_need_be, Availability::no}) {
          auto name = std::string(to_string(a));
          View ans;
          ans.set("name", "slot_" + std::to_string(i));
          ans.set("value", name);
          ans.set("id", i == 0 && a == Availability::yes ? std::string("slots")
                                                         : "slot_" + std::to_string(i) + "_" + name);
          ans.set("label", c.t("decisions_availability_" + name));
          ans.set("checked", chosen == name);
          answers.push(std::move(ans));
        }
        row.set("answers", std::move(answers));
        rows.push(std::move(row));
      }
      vote.set("slot_rows", std::move(rows));
      break;
    }
  }
  vote.set("reason_required", l.settings.reasons_required);
  v.set("vote", std::move(vote));
}

BallotFields fields_of(const commands::Loaded& l) {
  BallotFields f;
  if (!l.mine) return f;
  f.reason = l.mine->reason;
  switch (l.settings.method) {
    case Method::consent:
    case Method::consensus:
    case Method::majority: f.choice = l.mine->choice; break;
    case Method::ranked_choice: f.ranks = split(l.mine->choice); break;
    case Method::score: f.scores = split(l.mine->choice); break;
    case Method::dot_vote: f.dots = split(l.mine->choice); break;
    case Method::meeting_poll: f.slots = split(l.mine->choice); break;
  }
  return f;
}

View reason_item(Context& c, const std::string& name, const std::string& label_key, const std::string& reason) {
  View r;
  if (!name.empty()) r.set("name", name);
  r.set("label", c.t(label_key));
  r.set("reason", reason);
  return r;
}

std::string name_or_former(Context& c, const std::string& name) {
  return name.empty() ? c.t("decisions_former_member") : name;
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
  if (const auto* x = std::get_if<ConsentResult>(&t.result)) {
    r.set("is_consent", true);
    r.set("consents", x->consents);
    r.set("objections", x->objections);
    if (names) {
      for (const auto& a : l.named)
        if (a.ballot.choice == "object")
          reasons.push(reason_item(c, name_or_former(c, a.name), "decisions_stance_object", a.ballot.reason));
    } else {
      for (const auto& o : x->standing) reasons.push(reason_item(c, "", "decisions_stance_object", o.reason));
    }
  } else if (const auto* x = std::get_if<ConsensusResult>(&t.result)) {
    r.set("is_consensus", true);
    r.set("agree", x->agree);
    r.set("abstain", x->abstain);
    r.set("disagree", x->disagree);
    r.set("block", x->block);
    if (names) {
      for (auto p : {"block", "disagree", "abstain", "agree"})
        for (const auto& a : l.named)
          if (a.ballot.choice == p && !a.ballot.reason.empty())
            reasons.push(reason_item(c, name_or_former(c, a.name), std::string("decisions_position_") + p,
                                     a.ballot.reason));
    } else {
      for (const auto& g : x->reasons)
        reasons.push(reason_item(c, "", "decisions_position_" + std::string(to_string(g.position)), g.reason));
    }
  } else if (const auto* x = std::get_if<MajorityResult>(&t.result)) {
    r.set("is_majority", true);
    r.set("yes", x->yes);
    r.set("no", x->no);
    r.set("abstain", x->abstain);
    r.set("threshold", c.t(std::string(name_key(x->threshold))));
  } else if (const auto* x = std::get_if<RankedResult>(&t.result)) {
    r.set("is_ranked", true);
    View rounds = View::list();
    for (const auto& round : x->rounds) {
      View rv;
      rv.set("number", round.number);
      rv.set("caption", c.app.renderer->format("decisions_round_caption",
                                               {{"n", std::to_string(round.number)},
                                                {"majority", std::to_string(round.majority)},
                                                {"exhausted", std::to_string(round.exhausted)}}));
      View rows = View::list();
      for (std::size_t i = 0; i < round.votes.size(); ++i) {
        if (i >= round.continuing.size() || !round.continuing[i]) continue;
        View row;
        row.set("option", option_name(l, i));
        row.set("votes", round.votes[i]);
        if (round.winner && *round.winner == i) row.set("note", c.t("decisions_round_winner"));
        else if (round.eliminated && *round.eliminated == i)
          row.set("note", c.t("decisions_round_eliminated_" + std::string(to_string(round.tie_break))));
        rows.push(std::move(row));
      }
      rv.set("rows", std::move(rows));
      rounds.push(std::move(rv));
    }
    r.set("rounds", std::move(rounds));
    if (x->winner) r.set("winner", option_name(l, *x->winner));
  } else if (const auto* x = std::get_if<ScoreResult>(&t.result)) {
    r.set("is_score", true);
    View rows = View::list();
    for (auto i : x->order) {
      View row;
      row.set("rank", x->options[i].rank);
      row.set("option", option_name(l, i));
      row.set("sum", x->options[i].sum);
      row.set("mean", x->options[i].mean());
      row.set("tied", x->options[i].tied);
      rows.push(std::move(row));
    }
    r.set("rows", std::move(rows));
  } else if (const auto* x = std::get_if<DotResult>(&t.result)) {
    r.set("is_dots", true);
    View rows = View::list();
    for (auto i : x->order) {
      View row;
      row.set("rank", x->options[i].rank);
      row.set("option", option_name(l, i));
      row.set("dots", x->options[i].dots);
      row.set("tied", x->options[i].tied);
      rows.push(std::move(row));
    }
    r.set("rows", std::move(rows));
  } else if (const auto* x = std::get_if<MeetingResult>(&t.result)) {
    r.set("is_meeting", true);
    View rows = View::list();
    for (auto i : x->order) {
      View row;
      row.set("rank", x->slots[i].rank);
      row.set("option", option_name(l, i));
      row.set("yes", x->slots[i].yes);
      row.set("if_need_be", x->slots[i].if_need_be);
      row.set("no", x->slots[i].no);
      row.set("tied", x->slots[i].tied);
      rows.push(std::move(row));
    }
    r.set("rows", std::move(rows));
  }
  if (!std::holds_alternative<ConsentResult>(t.result) && !std::holds_alternative<ConsensusResult>(t.result)) {
    // Other methods: every reason given, beside the answer it came with when that is a
    // word (majority), with the name in named polls only.
    auto label_of = [&](const StoredBallot& b) {
      return l.settings.method == Method::majority ? "decisions_choice_" + b.choice
                                                   : std::string("decisions_reason_plain");
    };
    if (names) {
      for (const auto& a : l.named)
        if (!a.ballot.reason.empty())
          reasons.push(reason_item(c, name_or_former(c, a.name), label_of(a.ballot), a.ballot.reason));
    } else {
      for (const auto& b : l.anonymous)
        if (!b.reason.empty()) reasons.push(reason_item(c, "", label_of(b), b.reason));
    }
  }
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
  if (s.method == Method::majority) row("decisions_setting_threshold", c.t(std::string(name_key(s.threshold))));
  if (s.method == Method::dot_vote) row("decisions_setting_dots", std::to_string(s.dots_per_person));
  row("decisions_setting_closes", commands::when_text(c.app, s.closes_at));
  auto required = check_quorum(electorate(s, l.eligible), 0).required;
  row("decisions_setting_quorum", c.app.renderer->format("decisions_quorum_value",
                                                         {{"percent", std::to_string(s.quorum_percent)},
                                                          {"required", std::to_string(required)},
                                                          {"eligible", std::to_string(l.eligible)}}));
  row("decisions_setting_results", c.t(std::string(name_key(s.results))));
  row("decisions_setting_reasons", c.t(s.reasons_required ? "decisions_yes" : "decisions_no"));
  row("decisions_setting_anonymous", c.t(s.anonymous ? "decisions_anonymous_yes" : "decisions_anonymous_no"));
  v.set("settings", std::move(rows));
}

}  // namespace

Response render_show(Context& c, const Space& s, std::int64_t id, const ShowState& state) {
  const auto viewer = c.viewer ? c.viewer->user_id : 0;
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
  v.set("turnout", c.app.renderer->format(l.turnout == 1 ? "decisions_turnout_one" : "decisions_turnout_n",
                                          {{"count", std::to_string(l.turnout)},
                                           {"eligible", std::to_string(l.eligible)}}));

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
    closed.set("closed_by", c.app.renderer->format(
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
