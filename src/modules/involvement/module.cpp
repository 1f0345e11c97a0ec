#include "modules/involvement/module.hpp"

#include "modules/involvement/commands/commands.hpp"
#include "modules/involvement/handlers/handlers.hpp"
#include "web/app.hpp"

namespace hs::involvement {

void register_module(web::App& app) {
  namespace h = handlers;
  // Three receipts of at most 10 MB each, with the form around them.
  constexpr web::RouteOptions kClaimForm{.body_limit = 32 * 1024 * 1024};
  auto& r = app.router;
  r.get("/spaces/{slug}/involvement", h::home);
  r.get("/spaces/{slug}/involvement/statement.pdf", h::statement_pdf);
  r.get("/spaces/{slug}/involvement/letter.pdf", h::letter_pdf);
  r.get("/spaces/{slug}/involvement/rates", h::rates_page);
  r.post("/spaces/{slug}/involvement/rates", h::rate_create);
  r.post("/spaces/{slug}/involvement/settings", h::keep_days_update);
  r.get("/spaces/{slug}/involvement/opportunities/new", h::opportunity_new);
  r.post("/spaces/{slug}/involvement/opportunities/new", h::opportunity_create);
  r.get("/spaces/{slug}/involvement/opportunities/{id}", h::opportunity_show);
  r.post("/spaces/{slug}/involvement/opportunities/{id}/interest", h::interest_submit);
  r.post("/spaces/{slug}/involvement/opportunities/{id}/interest/withdraw", h::interest_withdraw);
  r.post("/spaces/{slug}/involvement/opportunities/{id}/choose", h::choose_submit);
  r.post("/spaces/{slug}/involvement/opportunities/{id}/took-part", h::took_part_submit);
  r.post("/spaces/{slug}/involvement/opportunities/{id}/close", h::close_submit);
  r.get("/spaces/{slug}/involvement/time/new", h::by_hand_new);
  r.post("/spaces/{slug}/involvement/time/new", h::by_hand_create);
  r.get("/spaces/{slug}/involvement/claims", h::claims_index);
  r.get("/spaces/{slug}/involvement/claims/new", h::claim_new);
  r.post("/spaces/{slug}/involvement/claims/new", h::claim_create, kClaimForm);
  r.get("/spaces/{slug}/involvement/claims/{id}", h::claim_show);
  r.post("/spaces/{slug}/involvement/claims/{id}/move", h::claim_move);
  r.get("/spaces/{slug}/involvement/claims/{id}/receipts/{rid}", h::receipt_download);
  r.get("/spaces/{slug}/involvement/payment", h::payment_page);
  r.post("/spaces/{slug}/involvement/payment", h::payment_update);
  r.post("/spaces/{slug}/involvement/payment/bank", h::bank_update);
  r.post("/spaces/{slug}/involvement/payment/bank/remove", h::bank_remove);
  r.get("/spaces/{slug}/involvement/batches", h::batches_index);
  r.post("/spaces/{slug}/involvement/batches", h::batch_create);
  r.get("/spaces/{slug}/involvement/batches/{id}", h::batch_show);
  r.post("/spaces/{slug}/involvement/batches/{id}/paid", h::batch_paid);

  app.on_erase.push_back([](store::Conn& c, std::int64_t user_id) { commands::erase_person(c, user_id); });
  app.exporters.push_back([&app](store::Conn& c, std::int64_t user_id) {
    return std::pair<std::string, std::string>("involvement", commands::export_person(app, c, user_id));
  });
}

Result<std::int64_t> add_rate(Services& app, std::int64_t space_id, std::int64_t user_id, const std::string& kind,
                              const std::string& unit, const std::string& pounds, const std::string& from_day) {
  return commands::add_rate(app, space_id, user_id, kind, unit, pounds, from_day);
}

Result<std::int64_t> offer(Services& app, std::int64_t space_id, std::int64_t user_id, const OpportunityInput& in) {
  return commands::create_opportunity(app, space_id, user_id, in);
}

Result<void> say_interested(Services& app, std::int64_t opportunity_id, std::int64_t user_id, const std::string& note) {
  return commands::say_interested(app, opportunity_id, user_id, note);
}

Result<void> choose(Services& app, std::int64_t opportunity_id, std::int64_t user_id, std::int64_t person_id,
                    bool chosen, const std::string& reason) {
  return commands::choose(app, opportunity_id, user_id, person_id, chosen, reason);
}

Result<std::int64_t> confirm_took_part(Services& app, std::int64_t opportunity_id, std::int64_t user_id,
                                       std::int64_t person_id, const std::string& hours) {
  return commands::confirm_took_part(app, opportunity_id, user_id, person_id, hours);
}

Result<std::int64_t> record_time(Services& app, std::int64_t space_id, std::int64_t user_id, const std::string& email,
                                 const std::string& kind, const std::string& day, const std::string& hours,
                                 const std::string& what) {
  return commands::record_by_hand(app, space_id, user_id, {email, kind, day, hours, what});
}

std::vector<ParticipationRow> unclaimed_time(Services& app, std::int64_t space_id, std::int64_t user_id) {
  return commands::unclaimed(app, space_id, user_id);
}

Result<void> choose_payment(Services& app, std::int64_t space_id, std::int64_t user_id, const std::string& method,
                            const std::string& charity) {
  return commands::set_choice(app, space_id, user_id, method, charity);
}

Result<void> give_bank_details(Services& app, std::int64_t space_id, std::int64_t user_id, const std::string& name,
                               const std::string& sort_code, const std::string& account) {
  return commands::set_bank_details(app, space_id, user_id, name, sort_code, account);
}

Result<std::int64_t> claim_time(Services& app, std::int64_t space_id, std::int64_t user_id,
                                std::int64_t participation_id, const std::vector<ExpenseInput>& expenses) {
  commands::ClaimInput in;
  in.participation_id = participation_id;
  in.expenses = expenses;
  return commands::make_claim(app, space_id, user_id, in);
}

Result<void> move_claim(Services& app, std::int64_t claim_id, std::int64_t user_id, const std::string& move,
                        const std::string& text) {
  auto r = commands::move(app, claim_id, user_id, move, text);
  if (!r) return fail(r.error());
  return {};
}

Result<std::int64_t> make_batch(Services& app, std::int64_t space_id, std::int64_t treasurer_id) {
  auto b = commands::make_batch(app, space_id, treasurer_id);
  if (!b) return fail(b.error());
  return b->id;
}

Result<void> mark_paid(Services& app, std::int64_t space_id, std::int64_t batch_id, std::int64_t treasurer_id,
                       const std::string& day) {
  return commands::mark_paid(app, space_id, batch_id, treasurer_id, day);
}

int sweep(Services& app) { return commands::sweep(app); }

}  // namespace hs::involvement
