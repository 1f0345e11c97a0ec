// Valuing people's time: money exact to the penny, the rate in force on the day, a claim
// only moved by whoever may move it (never a treasurer approving their own), and each
// tax year's total.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "modules/involvement/rules/claim.hpp"
#include "modules/involvement/rules/money.hpp"
#include "modules/involvement/rules/rates.hpp"
#include "modules/involvement/rules/tax_year.hpp"

namespace hs::involvement {
namespace {

TEST(InvolvementMoney, PoundsAsTypedBecomeWholePence) {
  EXPECT_EQ(parse_pounds("12.50"), 1250);
  EXPECT_EQ(parse_pounds("\xC2\xA3"
                         "12.50"),
            1250);
  EXPECT_EQ(parse_pounds(" \xC2\xA3 7 "), 700);
  EXPECT_EQ(parse_pounds("0.05"), 5);
  EXPECT_EQ(parse_pounds("12.5"), 1250);
  EXPECT_EQ(parse_pounds("1,234.56"), 123456);
  EXPECT_EQ(parse_pounds("100,000"), 10'000'000);
  EXPECT_EQ(parse_pounds("0"), 0);
  for (const char* bad : {"", "\xC2\xA3", "-1", "12.345", "12.", ".5", "1,23", "12,34,567", ",123", "1,2345", "abc",
                          "1e3", "12.5a", "100,000.01", "99999999999999999999", "1 000"})
    EXPECT_FALSE(parse_pounds(bad).has_value()) << bad;
}

TEST(InvolvementMoney, ShownOneWay) {
  EXPECT_EQ(format_pounds(1250),
            "\xC2\xA3"
            "12.50");
  EXPECT_EQ(format_pounds(5),
            "\xC2\xA3"
            "0.05");
  EXPECT_EQ(format_pounds(123456700),
            "\xC2\xA3"
            "1,234,567.00");
  EXPECT_EQ(format_pounds(-300),
            "\xE2\x88\x92\xC2\xA3"
            "3.00");
  EXPECT_EQ(plain_pounds(123400), "1234.00");
  EXPECT_EQ(plain_pounds(7), "0.07");
}

TEST(InvolvementMoney, TotalsAreExact) {
  // Ten claims of £0.10 make exactly £1.00, which floating point would not promise.
  Pence total = 0;
  for (int i = 0; i < 10; ++i) total += *parse_pounds("0.10");
  EXPECT_EQ(total, 100);
  EXPECT_EQ(format_pounds(total),
            "\xC2\xA3"
            "1.00");
}

std::vector<Rate> card() {
  return {{"meeting", Unit::hourly, 2500, "2025-04-01"},
          {"meeting", Unit::hourly, 2750, "2025-12-16"},  // a 10 % rise
          {"document_review", Unit::fixed, 5000, "2025-04-01"}};
}

TEST(InvolvementRates, TheRateInForceOnTheDay) {
  const auto c = card();
  EXPECT_FALSE(rate_on(c, "meeting", "2025-03-31").has_value());  // before any rate
  EXPECT_EQ(rate_on(c, "meeting", "2025-04-01")->pence, 2500);
  EXPECT_EQ(rate_on(c, "meeting", "2025-12-15")->pence, 2500);
  EXPECT_EQ(rate_on(c, "meeting", "2025-12-16")->pence, 2750);  // the rise, from its day
  EXPECT_EQ(rate_on(c, "meeting", "2026-06-01")->pence, 2750);
  EXPECT_FALSE(rate_on(c, "event", "2026-06-01").has_value());
  // A later rate does not rewrite an earlier day, whichever order the card is in.
  auto reversed = c;
  std::reverse(reversed.begin(), reversed.end());
  EXPECT_EQ(rate_on(reversed, "meeting", "2025-12-15")->pence, 2500);
}

TEST(InvolvementRates, FeesToTheNearestPenny) {
  const Rate hourly{"meeting", Unit::hourly, 2750, "2025-12-16"};
  EXPECT_EQ(fee(hourly, 60), 2750);
  EXPECT_EQ(fee(hourly, 90), 4125);
  EXPECT_EQ(fee(hourly, 1), 46);                          // 45.83p
  EXPECT_EQ(fee(Rate{"m", Unit::hourly, 1, ""}, 30), 1);  // half a penny, up
  EXPECT_EQ(fee(hourly, 0), 0);
  EXPECT_EQ(fee(hourly, -5), 0);
  const Rate fixed{"document_review", Unit::fixed, 5000, "2025-04-01"};
  EXPECT_EQ(fee(fixed, 10), 5000);
  EXPECT_EQ(fee(fixed, 600), 5000);
}

TEST(InvolvementRates, ANewRateIsChecked) {
  const auto c = card();
  auto ok = check_rate(c, "event", "fixed",
                       "\xC2\xA3"
                       "75",
                       "2026-01-01");
  ASSERT_TRUE(ok);
  EXPECT_EQ(ok->pence, 7500);
  EXPECT_EQ(ok->unit, Unit::fixed);
  auto bad = check_rate(c, "", "weekly", "-3", "2026-02-30");
  ASSERT_FALSE(bad);
  EXPECT_EQ(bad.error().fields.size(), 4u);  // every field said at once
  auto twice = check_rate(c, "meeting", "hourly", "30", "2025-12-16");
  ASSERT_FALSE(twice);
  EXPECT_EQ(twice.error().message_key, "involvement_rate_day_taken");
  EXPECT_FALSE(check_rate(c, "event", "hourly", "0", "2026-01-01"));  // a rate pays something
}

constexpr Mover kClaimant{true, false};
constexpr Mover kTreasurer{false, true};
constexpr Mover kOwnTreasurer{true, true};
constexpr Mover kSomeoneElse{false, false};

TEST(InvolvementClaims, EveryMoveFromEveryStateByEveryone) {
  struct Row {
    ClaimMove move;
    ClaimState from;
    Mover who;
    std::optional<ClaimState> to;  // nothing: refused
  };
  using S = ClaimState;
  using M = ClaimMove;
  const std::vector<Row> allowed = {
      {M::submit, S::draft, kClaimant, S::submitted},         {M::answer, S::queried, kClaimant, S::submitted},
      {M::withdraw, S::draft, kClaimant, S::withdrawn},       {M::withdraw, S::submitted, kClaimant, S::withdrawn},
      {M::withdraw, S::queried, kClaimant, S::withdrawn},     {M::approve, S::submitted, kTreasurer, S::approved},
      {M::query, S::submitted, kTreasurer, S::queried},       {M::refuse, S::submitted, kTreasurer, S::refused},
      {M::batch, S::approved, kTreasurer, S::batched},        {M::pay, S::batched, kTreasurer, S::paid},
      {M::submit, S::draft, kOwnTreasurer, S::submitted},     {M::batch, S::approved, kOwnTreasurer, S::batched},
      {M::pay, S::batched, kOwnTreasurer, S::paid},           {M::answer, S::queried, kOwnTreasurer, S::submitted},
      {M::withdraw, S::draft, kOwnTreasurer, S::withdrawn},   {M::withdraw, S::submitted, kOwnTreasurer, S::withdrawn},
      {M::withdraw, S::queried, kOwnTreasurer, S::withdrawn},
  };
  const std::vector<S> states = {S::draft,   S::submitted, S::queried, S::approved,
                                 S::refused, S::batched,   S::paid,    S::withdrawn};
  const std::vector<M> moves = {M::submit, M::answer, M::withdraw, M::approve, M::query, M::refuse, M::batch, M::pay};
  const std::vector<Mover> people = {kClaimant, kTreasurer, kOwnTreasurer, kSomeoneElse};
  int checked = 0;
  for (auto from : states)
    for (auto move : moves)
      for (const auto& who : people) {
        std::optional<S> want;
        for (const auto& r : allowed)
          if (r.move == move && r.from == from && r.who.claimant == who.claimant && r.who.treasurer == who.treasurer)
            want = r.to;
        auto got = move_claim(from, move, who, "a reason");
        const auto label = std::string(claim_state_name(from)) + " by " + std::to_string(who.claimant) +
                           std::to_string(who.treasurer) + " move " + std::to_string(static_cast<int>(move));
        if (want) {
          ASSERT_TRUE(got) << label << ": " << got.error().message_key;
          EXPECT_EQ(*got, *want) << label;
        } else {
          EXPECT_FALSE(got) << label;
        }
        ++checked;
      }
  EXPECT_EQ(checked, 8 * 8 * 4);
}

TEST(InvolvementClaims, ATreasurerNeverDecidesTheirOwnClaim) {
  for (auto move : {ClaimMove::approve, ClaimMove::query, ClaimMove::refuse}) {
    auto r = move_claim(ClaimState::submitted, move, kOwnTreasurer, "because");
    ASSERT_FALSE(r);
    EXPECT_EQ(r.error().message_key, "involvement_claim_own_approval");
    EXPECT_EQ(r.error().code, ErrorCode::forbidden);
  }
}

TEST(InvolvementClaims, AQueryAndARefusalSayWhy) {
  auto q = move_claim(ClaimState::submitted, ClaimMove::query, kTreasurer, "   ");
  ASSERT_FALSE(q);
  ASSERT_EQ(q.error().fields.size(), 1u);
  EXPECT_EQ(q.error().fields[0].message_key, "involvement_claim_question_missing");
  auto r = move_claim(ClaimState::submitted, ClaimMove::refuse, kTreasurer);
  ASSERT_FALSE(r);
  EXPECT_EQ(r.error().fields[0].message_key, "involvement_claim_reason_missing");
  EXPECT_FALSE(move_claim(ClaimState::queried, ClaimMove::answer, kClaimant, ""));
  EXPECT_TRUE(move_claim(ClaimState::submitted, ClaimMove::approve, kTreasurer, ""));  // approval needs none
}

TEST(InvolvementClaims, StatesAndMovesByName) {
  for (auto s : {ClaimState::draft, ClaimState::submitted, ClaimState::queried, ClaimState::approved,
                 ClaimState::refused, ClaimState::batched, ClaimState::paid, ClaimState::withdrawn})
    EXPECT_EQ(parse_claim_state(claim_state_name(s)), s);
  EXPECT_FALSE(parse_claim_state("Paid").has_value());
  EXPECT_EQ(parse_claim_move("approve"), ClaimMove::approve);
  EXPECT_FALSE(parse_claim_move("delete").has_value());
  EXPECT_TRUE(is_final(ClaimState::paid));
  EXPECT_FALSE(is_final(ClaimState::approved));
}

TEST(InvolvementTaxYear, SixthOfAprilStartsIt) {
  EXPECT_EQ(tax_year_of("2026-04-05"), 2025);
  EXPECT_EQ(tax_year_of("2026-04-06"), 2026);
  EXPECT_EQ(tax_year_of("2026-01-31"), 2025);
  EXPECT_EQ(tax_year_of("2026-12-02"), 2026);
  EXPECT_FALSE(tax_year_of("2026-02-30").has_value());
  const auto totals = totals_by_tax_year(
      {{"2025-05-01", 2750}, {"2026-04-05", 4125}, {"2026-04-06", 1}, {"not a day", 999}, {"2027-03-01", 10}});
  ASSERT_EQ(totals.size(), 2u);
  EXPECT_EQ(totals.at(2025), 6875);
  EXPECT_EQ(totals.at(2026), 11);
}

}  // namespace
}  // namespace hs::involvement
