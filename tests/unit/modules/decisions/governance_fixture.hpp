#pragma once
// A real store (SQLite always; PostgreSQL too when HS_TEST_PG_URL names a server), the
// renderer, a fixed clock and a mailer that keeps what it was given, with the decisions
// and terms modules registered: for the governance tests that need the database.
#include <gtest/gtest.h>
#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <mutex>
#include <string>
#include <vector>

#include "core/crypto.hpp"
#include "mail/mailer.hpp"
#include "modules/accounts/module.hpp"
#include "modules/audit/module.hpp"
#include "modules/decisions/module.hpp"
#include "modules/spaces/repo.hpp"
#include "modules/terms/module.hpp"
#include "store/db.hpp"
#include "web/app.hpp"
#include "web/render.hpp"

namespace hs::testing {

class KeepingMailer : public mail::Mailer {
 public:
  void send(const mail::Email& e) override {
    std::lock_guard g(m_);
    sent_.push_back(e);
  }
  std::vector<mail::Email> sent() {
    std::lock_guard g(m_);
    return sent_;
  }
  std::vector<mail::Email> to(const std::string& address) {
    std::vector<mail::Email> out;
    for (auto& e : sent())
      if (e.to == address) out.push_back(e);
    return out;
  }

 private:
  std::mutex m_;
  std::vector<mail::Email> sent_;
};

inline std::string fresh_store_url(const std::string& engine) {
  static int n = 0;
  if (engine == "sqlite") {
    auto dir =
        std::filesystem::temp_directory_path() / ("hs-gov-" + std::to_string(::getpid()) + "-" + std::to_string(n++));
    std::filesystem::remove_all(dir);
    std::filesystem::create_directories(dir);
    return "sqlite:" + (dir / "t.db").string();
  }
  std::string admin = std::getenv("HS_TEST_PG_URL");
  std::string name = "hs_gov_" + std::to_string(::getpid()) + "_" + std::to_string(n++);
  auto s = store::Store::open(admin, 1);
  s->with([&](store::Conn& c) {
    c.q("CREATE DATABASE " + name);
    return 0;
  });
  return admin.substr(0, admin.rfind('/') + 1) + name;
}

class GovernanceTest : public ::testing::TestWithParam<std::string> {
 protected:
  void SetUp() override {
    if (GetParam() == "postgres" && !std::getenv("HS_TEST_PG_URL")) GTEST_SKIP() << "HS_TEST_PG_URL is not set";
    crypto::init();
    url_ = fresh_store_url(GetParam());
    store_ = store::Store::open(url_, 4);
    store_->migrate();
    app_.store = store_.get();
    app_.renderer = &renderer_;
    app_.words = &renderer_;
    app_.audit = &audit::log();
    app_.clock = &clock_;
    app_.mailer = &mailer_;
    app_.master_key = crypto::derive(crypto::Key{}, 7, "govtest-");
    app_.base_url = "https://forum.example.org";
    decisions::register_module(app_);
    terms::register_module(app_);
  }
  void TearDown() override {
    store_.reset();
    if (url_.starts_with("sqlite:")) std::filesystem::remove_all(std::filesystem::path(url_.substr(7)).parent_path());
  }

  bool postgres() const { return GetParam() == "postgres"; }

  // A person with a verified email (the accounts module's own way of making one).
  std::int64_t person(const std::string& name, const std::string& email) {
    auto id = accounts::add_user(app_, email, name, "a long enough passphrase");
    EXPECT_TRUE(id.has_value());
    return id.value_or(0);
  }
  // A space created by `creator`, who becomes its steward.
  std::int64_t space(const std::string& slug, std::int64_t creator) {
    auto id = store_->with([&](store::Conn& c) {
      return spaces::repo::insert_space(c, slug, "Lantern Lane Carers " + slug, "forum", "Purpose", "listed", "Be kind",
                                        creator, clock_.now());
    });
    join(id, creator, "steward");
    return id;
  }
  void join(std::int64_t space_id, std::int64_t user_id, const std::string& role) {
    store_->with([&](store::Conn& c) {
      spaces::repo::add_member(c, space_id, user_id, role, std::nullopt, clock_.now());
      return 0;
    });
  }

  std::string url_;
  std::unique_ptr<store::Store> store_;
  web::Renderer renderer_{"en"};
  FixedClock clock_{1'900'000'000};
  KeepingMailer mailer_;
  web::App app_;
};

inline std::string engine_name(const ::testing::TestParamInfo<std::string>& info) { return info.param; }

}  // namespace hs::testing
