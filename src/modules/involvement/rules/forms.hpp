#pragma once
// What people type into the involvement forms, checked strictly: an opportunity, the
// lines of a claim's expenses, a receipt's bytes, bank details and a payment choice. Each
// check names the field to fix; nothing typed is lost (the handler shows it again). Pure.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/error.hpp"
#include "modules/involvement/rules/money.hpp"

namespace hs::involvement {

// The kinds of involvement a rate card prices, and the expenses and support an
// opportunity offers, as stored (their words are messages: involvement_kind_<kind>...).
inline constexpr std::string_view kKinds[] = {"meeting", "event", "document_review", "piece_of_work"};
inline constexpr std::string_view kExpenses[] = {"travel", "care", "subsistence", "data"};
inline constexpr std::string_view kSupport[] = {"bsl", "quiet_room", "buddy"};
inline constexpr std::string_view kHow[] = {"in_person", "online", "either"};
inline constexpr std::string_view kMethods[] = {"bank", "voucher", "decline", "charity"};
inline constexpr std::string_view kCategories[] = {"travel", "care", "subsistence", "data", "other"};
bool is_kind(std::string_view s);

struct OpportunityInput {
  std::string title, description, kind, day, starts, hours, how, place, places, support_other;
  std::vector<std::string> expenses, support;  // words from kExpenses, kSupport
  std::string event_id;                        // "" or an event of the space
};
struct Opportunity {
  std::string title, description, kind, day, starts, how, place, support_other;
  std::int64_t minutes = 0, places = 0;
  std::string expenses, support;  // words joined by spaces
};
// Title 1-120 characters, description up to 4,000, a kind, a real day, a clock time,
// hours (e.g. "2" or "1.5", up to 24), how, up to 500 places (1 at least).
Result<Opportunity> check_opportunity(const OpportunityInput& in);

// Hours as typed ("2", "1.5", "0.25", "2h 30m" is not accepted): whole minutes, 1 to
// 24 hours. Nothing for anything else.
std::optional<std::int64_t> parse_hours(std::string_view typed);
// "2 hours 30 minutes" style figures are words; this gives hours with up to two decimals
// for CSV and letters: 150 -> "2.5", 90 -> "1.5", 20 -> "0.33".
std::string plain_hours(std::int64_t minutes);

struct ExpenseInput {
  std::string category, description, amount;
  bool has_receipt = false;
};
struct Expense {
  std::string category, description;
  Pence pence = 0;
};
// Lines left wholly empty are skipped; a line with anything in it needs a category, a
// description up to 200 characters and an amount (field names expense_N_category...,
// counting from 1). At most 10 lines.
Result<std::vector<Expense>> check_expenses(const std::vector<ExpenseInput>& lines);

// A receipt's type from its first bytes: image/jpeg, image/png or application/pdf.
// Nothing for anything else (HTML renamed .pdf, an empty file).
std::optional<std::string> sniff_receipt(std::string_view bytes);
inline constexpr std::size_t kMaxReceiptBytes = 10 * 1024 * 1024;

struct BankDetails {
  std::string name, sort_code, account;  // sort code "12-34-56", account 8 digits
};
// The name on the account (1-70 characters), a sort code of six digits (spaces and
// hyphens allowed) and an account number of 8 digits (6 or 7 are padded with zeros, as
// banks do). Normalised: sort code "12-34-56".
Result<BankDetails> check_bank_details(std::string_view name, std::string_view sort_code, std::string_view account);

// A payment choice: one of kMethods; a charity's name (1-120 characters) only for charity.
Result<std::optional<std::string>> check_choice(std::string_view method, std::string_view charity);

// Days bank details are kept after a person's last payment: 1 to 730.
std::optional<std::int64_t> parse_keep_days(std::string_view typed);

}  // namespace hs::involvement
