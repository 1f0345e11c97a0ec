#pragma once
// Valuing people: a space's rate card (what each kind of involvement pays, from which
// day), opportunities to take part (what is paid, which expenses are covered, what support
// is offered), who said they were interested and who was chosen and why, who took part,
// claims for time and expenses with receipts (and advances, so nobody is out of pocket),
// each person's payment choice (bank, voucher, decline or a charity) after plain guidance
// on benefits, approval by a treasurer who never decides their own claim, payment batches
// exported as CSV, tax-year totals and statements, and recognition letters. Treasurers are
// the only people who see bank details and receipts; the decision log holds approvals,
// refusals and batch totals as commitments, never names or individual amounts.
#include <cstdint>
#include <string>

#include "core/error.hpp"
#include "modules/involvement/records.hpp"
#include "modules/involvement/rules/forms.hpp"  // OpportunityInput, ExpenseInput
#include "services/fwd.hpp"

namespace hs::web {
class App;
}

namespace hs::involvement {

// Routes under /spaces/{slug}/involvement. Also erasure and "download my data".
void register_module(web::App& app);

// For the demo seed and tests, each in its own transaction with the pages' checks.
Result<std::int64_t> add_rate(Services& app, std::int64_t space_id, std::int64_t user_id, const std::string& kind,
                              const std::string& unit, const std::string& pounds, const std::string& from_day);
Result<std::int64_t> offer(Services& app, std::int64_t space_id, std::int64_t user_id, const OpportunityInput& in);
Result<void> say_interested(Services& app, std::int64_t opportunity_id, std::int64_t user_id, const std::string& note);
Result<void> choose(Services& app, std::int64_t opportunity_id, std::int64_t user_id, std::int64_t person_id,
                    bool chosen, const std::string& reason);
// hours: "" for the opportunity's own length.
Result<std::int64_t> confirm_took_part(Services& app, std::int64_t opportunity_id, std::int64_t user_id,
                                       std::int64_t person_id, const std::string& hours);
// A meeting outside Humanspace, recorded by a facilitator for the member with this email.
Result<std::int64_t> record_time(Services& app, std::int64_t space_id, std::int64_t user_id, const std::string& email,
                                 const std::string& kind, const std::string& day, const std::string& hours,
                                 const std::string& what);
// The person's confirmed time with no claim on it yet, newest first.
std::vector<ParticipationRow> unclaimed_time(Services& app, std::int64_t space_id, std::int64_t user_id);
// method: bank | voucher | decline | charity.
Result<void> choose_payment(Services& app, std::int64_t space_id, std::int64_t user_id, const std::string& method,
                            const std::string& charity);
Result<void> give_bank_details(Services& app, std::int64_t space_id, std::int64_t user_id, const std::string& name,
                               const std::string& sort_code, const std::string& account);
// A claim for confirmed time (participation id) with expense lines; no receipts.
Result<std::int64_t> claim_time(Services& app, std::int64_t space_id, std::int64_t user_id,
                                std::int64_t participation_id, const std::vector<ExpenseInput>& expenses);
// move: approve | query | refuse | answer | withdraw.
Result<void> move_claim(Services& app, std::int64_t claim_id, std::int64_t user_id, const std::string& move,
                        const std::string& text);
Result<std::int64_t> make_batch(Services& app, std::int64_t space_id, std::int64_t treasurer_id);
Result<void> mark_paid(Services& app, std::int64_t space_id, std::int64_t batch_id, std::int64_t treasurer_id,
                       const std::string& day);

// Erases bank details kept past their space's limit after a last payment. Run by
// `humanspace serve` every few minutes and by `humanspace remind`; returns how many.
int sweep(Services& app);

}  // namespace hs::involvement
