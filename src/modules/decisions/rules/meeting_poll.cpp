#include "modules/decisions/rules/meeting_poll.hpp"

#include "modules/decisions/rules/errors.hpp"
#include "modules/decisions/rules/keys.hpp"
#include "modules/decisions/rules/ranking.hpp"

namespace hs::decisions {

std::optional<Availability> parse_availability(std::string_view s) {
  if (s == "yes") return Availability::yes;
  if (s == "if_need_be") return Availability::if_need_be;
  if (s == "no") return Availability::no;
  return std::nullopt;
}

std::string_view to_string(Availability a) {
  switch (a) {
    case Availability::yes: return "yes";
    case Availability::if_need_be: return "if_need_be";
    case Availability::no: return "no";
  }
  return "no";
}

Result<void> validate_availability(const AvailabilityBallot& ballot, std::size_t slot_count) {
  if (ballot.slots.size() != slot_count) return field_error("slots", keys::kSlotCount);
  return {};
}

MeetingResult count_availability(std::span<const AvailabilityBallot> ballots, std::size_t slot_count,
                                 const Electorate& electorate) {
  MeetingResult r;
  r.ballots = static_cast<std::int64_t>(ballots.size());
  r.slots.assign(slot_count, SlotLine{});
  for (const auto& b : ballots) {
    if (b.slots.size() != slot_count) continue;  // invalid: never stored, never counted
    for (std::size_t s = 0; s < slot_count; ++s) {
      switch (b.slots[s]) {
        case Availability::yes: ++r.slots[s].yes; break;
        case Availability::if_need_be: ++r.slots[s].if_need_be; break;
        case Availability::no: ++r.slots[s].no; break;
      }
    }
  }
  r.best = finish_ranking(
      r, r.slots,
      [](const SlotLine& l) {
        return RankKey{l.yes, l.if_need_be};
      },
      r.ballots > 0, electorate);
  return r;
}

}  // namespace hs::decisions
