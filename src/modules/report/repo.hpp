#pragma once
// The report module's SQL.
#include <cstdint>
#include <optional>
#include <string>

namespace hs::store {
class Conn;
}

namespace hs::report::repo {

struct ReportRow {
  std::int64_t event_id = 0, updated_at = 0;
  std::string intro, next_steps;
  std::optional<std::string> public_token;
  std::optional<std::int64_t> published_at;
};

std::optional<ReportRow> report(store::Conn& c, std::int64_t event_id);
std::optional<ReportRow> report_by_token(store::Conn& c, const std::string& token);
void save_texts(store::Conn& c, std::int64_t event_id, const std::string& intro, const std::string& next_steps,
                std::int64_t now);
void set_published(store::Conn& c, std::int64_t event_id, const std::optional<std::string>& token,
                   std::optional<std::int64_t> at, std::int64_t now);

}  // namespace hs::report::repo
