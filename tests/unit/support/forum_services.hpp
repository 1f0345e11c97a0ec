#pragma once
// PlainServices with a listed forum in it, made by its steward through the spaces
// commands, and the people a story or an action needs: the author (a member), a
// facilitator, and a partner's account (not yet given the role). For the use-case tests
// of the modules built on spaces (stories, actions).
#include <gtest/gtest.h>

#include <cstdint>
#include <string>

#include "modules/accounts/module.hpp"
#include "modules/spaces/module.hpp"
#include "plain_services.hpp"
#include "store/db.hpp"

namespace hs::test_support {

class ForumServices : public PlainServices {
 protected:
  void SetUp() override {
    PlainServices::SetUp();
    steward_ = person("rowan@example.org", "Rowan Hale");
    auto slug = spaces::commands::create_space(s_, {steward_, "Rowan Hale", s_.base_url},
                                               {"Harbour Voices", "", "forum", "Purpose.", "listed", "Be kind."});
    ASSERT_TRUE(slug);
    slug_ = *slug;
    space_ = *store_->with([&](store::Conn& c) { return spaces::space_id_by_slug(c, slug_); });
    author_ = member("jo@example.org", "Jo Whitlow", "member");
    facilitator_ = member("priya@example.org", "Priya Castell", "facilitator");
    partner_ = person("morgan@example.org", "Morgan Ellery");
  }

  std::int64_t person(const std::string& email, const std::string& name) {
    auto id = accounts::add_user(s_, email, name, "a long enough passphrase");
    EXPECT_TRUE(id);
    return id ? *id : 0;
  }
  std::int64_t member(const std::string& email, const std::string& name, const std::string& role) {
    auto id = person(email, name);
    EXPECT_TRUE(spaces::set_role(s_, id, slug_, role));
    return id;
  }
  // The person as the space's permissions see them (0: signed out).
  spaces::Subject subject(std::int64_t user_id) {
    spaces::Subject s;
    s.signed_in = user_id > 0;
    s.visibility = spaces::Visibility::listed;
    if (user_id > 0) s.role = store_->with([&](store::Conn& c) { return spaces::role_in(c, space_, user_id); });
    return s;
  }

  std::string slug_;
  std::int64_t space_ = 0, steward_ = 0, author_ = 0, facilitator_ = 0, partner_ = 0;
};

}  // namespace hs::test_support
