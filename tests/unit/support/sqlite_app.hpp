#pragma once
// A real SQLite store in a fresh folder, migrated, with the renderer, a clock the test
// moves, a mailer that keeps what it was given and the rate limiter: the set-up the unit
// tests of use cases share (accounts, audit).
#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <memory>
#include <string>
#include <vector>

#include "core/clock.hpp"
#include "core/crypto.hpp"
#include "mail/mailer.hpp"
#include "modules/audit/module.hpp"
#include "services/rate_limit.hpp"
#include "store/db.hpp"
#include "web/app.hpp"
#include "web/render.hpp"

namespace hs::test_support {

class CaptureMailer final : public mail::Mailer {
 public:
  void send(const mail::Email& e) override { sent.push_back(e); }
  std::vector<mail::Email> sent;
};

class SqliteApp : public ::testing::Test {
 protected:
  void SetUp() override {
    crypto::init();
    static int n = 0;
    dir_ =
        std::filesystem::temp_directory_path() / ("hs-unit-" + std::to_string(::getpid()) + "-" + std::to_string(n++));
    std::filesystem::remove_all(dir_);
    std::filesystem::create_directories(dir_);
    store_ = store::Store::open("sqlite:" + (dir_ / "t.db").string(), 2);
    store_->migrate();
    app_.store = store_.get();
    app_.renderer = &renderer_;
    app_.words = &renderer_;
    app_.audit = &audit::log();
    app_.mailer = &mailer_;
    app_.clock = &clock_;
    app_.limiter = &limiter_;
    app_.master_key = crypto::derive(crypto::Key{}, 7, "testkey-");
  }
  void TearDown() override {
    store_.reset();
    std::filesystem::remove_all(dir_);
  }

  std::filesystem::path dir_;
  std::unique_ptr<store::Store> store_;
  web::Renderer renderer_{"en"};
  CaptureMailer mailer_;
  FixedClock clock_{1'800'000'000};
  services::RateLimiter limiter_;
  web::App app_;
};

}  // namespace hs::test_support
