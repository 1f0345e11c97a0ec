#include "modules/spaces/rules/slug.hpp"

#include <gtest/gtest.h>

namespace hs::spaces {
namespace {

TEST(SpacesSlug, MadeFromTheName) {
  EXPECT_EQ(slug_from_name("Riverside Carers' Circle"), "riverside-carers-circle");
  EXPECT_EQ(slug_from_name("  Recovery  &  Hope -- North  "), "recovery-hope-north");
  EXPECT_EQ(slug_from_name("Café Zoë Støtte"), "cafe-zoe-stotte");
  EXPECT_EQ(slug_from_name("Carers\xE2\x80\x99 voice"), "carers-voice");
  EXPECT_EQ(slug_from_name("Housing 2030"), "housing-2030");
}

TEST(SpacesSlug, NeverEmptyOrInvalid) {
  EXPECT_EQ(slug_from_name(""), "space");
  EXPECT_EQ(slug_from_name("!!!"), "space");
  EXPECT_EQ(slug_from_name("\xE5\xAE\xB6\xE6\x97\x8F"), "space");  // no Latin letters at all
  EXPECT_EQ(slug_from_name("a"), "space");                         // too short
  EXPECT_EQ(slug_from_name("New"), "space");                       // /spaces/new is a page
}

TEST(SpacesSlug, LongNamesAreCutWithoutATrailingHyphen) {
  std::string name;
  for (int i = 0; i < 20; ++i) name += "word ";
  auto s = slug_from_name(name);
  EXPECT_LE(s.size(), kSlugMax);
  EXPECT_TRUE(valid_slug(s)) << s;
  EXPECT_NE(s.back(), '-');
}

TEST(SpacesSlug, WhatAPersonMayType) {
  EXPECT_TRUE(valid_slug("ok"));
  EXPECT_TRUE(valid_slug("river-room-2"));
  EXPECT_FALSE(valid_slug("a"));
  EXPECT_FALSE(valid_slug("River"));
  EXPECT_FALSE(valid_slug("-river"));
  EXPECT_FALSE(valid_slug("river-"));
  EXPECT_FALSE(valid_slug("river--room"));
  EXPECT_FALSE(valid_slug("river room"));
  EXPECT_FALSE(valid_slug("river_room"));
  EXPECT_FALSE(valid_slug("r\xC3\xA9"));
  EXPECT_FALSE(valid_slug("new"));
  EXPECT_FALSE(valid_slug(std::string(kSlugMax + 1, 'a')));
  EXPECT_TRUE(valid_slug(std::string(kSlugMax, 'a')));
}

TEST(SpacesSlug, FirstFreeAddsANumber) {
  EXPECT_EQ(first_free_slug("river", {}), "river");
  EXPECT_EQ(first_free_slug("river", {"river"}), "river-2");
  EXPECT_EQ(first_free_slug("river", {"river", "river-2", "river-3"}), "river-4");
  EXPECT_EQ(first_free_slug("river", {"river-2"}), "river");
  std::string longest(kSlugMax, 'a');
  auto s = first_free_slug(longest, {longest});
  EXPECT_EQ(s.size(), kSlugMax);
  EXPECT_TRUE(s.ends_with("-2"));
  EXPECT_TRUE(valid_slug(s));
}

}  // namespace
}  // namespace hs::spaces
