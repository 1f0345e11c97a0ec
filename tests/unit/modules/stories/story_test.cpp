// What a story must hold (consent above all), how it moves between states, and what a
// suggestion, a response and an organisation must hold.
#include "modules/stories/rules/story.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <string>

namespace hs::stories {
namespace {

StoryInput good() {
  StoryInput in;
  in.title = "  Waiting for a housing decision  ";
  in.body = "I waited eleven weeks.\n\nNobody called me back.";
  in.topics = "housing, waiting, housing , ";
  in.audience = "partners";
  in.shown_as = "pseudonym";
  in.pseudonym = " Wren ";
  in.consent = true;
  return in;
}

bool has_field(const Error& e, const std::string& field, const std::string& key) {
  return std::any_of(e.fields.begin(), e.fields.end(),
                     [&](const FieldError& f) { return f.field == field && f.message_key == key; });
}

TEST(StoriesRules, AGoodStoryIsTidiedAtTheEndsOnly) {
  auto f = validate_story(good());
  ASSERT_TRUE(f) << f.error().message_key;
  EXPECT_EQ(f->title, "Waiting for a housing decision");
  EXPECT_EQ(f->body, "I waited eleven weeks.\n\nNobody called me back.");
  EXPECT_EQ(f->topics, (std::vector<std::string>{"housing", "waiting"}));
  EXPECT_EQ(f->audience, Audience::partners);
  EXPECT_EQ(f->shown_as, ShownAs::pseudonym);
  EXPECT_EQ(f->pseudonym, "Wren");
}

TEST(StoriesRules, NoStoryWithoutConsent) {
  auto in = good();
  in.consent = false;
  auto f = validate_story(in);
  ASSERT_FALSE(f);
  EXPECT_TRUE(has_field(f.error(), "consent", "stories_consent_required"));
}

TEST(StoriesRules, ChoicesMustBeMade) {
  auto in = good();
  in.audience = "everyone";
  in.shown_as = "";
  auto f = validate_story(in);
  ASSERT_FALSE(f);
  EXPECT_TRUE(has_field(f.error(), "audience", "stories_audience_required"));
  EXPECT_TRUE(has_field(f.error(), "shown_as", "stories_shown_as_required"));
}

TEST(StoriesRules, APseudonymNeedsAName_OtherChoicesKeepNone) {
  auto in = good();
  in.pseudonym = "   ";
  auto f = validate_story(in);
  ASSERT_FALSE(f);
  EXPECT_TRUE(has_field(f.error(), "pseudonym", "stories_pseudonym_required"));
  in.shown_as = "anonymous";
  in.pseudonym = "Wren";
  auto g = validate_story(in);
  ASSERT_TRUE(g);
  EXPECT_EQ(g->pseudonym, "");  // never stored with an anonymous story
}

TEST(StoriesRules, TextLimits) {
  auto in = good();
  in.title = "";
  in.body = std::string(kBodyMax + 1, 'a');
  in.content_note = std::string(kNoteMax + 1, 'a');
  in.topics = std::string(kTopicMax + 1, 't');
  auto f = validate_story(in);
  ASSERT_FALSE(f);
  EXPECT_TRUE(has_field(f.error(), "title", "stories_title_required"));
  EXPECT_TRUE(has_field(f.error(), "body", "stories_body_too_long"));
  EXPECT_TRUE(has_field(f.error(), "content_note", "stories_note_too_long"));
  EXPECT_TRUE(has_field(f.error(), "topics", "stories_topics_invalid"));
  in = good();
  in.title = std::string("bad\x01", 4);
  EXPECT_TRUE(has_field(validate_story(in).error(), "title", "stories_text_invalid"));
}

TEST(StoriesRules, OnlyChangedWordsMakeAVersion) {
  auto f = *validate_story(good());
  EXPECT_FALSE(words_changed(f, f.title, f.body, ""));
  EXPECT_TRUE(words_changed(f, f.title, f.body + " ", ""));
  EXPECT_TRUE(words_changed(f, f.title, f.body, "debt"));
}

TEST(StoriesRules, WithdrawalIsAlwaysPossibleAndFinal) {
  EXPECT_TRUE(check_may_withdraw(Status::published));
  EXPECT_TRUE(check_may_withdraw(Status::held));  // even while a facilitator holds it back
  auto again = check_may_withdraw(Status::withdrawn);
  ASSERT_FALSE(again);
  EXPECT_EQ(again.error().message_key, "stories_withdrawn");
  EXPECT_FALSE(check_may_edit(Status::withdrawn));
  EXPECT_FALSE(check_may_hold(Status::withdrawn));
  EXPECT_FALSE(check_may_release(Status::withdrawn));
  EXPECT_FALSE(check_may_suggest(Status::withdrawn, false));
  EXPECT_FALSE(check_may_decide(SuggestionStatus::open, Status::withdrawn, 1, 1));
}

TEST(StoriesRules, HoldAndRelease) {
  EXPECT_TRUE(check_may_hold(Status::published));
  EXPECT_EQ(check_may_hold(Status::held).error().message_key, "stories_already_held");
  EXPECT_TRUE(check_may_release(Status::held));
  EXPECT_EQ(check_may_release(Status::published).error().message_key, "stories_not_held");
  EXPECT_TRUE(check_may_edit(Status::held));  // the author can fix what held it back
  EXPECT_EQ(validate_reason("  ").error().fields.at(0).message_key, "stories_reason_required");
  EXPECT_EQ(*validate_reason(" Names a member of staff. "), "Names a member of staff.");
}

TEST(StoriesRules, SuggestionsAreDecidedOnceOnTheWordsTheyWereMadeOn) {
  EXPECT_TRUE(check_may_suggest(Status::published, false));
  EXPECT_EQ(check_may_suggest(Status::held, true).error().message_key, "stories_suggestion_open");
  EXPECT_TRUE(check_may_decide(SuggestionStatus::open, Status::held, 2, 2));
  EXPECT_EQ(check_may_decide(SuggestionStatus::open, Status::published, 2, 3).error().message_key,
            "stories_suggestion_stale");
  EXPECT_EQ(check_may_decide(SuggestionStatus::accepted, Status::published, 2, 2).error().message_key,
            "stories_suggestion_decided");
  EXPECT_EQ(check_may_decide(SuggestionStatus::rejected, Status::published, 2, 2).error().message_key,
            "stories_suggestion_decided");
}

TEST(StoriesRules, ResponsesAndOrganisations) {
  EXPECT_EQ(validate_response(" \n ").error().fields.at(0).message_key, "stories_response_required");
  EXPECT_EQ(validate_response(std::string(kResponseMax + 1, 'a')).error().fields.at(0).message_key,
            "stories_response_too_long");
  EXPECT_EQ(*validate_response(" Thank you.\n"), "Thank you.");
  EXPECT_EQ(*validate_organisation(" Eastfield Council housing team "), "Eastfield Council housing team");
  EXPECT_EQ(validate_organisation("").error().fields.at(0).message_key, "stories_organisation_required");
}

TEST(StoriesRules, ASpacesConsentText) {
  EXPECT_EQ(validate_consent_text("").error().fields.at(0).message_key, "stories_consent_text_required");
  EXPECT_EQ(validate_consent_text(std::string(kConsentMax + 1, 'a')).error().fields.at(0).message_key,
            "stories_consent_text_too_long");
  EXPECT_EQ(*validate_consent_text("\nYou can withdraw at any time.\n"), "You can withdraw at any time.");
}

TEST(StoriesRules, NamesRoundTrip) {
  for (auto a : {Audience::members, Audience::partners, Audience::anyone}) EXPECT_EQ(parse_audience(to_string(a)), a);
  for (auto s : {ShownAs::name, ShownAs::pseudonym, ShownAs::anonymous}) EXPECT_EQ(parse_shown_as(to_string(s)), s);
  for (auto s : {Status::published, Status::held, Status::withdrawn}) EXPECT_EQ(parse_status(to_string(s)), s);
  EXPECT_FALSE(parse_audience("everyone"));
}

}  // namespace
}  // namespace hs::stories
