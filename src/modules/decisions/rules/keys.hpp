#pragma once
// Every message key the decision rules use. Texts live in messages/en/*.txt; this is the
// list to write them from. The rules use these constants, never spelled-out keys, so
// this block is complete by construction.
//
// Opening a proposal (form fields in brackets)
//   decisions_title_required            [title] a proposal needs a title
//   decisions_title_too_long            [title] longer than kTitleMax characters
//   decisions_title_invalid             [title] not text (bad UTF-8, control characters)
//   decisions_details_required          [details] a proposal needs details people can judge
//   decisions_details_too_long          [details] longer than kDetailsMax characters
//   decisions_details_invalid           [details] not text
//   decisions_method_unknown            [method] none of the methods on offer
//   decisions_options_not_allowed       [options] this method decides on the proposal itself
//   decisions_options_too_few           [options] fewer than the method needs
//   decisions_options_too_many          [options] more than kOptionsMax
//   decisions_option_required           [options] an option is blank
//   decisions_option_too_long           [options] an option is longer than kOptionMax
//   decisions_option_invalid            [options] an option is not text
//   decisions_option_duplicate          [options] two options read the same
// Settings, fixed at opening
//   decisions_settings_closes_past      [closes_at] the closing time has already passed
//   decisions_settings_closes_too_far   [closes_at] more than kClosesMaxAhead away
//   decisions_settings_quorum_range     [quorum] not a whole number from 0 to 100
//   decisions_settings_dots_range       [dots] dots per person not from 1 to kDotsMax
//   decisions_settings_threshold_unknown [threshold] none of the thresholds on offer
//   decisions_settings_visibility_unknown [results] none of the visibility choices
//   decisions_settings_anonymity_locked [anonymous] an anonymous poll stays anonymous
//   decisions_settings_locked           settings cannot change once voting has opened
// Taking part
//   decisions_closed                    voting has closed
//   decisions_close_too_early           the outcome waits for the stated closing time
//   decisions_reason_required           [reason] this poll asks everyone for a reason
//   decisions_reason_too_long           [reason] longer than kReasonMax characters
//   decisions_reason_invalid            [reason] not text
//   decisions_objection_reason_required [reason] an objection always needs a reason
//   decisions_objection_none            there is no objection of yours to withdraw
//   decisions_block_reason_required     [reason] a block always needs a reason
//   decisions_ballot_choice_required    [choice] pick yes, no or abstain
//   decisions_ballot_position_required  [position] pick agree, abstain, disagree or block
//   decisions_ballot_rank_empty         [ranking] rank at least one option
//   decisions_ballot_rank_unknown_option [ranking] an option that is not on this proposal
//   decisions_ballot_rank_duplicate     [ranking] the same option ranked twice
//   decisions_ballot_score_count        [scores] a score for every option is needed
//   decisions_ballot_score_range        [scores] scores go from 0 to 5
//   decisions_ballot_dots_count         [dots] a number for every option is needed
//   decisions_ballot_dots_negative      [dots] dots cannot be fewer than none
//   decisions_ballot_dots_over          [dots] more dots than each person has
//   decisions_ballot_dots_none          [dots] place at least one dot
//   decisions_ballot_slot_count         [slots] an answer for every time is needed
//   decisions_ballot_slot_answer_required [slots] pick yes, if need be or no
// Names shown on pages
//   decisions_method_consent, decisions_method_consensus, decisions_method_majority,
//   decisions_method_ranked_choice, decisions_method_score, decisions_method_dot_vote,
//   decisions_method_meeting_poll
//   decisions_threshold_simple_majority, decisions_threshold_two_thirds,
//   decisions_threshold_three_quarters
//   decisions_visibility_after_voting, decisions_visibility_after_close
// Outcomes
//   decisions_outcome_passed            passed (or, choosing among options: one was chosen)
//   decisions_outcome_objections_stand  consent: at least one objection stands
//   decisions_outcome_blocked           consensus: at least one block
//   decisions_outcome_no_agreement      consensus: nobody agreed
//   decisions_outcome_threshold_not_met majority: yes fell short of the threshold
//   decisions_outcome_tied              a tie (majority fails; options: shown as a tie)
//   decisions_outcome_no_votes          nothing was counted
//   decisions_outcome_no_quorum         too few members took part
// How each method works, written on its page (rule_keys(Method) gives them in order)
//   decisions_rule_one_vote             one member, one vote; no role counts for more
//   decisions_rule_change_vote          change your answer until closing; the latest counts
//   decisions_rule_quorum               turnout must reach the quorum share of members, rounded up
//   decisions_rule_consent_passes       passes unless an objection stands at closing
//   decisions_rule_consent_objection    an objection needs a reason and stays until withdrawn or the
//                                       proposal changes
//   decisions_rule_consent_revision     changing the proposal clears objections; objectors are told
//   decisions_rule_consensus_passes     passes when at least one member agrees and nobody blocks
//   decisions_rule_consensus_stand_aside disagreeing is standing aside: recorded, does not stop it
//   decisions_rule_consensus_block      a block needs a reason; changing the proposal clears blocks
//   decisions_rule_majority_threshold   passes when yes reaches the threshold of yes and no votes
//   decisions_rule_majority_abstentions abstentions are reported but not counted in the share
//   decisions_rule_majority_ties        a tie does not pass
//   decisions_rule_ranked_count         each ballot counts for its highest-ranked option still in the count
//   decisions_rule_ranked_majority      an option wins with more than half of the ballots still counting
//   decisions_rule_ranked_eliminate     otherwise the option with fewest votes leaves the count
//   decisions_rule_ranked_exhausted     ballots with no option left are set aside, not counted in the half
//   decisions_rule_ranked_tie_earlier_round
//                                       a tie for fewest: whichever had fewer votes in the earliest
//                                       round where they differed leaves
//   decisions_rule_ranked_tie_lot       still tied: a lot drawn from the proposal number that anyone
//                                       can repeat (see ranked_choice.hpp)
//   decisions_rule_score_range          give each option 0 to 5
//   decisions_rule_score_result         options are ordered by total score; the average is shown too
//   decisions_rule_dots_spread          spread your dots as you like, up to your number
//   decisions_rule_meeting_best         the best time has most yes, then most if need be
//   decisions_rule_options_ties         options with equal results are shown as tied
// CSV column headings: decisions_csv_<column> for every column in results_csv.hpp
//   decisions_csv_round decisions_csv_option decisions_csv_votes decisions_csv_continuing
//   decisions_csv_exhausted decisions_csv_eliminated decisions_csv_winner
//   decisions_csv_tie_break decisions_csv_sum decisions_csv_mean decisions_csv_ballots
//   decisions_csv_rank decisions_csv_tied decisions_csv_dots decisions_csv_slot
//   decisions_csv_yes decisions_csv_if_need_be decisions_csv_no decisions_csv_abstain
//   decisions_csv_cast decisions_csv_threshold decisions_csv_outcome
//   decisions_csv_turnout decisions_csv_eligible decisions_csv_quorum_required
//   decisions_csv_quorum_met decisions_csv_revision decisions_csv_consents
//   decisions_csv_objections decisions_csv_agree decisions_csv_disagree
//   decisions_csv_block
#include <string_view>

namespace hs::decisions::keys {

// Opening a proposal
inline constexpr std::string_view kTitleRequired = "decisions_title_required";
inline constexpr std::string_view kTitleTooLong = "decisions_title_too_long";
inline constexpr std::string_view kTitleInvalid = "decisions_title_invalid";
inline constexpr std::string_view kDetailsRequired = "decisions_details_required";
inline constexpr std::string_view kDetailsTooLong = "decisions_details_too_long";
inline constexpr std::string_view kDetailsInvalid = "decisions_details_invalid";
inline constexpr std::string_view kMethodUnknown = "decisions_method_unknown";
inline constexpr std::string_view kOptionsNotAllowed = "decisions_options_not_allowed";
inline constexpr std::string_view kOptionsTooFew = "decisions_options_too_few";
inline constexpr std::string_view kOptionsTooMany = "decisions_options_too_many";
inline constexpr std::string_view kOptionRequired = "decisions_option_required";
inline constexpr std::string_view kOptionTooLong = "decisions_option_too_long";
inline constexpr std::string_view kOptionInvalid = "decisions_option_invalid";
inline constexpr std::string_view kOptionDuplicate = "decisions_option_duplicate";

// Settings
inline constexpr std::string_view kClosesPast = "decisions_settings_closes_past";
inline constexpr std::string_view kClosesTooFar = "decisions_settings_closes_too_far";
inline constexpr std::string_view kQuorumRange = "decisions_settings_quorum_range";
inline constexpr std::string_view kDotsRange = "decisions_settings_dots_range";
inline constexpr std::string_view kThresholdUnknown = "decisions_settings_threshold_unknown";
inline constexpr std::string_view kVisibilityUnknown = "decisions_settings_visibility_unknown";
inline constexpr std::string_view kAnonymityLocked = "decisions_settings_anonymity_locked";
inline constexpr std::string_view kSettingsLocked = "decisions_settings_locked";

// Taking part
inline constexpr std::string_view kClosed = "decisions_closed";
inline constexpr std::string_view kCloseTooEarly = "decisions_close_too_early";
inline constexpr std::string_view kReasonRequired = "decisions_reason_required";
inline constexpr std::string_view kReasonTooLong = "decisions_reason_too_long";
inline constexpr std::string_view kReasonInvalid = "decisions_reason_invalid";
inline constexpr std::string_view kObjectionReasonRequired = "decisions_objection_reason_required";
inline constexpr std::string_view kObjectionNone = "decisions_objection_none";
inline constexpr std::string_view kBlockReasonRequired = "decisions_block_reason_required";
inline constexpr std::string_view kChoiceRequired = "decisions_ballot_choice_required";
inline constexpr std::string_view kPositionRequired = "decisions_ballot_position_required";
inline constexpr std::string_view kRankEmpty = "decisions_ballot_rank_empty";
inline constexpr std::string_view kRankUnknownOption = "decisions_ballot_rank_unknown_option";
inline constexpr std::string_view kRankDuplicate = "decisions_ballot_rank_duplicate";
inline constexpr std::string_view kScoreCount = "decisions_ballot_score_count";
inline constexpr std::string_view kScoreRange = "decisions_ballot_score_range";
inline constexpr std::string_view kDotsCount = "decisions_ballot_dots_count";
inline constexpr std::string_view kDotsNegative = "decisions_ballot_dots_negative";
inline constexpr std::string_view kDotsOver = "decisions_ballot_dots_over";
inline constexpr std::string_view kDotsNone = "decisions_ballot_dots_none";
inline constexpr std::string_view kSlotCount = "decisions_ballot_slot_count";
inline constexpr std::string_view kSlotAnswerRequired = "decisions_ballot_slot_answer_required";

// Names
inline constexpr std::string_view kMethodConsent = "decisions_method_consent";
inline constexpr std::string_view kMethodConsensus = "decisions_method_consensus";
inline constexpr std::string_view kMethodMajority = "decisions_method_majority";
inline constexpr std::string_view kMethodRankedChoice = "decisions_method_ranked_choice";
inline constexpr std::string_view kMethodScore = "decisions_method_score";
inline constexpr std::string_view kMethodDotVote = "decisions_method_dot_vote";
inline constexpr std::string_view kMethodMeetingPoll = "decisions_method_meeting_poll";
inline constexpr std::string_view kThresholdSimpleMajority = "decisions_threshold_simple_majority";
inline constexpr std::string_view kThresholdTwoThirds = "decisions_threshold_two_thirds";
inline constexpr std::string_view kThresholdThreeQuarters = "decisions_threshold_three_quarters";
inline constexpr std::string_view kVisibilityAfterVoting = "decisions_visibility_after_voting";
inline constexpr std::string_view kVisibilityAfterClose = "decisions_visibility_after_close";

// Outcomes
inline constexpr std::string_view kOutcomePassed = "decisions_outcome_passed";
inline constexpr std::string_view kOutcomeObjectionsStand = "decisions_outcome_objections_stand";
inline constexpr std::string_view kOutcomeBlocked = "decisions_outcome_blocked";
inline constexpr std::string_view kOutcomeNoAgreement = "decisions_outcome_no_agreement";
inline constexpr std::string_view kOutcomeThresholdNotMet = "decisions_outcome_threshold_not_met";
inline constexpr std::string_view kOutcomeTied = "decisions_outcome_tied";
inline constexpr std::string_view kOutcomeNoVotes = "decisions_outcome_no_votes";
inline constexpr std::string_view kOutcomeNoQuorum = "decisions_outcome_no_quorum";

// Rules written on the page
inline constexpr std::string_view kRuleOneVote = "decisions_rule_one_vote";
inline constexpr std::string_view kRuleChangeVote = "decisions_rule_change_vote";
inline constexpr std::string_view kRuleQuorum = "decisions_rule_quorum";
inline constexpr std::string_view kRuleConsentPasses = "decisions_rule_consent_passes";
inline constexpr std::string_view kRuleConsentObjection = "decisions_rule_consent_objection";
inline constexpr std::string_view kRuleConsentRevision = "decisions_rule_consent_revision";
inline constexpr std::string_view kRuleConsensusPasses = "decisions_rule_consensus_passes";
inline constexpr std::string_view kRuleConsensusStandAside = "decisions_rule_consensus_stand_aside";
inline constexpr std::string_view kRuleConsensusBlock = "decisions_rule_consensus_block";
inline constexpr std::string_view kRuleMajorityThreshold = "decisions_rule_majority_threshold";
inline constexpr std::string_view kRuleMajorityAbstentions = "decisions_rule_majority_abstentions";
inline constexpr std::string_view kRuleMajorityTies = "decisions_rule_majority_ties";
inline constexpr std::string_view kRuleRankedCount = "decisions_rule_ranked_count";
inline constexpr std::string_view kRuleRankedMajority = "decisions_rule_ranked_majority";
inline constexpr std::string_view kRuleRankedEliminate = "decisions_rule_ranked_eliminate";
inline constexpr std::string_view kRuleRankedExhausted = "decisions_rule_ranked_exhausted";
inline constexpr std::string_view kRuleRankedTieEarlierRound = "decisions_rule_ranked_tie_earlier_round";
inline constexpr std::string_view kRuleRankedTieLot = "decisions_rule_ranked_tie_lot";
inline constexpr std::string_view kRuleScoreRange = "decisions_rule_score_range";
inline constexpr std::string_view kRuleScoreResult = "decisions_rule_score_result";
inline constexpr std::string_view kRuleDotsSpread = "decisions_rule_dots_spread";
inline constexpr std::string_view kRuleMeetingBest = "decisions_rule_meeting_best";
inline constexpr std::string_view kRuleOptionsTies = "decisions_rule_options_ties";

// CSV column headings are kCsvPrefix + column name (see results_csv.hpp).
inline constexpr std::string_view kCsvPrefix = "decisions_csv_";

}  // namespace hs::decisions::keys
