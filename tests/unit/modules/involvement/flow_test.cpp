// Paid involvement end to end through its commands on a real store: a claim at the rate of
// its own day, decisions only by another treasurer, a batch exact to the penny whose CSV is
// safe to open, tax years, bank details erased after the space's limit, and erasure that
// keeps the financial record without the person.
#include <gtest/gtest.h>

#include "../../support/forum_services.hpp"
#include "modules/involvement/commands/commands.hpp"
#include "modules/involvement/module.hpp"

namespace hs::involvement {
namespace {

class InvolvementFlow : public test_support::ForumServices {
 protected:
  void SetUp() override {
    ForumServices::SetUp();
    treasurer_ = member("dana@example.org", "Dana Fairweather", "treasurer");
    second_ = member("lee@example.org", "Lee Armitage", "treasurer");
    // £25 an hour from long ago; £27.50 from 2027-01-01 (the clock stands at 2027-01-15).
    ASSERT_TRUE(add_rate(s_, space_, steward_, "meeting", "hourly", "25.00", "2020-01-01"));
    ASSERT_TRUE(add_rate(s_, space_, treasurer_, "meeting", "hourly", "27.50", "2027-01-01"));
  }
  // Time recorded by hand for the member with this email; the participation to claim.
  std::int64_t time_for(const std::string& email, const std::string& day, const std::string& hours) {
    auto id = record_time(s_, space_, facilitator_, email, "meeting", day, hours, "Steering group");
    EXPECT_TRUE(id) << (id ? "" : id.error().message_key);
    return id ? *id : 0;
  }
  ClaimRow claim(std::int64_t id) {
    auto v = commands::claim_view(s_, space_, id, treasurer_);
    EXPECT_TRUE(v);
    return v ? v->claim : ClaimRow{};
  }
  std::int64_t treasurer_ = 0, second_ = 0;
};

TEST_F(InvolvementFlow, AClaimUsesTheRateOfItsOwnDay) {
  ASSERT_TRUE(choose_payment(s_, space_, author_, "voucher", ""));
  auto before = time_for("jo@example.org", "2026-12-20", "1.5");
  auto after = time_for("jo@example.org", "2027-01-05", "1.5");
  auto a = claim_time(s_, space_, author_, before, {{"travel", "Bus", "4.60", false}});
  auto b = claim_time(s_, space_, author_, after, {});
  ASSERT_TRUE(a);
  ASSERT_TRUE(b);
  EXPECT_EQ(claim(*a).time_pence, 3750);  // 1.5 hours at £25.00
  EXPECT_EQ(claim(*a).total_pence, 4210);
  EXPECT_EQ(claim(*b).time_pence, 4125);  // 1.5 hours at £27.50
  // A rate added later for an earlier day never rewrites a claim already made.
  ASSERT_TRUE(add_rate(s_, space_, steward_, "meeting", "hourly", "30.00", "2026-12-01"));
  EXPECT_EQ(claim(*a).time_pence, 3750);
  // The same time cannot be claimed twice while a claim on it is live.
  auto again = claim_time(s_, space_, author_, before, {});
  ASSERT_FALSE(again);
  EXPECT_EQ(again.error().message_key, "involvement_time_claimed");
}

TEST_F(InvolvementFlow, AFirstClaimNeedsAPaymentChoiceAndDecliningKeepsExpenses) {
  auto t = time_for("jo@example.org", "2027-01-10", "2");
  auto none = claim_time(s_, space_, author_, t, {});
  ASSERT_FALSE(none);
  EXPECT_EQ(none.error().message_key, "involvement_choice_first");
  ASSERT_TRUE(choose_payment(s_, space_, author_, "decline", ""));
  auto k = claim_time(s_, space_, author_, t, {{"travel", "Train", "12.80", false}});
  ASSERT_TRUE(k);
  EXPECT_EQ(claim(*k).time_pence, 0);
  EXPECT_EQ(claim(*k).total_pence, 1280);  // nobody is out of pocket
}

TEST_F(InvolvementFlow, OnlyAnotherTreasurerDecidesAndOnlyTheyAndTheClaimantSeeIt) {
  ASSERT_TRUE(choose_payment(s_, space_, treasurer_, "bank", ""));
  auto t = time_for("dana@example.org", "2027-01-10", "2");
  auto k = claim_time(s_, space_, treasurer_, t, {});
  ASSERT_TRUE(k);
  auto own = move_claim(s_, *k, treasurer_, "approve", "");
  ASSERT_FALSE(own);
  EXPECT_EQ(own.error().message_key, "involvement_claim_own_approval");
  for (auto who : {author_, facilitator_, steward_}) {
    EXPECT_FALSE(commands::claim_view(s_, space_, *k, who)) << who;
    auto moved = move_claim(s_, *k, who, "approve", "");
    ASSERT_FALSE(moved);
    EXPECT_EQ(moved.error().code, ErrorCode::not_found);
  }
  EXPECT_TRUE(commands::claim_view(s_, space_, *k, second_));
  EXPECT_TRUE(move_claim(s_, *k, second_, "approve", ""));
  EXPECT_EQ(claim(*k).state, "approved");
  // Bank details: a treasurer reads them; nobody else can ask.
  ASSERT_TRUE(give_bank_details(s_, space_, treasurer_, "D Fairweather", "309457", "12345678"));
  EXPECT_FALSE(commands::bank_details_for(s_, space_, author_, treasurer_));
  auto seen = commands::bank_details_for(s_, space_, second_, treasurer_);
  ASSERT_TRUE(seen);
  ASSERT_TRUE(seen->has_value());
  EXPECT_EQ((*seen)->sort_code, "30-94-57");
}

TEST_F(InvolvementFlow, ABatchIsExactAndItsCsvIsSafeToOpen) {
  ASSERT_TRUE(choose_payment(s_, space_, author_, "charity", "=HYPERLINK(\"http://x\")"));
  ASSERT_TRUE(choose_payment(s_, space_, facilitator_, "voucher", ""));
  std::vector<std::int64_t> claims;
  for (int i = 0; i < 3; ++i) {
    auto t = time_for("jo@example.org", "2027-01-0" + std::to_string(i + 2), "1");
    claims.push_back(*claim_time(s_, space_, author_, t, {{"data", "Top-up", "0.01", false}}));
  }
  auto f = time_for("priya@example.org", "2027-01-09", "0.33");
  claims.push_back(*claim_time(s_, space_, facilitator_, f, {}));
  for (auto id : claims) ASSERT_TRUE(move_claim(s_, id, treasurer_, "approve", ""));
  auto batch = make_batch(s_, space_, treasurer_);
  ASSERT_TRUE(batch);
  auto view = commands::batch_view(s_, space_, *batch, treasurer_);
  ASSERT_TRUE(view);
  // 3 × (£27.50 + £0.01) = £82.53; 20 minutes at £27.50 = £9.17 (to the nearest penny).
  EXPECT_EQ(view->batch.claim_count, 4);
  EXPECT_EQ(view->batch.total_pence, 8253 + 917);
  ASSERT_EQ(view->lines.size(), 2u);  // one line a payee
  const auto csv = commands::batch_csv(s_, *view);
  EXPECT_NE(csv.find("82.53"), std::string::npos) << csv;
  EXPECT_NE(csv.find("9.17"), std::string::npos) << csv;
  EXPECT_NE(csv.find("\"'=HYPERLINK(\"\"http://x\"\")\""), std::string::npos) << csv;
  EXPECT_EQ(csv.find(",=") , std::string::npos) << csv;
  // Nothing left to batch; nobody but a treasurer batches.
  EXPECT_FALSE(make_batch(s_, space_, treasurer_));
  EXPECT_FALSE(make_batch(s_, space_, steward_));
  EXPECT_FALSE(mark_paid(s_, space_, *batch, author_, "2027-01-15"));
  ASSERT_TRUE(mark_paid(s_, space_, *batch, treasurer_, "2027-01-15"));
  EXPECT_FALSE(mark_paid(s_, space_, *batch, second_, "2027-01-16"));  // once only
  for (auto id : claims) EXPECT_EQ(claim(id).state, "paid");
  auto years = commands::tax_years(s_, space_, author_);
  ASSERT_EQ(years.size(), 1u);
  EXPECT_EQ(years[0].year, 2026);  // 15 January 2027 is in 2026 to 2027
  EXPECT_EQ(years[0].given, 8250);  // time given to the charity
  EXPECT_EQ(years[0].expenses, 3);
  EXPECT_EQ(years[0].time, 0);
  // Each person is told once that they were paid.
  int told = 0;
  for (const auto& m : mail_.sent) told += m.subject.find("involvement_email_paid_subject") != std::string::npos;
  EXPECT_EQ(told, 2);
}

TEST_F(InvolvementFlow, BankDetailsGoAfterTheSpacesLimitButNotWhileAClaimIsLive) {
  ASSERT_TRUE(choose_payment(s_, space_, author_, "bank", ""));
  ASSERT_TRUE(give_bank_details(s_, space_, author_, "J Whitlow", "30-94-57", "01234567"));
  ASSERT_TRUE(commands::set_keep_days(s_, space_, steward_, "30"));
  auto t = time_for("jo@example.org", "2027-01-10", "1");
  auto k = claim_time(s_, space_, author_, t, {});
  ASSERT_TRUE(move_claim(s_, *k, treasurer_, "approve", ""));
  auto b = make_batch(s_, space_, treasurer_);
  ASSERT_TRUE(mark_paid(s_, space_, *b, treasurer_, "2027-01-15"));
  clock_.advance(29 * 86400);
  EXPECT_EQ(sweep(s_), 0);
  EXPECT_TRUE(commands::has_bank_details(s_, space_, author_));
  // A new claim waiting keeps them past the limit; once it is paid the clock starts again.
  auto t2 = time_for("jo@example.org", "2027-02-01", "1");
  auto k2 = claim_time(s_, space_, author_, t2, {});
  ASSERT_TRUE(k2);
  clock_.advance(2 * 86400);
  EXPECT_EQ(sweep(s_), 0);
  ASSERT_TRUE(move_claim(s_, *k2, author_, "withdraw", ""));
  EXPECT_EQ(sweep(s_), 1);
  EXPECT_FALSE(commands::has_bank_details(s_, space_, author_));
}

TEST_F(InvolvementFlow, ErasureKeepsTheFinancialRecordWithoutThePerson) {
  ASSERT_TRUE(choose_payment(s_, space_, author_, "bank", ""));
  ASSERT_TRUE(give_bank_details(s_, space_, author_, "J Whitlow", "30-94-57", "01234567"));
  auto t = time_for("jo@example.org", "2027-01-10", "2");
  auto k = claim_time(s_, space_, author_, t, {{"travel", "Bus from my street", "4.60", false}});
  ASSERT_TRUE(k);
  const auto ref = claim(*k).payee_ref;
  ASSERT_TRUE(store_->write([&](store::Conn& c) -> Result<void> {
    commands::erase_person(c, author_);
    return {};
  }));
  auto kept = commands::claim_view(s_, space_, *k, treasurer_);
  ASSERT_TRUE(kept);
  EXPECT_FALSE(kept->claim.user_id);
  EXPECT_EQ(kept->claim.payee_ref, ref);
  EXPECT_EQ(kept->claim.total_pence, 5500 + 460);
  ASSERT_EQ(kept->expenses.size(), 1u);
  EXPECT_EQ(kept->expenses[0].description, "");  // their words go; the amount stays
  EXPECT_FALSE(commands::has_bank_details(s_, space_, author_));
  EXPECT_FALSE(commands::choice(s_, space_, author_));
}

}  // namespace
}  // namespace hs::involvement
