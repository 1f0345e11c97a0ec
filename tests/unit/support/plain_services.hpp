#pragma once
// A services::Services wired by hand with nothing from src/web: a real SQLite store in a
// fresh folder, a clock the test moves, a mailer that keeps what it was given, words that
// echo what was asked for, and the decision log. What a command's unit test needs
// (docs/architecture.md: the domain stands below the web).
#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <memory>
#include <string>
#include <vector>

#include "core/clock.hpp"
#include "core/crypto.hpp"
#include "core/view.hpp"
#include "mail/mailer.hpp"
#include "modules/audit/module.hpp"
#include "services/services.hpp"
#include "store/db.hpp"

namespace hs::test_support {

// Words without templates: the key, then each argument as " name=value"; a text
// template's name, then each string field of its view on a line as "name: value".
class EchoWords final : public services::Words {
 public:
  const std::string& t(const std::string& key) const override { return key; }
  std::string format(const std::string& key,
                     const std::vector<std::pair<std::string, std::string>>& args) const override {
    std::string out = key;
    for (const auto& [k, v] : args) out += " " + k + "=" + v;
    return out;
  }
  std::string render_text(std::string_view name, const View& view) const override {
    std::string out(name);
    if (view.is_object())
      for (const auto& [k, v] : view.fields())
        if (v.is_string()) out += "\n" + k + ": " + v.str();
    return out;
  }
};

class KeepMail final : public mail::Mailer {
 public:
  void send(const mail::Email& e) override { sent.push_back(e); }
  std::vector<mail::Email> sent;
};

class PlainServices : public ::testing::Test {
 protected:
  void SetUp() override {
    crypto::init();
    static int n = 0;
    dir_ =
        std::filesystem::temp_directory_path() / ("hs-plain-" + std::to_string(::getpid()) + "-" + std::to_string(n++));
    std::filesystem::remove_all(dir_);
    std::filesystem::create_directories(dir_);
    store_ = store::Store::open("sqlite:" + (dir_ / "t.db").string(), 2);
    store_->migrate();
    s_.store = store_.get();
    s_.clock = &clock_;
    s_.mailer = &mail_;
    s_.words = &words_;
    s_.audit = &audit::log();
    s_.master_key = crypto::derive(crypto::Key{}, 9, "plainsv-");
    s_.base_url = "https://forum.example.org";
  }
  void TearDown() override {
    store_.reset();
    std::filesystem::remove_all(dir_);
  }

  std::filesystem::path dir_;
  std::unique_ptr<store::Store> store_;
  FixedClock clock_{1'800'000'000};
  KeepMail mail_;
  EchoWords words_;
  services::Services s_;
};

}  // namespace hs::test_support
