#include "modules/decisions/rules/method.hpp"

#include <cstddef>
#include <iterator>

#include "modules/decisions/rules/keys.hpp"

namespace hs::decisions {

namespace {

using namespace keys;

constexpr std::string_view kConsentRules[] = {kRuleOneVote,         kRuleConsentPasses, kRuleConsentObjection,
                                              kRuleConsentRevision, kRuleChangeVote,    kRuleQuorum};
constexpr std::string_view kConsensusRules[] = {kRuleOneVote,        kRuleConsensusPasses, kRuleConsensusStandAside,
                                                kRuleConsensusBlock, kRuleChangeVote,      kRuleQuorum};
constexpr std::string_view kMajorityRules[] = {kRuleOneVote,      kRuleMajorityThreshold, kRuleMajorityAbstentions,
                                               kRuleMajorityTies, kRuleChangeVote,        kRuleQuorum};
constexpr std::string_view kRankedRules[] = {kRuleOneVote,         kRuleRankedCount,     kRuleRankedMajority,
                                             kRuleRankedEliminate, kRuleRankedExhausted, kRuleRankedTieEarlierRound,
                                             kRuleRankedTieLot,    kRuleChangeVote,      kRuleQuorum};
constexpr std::string_view kScoreRules[] = {kRuleOneVote,     kRuleScoreRange, kRuleScoreResult,
                                            kRuleOptionsTies, kRuleChangeVote, kRuleQuorum};
constexpr std::string_view kDotRules[] = {kRuleOneVote, kRuleDotsSpread, kRuleOptionsTies, kRuleChangeVote,
                                          kRuleQuorum};
constexpr std::string_view kMeetingRules[] = {kRuleOneVote, kRuleMeetingBest, kRuleOptionsTies, kRuleChangeVote,
                                              kRuleQuorum};

struct MethodInfo {
  std::string_view name;  // in the database and in forms
  std::string_view name_key;
  std::span<const std::string_view> rules;
  bool decides_proposal;
};

// In the order of Method.
constexpr MethodInfo kMethods[] = {
    {"consent", kMethodConsent, kConsentRules, true},
    {"consensus", kMethodConsensus, kConsensusRules, true},
    {"majority", kMethodMajority, kMajorityRules, true},
    {"ranked_choice", kMethodRankedChoice, kRankedRules, false},
    {"score", kMethodScore, kScoreRules, false},
    {"dot_vote", kMethodDotVote, kDotRules, false},
    {"meeting_poll", kMethodMeetingPoll, kMeetingRules, false},
};
static_assert(std::size(kMethods) == std::size(kAllMethods));
static_assert(
    [] {
      for (std::size_t i = 0; i < std::size(kAllMethods); ++i)
        if (static_cast<std::size_t>(kAllMethods[i]) != i) return false;
      return true;
    }(),
    "kAllMethods lists the methods in their order");

const MethodInfo& info(Method m) { return kMethods[static_cast<std::size_t>(m)]; }

}  // namespace

std::optional<Method> parse_method(std::string_view s) {
  for (auto m : kAllMethods)
    if (to_string(m) == s) return m;
  return std::nullopt;
}

std::string_view to_string(Method m) { return info(m).name; }
std::string_view name_key(Method m) { return info(m).name_key; }
bool decides_proposal(Method m) { return info(m).decides_proposal; }
std::span<const std::string_view> rule_keys(Method m) { return info(m).rules; }

}  // namespace hs::decisions
