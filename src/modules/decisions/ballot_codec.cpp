#include "modules/decisions/ballot_codec.hpp"

#include <charconv>

namespace hs::decisions {

namespace {

template <class T>
std::optional<T> number(std::string_view s) {
  T v{};
  auto [end, ec] = std::from_chars(s.data(), s.data() + s.size(), v);
  if (s.empty() || ec != std::errc{} || end != s.data() + s.size()) return std::nullopt;
  return v;
}

template <class Seq, class F>
std::string join(const Seq& seq, F&& f) {
  std::string out;
  for (const auto& x : seq) {
    if (!out.empty()) out += ',';
    out += f(x);
  }
  return out;
}

// A list choice as a ballot whose `list` holds the parts, each read by parse; nothing
// when a part does not read or there are none.
template <class B, class T, class Parse>
std::optional<B> decode_list(std::string_view choice, std::vector<T> B::*list, Parse parse) {
  B b;
  for (auto part : split_choice(choice)) {
    auto v = parse(part);
    if (!v) return std::nullopt;
    (b.*list).push_back(*v);
  }
  if ((b.*list).empty()) return std::nullopt;
  return b;
}

}  // namespace

std::vector<std::string_view> split_choice(std::string_view s) {
  std::vector<std::string_view> out;
  if (s.empty()) return out;
  std::size_t start = 0;
  while (true) {
    auto comma = s.find(',', start);
    out.push_back(s.substr(start, comma == std::string_view::npos ? std::string_view::npos : comma - start));
    if (comma == std::string_view::npos) break;
    start = comma + 1;
  }
  return out;
}

std::optional<ConsentStance> decode_consent(std::string_view choice) {
  if (choice == "consent") return ConsentStance::consent;
  if (choice == "object") return ConsentStance::object;
  return std::nullopt;
}

std::string_view encode(ConsentStance s) { return s == ConsentStance::object ? "object" : "consent"; }

std::string encode(const RankedBallot& b) {
  return join(b.ranking, [](std::size_t p) { return std::to_string(p); });
}
std::string encode(const ScoreBallot& b) {
  return join(b.scores, [](int s) { return std::to_string(s); });
}
std::string encode(const DotBallot& b) {
  return join(b.dots, [](std::int64_t d) { return std::to_string(d); });
}
std::string encode(const AvailabilityBallot& b) {
  return join(b.slots, [](Availability a) { return std::string(to_string(a)); });
}

std::optional<RankedBallot> decode_ranked(std::string_view choice) {
  return decode_list(choice, &RankedBallot::ranking, number<std::size_t>);
}
std::optional<ScoreBallot> decode_score(std::string_view choice) {
  return decode_list(choice, &ScoreBallot::scores, number<int>);
}
std::optional<DotBallot> decode_dots(std::string_view choice) {
  return decode_list(choice, &DotBallot::dots, number<std::int64_t>);
}
std::optional<AvailabilityBallot> decode_availability(std::string_view choice) {
  return decode_list(choice, &AvailabilityBallot::slots, parse_availability);
}

std::string pack(const StoredBallot& b) {
  std::string out = b.choice + '\n' + std::to_string(b.revision) + '\n' + b.reason;
  // Longer cannot happen for validated answers; cut rather than let the length speak.
  if (out.size() > kPackedBallotSize) out.resize(kPackedBallotSize);
  out.resize(kPackedBallotSize, '\0');
  return out;
}

std::optional<StoredBallot> unpack(std::string_view packed) {
  auto end = packed.find('\0');
  if (end != std::string_view::npos) packed = packed.substr(0, end);
  auto nl1 = packed.find('\n');
  if (nl1 == std::string_view::npos) return std::nullopt;
  auto nl2 = packed.find('\n', nl1 + 1);
  if (nl2 == std::string_view::npos) return std::nullopt;
  auto revision = number<int>(packed.substr(nl1 + 1, nl2 - nl1 - 1));
  if (!revision) return std::nullopt;
  return StoredBallot{std::string(packed.substr(0, nl1)), std::string(packed.substr(nl2 + 1)), *revision};
}

}  // namespace hs::decisions
