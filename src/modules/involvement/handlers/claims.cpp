// Claims: a member claims for confirmed time, or asks for an advance for a place they were
// chosen for, with expense lines and receipts (GET/POST .../claims/new, a multipart form);
// the claim's page for its claimant and the space's treasurers (GET .../claims/{id}) with
// what each may do (POST .../claims/{id}/move); receipts download as attachments only
// (GET .../claims/{id}/receipts/{rid}); treasurers' list of claims (GET .../claims).
#include "core/number.hpp"
#include "modules/involvement/handlers/common.hpp"
#include "modules/involvement/handlers/handlers.hpp"
#include "modules/involvement/permissions.hpp"
#include "modules/involvement/rules/rates.hpp"
#include "web/blocks.hpp"
#include "web/multipart.hpp"
#include "web/parse.hpp"

namespace hs::involvement::handlers {

using web::Context;
using web::Response;
using web::View;

namespace {

constexpr int kLines = 3;  // expense lines on the form (no JavaScript needed to add one)

std::vector<std::pair<std::string, std::string>> category_options() {
  std::vector<std::pair<std::string, std::string>> out;
  for (auto k : kCategories) out.emplace_back(std::string(k), "involvement_category_" + std::string(k));
  return out;
}

struct For {
  std::optional<ParticipationRow> time;
  std::optional<OpportunityRow> advance;
};

For what_for(Context& c, const Space& s, std::string_view participation, std::string_view opportunity) {
  For f;
  const auto me = viewer_id(c);
  if (auto id = number::id(participation))
    for (auto& p : commands::unclaimed(c.app, s.space().id, me))
      if (p.id == *id) f.time = std::move(p);
  if (auto id = number::id(opportunity)) {
    auto i = commands::interest_of(c.app, *id, me);
    auto o = commands::opportunity(c.app, *id);
    if (i && i->status == "chosen" && o && o->space_id == s.space().id) f.advance = std::move(o);
  }
  return f;
}

Response render_form(Context& c, const Space& s, const For& f, const std::vector<ExpenseInput>& lines,
                     const Error* error = nullptr, int status = 200, bool had_files = false) {
  View v = page(c, s, "involvement_claim_new_title");
  const auto me = viewer_id(c);
  auto chosen = commands::choice(c.app, s.space().id, me);
  if (f.time) {
    v.set("participation", f.time->id);
    v.set("what", f.time->what);
    v.set("kind", kind_label(c, f.time->kind));
    v.set("day", day_words(c, f.time->day));
    v.set("hours", hours_words(c, f.time->minutes));
    auto rate = commands::rate_for(c.app, s.space().id, f.time->kind, f.time->day);
    v.set("has_rate", rate.has_value());
    if (rate) {
      Rate r{rate->kind, rate->unit == "hourly" ? Unit::hourly : Unit::fixed, rate->pence, rate->from_day};
      v.set("rate", c.app.words->format(rate->unit == "hourly" ? "involvement_rate_hourly" : "involvement_rate_fixed",
                                        {{"amount", format_pounds(rate->pence)}}));
      v.set("fee", format_pounds(fee(r, f.time->minutes)));
    }
    v.set("declined", chosen && chosen->method == "decline");
  } else {
    v.set("advance", true);
    v.set("opportunity", f.advance->id);
    v.set("what", f.advance->title);
    v.set("kind", kind_label(c, f.advance->kind));
    v.set("day", day_words(c, f.advance->day));
  }
  if (chosen) v.set("method", c.t("involvement_method_" + chosen->method));
  v.set("payment_href", path(s, "/payment"));
  View rows = View::list();
  for (int i = 1; i <= kLines; ++i) {
    const auto& in = static_cast<std::size_t>(i) <= lines.size() ? lines[i - 1] : ExpenseInput{};
    const std::string n = "expense_" + std::to_string(i) + "_";
    View line;
    line.set("number", std::to_string(i));
    View fields = View::list();
    fields.push(select_field(c, {n + "category", "involvement_field_category", in.category, ""}, error,
                             category_options()));
    fields.push(text_field(c, {n + "description", "involvement_field_expense_description", in.description,
                               "involvement_field_expense_description_hint"},
                           error));
    fields.push(text_field(c, {n + "amount", "involvement_field_expense_amount", in.amount, ""}, error,
                           "govuk-input--width-5", "text", "decimal"));
    // Money not spent yet has no receipt.
    if (f.time) fields.push(file_field(c, {n + "receipt", "involvement_field_receipt", "", "involvement_field_receipt_hint"}, error));
    line.set("fields", std::move(fields));
    rows.push(std::move(line));
  }
  v.set("lines", std::move(rows));
  v.set("had_files", had_files && error);
  v.set("action", path(s, "/claims/new"));
  if (error) c.add_errors(v, *error);
  return c.page("involvement/claim_new", v, status);
}

std::optional<std::int64_t> claim_id(Context& c) { return number::id(c.param("id")); }

// The space and the claim {id} in it, when the viewer may see it (its claimant or a
// treasurer); else the refusal: nobody else learns the claim exists.
struct Loaded {
  std::optional<Space> space;
  std::optional<commands::ClaimView> claim;
  Response refusal;
};
Loaded load_claim(Context& c) {
  Loaded out;
  auto l = load_space(c);
  if (!l.space) {
    out.refusal = l.refusal;
    return out;
  }
  auto id = claim_id(c);
  auto cv = id ? commands::claim_view(c.app, l.space->space().id, *id, viewer_id(c)) : Result<commands::ClaimView>();
  if (!id || !cv) {
    out.refusal = not_found(c);
    return out;
  }
  out.space = std::move(l.space);
  out.claim = std::move(*cv);
  return out;
}

Response render_claim(Context& c, const Space& s, const commands::ClaimView& cv, const std::string& typed = "",
                      const Error* error = nullptr, int status = 200) {
  const auto& k = cv.claim;
  View v = page(c, s, "involvement_claim_title", {{"ref", claim_ref(k.id)}});
  v.set("ref", claim_ref(k.id));
  v.set("state", state_label(c, k.state));
  v.set("tag", state_tag(k.state));
  v.set("what", cv.what.empty() ? kind_label(c, k.kind) : cv.what);
  v.set("kind", kind_label(c, k.kind));
  v.set("day", day_words(c, k.day));
  v.set("advance", k.advance);
  v.set("has_time", !k.advance);
  v.set("hours", hours_words(c, k.minutes));
  v.set("rate", c.app.words->format(k.unit == "hourly" ? "involvement_rate_hourly" : "involvement_rate_fixed",
                                    {{"amount", format_pounds(k.rate_pence)}}));
  v.set("time_amount", format_pounds(k.time_pence));
  v.set("total", format_pounds(k.total_pence));
  v.set("method", k.method == "charity" && k.charity
                      ? c.app.words->format("involvement_method_charity_named", {{"charity", *k.charity}})
                      : c.t("involvement_method_" + k.method));
  View lines = View::list();
  for (const auto& e : cv.expenses) {
    View x;
    x.set("category", c.t("involvement_category_" + e.category));
    x.set("description", e.description);
    x.set("amount", format_pounds(e.pence));
    lines.push(std::move(x));
  }
  v.set("has_expenses", !lines.items().empty());
  v.set("expenses", std::move(lines));
  View receipts = View::list();
  for (const auto& r : cv.receipts) {
    View x;
    x.set("name", r.file_name.empty() ? c.t("involvement_receipt") : r.file_name);
    x.set("href", path(s, "/claims/" + std::to_string(k.id) + "/receipts/" + std::to_string(r.id)));
    x.set("size", std::to_string((r.size + 1023) / 1024) + " KB");
    receipts.push(std::move(x));
  }
  v.set("has_receipts", !receipts.items().empty());
  v.set("receipts", std::move(receipts));
  v.set("question", k.question.value_or(""));
  v.set("has_question", k.question.has_value());
  v.set("answer", k.answer.value_or(""));
  v.set("has_answer", k.answer.has_value());
  v.set("reason", k.reason.value_or(""));
  v.set("has_reason", k.reason.has_value());
  v.set("paid_day", k.paid_day ? day_words(c, *k.paid_day) : std::string());
  v.set("has_paid_day", k.paid_day.has_value());
  v.set("move_action", path(s, "/claims/" + std::to_string(k.id) + "/move"));
  const bool live = k.state == "submitted" || k.state == "queried" || k.state == "draft";
  v.set("may_answer", cv.mine && k.state == "queried");
  v.set("may_withdraw", cv.mine && live);
  v.set("may_decide", cv.treasurer && !cv.mine && k.state == "submitted");
  v.set("own_claim_note", cv.treasurer && cv.mine && k.state == "submitted");
  v.set("treasurer", cv.treasurer);
  if (cv.treasurer) {
    v.set("claimant", cv.claimant.empty() ? c.t("involvement_claimant_erased") : cv.claimant);
    v.set("payee_ref", k.payee_ref);
    if (k.method == "bank" && k.user_id) {
      auto bank = commands::bank_details_for(c.app, s.space().id, viewer_id(c), *k.user_id);
      if (bank && *bank) {
        v.set("has_bank", true);
        v.set("bank_name", (*bank)->name);
        v.set("bank_sort_code", (*bank)->sort_code);
        v.set("bank_account", (*bank)->account);
      } else {
        v.set("bank_missing", true);
      }
    }
  }
  View text = View::list();
  text.push(area_field(c, {"text", cv.mine ? "involvement_field_answer" : "involvement_field_question_or_reason",
                           typed, cv.mine ? "" : "involvement_field_question_or_reason_hint"},
                       error));
  v.set("text_fields", std::move(text));
  v.set("back_href", cv.treasurer && !cv.mine ? path(s, "/claims") : path(s));
  auto notice = c.query_param("notice");
  for (auto n : {"approved", "queried", "refused", "submitted", "withdrawn", "answered"})
    if (notice == n) v.set("notice", c.t(std::string("involvement_notice_claim_") + n));
  if (error) c.add_errors(v, *error);
  return c.page("involvement/claim", v, status);
}

}  // namespace

Response claim_new(Context& c) {
  auto l = load_space(c);
  if (!l.space) return l.refusal;
  const auto& s = *l.space;
  auto f = what_for(c, s, c.query_param("participation"), c.query_param("opportunity"));
  if (!f.time && !f.advance) return not_found(c);
  // The guidance on benefits and the choice of how to be paid come before a first claim.
  if (!commands::choice(c.app, s.space().id, viewer_id(c))) {
    const std::string back = f.time ? "participation=" + std::to_string(f.time->id)
                                    : "opportunity=" + std::to_string(f.advance->id);
    return c.redirect(path(s, "/payment?first=1&" + back));
  }
  return render_form(c, s, f, {});
}

Response claim_create(Context& c) {
  auto l = load_space(c);
  if (!l.space) return l.refusal;
  const auto& s = *l.space;
  auto f = what_for(c, s, c.field("participation"), c.field("opportunity"));
  if (!f.time && !f.advance) return not_found(c);
  commands::ClaimInput in;
  if (f.time) in.participation_id = f.time->id;
  else in.opportunity_id = f.advance->id;
  for (int i = 1; i <= kLines; ++i) {
    const std::string n = "expense_" + std::to_string(i) + "_";
    in.expenses.push_back({c.field(n + "category"), c.field(n + "description"), c.field(n + "amount"), false});
  }
  for (const auto& u : web::uploads(c.req)) {
    for (int i = 1; i <= kLines; ++i)
      if (u.field == "expense_" + std::to_string(i) + "_receipt" && !u.bytes.empty()) {
        in.receipts.push_back({u.file_name, std::string(u.bytes), i});
        in.expenses[i - 1].has_receipt = true;
      }
  }
  auto r = commands::make_claim(c.app, s.space().id, viewer_id(c), in);
  if (!r) {
    const auto& e = r.error();
    if (e.code == ErrorCode::forbidden) return forbidden(c, e.message_key);
    return render_form(c, s, f, in.expenses, &e, web::http_status(e.code), !in.receipts.empty());
  }
  return c.redirect(path(s, "/claims/" + std::to_string(*r) + "?notice=submitted"));
}

Response claim_show(Context& c) {
  auto l = load_claim(c);
  if (!l.claim) return l.refusal;
  return render_claim(c, *l.space, *l.claim);
}

Response claim_move(Context& c) {
  auto l = load_claim(c);
  if (!l.claim) return l.refusal;
  const auto id = l.claim->claim.id;
  const auto move = c.field("move");
  const auto text = c.field("text");
  auto r = commands::move(c.app, id, viewer_id(c), move, text);
  if (!r) {
    const auto& e = r.error();
    if (e.code == ErrorCode::not_found) return not_found(c);
    if (e.code == ErrorCode::forbidden) return forbidden(c, e.message_key);
    return render_claim(c, *l.space, *l.claim, text, &e, web::http_status(e.code));
  }
  const std::string notice = move == "answer" ? "answered" : std::string(claim_state_name(*r));
  return c.redirect(path(*l.space, "/claims/" + std::to_string(id) + "?notice=" + notice));
}

Response receipt_download(Context& c) {
  auto l = load_space(c);
  if (!l.space) return l.refusal;
  auto id = claim_id(c);
  auto rid = number::id(c.param("rid"));
  if (!id || !rid) return not_found(c);
  auto file = commands::receipt(c.app, l.space->space().id, *id, *rid, viewer_id(c));
  if (!file) return not_found(c);
  Response r;
  // Always an attachment, with the type read from its bytes: never shown in the page's
  // origin, whatever it holds.
  r.set("Content-Type", file->media_type);
  r.set("Content-Disposition", "attachment; filename=\"receipt-" + std::to_string(*rid) +
                                   (file->media_type == "application/pdf" ? ".pdf"
                                    : file->media_type == "image/png"     ? ".png"
                                                                          : ".jpg") +
                                   "\"");
  r.set("X-Content-Type-Options", "nosniff");
  r.set("Cache-Control", "private, no-store");
  r.body = std::move(file->bytes);
  return r;
}

Response claims_index(Context& c) {
  auto l = load_space(c);
  if (!l.space) return l.refusal;
  const auto& s = *l.space;
  std::string state(c.query_param("state"));
  if (state.empty()) state = "submitted";  // what waits for a treasurer comes first
  if (state == "all") state.clear();
  const auto page_no = std::max<std::int64_t>(1, number::whole(c.query_param("page")).value_or(1));
  auto p = commands::claims_page(c.app, s.space().id, viewer_id(c), state, page_no);
  if (!p) {
    if (p.error().code == ErrorCode::forbidden) return forbidden(c, p.error().message_key);
    return not_found(c);
  }
  View v = page(c, s, "involvement_claims_title");
  View tabs = View::list();
  for (auto st : {"submitted", "queried", "approved", "batched", "paid", "refused", "withdrawn", "all"}) {
    View x;
    const std::string name(st);
    std::int64_t n = 0;
    if (name == "all")
      for (const auto& [k, count] : p->counts) n += count;
    else if (p->counts.contains(name))
      n = p->counts.at(name);
    x.set("label", name == "all" ? c.t("involvement_state_all") : state_label(c, name));
    x.set("count", std::to_string(n));
    x.set("href", path(s, "/claims?state=" + name));
    x.set("current", (state.empty() ? std::string("all") : state) == name);
    tabs.push(std::move(x));
  }
  v.set("tabs", std::move(tabs));
  View rows = View::list();
  for (const auto& k : p->claims) {
    View x = claim_item(c, s, k);
    x.set("name", k.user_id && p->names.contains(*k.user_id) ? p->names.at(*k.user_id)
                                                            : c.t("involvement_claimant_erased"));
    rows.push(std::move(x));
  }
  v.set("has_claims", !rows.items().empty());
  v.set("claims", std::move(rows));
  const auto pages = (p->total + commands::kClaimsPerPage - 1) / commands::kClaimsPerPage;
  const std::string st = state.empty() ? "all" : state;
  if (page_no > 1) v.set("previous_href", path(s, "/claims?state=" + st + "&page=" + std::to_string(page_no - 1)));
  if (page_no < pages) v.set("next_href", path(s, "/claims?state=" + st + "&page=" + std::to_string(page_no + 1)));
  v.set("page_label", c.app.words->format("involvement_page_of", {{"page", std::to_string(page_no)},
                                                                   {"pages", std::to_string(std::max<std::int64_t>(1, pages))}}));
  return c.page("involvement/claims", v);
}

}  // namespace hs::involvement::handlers
