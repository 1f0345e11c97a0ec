#pragma once
// The only place the involvement module's SQL lives. Functions take a connection, so the
// caller decides the transaction.
#include <cstdint>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "modules/involvement/records.hpp"

namespace hs::store {
class Conn;
}

namespace hs::involvement::repo {

// --- settings and the rate card
std::optional<std::int64_t> keep_days(store::Conn& c, std::int64_t space_id);
void set_keep_days(store::Conn& c, std::int64_t space_id, std::int64_t days, std::int64_t now);
std::vector<RateRow> rates(store::Conn& c, std::int64_t space_id);  // by kind, then day
std::int64_t insert_rate(store::Conn& c, const RateRow& r);

// --- opportunities and who is interested
std::int64_t insert_opportunity(store::Conn& c, const OpportunityRow& o);
std::optional<OpportunityRow> opportunity(store::Conn& c, std::int64_t id);
std::vector<OpportunityRow> opportunities(store::Conn& c, std::int64_t space_id);  // soonest first
void set_opportunity_status(store::Conn& c, std::int64_t id, const std::string& status);
// Says (or says again, with a new note) that the person is interested; a decision already
// made stays.
void upsert_interest(store::Conn& c, std::int64_t opportunity_id, std::int64_t user_id, const std::string& note,
                     std::int64_t now);
bool remove_interest(store::Conn& c, std::int64_t opportunity_id, std::int64_t user_id);
std::vector<InterestRow> interest_in(store::Conn& c, std::int64_t opportunity_id);  // in the order people said so
std::optional<InterestRow> interest_of(store::Conn& c, std::int64_t opportunity_id, std::int64_t user_id);
bool decide_interest(store::Conn& c, std::int64_t opportunity_id, std::int64_t user_id, const std::string& status,
                     const std::string& reason, std::int64_t now);
std::int64_t chosen_count(store::Conn& c, std::int64_t opportunity_id);
// How many said they were interested in each of the space's opportunities.
std::vector<std::pair<std::int64_t, std::int64_t>> interest_counts(store::Conn& c, std::int64_t space_id);
// The opportunities of the space the person said they were interested in, with the state.
std::vector<InterestRow> interests_of(store::Conn& c, std::int64_t space_id, std::int64_t user_id);

// --- who took part
// Nothing when the person's part in that opportunity is already recorded.
std::optional<std::int64_t> insert_participation(store::Conn& c, const ParticipationRow& p);
std::optional<ParticipationRow> participation(store::Conn& c, std::int64_t id);
std::vector<ParticipationRow> participation_in(store::Conn& c, std::int64_t opportunity_id);
// The person's confirmed time in the space with no live claim on it yet (none, or only
// withdrawn or refused ones), newest first.
std::vector<ParticipationRow> unclaimed(store::Conn& c, std::int64_t space_id, std::int64_t user_id);
// Minutes by kind of involvement between two days (inclusive), for a recognition letter.
std::vector<std::pair<std::string, std::int64_t>> minutes_by_kind(store::Conn& c, std::int64_t space_id,
                                                                  std::int64_t user_id, const std::string& from_day,
                                                                  const std::string& to_day);

// --- claims
std::int64_t insert_claim(store::Conn& c, const ClaimRow& r);
void insert_expense(store::Conn& c, const ExpenseRow& e);
std::int64_t insert_receipt(store::Conn& c, const ReceiptRow& r, const std::string& sealed);
std::optional<ClaimRow> claim(store::Conn& c, std::int64_t id);
std::vector<ExpenseRow> expenses(store::Conn& c, std::int64_t claim_id);
std::vector<ReceiptRow> receipts(store::Conn& c, std::int64_t claim_id);
// The receipt and its sealed bytes.
std::optional<std::pair<ReceiptRow, std::string>> receipt(store::Conn& c, std::int64_t receipt_id);
std::vector<ClaimRow> claims_of(store::Conn& c, std::int64_t space_id, std::int64_t user_id);  // newest first
bool has_claimed(store::Conn& c, std::int64_t space_id, std::int64_t user_id);
// A page of the space's claims in one state ("" for every state), newest first, and how
// many there are in each state (those in batches from the batches' own counts).
std::vector<ClaimRow> claims_page(store::Conn& c, std::int64_t space_id, const std::string& state,
                                  std::int64_t offset, std::int64_t limit);
std::vector<std::pair<std::string, std::int64_t>> claim_counts(store::Conn& c, std::int64_t space_id);
// Moves the claim only while it is still in `from`; false when someone moved it first.
struct ClaimChange {
  std::string to;
  std::optional<std::string> question, answer, reason;  // set when given
  std::optional<std::int64_t> decided_by;
};
bool move_claim(store::Conn& c, std::int64_t id, const std::string& from, const ClaimChange& change, std::int64_t now);

// --- batches
// Puts every approved claim of the space into a new batch; nothing when there are none.
std::optional<BatchRow> make_batch(store::Conn& c, std::int64_t space_id, std::int64_t user_id, std::int64_t now);
std::optional<BatchRow> batch(store::Conn& c, std::int64_t id);
std::vector<BatchRow> batches(store::Conn& c, std::int64_t space_id);  // newest first
std::vector<ClaimRow> batch_claims(store::Conn& c, std::int64_t batch_id);  // by payee, then claim
// Marks the batch and its claims paid; false when it already was.
bool mark_paid(store::Conn& c, std::int64_t batch_id, const std::string& day, std::int64_t now);

// --- payment choice and bank details
std::optional<ChoiceRow> choice(store::Conn& c, std::int64_t space_id, std::int64_t user_id);
void set_choice(store::Conn& c, std::int64_t space_id, std::int64_t user_id, const ChoiceRow& r);
std::optional<std::string> bank_sealed(store::Conn& c, std::int64_t space_id, std::int64_t user_id);
// The same for many people at once (a batch's payees): by account id.
std::vector<std::pair<std::int64_t, std::string>> bank_sealed_of(store::Conn& c, std::int64_t space_id,
                                                                 const std::vector<std::int64_t>& user_ids);
void set_bank(store::Conn& c, std::int64_t space_id, std::int64_t user_id, const std::string& sealed,
              std::int64_t now);
bool erase_bank(store::Conn& c, std::int64_t space_id, std::int64_t user_id);
void bank_paid(store::Conn& c, std::int64_t space_id, std::int64_t batch_id, std::int64_t now);
// Erases bank details kept longer than their space allows after a last payment; how many.
std::int64_t erase_stale_bank(store::Conn& c, std::int64_t now, std::int64_t default_days);

// --- paid, for tax years
struct Paid {
  std::string day, method;
  std::int64_t time_pence = 0, expenses_pence = 0;
};
std::vector<Paid> paid_to(store::Conn& c, std::int64_t space_id, std::int64_t user_id);

// --- erasure
void erase_person(store::Conn& c, std::int64_t user_id);
std::vector<ParticipationRow> participation_of(store::Conn& c, std::int64_t user_id);  // every space
std::vector<ClaimRow> all_claims_of(store::Conn& c, std::int64_t user_id);

}  // namespace hs::involvement::repo
