// Treasurers' payment batches: every approved claim into a new batch (POST .../batches),
// the list (GET .../batches), a batch with one line a payee (GET .../batches/{id}), its CSV
// for the finance system (GET .../batches/{id}.csv) and marking it paid (POST
// .../batches/{id}/paid), which tells each person. Also time recorded by hand for a
// meeting outside Humanspace (GET/POST .../time/new), by facilitators.
#include "core/number.hpp"
#include "modules/involvement/handlers/common.hpp"
#include "modules/involvement/handlers/handlers.hpp"
#include "modules/involvement/permissions.hpp"

namespace hs::involvement::handlers {

using web::Context;
using web::Response;
using web::View;

namespace {

Response render_batch(Context& c, const Space& s, const commands::BatchView& b, const std::string& typed_day,
                      const Error* error = nullptr, int status = 200) {
  View v = page(c, s, "involvement_batch_title", {{"batch", "B" + std::to_string(b.batch.id)}});
  v.set("ref", "B" + std::to_string(b.batch.id));
  v.set("created", day_words(c, commands::day_of(b.batch.created_at)));
  v.set("claims", std::to_string(b.batch.claim_count));
  v.set("total", format_pounds(b.batch.total_pence));
  v.set("paid", b.batch.paid_day.has_value());
  v.set("paid_day", b.batch.paid_day ? day_words(c, *b.batch.paid_day) : std::string());
  View lines = View::list();
  for (const auto& l : b.lines) {
    View x;
    x.set("payee_ref", l.payee_ref);
    x.set("name", l.name.empty() ? c.t("involvement_claimant_erased") : l.name);
    x.set("method", l.charity ? c.app.words->format("involvement_method_charity_named", {{"charity", *l.charity}})
                              : c.t("involvement_method_" + l.method));
    x.set("amount", format_pounds(l.pence));
    std::string refs;
    for (auto id : l.claims) refs += (refs.empty() ? "" : ", ") + claim_ref(id);
    x.set("refs", refs);
    if (l.method == "bank") {
      x.set("bank", l.bank ? l.bank->name + " · " + l.bank->sort_code + " · " + l.bank->account
                           : c.t("involvement_bank_missing_short"));
      x.set("bank_missing", !l.bank.has_value());
    }
    x.set("for_time", format_pounds(l.time));
    x.set("expenses", format_pounds(l.expenses));
    lines.push(std::move(x));
  }
  v.set("lines", std::move(lines));
  v.set("csv_href", path(s, "/batches/" + std::to_string(b.batch.id) + ".csv"));
  View day = View::list();
  day.push(text_field(c, {"paid_day", "involvement_field_paid_day",
                          typed_day.empty() ? commands::day_of(c.app.clock->now()) : typed_day, ""},
                      error, "govuk-input--width-10", "date"));
  v.set("day_fields", std::move(day));
  v.set("paid_action", path(s, "/batches/" + std::to_string(b.batch.id) + "/paid"));
  v.set("back_href", path(s, "/batches"));
  if (c.query_param("notice") == "made") v.set("notice", c.t("involvement_notice_batch_made"));
  if (c.query_param("notice") == "paid") v.set("notice", c.t("involvement_notice_batch_paid"));
  if (error) c.add_errors(v, *error);
  return c.page("involvement/batch", v, status);
}

std::optional<std::int64_t> batch_id(Context& c) {
  auto raw = c.param("id");
  if (raw.ends_with(".csv")) raw.remove_suffix(4);
  return number::id(raw);
}

}  // namespace

Response batches_index(Context& c) {
  auto l = load_space(c);
  if (!l.space) return l.refusal;
  const auto& s = *l.space;
  auto list = commands::batches(c.app, s.space().id, viewer_id(c));
  if (!list) return refused(c, list.error());
  View v = page(c, s, "involvement_batches_title");
  auto approved = commands::claims_page(c.app, s.space().id, viewer_id(c), "approved", 1);
  v.set("approved", std::to_string(approved ? approved->total : 0));
  v.set("may_batch", approved && approved->total > 0);
  View rows = View::list();
  for (const auto& b : *list) {
    View x;
    x.set("ref", "B" + std::to_string(b.id));
    x.set("href", path(s, "/batches/" + std::to_string(b.id)));
    x.set("created", day_words(c, commands::day_of(b.created_at)));
    x.set("claims", std::to_string(b.claim_count));
    x.set("total", format_pounds(b.total_pence));
    x.set("paid", b.paid_day ? day_words(c, *b.paid_day) : c.t("involvement_batch_not_paid"));
    x.set("is_paid", b.paid_day.has_value());
    rows.push(std::move(x));
  }
  v.set("has_batches", !rows.items().empty());
  v.set("batches", std::move(rows));
  v.set("action", path(s, "/batches"));
  v.set("claims_href", path(s, "/claims?state=approved"));
  if (c.query_param("notice") == "nothing") v.set("notice", c.t("involvement_batch_nothing"));
  return c.page("involvement/batches", v);
}

Response batch_create(Context& c) {
  auto l = load_space(c);
  if (!l.space) return l.refusal;
  auto b = commands::make_batch(c.app, l.space->space().id, viewer_id(c));
  if (!b) {
    if (b.error().code == ErrorCode::conflict) return c.redirect(path(*l.space, "/batches?notice=nothing"));
    return refused(c, b.error());
  }
  return c.redirect(path(*l.space, "/batches/" + std::to_string(b->id) + "?notice=made"));
}

Response batch_show(Context& c) {
  auto l = load_space(c);
  if (!l.space) return l.refusal;
  if (c.param("id").ends_with(".csv")) return batch_csv(c);
  auto id = batch_id(c);
  if (!id) return not_found(c);
  auto b = commands::batch_view(c.app, l.space->space().id, *id, viewer_id(c));
  if (!b) return b.error().code == ErrorCode::forbidden ? forbidden(c, b.error().message_key) : not_found(c);
  return render_batch(c, *l.space, *b, "");
}

Response batch_csv(Context& c) {
  auto l = load_space(c);
  if (!l.space) return l.refusal;
  auto id = batch_id(c);
  if (!id) return not_found(c);
  auto b = commands::batch_view(c.app, l.space->space().id, *id, viewer_id(c), false);
  if (!b) return b.error().code == ErrorCode::forbidden ? forbidden(c, b.error().message_key) : not_found(c);
  web::Response r;
  r.set("Content-Type", "text/csv; charset=utf-8");
  r.set("Content-Disposition", "attachment; filename=\"batch-" + std::to_string(*id) + ".csv\"");
  r.set("Cache-Control", "private, no-store");
  r.body = commands::batch_csv(c.app, *b);
  return r;
}

Response batch_paid(Context& c) {
  auto l = load_space(c);
  if (!l.space) return l.refusal;
  auto id = batch_id(c);
  if (!id) return not_found(c);
  const auto day = c.field("paid_day");
  auto r = c.checked("confirm") ? commands::mark_paid(c.app, l.space->space().id, *id, viewer_id(c), day)
                                : Result<void>(tl::unexpected(Error{ErrorCode::invalid, "common_fix_errors",
                                                                   {{"confirm", "involvement_paid_confirm_missing"}}}));
  if (!r) {
    if (r.error().code == ErrorCode::forbidden) return forbidden(c, r.error().message_key);
    if (r.error().code == ErrorCode::not_found) return not_found(c);
    auto b = commands::batch_view(c.app, l.space->space().id, *id, viewer_id(c));
    if (!b) return not_found(c);
    return render_batch(c, *l.space, *b, day, &r.error(), web::http_status(r.error().code));
  }
  return c.redirect(path(*l.space, "/batches/" + std::to_string(*id) + "?notice=paid"));
}

namespace {

Response render_by_hand(Context& c, const Space& s, const commands::ByHand& in, const Error* error = nullptr,
                        int status = 200) {
  View v = page(c, s, "involvement_by_hand_title");
  std::vector<std::pair<std::string, std::string>> kinds;
  for (auto k : kKinds) kinds.emplace_back(std::string(k), "involvement_kind_" + std::string(k));
  View fields = View::list();
  fields.push(text_field(c, {"email", "involvement_field_email", in.email, "involvement_field_email_hint"}, error, "",
                         "email"));
  fields.push(select_field(c, {"kind", "involvement_field_kind", in.kind, ""}, error, kinds));
  fields.push(text_field(c, {"what", "involvement_field_what", in.what, "involvement_field_what_hint"}, error));
  fields.push(text_field(c, {"day", "involvement_field_day", in.day, ""}, error, "govuk-input--width-10", "date"));
  fields.push(text_field(c, {"hours", "involvement_field_hours", in.hours, "involvement_field_hours_hint"}, error,
                         "govuk-input--width-3", "text", "decimal"));
  v.set("fields", std::move(fields));
  v.set("action", path(s, "/time/new"));
  if (c.query_param("notice") == "recorded") v.set("notice", c.t("involvement_notice_recorded"));
  if (error) c.add_errors(v, *error);
  return c.page("involvement/by_hand", v, status);
}

}  // namespace

Response by_hand_new(Context& c) {
  auto l = load_space(c);
  if (!l.space) return l.refusal;
  if (!permissions::run_opportunities(l.space->subject)) return forbidden(c, "involvement_not_facilitator");
  return render_by_hand(c, *l.space, {});
}

Response by_hand_create(Context& c) {
  auto l = load_space(c);
  if (!l.space) return l.refusal;
  commands::ByHand in{c.field("email"), c.field("kind"), c.field("day"), c.field("hours"), c.field("what")};
  auto r = commands::record_by_hand(c.app, l.space->space().id, viewer_id(c), in);
  if (!r) {
    if (r.error().code == ErrorCode::forbidden) return forbidden(c, r.error().message_key);
    return render_by_hand(c, *l.space, in, &r.error(), web::http_status(r.error().code));
  }
  return c.redirect(path(*l.space, "/time/new?notice=recorded"));
}

}  // namespace hs::involvement::handlers
