// The action state machine: every allowed and refused move, and what a closing move needs.
#include "modules/actions/rules/action.hpp"

#include <gtest/gtest.h>

#include <string>
#include <utility>
#include <vector>

#include "modules/actions/rules/csv.hpp"
#include "modules/actions/rules/figures.hpp"
#include "modules/actions/rules/paging.hpp"

namespace hs::actions {
namespace {

constexpr Status kAll[] = {Status::raised, Status::looking_at, Status::planned, Status::made, Status::not_changing};

bool has_field(const Error& e, const std::string& field, const std::string& key) {
  for (const auto& f : e.fields)
    if (f.field == field && f.message_key == key) return true;
  return false;
}

MoveInput filled(Status to) {
  MoveInput in;
  in.to = std::string(to_string(to));
  in.account = "Call-backs now come within two working days.";
  in.reason = "The contract ends in March; the new one will say so.";
  return in;
}

TEST(ActionRules, TheAllowedMovesAreExactlyThese) {
  const std::vector<std::pair<Status, Status>> allowed = {
      {Status::raised, Status::looking_at},
      {Status::raised, Status::planned},
      {Status::raised, Status::made},
      {Status::raised, Status::not_changing},
      {Status::looking_at, Status::planned},
      {Status::looking_at, Status::made},
      {Status::looking_at, Status::not_changing},
      {Status::planned, Status::made},
      {Status::planned, Status::not_changing},
  };
  for (auto from : kAll)
    for (auto to : kAll) {
      bool expected = false;
      for (const auto& [f, t] : allowed) expected = expected || (f == from && t == to);
      EXPECT_EQ(may_move(from, to), expected) << to_string(from) << " -> " << to_string(to);
      auto r = check_move(from, filled(to));
      EXPECT_EQ(r.has_value(), expected) << to_string(from) << " -> " << to_string(to);
      if (expected) {
        EXPECT_EQ(r->from, from);
        EXPECT_EQ(r->to, to);
      }
    }
}

TEST(ActionRules, NoGoingBackAndClosedStaysClosed) {
  auto back = check_move(Status::planned, filled(Status::looking_at));
  ASSERT_FALSE(back);
  EXPECT_EQ(back.error().code, ErrorCode::conflict);
  EXPECT_EQ(back.error().message_key, "actions_move_refused");
  for (auto from : {Status::made, Status::not_changing})
    for (auto to : {Status::looking_at, Status::planned, Status::made, Status::not_changing}) {
      auto r = check_move(from, filled(to));
      ASSERT_FALSE(r);
      EXPECT_EQ(r.error().message_key, "actions_closed");
    }
  auto same = check_move(Status::looking_at, filled(Status::looking_at));
  ASSERT_FALSE(same);
  EXPECT_EQ(same.error().message_key, "actions_move_refused");
}

TEST(ActionRules, RaisedIsNotAMoveAndAStatusIsNeeded) {
  for (std::string to : {"", "raised", "closed", "MADE"}) {
    MoveInput in;
    in.to = to;
    auto r = check_move(Status::raised, in);
    ASSERT_FALSE(r) << to;
    EXPECT_TRUE(has_field(r.error(), "to", "actions_status_required")) << to;
  }
}

TEST(ActionRules, ChangeMadeNeedsWhatChanged) {
  for (auto from : {Status::raised, Status::looking_at, Status::planned}) {
    MoveInput in;
    in.to = "made";
    in.account = "   \n ";
    in.reason = "A reason is not an account.";
    auto r = check_move(from, in);
    ASSERT_FALSE(r);
    EXPECT_EQ(r.error().code, ErrorCode::invalid);
    EXPECT_TRUE(has_field(r.error(), "account", "actions_account_required"));
  }
  MoveInput ok;
  ok.to = "made";
  ok.account = "  New letters went out in May.  ";
  ok.link = "https://example.org/letters";
  auto r = check_move(Status::planned, ok);
  ASSERT_TRUE(r);
  EXPECT_EQ(r->text, "New letters went out in May.");
  EXPECT_EQ(r->link, "https://example.org/letters");
}

TEST(ActionRules, TheLinkIsOptionalButMustBeAWebAddress) {
  MoveInput in = filled(Status::made);
  for (std::string bad :
       {"javascript:alert(1)", "example.org", "https://", "https:///x", "http://a b", "ftp://x.org"}) {
    in.link = bad;
    auto r = check_move(Status::planned, in);
    ASSERT_FALSE(r) << bad;
    EXPECT_TRUE(has_field(r.error(), "link", "actions_link_invalid")) << bad;
  }
  in.link = std::string(600, 'a');
  EXPECT_FALSE(check_move(Status::planned, in));
  in.link = "";
  EXPECT_TRUE(check_move(Status::planned, in));
}

TEST(ActionRules, NotChangingNeedsAReason) {
  for (auto from : {Status::raised, Status::looking_at, Status::planned}) {
    MoveInput in;
    in.to = "not_changing";
    in.account = "An account is not a reason.";
    auto r = check_move(from, in);
    ASSERT_FALSE(r);
    EXPECT_TRUE(has_field(r.error(), "reason", "actions_reason_required"));
  }
  MoveInput in;
  in.to = "not_changing";
  in.reason = std::string(kTextMax + 1, 'x');
  auto r = check_move(Status::raised, in);
  ASSERT_FALSE(r);
  EXPECT_TRUE(has_field(r.error(), "reason", "actions_text_too_long"));
  in.reason = "Out of our hands:\nthe council decides.";
  r = check_move(Status::raised, in);
  ASSERT_TRUE(r);
  EXPECT_EQ(r->text, "Out of our hands:\nthe council decides.");
}

TEST(ActionRules, OtherMovesTakeAnOptionalNote) {
  MoveInput in;
  in.to = "looking_at";
  EXPECT_TRUE(check_move(Status::raised, in));
  in.note = "Sam in the housing team has it.";
  auto r = check_move(Status::raised, in);
  ASSERT_TRUE(r);
  EXPECT_EQ(r->text, "Sam in the housing team has it.");
  in.note = std::string("bad\x01", 4);
  r = check_move(Status::raised, in);
  ASSERT_FALSE(r);
  EXPECT_TRUE(has_field(r.error(), "note", "actions_text_invalid"));
}

TEST(ActionRules, RaisingNeedsATitleASourceAndAnOwner) {
  RaiseInput in;
  auto r = check_raise(in, "2027-03-01");
  ASSERT_FALSE(r);
  EXPECT_TRUE(has_field(r.error(), "title", "actions_title_required"));
  EXPECT_TRUE(has_field(r.error(), "story", "actions_source_required"));
  EXPECT_TRUE(has_field(r.error(), "organisation", "actions_organisation_required"));
  in = {"Ring people back", "", "", 3, 7};
  r = check_raise(in, "2027-03-01");
  ASSERT_TRUE(r);
  EXPECT_FALSE(r->due_on);
  // From a decision instead of a story; never both.
  EXPECT_TRUE(check_raise(RaiseInput{"Ring people back", "", "", 3, 0, 5}, "2027-03-01"));
  EXPECT_TRUE(has_field(check_raise(RaiseInput{"Ring people back", "", "", 3, 7, 5}, "2027-03-01").error(), "story",
                        "actions_source_one"));
  // From a theme of an event report: one source only, whichever two are given.
  RaiseInput theme{"Open in the evenings", "", "", 3};
  theme.theme_id = 4;
  EXPECT_TRUE(check_raise(theme, "2027-03-01"));
  theme.story_id = 7;
  EXPECT_TRUE(has_field(check_raise(theme, "2027-03-01").error(), "story", "actions_source_one"));
  theme.story_id = 0;
  theme.decision_id = 5;
  EXPECT_TRUE(has_field(check_raise(theme, "2027-03-01").error(), "story", "actions_source_one"));
  in.due_on = "2027-02-28";
  r = check_raise(in, "2027-03-01");
  ASSERT_FALSE(r);
  EXPECT_TRUE(has_field(r.error(), "due_on", "actions_due_past"));
  in.due_on = "2027-02-30";
  EXPECT_TRUE(has_field(check_raise(in, "2027-03-01").error(), "due_on", "actions_due_invalid"));
  in.due_on = "2027-03-01";
  r = check_raise(in, "2027-03-01");
  ASSERT_TRUE(r);
  EXPECT_EQ(*r->due_on, "2027-03-01");
  in.title = std::string(kTitleMax + 1, 'x');
  EXPECT_TRUE(has_field(check_raise(in, "2027-03-01").error(), "title", "actions_title_too_long"));
}

TEST(ActionRules, RemindersComeBeforeTheDueDateAndAfterThirtyQuietDays) {
  const std::optional<std::string> due = "2027-03-10";
  EXPECT_FALSE(due_soon(Status::planned, due, "2027-03-02"));
  EXPECT_TRUE(due_soon(Status::planned, due, "2027-03-03"));
  EXPECT_TRUE(due_soon(Status::raised, due, "2027-03-12"));  // overdue: still reminded (once)
  EXPECT_FALSE(due_soon(Status::made, due, "2027-03-09"));
  EXPECT_FALSE(due_soon(Status::planned, std::nullopt, "2027-03-09"));
  const std::int64_t t = 1'800'000'000;
  EXPECT_FALSE(stale(Status::looking_at, t, t + 30 * 86400 - 1));
  EXPECT_TRUE(stale(Status::looking_at, t, t + 30 * 86400));
  EXPECT_FALSE(stale(Status::not_changing, t, t + 90 * 86400));
}

TEST(ActionFigures, InTheCareOpinionWay) {
  EXPECT_FALSE(figures({}).answered_percent);
  const std::int64_t d = 86400;
  auto f = figures({{0, 2 * d, true}, {0, 5 * d + 3600, false}, {0, std::nullopt, false}, {0, 10 * d, true}});
  EXPECT_EQ(f.concerns, 4);
  EXPECT_EQ(f.answered, 3);
  EXPECT_EQ(*f.answered_percent, 75);
  EXPECT_EQ(f.changed, 2);
  EXPECT_EQ(*f.changed_percent, 67);
  EXPECT_EQ(*f.median_days, 5);
  f = figures({{0, 1 * d, false}, {0, 4 * d, false}});
  EXPECT_EQ(*f.median_days, 3);  // 2.5 rounds up
  EXPECT_EQ(*f.changed_percent, 0);
}

TEST(ActionFigures, FromTotalsCountedInSql) {
  auto f = figures_of(4, 3, 2, 5);
  EXPECT_EQ(*f.answered_percent, 75);
  EXPECT_EQ(*f.changed_percent, 67);
  EXPECT_EQ(*f.median_days, 5);
  // The same as counting concern by concern.
  const std::int64_t d = 86400;
  auto g = figures({{0, 2 * d, true}, {0, 5 * d + 3600, false}, {0, std::nullopt, false}, {0, 10 * d, true}});
  EXPECT_EQ(g.answered_percent, f.answered_percent);
  EXPECT_EQ(g.changed_percent, f.changed_percent);
  EXPECT_EQ(g.median_days, f.median_days);
  // Nothing to divide by: no percentages, and no median without an answer.
  f = figures_of(0, 0, 0, std::nullopt);
  EXPECT_FALSE(f.answered_percent);
  EXPECT_FALSE(f.changed_percent);
  f = figures_of(3, 0, 0, 4);
  EXPECT_EQ(*f.answered_percent, 0);
  EXPECT_FALSE(f.changed_percent);
  EXPECT_FALSE(f.median_days);
  // Counts that cannot be (more changed than answered) are held to what can.
  f = figures_of(2, 1, 5, 1);
  EXPECT_EQ(f.changed, 1);
  EXPECT_EQ(*f.changed_percent, 100);
}

TEST(ActionPaging, WhateverThePageNumberSaysSomethingIsShown) {
  EXPECT_EQ(parse_page("3"), 3);
  EXPECT_EQ(parse_page("007"), 7);
  for (const char* bad : {"", "abc", "0", "-1", "1e3", "2.5", " 2", "1234567890", "99999999999999999999"})
    EXPECT_FALSE(parse_page(bad)) << bad;
  auto p = paging(120, 1);
  EXPECT_EQ(p.pages, 3);
  EXPECT_EQ(p.offset, 0);
  EXPECT_EQ(p.limit, 50);
  p = paging(120, 3);
  EXPECT_EQ(p.page, 3);
  EXPECT_EQ(p.offset, 100);
  p = paging(120, 9);  // past the end: the last page
  EXPECT_EQ(p.page, 3);
  p = paging(120, std::nullopt);
  EXPECT_EQ(p.page, 1);
  p = paging(0, 4);  // nothing yet: one empty page
  EXPECT_EQ(p.pages, 1);
  EXPECT_EQ(p.page, 1);
  EXPECT_EQ(p.offset, 0);
  EXPECT_EQ(paging(100, 2).pages, 2);
  EXPECT_EQ(paging(101, 3).pages, 3);
}

TEST(ActionPaging, TheGovUkPatternsNumberedLinks) {
  EXPECT_TRUE(page_links(1, 1).empty());
  EXPECT_EQ(page_links(1, 3), (std::vector<int>{1, 2, 3}));
  EXPECT_EQ(page_links(3, 3), (std::vector<int>{1, 2, 3}));
  EXPECT_EQ(page_links(5, 10), (std::vector<int>{1, 0, 4, 5, 6, 0, 10}));
  EXPECT_EQ(page_links(1, 10), (std::vector<int>{1, 2, 0, 10}));
  EXPECT_EQ(page_links(10, 10), (std::vector<int>{1, 0, 9, 10}));
  EXPECT_EQ(page_links(3, 10), (std::vector<int>{1, 2, 3, 4, 0, 10}));
}

TEST(ActionCsv, QuotesAndDisarmsFormulas) {
  EXPECT_EQ(csv_line({"a", "say \"hi\"", "=SUM(A1)", ""}), "\"a\",\"say \"\"hi\"\"\",\"'=SUM(A1)\",\"\"\r\n");
}

}  // namespace
}  // namespace hs::actions

namespace hs::actions {
namespace {

// "Anything else to say" is kept with a final move too, after the account or the reason,
// instead of being accepted and dropped.
TEST(ActionRules, ANoteOnAFinalMoveIsKept) {
  MoveInput made;
  made.to = "made";
  made.account = "Cancellations now need a manager's say-so.";
  made.note = "  Thank you for telling us.  ";
  auto m = check_move(Status::planned, made);
  ASSERT_TRUE(m);
  EXPECT_EQ(m->text, "Cancellations now need a manager's say-so.\n\nThank you for telling us.");
  MoveInput no;
  no.to = "not_changing";
  no.reason = "The contract ends in March.";
  auto n = check_move(Status::raised, no);
  ASSERT_TRUE(n);
  EXPECT_EQ(n->text, "The contract ends in March.");  // no note: nothing added
  no.note = std::string(kTextMax + 1, 'x');
  auto long_note = check_move(Status::raised, no);
  ASSERT_FALSE(long_note);
  EXPECT_EQ(long_note.error().fields.at(0).field, "note");
}

}  // namespace
}  // namespace hs::actions
