#include "modules/report/repo.hpp"

#include "store/db.hpp"

namespace hs::report::repo {

namespace {

constexpr const char* kColumns = "event_id, updated_at, intro, next_steps, public_token, published_at";
constexpr const char* kSave = R"(
INSERT INTO event_reports (event_id, intro, next_steps, updated_at) VALUES (?, ?, ?, ?)
ON CONFLICT (event_id) DO UPDATE SET intro = excluded.intro, next_steps = excluded.next_steps,
  updated_at = excluded.updated_at)";
constexpr const char* kEnsure = R"(
INSERT INTO event_reports (event_id, intro, next_steps, updated_at) VALUES (?, '', '', ?)
ON CONFLICT (event_id) DO NOTHING)";
constexpr const char* kPublish =
    "UPDATE event_reports SET public_token = ?, published_at = ?, updated_at = ? WHERE event_id = ?";

ReportRow from(const store::Row& r) {
  return ReportRow{r.i64(0), r.i64(1), r.text(2), r.text(3), r.opt_text(4), r.opt_i64(5)};
}

}  // namespace

std::optional<ReportRow> report(store::Conn& c, std::int64_t event_id) {
  auto r = c.one(std::string("SELECT ") + kColumns + " FROM event_reports WHERE event_id = ?", event_id);
  if (!r) return std::nullopt;
  return from(*r);
}

std::optional<ReportRow> report_by_token(store::Conn& c, const std::string& token) {
  auto r = c.one(std::string("SELECT ") + kColumns + " FROM event_reports WHERE public_token = ?", token);
  if (!r) return std::nullopt;
  return from(*r);
}

void save_texts(store::Conn& c, std::int64_t event_id, const std::string& intro, const std::string& next_steps,
                std::int64_t now) {
  c.q(kSave, event_id, intro, next_steps, now);
}

void set_published(store::Conn& c, std::int64_t event_id, const std::optional<std::string>& token,
                   std::optional<std::int64_t> at, std::int64_t now) {
  c.q(kEnsure, event_id, now);
  c.q(kPublish, token ? store::Value(*token) : store::Value(store::Null{}),
      at ? store::Value(*at) : store::Value(store::Null{}), now, event_id);
}

}  // namespace hs::report::repo
