#include "modules/events/rules/agenda.hpp"

#include <gtest/gtest.h>

#include "modules/events/permissions.hpp"
#include "modules/events/rules/fields.hpp"
#include "modules/wordcloud/module.hpp"
#include "text/language.hpp"

namespace hs::events {

TEST(Agenda, MovesOnePlaceUpOrDown) {
  const std::vector<std::int64_t> order{7, 3, 9};
  EXPECT_EQ(moved(order, 3, Move::up), (std::vector<std::int64_t>{3, 7, 9}));
  EXPECT_EQ(moved(order, 3, Move::down), (std::vector<std::int64_t>{7, 9, 3}));
  EXPECT_FALSE(moved(order, 7, Move::up));    // already first
  EXPECT_FALSE(moved(order, 9, Move::down));  // already last
  EXPECT_FALSE(moved(order, 4, Move::up));    // not in this agenda
  EXPECT_FALSE(moved({}, 1, Move::down));
}

TEST(Agenda, NextFollowsAgendaOrderAndStopsAtTheEnd) {
  const std::vector<std::int64_t> order{7, 3, 9};
  EXPECT_EQ(next_item(order, std::nullopt), 7);  // nothing on: the first part
  EXPECT_EQ(next_item(order, 7), 3);             // by order, not by id
  EXPECT_EQ(next_item(order, 3), 9);
  EXPECT_FALSE(next_item(order, 9));
  EXPECT_EQ(next_item(order, 42), 7);  // what was on is gone: start again
  EXPECT_FALSE(next_item({}, std::nullopt));
}

TEST(Agenda, NextClosesOnlyAnOpenActivity) {
  EXPECT_TRUE(closes_on_next("cloud", "open"));
  EXPECT_TRUE(closes_on_next("poll", "open"));
  EXPECT_TRUE(closes_on_next("qa", "open"));
  EXPECT_FALSE(closes_on_next("poll", "waiting"));
  EXPECT_FALSE(closes_on_next("qa", "closed"));
  EXPECT_FALSE(closes_on_next("talk", "open"));
}

TEST(Agenda, BackGoesOnePartBackAndStopsAtTheStart) {
  const std::vector<std::int64_t> order{7, 3, 9};
  EXPECT_EQ(previous_item(order, 9), 3);
  EXPECT_EQ(previous_item(order, 3), 7);  // by order, not by id
  EXPECT_FALSE(previous_item(order, 7));
  EXPECT_FALSE(previous_item(order, std::nullopt));
  EXPECT_FALSE(previous_item(order, 42));  // what was on is gone
}

TEST(Agenda, ArrivingOpensOnlyAnActivityNobodyHasOpened) {
  EXPECT_TRUE(opens_on_arrival("poll", "waiting"));
  EXPECT_TRUE(opens_on_arrival("qa", "waiting"));
  EXPECT_TRUE(opens_on_arrival("cloud", "waiting"));
  EXPECT_FALSE(opens_on_arrival("poll", "closed"));  // its answers stay final
  EXPECT_FALSE(opens_on_arrival("qa", "open"));
  EXPECT_FALSE(opens_on_arrival("talk", "waiting"));
}

TEST(EventLanguage, DefaultsToEnglishAndTakesOnlyKnownLanguages) {
  const auto& langs = hs::text::languages();
  auto f = check_event({"Day", "", "2030-05-01T10:00", "2030-05-01T16:00", ""}, langs);
  ASSERT_TRUE(f);
  EXPECT_EQ(f->language, "en");
  auto de = check_event({"Day", "", "2030-05-01T10:00", "2030-05-01T16:00", "de"}, langs);
  ASSERT_TRUE(de);
  EXPECT_EQ(de->language, "de");
  auto bad = check_event({"Day", "", "2030-05-01T10:00", "2030-05-01T16:00", "../en"}, langs);
  ASSERT_FALSE(bad);
  ASSERT_EQ(bad.error().fields.size(), 1u);
  EXPECT_EQ(bad.error().fields[0].field, "language");
  EXPECT_EQ(bad.error().fields[0].message_key, "events_language_unknown");
  EXPECT_FALSE(check_event({"Day", "", "2030-05-01T10:00", "2030-05-01T16:00", "xx"}, langs));
}

TEST(EventLanguage, EveryListedLanguageHasAStemmer) {
  const auto& langs = hs::text::languages();
  EXPECT_GE(langs.size(), 25u);  // Debian 12's libstemmer has 28 besides Porter
  EXPECT_EQ(langs.front(), "ar");
  for (const char* code : {"en", "fr", "de", "es", "nl", "sv", "ru", "tr"})
    EXPECT_TRUE(hs::text::known_language(code)) << code;
  EXPECT_FALSE(hs::text::known_language("porter"));
  EXPECT_FALSE(hs::text::known_language("english"));  // stored as ISO 639-1 codes only
  for (const auto& code : langs) EXPECT_TRUE(wordcloud::make_tally(code)) << code;
}

TEST(EventLanguage, EmailDatesReadPlainly) {
  EXPECT_EQ(format_email_datetime(*parse_local_datetime("2030-05-01T10:00")), "2030-05-01 10:00");
}

TEST(Permissions, RegistrationAndAgendaByRole) {
  using S = Standing;
  struct Row {
    S s;
    bool reg, see_regs, needs, edit_ev, edit_ag;
  };
  const Row table[] = {
      {S::nobody, false, false, false, false, false},
      // Joined with the code, no account: nothing to register with.
      {S::participant, false, false, false, false, false},
      {S::member, true, false, false, false, false},
      {S::auditor, true, false, false, false, false},
      {S::facilitator, true, true, true, true, true},
      {S::steward, true, true, true, true, true},
  };
  for (const auto& r : table) {
    EXPECT_EQ(register_for_event(r.s), r.reg) << static_cast<int>(r.s);
    EXPECT_EQ(see_registrations(r.s), r.see_regs) << static_cast<int>(r.s);
    EXPECT_EQ(see_access_needs(r.s), r.needs) << static_cast<int>(r.s);
    EXPECT_EQ(edit_event(r.s), r.edit_ev) << static_cast<int>(r.s);
    EXPECT_EQ(edit_agenda(r.s), r.edit_ag) << static_cast<int>(r.s);
  }
}

}  // namespace hs::events
