#pragma once
// What the accounts module keeps, as plain data: the records its front door hands out.
// The SQL that reads and writes them is in repo.* and is the module's own.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace hs::accounts {

struct Session {
  std::int64_t id = 0;
  std::int64_t user_id = 0;
  std::int64_t created_at = 0;
  std::int64_t last_seen_at = 0;
  bool keep_signed_in = false;
  std::string browser, system;
  // From the person's account (sessions_by_hash only).
  std::string display_name;
  std::string site_role;
};

}  // namespace hs::accounts
