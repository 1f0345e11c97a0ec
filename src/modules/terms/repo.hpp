#pragma once
// The only place the terms module's SQL lives. Functions take a connection, so the
// caller decides the transaction.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace hs::store {
class Conn;
}

namespace hs::terms::repo {

struct VersionRow {
  std::int64_t id = 0;
  std::int64_t space_id = 0;
  std::int64_t number = 0;
  std::optional<std::int64_t> base_number;
  std::string body, summary, review_on, status;
  std::optional<std::int64_t> proposal_id;
  std::optional<std::int64_t> proposed_by;
  std::int64_t created_at = 0;
  std::optional<std::int64_t> decided_at;
};

std::optional<VersionRow> current(store::Conn& c, std::int64_t space_id);
std::optional<VersionRow> proposed(store::Conn& c, std::int64_t space_id);
std::optional<VersionRow> by_number(store::Conn& c, std::int64_t space_id, std::int64_t number);
std::optional<VersionRow> by_id(store::Conn& c, std::int64_t id);
// Newest first.
std::vector<VersionRow> versions(store::Conn& c, std::int64_t space_id);
std::int64_t next_number(store::Conn& c, std::int64_t space_id);
std::int64_t insert_version(store::Conn& c, const VersionRow& v);
void set_proposal(store::Conn& c, std::int64_t id, std::int64_t proposal_id);
void set_status(store::Conn& c, std::int64_t id, const std::string& status, std::int64_t decided_at);
// The current version, if any, becomes superseded.
void supersede_current(store::Conn& c, std::int64_t space_id, std::int64_t decided_at);

struct ReviewDue {
  std::int64_t space_id = 0;
  std::int64_t number = 0;
  std::string review_on;
};
// Current versions whose review date is on or before `today` and not yet reminded of.
std::vector<ReviewDue> reviews_due(store::Conn& c, const std::string& today);
// true for the one caller that recorded the reminder.
bool claim_review(store::Conn& c, std::int64_t space_id, const std::string& review_on, std::int64_t now);

void erase_person(store::Conn& c, std::int64_t user_id);
std::vector<VersionRow> proposed_by(store::Conn& c, std::int64_t user_id);

}  // namespace hs::terms::repo
