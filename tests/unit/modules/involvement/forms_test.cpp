// What people type into the involvement forms, read strictly: hours, an opportunity, the
// lines of a claim's expenses, a receipt's bytes, bank details and a payment choice.
#include "modules/involvement/rules/forms.hpp"

#include <gtest/gtest.h>

namespace hs::involvement {
namespace {

bool names(const Error& e, const std::string& field) {
  for (const auto& f : e.fields)
    if (f.field == field) return true;
  return false;
}

TEST(InvolvementForms, HoursAreWholeMinutesUpToADay) {
  EXPECT_EQ(parse_hours("2"), 120);
  EXPECT_EQ(parse_hours("1.5"), 90);
  EXPECT_EQ(parse_hours(" 0.25 "), 15);
  EXPECT_EQ(parse_hours("24"), 1440);
  for (auto bad : {"", "0", "two", "1,5", "2h", "-1", "24.5", "1.234", "."}) EXPECT_FALSE(parse_hours(bad)) << bad;
  EXPECT_EQ(plain_hours(150), "2.5");
  EXPECT_EQ(plain_hours(90), "1.5");
  EXPECT_EQ(plain_hours(20), "0.33");
  EXPECT_EQ(plain_hours(120), "2");
}

TEST(InvolvementForms, AnOpportunityNamesEveryFieldToFix) {
  OpportunityInput in;
  in.title = "";
  in.kind = "party";
  in.day = "2031-02-30";
  in.starts = "25:00";
  in.hours = "two";
  in.how = "telepathy";
  in.places = "0";
  in.expenses = {"travel", "yacht"};
  auto r = check_opportunity(in);
  ASSERT_FALSE(r);
  for (auto f : {"title", "kind", "day", "starts", "hours", "how", "places", "expenses"})
    EXPECT_TRUE(names(r.error(), f)) << f;

  in = {};
  in.title = "Review the leaflet";
  in.kind = "document_review";
  in.day = "2031-03-04";
  in.starts = "10:00";
  in.hours = "1.5";
  in.how = "either";
  in.places = "6";
  in.expenses = {"data", "travel"};
  in.support = {"buddy"};
  auto ok = check_opportunity(in);
  ASSERT_TRUE(ok);
  EXPECT_EQ(ok->minutes, 90);
  EXPECT_EQ(ok->expenses, "travel data");  // in the list's order, whatever the form's
  EXPECT_EQ(ok->support, "buddy");
}

TEST(InvolvementForms, EmptyExpenseLinesAreSkippedAndTheRestChecked) {
  auto r = check_expenses({{"travel", "Bus", "4.60", false}, {"", "", "", false}, {"care", "Childminder", "24", false}});
  ASSERT_TRUE(r);
  ASSERT_EQ(r->size(), 2u);
  EXPECT_EQ((*r)[0].pence, 460);
  EXPECT_EQ((*r)[1].pence, 2400);
  auto bad = check_expenses({{"", "", "", false}, {"yacht", "", "-3", false}, {"", "", "", true}});
  ASSERT_FALSE(bad);
  EXPECT_TRUE(names(bad.error(), "expense_2_category"));
  EXPECT_TRUE(names(bad.error(), "expense_2_description"));
  EXPECT_TRUE(names(bad.error(), "expense_2_amount"));
  // A receipt on a line with nothing else is a line to finish, not one to skip.
  EXPECT_TRUE(names(bad.error(), "expense_3_category"));
  EXPECT_FALSE(check_expenses(std::vector<ExpenseInput>(11, {"travel", "Bus", "1", false})));
}

TEST(InvolvementForms, AReceiptsTypeComesFromItsBytes) {
  EXPECT_EQ(sniff_receipt("\xFF\xD8\xFF\xE0rest"), "image/jpeg");
  EXPECT_EQ(sniff_receipt(std::string("\x89PNG\r\n\x1a\n....", 12)), "image/png");
  EXPECT_EQ(sniff_receipt("%PDF-1.7\n"), "application/pdf");
  EXPECT_FALSE(sniff_receipt("<!doctype html><script>alert(1)</script>"));
  EXPECT_FALSE(sniff_receipt(" %PDF-1.7"));
  EXPECT_FALSE(sniff_receipt(""));
  EXPECT_FALSE(sniff_receipt("GIF89a"));
}

TEST(InvolvementForms, BankDetailsAreNormalised) {
  auto b = check_bank_details(" J Whitlow ", "30 94 57", "1234567");
  ASSERT_TRUE(b);
  EXPECT_EQ(b->name, "J Whitlow");
  EXPECT_EQ(b->sort_code, "30-94-57");
  EXPECT_EQ(b->account, "01234567");
  auto bad = check_bank_details("", "30-94-5", "12a45678");
  ASSERT_FALSE(bad);
  for (auto f : {"account_name", "sort_code", "account_number"}) EXPECT_TRUE(names(bad.error(), f)) << f;
}

TEST(InvolvementForms, APaymentChoiceNeedsACharityOnlyForACharity) {
  EXPECT_TRUE(check_choice("decline", ""));
  EXPECT_FALSE(check_choice("decline", "")->has_value());
  EXPECT_FALSE(check_choice("charity", " "));
  EXPECT_EQ(**check_choice("charity", " Riverbend Food Bank "), "Riverbend Food Bank");
  EXPECT_FALSE(check_choice("cash", ""));
  EXPECT_EQ(parse_keep_days("90"), 90);
  EXPECT_FALSE(parse_keep_days("0"));
  EXPECT_FALSE(parse_keep_days("731"));
}

}  // namespace
}  // namespace hs::involvement
