#include "modules/involvement/rules/rates.hpp"

#include "core/dates.hpp"

namespace hs::involvement {

std::optional<Unit> parse_unit(std::string_view s) {
  if (s == "hourly") return Unit::hourly;
  if (s == "fixed") return Unit::fixed;
  return std::nullopt;
}

std::string_view unit_name(Unit u) { return u == Unit::hourly ? "hourly" : "fixed"; }

Result<Rate> check_rate(const std::vector<Rate>& card, std::string kind, std::string_view unit, std::string_view pounds,
                        std::string_view from_day) {
  Validation v;
  if (kind.empty() || kind.size() > 60) v.add("kind", "involvement_rate_kind_missing");
  auto u = parse_unit(unit);
  if (!u) v.add("unit", "involvement_rate_unit_missing");
  auto p = parse_pounds(pounds);
  if (!p || *p == 0) v.add("amount", "involvement_rate_amount_invalid");
  if (!dates::parse_day(from_day)) v.add("from_day", "involvement_rate_day_invalid");
  if (!v.ok()) return fail(v.error());
  for (const auto& r : card)
    if (r.kind == kind && r.from_day == from_day) return fail(ErrorCode::conflict, "involvement_rate_day_taken");
  return Rate{std::move(kind), *u, *p, std::string(from_day)};
}

std::optional<Rate> rate_on(const std::vector<Rate>& card, std::string_view kind, std::string_view day) {
  const Rate* best = nullptr;
  for (const auto& r : card)  // YYYY-MM-DD compares as text in date order
    if (r.kind == kind && r.from_day <= day && (!best || r.from_day > best->from_day)) best = &r;
  if (!best) return std::nullopt;
  return *best;
}

Pence fee(const Rate& r, std::int64_t minutes) {
  if (r.unit == Unit::fixed) return r.pence;
  if (minutes <= 0) return 0;
  return (r.pence * minutes + 30) / 60;  // to the nearest penny, a half penny up
}

}  // namespace hs::involvement
