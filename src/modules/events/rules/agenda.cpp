#include "modules/events/rules/agenda.hpp"

#include <algorithm>

namespace hs::events {

std::optional<std::vector<std::int64_t>> moved(const std::vector<std::int64_t>& order, std::int64_t item, Move m) {
  auto it = std::find(order.begin(), order.end(), item);
  if (it == order.end()) return std::nullopt;
  auto at = static_cast<std::size_t>(it - order.begin());
  if (m == Move::up && at == 0) return std::nullopt;
  if (m == Move::down && at + 1 == order.size()) return std::nullopt;
  auto out = order;
  std::swap(out[at], out[m == Move::up ? at - 1 : at + 1]);
  return out;
}

std::optional<std::int64_t> next_item(const std::vector<std::int64_t>& order, std::optional<std::int64_t> current) {
  if (order.empty()) return std::nullopt;
  auto it = current ? std::find(order.begin(), order.end(), *current) : order.end();
  if (it == order.end()) return order.front();
  if (++it == order.end()) return std::nullopt;
  return *it;
}

std::optional<std::int64_t> previous_item(const std::vector<std::int64_t>& order, std::optional<std::int64_t> current) {
  if (!current) return std::nullopt;
  auto it = std::find(order.begin(), order.end(), *current);
  if (it == order.end() || it == order.begin()) return std::nullopt;
  return *(it - 1);
}

bool opens_on_arrival(std::string_view kind, std::string_view state) { return kind != "talk" && state == "waiting"; }

bool closes_on_next(std::string_view kind, std::string_view state) { return kind != "talk" && state == "open"; }

}  // namespace hs::events
