// POST .../decisions/{id}/vote, .../withdraw, .../close, .../code and .../forget-code,
// and GET .../results.csv.
#include "modules/decisions/commands/commands.hpp"
#include "modules/decisions/handlers/common.hpp"
#include "modules/decisions/handlers/handlers.hpp"
#include "modules/decisions/handlers/show.hpp"
#include "modules/decisions/permissions.hpp"

namespace hs::decisions::handlers {

using web::Context;
using web::Response;

namespace {

// Every per-option field the answer forms can send, in option order.
std::vector<std::string> numbered(Context& c, const std::string& prefix, std::size_t from, std::size_t count) {
  std::vector<std::string> out;
  for (std::size_t i = 0; i < count; ++i) out.push_back(c.field(prefix + std::to_string(i + from)));
  return out;
}

BallotFields ballot_from(Context& c, std::size_t options) {
  BallotFields f;
  f.choice = c.field("choice");
  if (f.choice.empty()) f.choice = c.field("position");
  f.reason = c.field("reason");
  f.ranks = numbered(c, "rank_", 1, options);
  f.scores = numbered(c, "score_", 0, options);
  f.dots = numbered(c, "dots_", 0, options);
  f.slots = numbered(c, "slot_", 0, options);
  return f;
}

// An error that is not about a field is shown beside the form it came from.
Error pinned(Error e, const std::string& field) {
  if (e.fields.empty()) e.fields.push_back({field, e.message_key});
  return e;
}

}  // namespace

Response proposal_vote(Context& c) {
  auto a = members_only(c);
  if (!a.space) return std::move(a.refusal);
  auto id = id_param(c);
  if (!id) return not_found(c);
  if (!permissions::vote(a.space->subject)) return forbidden(c);
  auto l = commands::load(c.app, a.space->space().id, *id, c.viewer->user_id);
  if (!l) return not_found(c);
  auto fields = ballot_from(c, l->options.size());
  auto r = commands::cast(c.app, a.space->space().id, *id, c.viewer->user_id, fields, ballot_code(c, *id));
  if (!r) {
    if (r.error().code == ErrorCode::not_found) return not_found(c);
    auto e = pinned(r.error(), "vote");
    return render_show(c, *a.space, *id, {&e, web::http_status(e.code), &fields, nullptr});
  }
  if (r->code) remember_code(c, *id, *r->code, r->closes_at);
  return c.redirect(decision_path(*a.space, *id, "?notice=answered"));
}

Response proposal_withdraw(Context& c) {
  auto a = members_only(c);
  if (!a.space) return std::move(a.refusal);
  auto id = id_param(c);
  if (!id) return not_found(c);
  if (!permissions::vote(a.space->subject)) return forbidden(c);
  auto reason = c.field("withdraw_reason");
  auto r =
      commands::withdraw_objection(c.app, a.space->space().id, *id, c.viewer->user_id, reason, ballot_code(c, *id));
  if (!r) {
    if (r.error().code == ErrorCode::not_found) return not_found(c);
    auto e = pinned(r.error(), "vote");
    return render_show(c, *a.space, *id, {&e, web::http_status(e.code), nullptr, nullptr});
  }
  if (r->code) remember_code(c, *id, *r->code, r->closes_at);
  return c.redirect(decision_path(*a.space, *id, "?notice=withdrawn"));
}

Response ballot_code_keep(Context& c) {
  auto a = members_only(c);
  if (!a.space) return std::move(a.refusal);
  auto id = id_param(c);
  if (!id) return not_found(c);
  if (!permissions::vote(a.space->subject)) return forbidden(c);
  auto typed = c.field("ballot_code");
  auto r = commands::check_code(c.app, a.space->space().id, *id, c.viewer->user_id, typed);
  if (!r) {
    if (r.error().code == ErrorCode::not_found) return not_found(c);
    auto e = r.error();
    return render_show(c, *a.space, *id, {&e, web::http_status(e.code), nullptr, nullptr, &typed});
  }
  auto l = commands::load(c.app, a.space->space().id, *id, c.viewer->user_id, *r);
  if (!l) return not_found(c);
  remember_code(c, *id, *r, l->settings.closes_at);
  return c.redirect(decision_path(*a.space, *id, "?notice=code_kept#vote"));
}

Response ballot_code_forget(Context& c) {
  auto a = members_only(c);
  if (!a.space) return std::move(a.refusal);
  auto id = id_param(c);
  if (!id) return not_found(c);
  forget_code(c, *id);
  return c.redirect(decision_path(*a.space, *id, "?notice=code_forgotten#vote"));
}

Response proposal_close(Context& c) {
  auto a = members_only(c);
  if (!a.space) return std::move(a.refusal);
  auto id = id_param(c);
  if (!id) return not_found(c);
  auto statement = c.field("statement");
  auto r = commands::close(c.app, a.space->space().id, *id, c.viewer->user_id, statement);
  if (!r) {
    const auto& e0 = r.error();
    if (e0.code == ErrorCode::not_found) return not_found(c);
    if (e0.code == ErrorCode::forbidden) return forbidden(c);
    auto e = pinned(e0, "statement");
    return render_show(c, *a.space, *id, {&e, web::http_status(e.code), nullptr, &statement});
  }
  return c.redirect(decision_path(*a.space, *id, "?notice=closed"));
}

Response results_download(Context& c) {
  auto a = members_only(c);
  if (!a.space) return std::move(a.refusal);
  auto id = id_param(c);
  if (!id) return not_found(c);
  auto l = commands::load(c.app, a.space->space().id, *id, c.viewer->user_id);
  if (!l) return not_found(c);
  if (!l->tally || !permissions::export_results(a.space->subject, l->settings, l->has_voted, l->closed))
    return forbidden(c);
  Response res;
  res.body = commands::results_csv(c.app, *l);
  res.set("Content-Type", "text/csv; charset=utf-8");
  res.set("Content-Disposition", "attachment; filename=\"decision-" + std::to_string(*id) + "-results.csv\"");
  res.set("Cache-Control", "no-store");
  return res;
}

}  // namespace hs::decisions::handlers
