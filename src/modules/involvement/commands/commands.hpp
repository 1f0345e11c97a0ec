#pragma once
// The involvement use cases. Each write runs in one transaction with its permission check,
// appends what the decision log must hold (without names or individual amounts), and sends
// its email after commit.
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "core/error.hpp"
#include "modules/involvement/records.hpp"
#include "modules/involvement/rules/claim.hpp"
#include "modules/involvement/rules/forms.hpp"
#include "modules/spaces/module.hpp"
#include "services/fwd.hpp"

namespace hs::involvement::commands {

// The person as the space sees them now.
spaces::Subject subject_in(Services& app, std::int64_t space_id, std::int64_t user_id);

// --- the rate card and settings
// Days bank details are kept after a last payment when the space has not said.
inline constexpr std::int64_t kDefaultKeepDays = 90;
std::vector<RateRow> rate_card(Services& app, std::int64_t space_id);
Result<std::int64_t> add_rate(Services& app, std::int64_t space_id, std::int64_t user_id, const std::string& kind,
                              const std::string& unit, const std::string& pounds, const std::string& from_day);
std::int64_t keep_days(Services& app, std::int64_t space_id);
Result<void> set_keep_days(Services& app, std::int64_t space_id, std::int64_t user_id, const std::string& days);

// --- opportunities
Result<std::int64_t> create_opportunity(Services& app, std::int64_t space_id, std::int64_t user_id,
                                        const OpportunityInput& in);
std::vector<OpportunityRow> opportunities(Services& app, std::int64_t space_id);
// How many said they were interested in each (by opportunity id).
std::map<std::int64_t, std::int64_t> interest_counts(Services& app, std::int64_t space_id);
std::optional<OpportunityRow> opportunity(Services& app, std::int64_t id);
// What the rate card pays for it on its day ("" when nothing is set).
std::optional<RateRow> rate_for(Services& app, std::int64_t space_id, const std::string& kind, const std::string& day);
Result<void> say_interested(Services& app, std::int64_t opportunity_id, std::int64_t user_id, const std::string& note);
Result<void> withdraw_interest(Services& app, std::int64_t opportunity_id, std::int64_t user_id);
std::optional<InterestRow> interest_of(Services& app, std::int64_t opportunity_id, std::int64_t user_id);
// A facilitator chooses someone who said they were interested, or not, with the reason
// they see. The person is told by email.
Result<void> choose(Services& app, std::int64_t opportunity_id, std::int64_t user_id, std::int64_t person_id,
                    bool chosen, const std::string& reason);
Result<void> close_opportunity(Services& app, std::int64_t opportunity_id, std::int64_t user_id);

// Who may be confirmed as having taken part: those chosen, and the members who registered
// for or joined the opportunity's event, each with whether they are confirmed yet.
struct Candidate {
  std::int64_t user_id = 0;
  std::string name;
  bool chosen = false, registered = false, joined = false, confirmed = false;
  std::string note, status;  // their interest, when they said so
  std::optional<std::string> reason;
};
std::vector<Candidate> candidates(Services& app, const OpportunityRow& o);
Result<std::int64_t> confirm_took_part(Services& app, std::int64_t opportunity_id, std::int64_t user_id,
                                       std::int64_t person_id, const std::string& hours);
// A meeting outside Humanspace, recorded by hand for a member.
struct ByHand {
  std::string email, kind, day, hours, what;
};
Result<std::int64_t> record_by_hand(Services& app, std::int64_t space_id, std::int64_t user_id, const ByHand& in);

// --- claims
struct NewReceipt {
  std::string file_name;
  std::string bytes;
  int line = 0;  // the expense line it belongs to, from 1 (for the error's field)
};
struct ClaimInput {
  std::optional<std::int64_t> participation_id;  // time confirmed: claimed with its expenses
  std::optional<std::int64_t> opportunity_id;    // an advance, before the involvement
  std::vector<ExpenseInput> expenses;
  std::vector<NewReceipt> receipts;
};
// Submits it at once. The time is the confirmed time at the rate in force on its day;
// the payment method is the person's choice now (which they must have made: the guidance
// comes first).
Result<std::int64_t> make_claim(Services& app, std::int64_t space_id, std::int64_t user_id, const ClaimInput& in);
// What the claim page shows, when the person may see it: its own claimant or a treasurer.
struct ClaimView {
  ClaimRow claim;
  std::vector<ExpenseRow> expenses;
  std::vector<ReceiptRow> receipts;
  std::string claimant;  // their name (treasurers), "" once erased
  std::string what;      // the involvement it is for
  bool mine = false, treasurer = false;
};
Result<ClaimView> claim_view(Services& app, std::int64_t space_id, std::int64_t claim_id, std::int64_t user_id);
// approve | query | refuse (treasurer), answer | withdraw (claimant); text: the question,
// reason or answer.
Result<ClaimState> move(Services& app, std::int64_t claim_id, std::int64_t user_id, const std::string& move,
                        const std::string& text);
struct ReceiptFile {
  std::string file_name, media_type, bytes;
};
Result<ReceiptFile> receipt(Services& app, std::int64_t space_id, std::int64_t claim_id, std::int64_t receipt_id,
                            std::int64_t user_id);
std::vector<ClaimRow> my_claims(Services& app, std::int64_t space_id, std::int64_t user_id);
std::vector<ParticipationRow> unclaimed(Services& app, std::int64_t space_id, std::int64_t user_id);
std::vector<InterestRow> my_interests(Services& app, std::int64_t space_id, std::int64_t user_id);
// A treasurer's page of claims (50 a page), newest first.
struct ClaimsPage {
  std::vector<ClaimRow> claims;
  std::map<std::string, std::int64_t> counts;  // by state
  std::map<std::int64_t, std::string> names;   // claimants' names by user id
  std::int64_t total = 0;                      // in the state asked for
};
inline constexpr std::int64_t kClaimsPerPage = 50;
Result<ClaimsPage> claims_page(Services& app, std::int64_t space_id, std::int64_t user_id, const std::string& state,
                               std::int64_t page);

// --- how people are paid
std::optional<ChoiceRow> choice(Services& app, std::int64_t space_id, std::int64_t user_id);
Result<void> set_choice(Services& app, std::int64_t space_id, std::int64_t user_id, const std::string& method,
                        const std::string& charity);
bool has_bank_details(Services& app, std::int64_t space_id, std::int64_t user_id);
Result<void> set_bank_details(Services& app, std::int64_t space_id, std::int64_t user_id, const std::string& name,
                              const std::string& sort_code, const std::string& account);
Result<void> erase_bank_details(Services& app, std::int64_t space_id, std::int64_t user_id);
// A claimant's bank details, for a treasurer of the space only.
Result<std::optional<BankDetails>> bank_details_for(Services& app, std::int64_t space_id, std::int64_t treasurer_id,
                                                    std::int64_t person_id);

// --- batches
Result<BatchRow> make_batch(Services& app, std::int64_t space_id, std::int64_t user_id);
Result<std::vector<BatchRow>> batches(Services& app, std::int64_t space_id, std::int64_t user_id);
struct BatchView {
  BatchRow batch;
  struct Line {
    std::string payee_ref, name, method;
    std::optional<std::string> charity;
    Pence pence = 0;           // time and expenses together
    Pence time = 0, expenses = 0;  // paid for time (income, for tax); expenses repaid (not income)
    std::vector<std::int64_t> claims;
    std::optional<std::int64_t> user_id;
    std::optional<BankDetails> bank;  // with_names, for a bank transfer, when given
  };
  std::vector<Line> lines;  // one a payee and method, as the CSV has them
};
// with_names: the payees' names and bank details too (the page; the CSV has neither).
Result<BatchView> batch_view(Services& app, std::int64_t space_id, std::int64_t batch_id, std::int64_t user_id,
                             bool with_names = true);
// The CSV for the finance system: payee reference, method, charity, for time, expenses,
// amount, claims.
std::string batch_csv(Services& app, const BatchView& b);
// day: YYYY-MM-DD, the day it was paid. Each person in it is told.
Result<void> mark_paid(Services& app, std::int64_t space_id, std::int64_t batch_id, std::int64_t user_id,
                       const std::string& day);

// --- what people were paid and gave
struct TaxYear {
  int year = 0;  // the year it starts in
  Pence time = 0, expenses = 0, given = 0;  // paid for time; expenses repaid; declined or given to charity
};
std::vector<TaxYear> tax_years(Services& app, std::int64_t space_id, std::int64_t user_id);
// Hours by kind between two days (YYYY-MM-DD), for a recognition letter.
std::vector<std::pair<std::string, std::int64_t>> hours_by_kind(Services& app, std::int64_t space_id,
                                                                std::int64_t user_id, const std::string& from,
                                                                const std::string& to);

// --- documents (PDF bytes), in the person's words
// A letter confirming the hours the person contributed to the space between two days
// (YYYY-MM-DD, inclusive), by kind of involvement: for CVs and job applications.
// The hours a letter would show, by kind; invalid (fields from, to) when the dates are not
// real, in the wrong order, or hold no confirmed time.
Result<std::vector<std::pair<std::string, std::int64_t>>> letter_hours(Services& app, std::int64_t space_id,
                                                                      std::int64_t user_id, const std::string& from,
                                                                      const std::string& to);
Result<std::string> recognition_letter(Services& app, std::int64_t space_id, std::int64_t user_id,
                                       const std::string& from, const std::string& to);
// What the person was paid in one tax year (the year it starts in), for benefit and tax
// declarations.
Result<std::string> tax_statement(Services& app, std::int64_t space_id, std::int64_t user_id, int year);
// The day an instant falls on, YYYY-MM-DD (UTC).
std::string day_of(std::int64_t unix_seconds);
// "4 March 2031" for a YYYY-MM-DD day (the day itself when it cannot be read).
std::string day_in_words(const Services& app, const std::string& day);
// "2 hours 30 minutes".
std::string hours_in_words(const Services& app, std::int64_t minutes);

// --- the periodic job, erasure and "download my data"
// Erases bank details kept past their space's limit; returns how many.
int sweep(Services& app);
void erase_person(store::Conn& c, std::int64_t user_id);
std::string export_person(Services& app, store::Conn& c, std::int64_t user_id);

}  // namespace hs::involvement::commands
