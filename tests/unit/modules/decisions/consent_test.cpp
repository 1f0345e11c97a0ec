#include "modules/decisions/rules/consent.hpp"

#include <gtest/gtest.h>

#include "modules/decisions/rules/keys.hpp"

namespace hs::decisions {
namespace {

constexpr std::int64_t kOpened = 1'800'000'000;
constexpr std::int64_t kCloses = kOpened + 7 * 86400;

Settings consent_settings() {
  Settings s;
  s.method = Method::consent;
  s.closes_at = kCloses;
  return s;
}

VoterKey voter(const char* v) { return VoterKey{v}; }

ConsentEvent consent(const char* who, std::int64_t at = kOpened + 10) {
  return {ConsentAction::consent, voter(who), "", at};
}
ConsentEvent object(const char* who, const char* reason, std::int64_t at = kOpened + 20) {
  return {ConsentAction::object, voter(who), reason, at};
}
ConsentEvent withdraw(const char* who, std::int64_t at = kOpened + 30) {
  return {ConsentAction::withdraw, voter(who), "", at};
}
ConsentEvent close_at(std::int64_t at = kCloses) { return {ConsentAction::close, {}, "", at}; }

// Applies events in order from a fresh state, failing the test on the first refusal.
ConsentState run(std::vector<ConsentEvent> events, const Settings& s = consent_settings()) {
  ConsentState state;
  for (const auto& e : events) {
    auto r = apply(state, e, s);
    EXPECT_TRUE(r) << (r ? "" : r.error().message_key);
    if (!r) return ConsentState{};
    state = std::move(*r);
  }
  return state;
}

TEST(ConsentProcess, PassesWhenNobodyObjects) {
  auto state = run({consent("m1"), consent("m2"), close_at()});
  auto r = consent_result(state, {5, 0});
  EXPECT_TRUE(r.closed);
  EXPECT_EQ(r.outcome, Outcome::passed);
  EXPECT_EQ(r.consents, 2);
  EXPECT_EQ(r.objections, 0);
}

TEST(ConsentProcess, SilenceIsConsentWhenThereIsNoQuorum) {
  auto state = run({close_at()});
  EXPECT_EQ(consent_result(state, {5, 0}).outcome, Outcome::passed);
}

TEST(ConsentProcess, AnObjectionNeedsAReason) {
  auto s = consent_settings();
  for (const char* blank : {"", "   ", "\n\t"}) {
    auto r = apply(ConsentState{}, object("m1", blank), s);
    ASSERT_FALSE(r) << '"' << blank << '"';
    EXPECT_EQ(r.error().message_key, keys::kObjectionReasonRequired);
    ASSERT_EQ(r.error().fields.size(), 1u);
    EXPECT_EQ(r.error().fields[0].field, "reason");
  }
  auto ok =
      apply(ConsentState{}, object("m1", "  It moves meetings to weekday mornings, when carers cannot come. "), s);
  ASSERT_TRUE(ok);
  EXPECT_EQ(ok->responses.at(voter("m1")).reason, "It moves meetings to weekday mornings, when carers cannot come.");
}

TEST(ConsentProcess, ObjectionStaysAfterUnrelatedEvents) {
  auto state = run({object("m1", "Too costly for the forum budget"), consent("m2", kOpened + 50),
                    consent("m3", kOpened + 60), object("m4", "Needs a plain-language version", kOpened + 70),
                    withdraw("m4", kOpened + 80), consent("m2", kOpened + 90), close_at()});
  auto r = consent_result(state, {10, 0});
  EXPECT_EQ(r.outcome, Outcome::objections_stand);
  EXPECT_EQ(r.objections, 1);
  ASSERT_EQ(r.standing.size(), 1u);
  EXPECT_EQ(r.standing[0].reason, "Too costly for the forum budget");
  EXPECT_EQ(r.consents, 3);  // m2, m3, and m4 after withdrawing
}

TEST(ConsentProcess, WithdrawnObjectionNoLongerStops) {
  auto state = run({object("m1", "Unclear who pays travel"), withdraw("m1"), close_at()});
  auto r = consent_result(state, {4, 0});
  EXPECT_EQ(r.outcome, Outcome::passed);
  EXPECT_EQ(r.consents, 1);  // withdrawing counts as consenting, and as taking part
}

TEST(ConsentProcess, OnlyAnObjectorCanWithdraw) {
  auto s = consent_settings();
  auto state = run({consent("m2")});
  for (const char* who : {"m1", "m2"}) {
    auto r = apply(state, withdraw(who), s);
    ASSERT_FALSE(r) << who;
    EXPECT_EQ(r.error().code, ErrorCode::conflict);
    EXPECT_EQ(r.error().message_key, keys::kObjectionNone);
  }
}

TEST(ConsentProcess, AnswersAreMarkedWithTheRevisionTheyWereGivenOn) {
  // Commands start the state at the proposal's stored revision.
  auto s = consent_settings();
  ConsentState state;
  state.revision = 2;
  state.responses[voter("m2")] = {ConsentStance::consent, "", 1, kOpened + 10};
  auto again = apply(state, object("m1", "Still excludes people without a smartphone", kOpened + 50), s);
  ASSERT_TRUE(again);
  EXPECT_EQ(again->responses.at(voter("m1")).revision, 2);
  EXPECT_EQ(again->responses.at(voter("m2")).revision, 1);  // consent given on version 1
  EXPECT_EQ(consent_result(*again, {5, 0}).outcome, Outcome::objections_stand);
}

TEST(ConsentProcess, ChangingYourMindReplacesYourResponse) {
  auto state = run({consent("m1"), object("m1", "Thought again: the date clashes with Ramadan", kOpened + 50)});
  auto r = consent_result(state, {5, 0});
  EXPECT_EQ(r.consents, 0);
  EXPECT_EQ(r.objections, 1);
  EXPECT_EQ(r.quorum.turnout, 1);
}

TEST(ConsentProcess, NothingChangesAfterClosingTime) {
  auto s = consent_settings();
  auto state = run({consent("m1")});
  for (const auto& e : {consent("m2", kCloses), object("m2", "late", kCloses + 1)}) {
    auto r = apply(state, e, s);
    ASSERT_FALSE(r);
    EXPECT_EQ(r.error().message_key, keys::kClosed);
  }
  auto closed = run({consent("m1"), close_at()});
  auto r = apply(closed, object("m2", "reason", kOpened + 100), s);
  ASSERT_FALSE(r);
  EXPECT_EQ(r.error().message_key, keys::kClosed);
  auto twice = apply(closed, close_at(kCloses + 5), s);
  ASSERT_FALSE(twice);
  EXPECT_EQ(twice.error().message_key, keys::kClosed);
}

TEST(ConsentProcess, OutcomeWaitsForTheStatedClosingTime) {
  auto r = apply(ConsentState{}, close_at(kCloses - 1), consent_settings());
  ASSERT_FALSE(r);
  EXPECT_EQ(r.error().message_key, keys::kCloseTooEarly);
}

TEST(ConsentProcess, FailedEventLeavesStateUnchanged) {
  auto s = consent_settings();
  auto state = run({object("m1", "A reason")});
  auto before = state;
  ASSERT_FALSE(apply(state, object("m1", ""), s));
  EXPECT_EQ(state, before);
}

TEST(ConsentProcess, ReasonsRequiredSettingAppliesToConsentToo) {
  auto s = consent_settings();
  s.reasons_required = true;
  auto r = apply(ConsentState{}, consent("m1"), s);
  ASSERT_FALSE(r);
  EXPECT_EQ(r.error().message_key, keys::kReasonRequired);
  ConsentEvent with_reason{ConsentAction::consent, voter("m1"), "Good enough for now, safe enough to try", kOpened};
  EXPECT_TRUE(apply(ConsentState{}, with_reason, s));
}

TEST(ConsentProcess, QuorumIsCheckedBeforeObjections) {
  // 10 members, 30 %: 3 must respond. Two did, one objecting: no quorum comes first.
  auto state = run({consent("m1"), object("m2", "Rushed"), close_at()});
  auto r = consent_result(state, {10, 30});
  EXPECT_EQ(r.outcome, Outcome::no_quorum);
  EXPECT_EQ(r.quorum.required, 3);
  EXPECT_FALSE(r.quorum.met);
}

}  // namespace
}  // namespace hs::decisions
