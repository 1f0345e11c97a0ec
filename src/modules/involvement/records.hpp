#pragma once
// The involvement module's records as plain structs: what its front door, commands and
// pages hand each other, and what the repo reads and writes.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace hs::involvement {

struct RateRow {
  std::int64_t id = 0, space_id = 0, pence = 0, created_at = 0;
  std::string kind, unit, from_day;
};

struct OpportunityRow {
  std::int64_t id = 0, space_id = 0, minutes = 0, places = 0, created_at = 0;
  std::string title, description, kind, day, starts, how, place, expenses, support, support_other, status;
  std::optional<std::int64_t> event_id, created_by;
};

struct InterestRow {
  std::int64_t opportunity_id = 0, user_id = 0, created_at = 0;
  std::string note, status;  // interested | chosen | not_chosen
  std::optional<std::string> reason;
  std::optional<std::int64_t> decided_at;
};

struct ParticipationRow {
  std::int64_t id = 0, space_id = 0, user_id = 0, minutes = 0, created_at = 0;
  std::optional<std::int64_t> opportunity_id, confirmed_by;
  std::string kind, day, what, source;  // source: opportunity | event | by_hand
};

struct ExpenseRow {
  std::int64_t id = 0, claim_id = 0, pence = 0;
  std::string category, description;
};

struct ReceiptRow {
  std::int64_t id = 0, claim_id = 0, size = 0, created_at = 0;
  std::string file_name, media_type;
};

struct ClaimRow {
  std::int64_t id = 0, space_id = 0;
  std::optional<std::int64_t> user_id, participation_id, opportunity_id, decided_by, batch_id, submitted_at, decided_at;
  std::string payee_ref, kind, day, unit, method, state;
  bool advance = false;
  std::int64_t minutes = 0, rate_pence = 0, time_pence = 0, expenses_pence = 0, total_pence = 0;
  std::optional<std::string> charity, question, answer, reason, paid_day;
  std::int64_t created_at = 0, updated_at = 0;
};

struct BatchRow {
  std::int64_t id = 0, space_id = 0, claim_count = 0, total_pence = 0, created_at = 0;
  std::optional<std::int64_t> created_by, paid_at;
  std::optional<std::string> paid_day;
};

struct ChoiceRow {
  std::string method;  // bank | voucher | decline | charity
  std::optional<std::string> charity;
  std::int64_t guidance_at = 0, updated_at = 0;
};

}  // namespace hs::involvement
