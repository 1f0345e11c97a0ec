#include "modules/decisions/rules/method.hpp"

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

}  // namespace

std::optional<Method> parse_method(std::string_view s) {
  for (auto m : kAllMethods)
    if (to_string(m) == s) return m;
  return std::nullopt;
}

std::string_view to_string(Method m) {
  switch (m) {
    case Method::consent: return "consent";
    case Method::consensus: return "consensus";
    case Method::majority: return "majority";
    case Method::ranked_choice: return "ranked_choice";
    case Method::score: return "score";
    case Method::dot_vote: return "dot_vote";
    case Method::meeting_poll: return "meeting_poll";
  }
  return "consent";
}

std::string_view name_key(Method m) {
  switch (m) {
    case Method::consent: return kMethodConsent;
    case Method::consensus: return kMethodConsensus;
    case Method::majority: return kMethodMajority;
    case Method::ranked_choice: return kMethodRankedChoice;
    case Method::score: return kMethodScore;
    case Method::dot_vote: return kMethodDotVote;
    case Method::meeting_poll: return kMethodMeetingPoll;
  }
  return kMethodConsent;
}

bool decides_proposal(Method m) { return m == Method::consent || m == Method::consensus || m == Method::majority; }

std::span<const std::string_view> rule_keys(Method m) {
  switch (m) {
    case Method::consent: return kConsentRules;
    case Method::consensus: return kConsensusRules;
    case Method::majority: return kMajorityRules;
    case Method::ranked_choice: return kRankedRules;
    case Method::score: return kScoreRules;
    case Method::dot_vote: return kDotRules;
    case Method::meeting_poll: return kMeetingRules;
  }
  return kConsentRules;
}

}  // namespace hs::decisions
