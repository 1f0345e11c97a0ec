// The methods' descriptors, by method, and what a descriptor does unless it says otherwise.
//
// Adding an eighth method:
//   1. its rules, pure and unit-tested: rules/<name>.{hpp,cpp} (validate a ballot,
//      count), its value in Method and its row in rules/method.cpp (name, message key,
//      the rule texts its page shows);
//   2. its result type at the same place in MethodResult (tally.hpp);
//   3. one file, methods/<name>.cpp: a MethodDescriptor (settings, ballot, count, CSV,
//      page), declared in methods/methods.hpp;
//   4. one row below, at the method's place;
//   5. its words in messages/en/ and its is_<name> blocks in templates/decisions/show.mustache.
// tests/unit/modules/decisions/methods/descriptor_test.cpp checks every row against its
// method. A few checks still name a method where only it has the setting or the step:
// rules/proposal.cpp (how few options), rules/settings.cpp and commands/open_proposal.cpp
// (dots per person, the threshold in the log), policy.cpp (objections stop closing
// early) and commands/cast_vote.cpp (only consent has withdrawals).
#include "modules/decisions/methods/descriptor.hpp"

#include <array>
#include <cstddef>
#include <variant>

#include "modules/decisions/methods/methods.hpp"

namespace hs::decisions {

namespace {

using Entry = const MethodDescriptor& (*)();

constexpr std::array<Entry, std::size(kAllMethods)> kTable = {
    methods::consent,        // Method::consent
    methods::consensus,      // Method::consensus
    methods::majority,       // Method::majority
    methods::ranked_choice,  // Method::ranked_choice
    methods::score,          // Method::score
    methods::dot_vote,       // Method::dot_vote
    methods::meeting_poll,   // Method::meeting_poll
};

static_assert(std::variant_size_v<MethodResult> == std::size(kAllMethods), "a result type per method");

}  // namespace

// Most methods have no settings of their own, no state machine and no objections.
void MethodDescriptor::read_settings(const ProposalFields&, Settings&, Validation&) const {}
std::vector<SettingRow> MethodDescriptor::setting_rows(const web::Renderer&, const Settings&) const { return {}; }

Result<StoredBallot> MethodDescriptor::apply_answer(const Settings&, int revision, const std::optional<StoredBallot>&,
                                                    const StoredBallot& next, bool, std::int64_t) const {
  StoredBallot b = next;
  b.revision = revision;
  return b;
}

const char* MethodDescriptor::objection_entry(const std::string&) const { return nullptr; }

const MethodDescriptor& descriptor(Method m) { return kTable.at(static_cast<std::size_t>(m))(); }

}  // namespace hs::decisions
