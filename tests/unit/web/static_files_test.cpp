#include "web/static_files.hpp"

#include <gtest/gtest.h>
#include <unistd.h>

#include <chrono>
#include <filesystem>
#include <fstream>
#include <thread>

namespace hs::web {
namespace {

namespace fs = std::filesystem;

class StaticFilesTest : public ::testing::Test {
 protected:
  void SetUp() override {
    root_ = fs::temp_directory_path() / ("hs-static-" + std::to_string(::getpid()) + "-" +
                                         ::testing::UnitTest::GetInstance()->current_test_info()->name());
    fs::remove_all(root_);
    fs::create_directories(root_ / "build" / "fonts");
    fs::create_directories(root_ / "js");
    write("build/app.css", "body{}");
    write("build/fonts/a.woff2", "font");
    write("js/live.js", "live()");
    write("favicon.svg", "<svg/>");
    write("build-assets.mjs", "script");  // a build script: never served
    write("page.html", "<script>");       // would run same-origin: never served
    write("app.scss", "$x: 1;");
    write(".hidden.css", "hidden");
    outside_ = root_.parent_path() / ("hs-outside-" + std::to_string(::getpid()) + ".css");
    std::ofstream(outside_) << "secret";
    fs::create_symlink(outside_, root_ / "build" / "linked.css");
  }
  void TearDown() override {
    fs::remove_all(root_);
    fs::remove(outside_);
  }
  void write(const std::string& rel, const std::string& text) { std::ofstream(root_ / rel) << text; }

  fs::path root_, outside_;
};

TEST_F(StaticFilesTest, ServesTheKnownFilesWithTheirTypes) {
  StaticFiles files(root_.string());
  EXPECT_EQ(files.size(), 4u);
  auto css = files.get("build/app.css");
  ASSERT_TRUE(css);
  EXPECT_EQ(css->body, "body{}");
  EXPECT_EQ(css->header("Content-Type"), "text/css; charset=utf-8");
  ASSERT_TRUE(files.get("build/fonts/a.woff2"));
  EXPECT_EQ(files.get("build/fonts/a.woff2")->header("Content-Type"), "font/woff2");
  ASSERT_TRUE(files.get("js/live.js"));
  ASSERT_TRUE(files.get("favicon.svg"));
}

TEST_F(StaticFilesTest, EverySpellingOutsideTheSetIsNotFound) {
  StaticFiles files(root_.string());
  const auto self = fs::path(::testing::TempDir()).string();
  for (std::string p : {"",
                        "/",
                        "/etc/passwd",
                        "//etc/passwd",
                        "etc/passwd",
                        "../etc/passwd",
                        "build/../build/app.css",
                        "./build/app.css",
                        "build//app.css",
                        "build/./app.css",
                        "/build/app.css",
                        "build\\app.css",
                        "build%2Fapp.css",
                        "build/app.css/",
                        "BUILD/APP.CSS",
                        "build/app.css ",
                        "build/app.css?x",
                        "/proc/self/root/etc/passwd",
                        "proc/self/cwd/static/build/app.css",
                        "build-assets.mjs",
                        "page.html",
                        "app.scss",
                        ".hidden.css",
                        "build/linked.css",
                        "build",
                        "build/fonts",
                        "build/fonts/",
                        "js/../../etc/passwd"}) {
    EXPECT_FALSE(files.get(p)) << "served: " << p;
  }
  EXPECT_FALSE(files.get(outside_.string())) << "served an absolute path";
  EXPECT_FALSE(files.get(self));
  EXPECT_FALSE(files.get(std::string_view("build/app.css\0", 14)));
}

TEST_F(StaticFilesTest, AFileAddedAfterStartIsNotServed) {
  StaticFiles files(root_.string());
  write("build/later.css", "later");
  EXPECT_FALSE(files.get("build/later.css"));
}

TEST_F(StaticFilesTest, AChangedFileIsServedFresh) {
  StaticFiles files(root_.string());
  EXPECT_EQ(files.get("js/live.js")->body, "live()");
  write("js/live.js", "live(2) // longer");
  EXPECT_EQ(files.get("js/live.js")->body, "live(2) // longer");
  fs::remove(root_ / "js" / "live.js");
  EXPECT_FALSE(files.get("js/live.js"));
}

TEST_F(StaticFilesTest, TheCacheStaysWithinItsBudget) {
  write("build/big.css", std::string(3000, 'x'));
  write("build/mid.css", std::string(600, 'y'));
  StaticFiles files(root_.string(), {.cache_bytes = 1000, .file_bytes = 2000});
  for (int i = 0; i < 3; ++i) {
    ASSERT_TRUE(files.get("build/big.css"));
    EXPECT_EQ(files.get("build/big.css")->body.size(), 3000u);  // served, never kept
    ASSERT_TRUE(files.get("build/mid.css"));
    ASSERT_TRUE(files.get("build/app.css"));
  }
  EXPECT_LE(files.cached_bytes(), 1000u);
  EXPECT_EQ(files.cached_bytes(), 606u);
}

TEST(StaticFiles, AMissingFolderServesNothing) {
  StaticFiles files("/nonexistent/humanspace/static");
  EXPECT_EQ(files.size(), 0u);
  EXPECT_FALSE(files.get("app.css"));
}

}  // namespace
}  // namespace hs::web
