// store::scrub on SQLite: a reader that holds a transaction keeps the write-ahead log
// from being emptied, and scrub says so (within its patience) instead of pretending.
#include "store/scrub.hpp"

#include <gtest/gtest.h>
#include <sqlite3.h>
#include <unistd.h>

#include <chrono>
#include <filesystem>
#include <string_view>
#include <thread>

#include "store/db.hpp"

namespace hs::store {

namespace {

class ScrubTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = std::filesystem::temp_directory_path() / ("hs-scrub-" + std::to_string(::getpid()));
    std::filesystem::remove_all(dir_);
    std::filesystem::create_directories(dir_);
    path_ = (dir_ / "t.db").string();
    store_ = Store::open("sqlite:" + path_, 2);
    store_->with([](Conn& c) {
      c.q("CREATE TABLE kept (x TEXT)");
      return 0;
    });
  }
  void TearDown() override {
    store_.reset();
    std::filesystem::remove_all(dir_);
  }
  void write(const std::string& text) {
    store_->with([&](Conn& c) {
      c.q("INSERT INTO kept (x) VALUES (?)", text);
      return 0;
    });
  }
  std::uintmax_t wal_size() const {
    std::error_code ec;
    auto n = std::filesystem::file_size(path_ + "-wal", ec);
    return ec ? 0 : n;
  }

  static constexpr std::string_view kTables[] = {"kept"};
  std::filesystem::path dir_;
  std::string path_;
  std::unique_ptr<Store> store_;
};

// Another process's reader, as the sqlite3 shell or a backup tool would hold it.
struct Reader {
  explicit Reader(const std::string& path) {
    EXPECT_EQ(sqlite3_open(path.c_str(), &db), SQLITE_OK);
    EXPECT_EQ(sqlite3_exec(db, "BEGIN; SELECT count(*) FROM kept;", nullptr, nullptr, nullptr), SQLITE_OK);
  }
  ~Reader() {
    sqlite3_exec(db, "COMMIT", nullptr, nullptr, nullptr);
    sqlite3_close(db);
  }
  sqlite3* db = nullptr;
};

}  // namespace

TEST_F(ScrubTest, EmptiesTheLogWhenNoOneReads) {
  write("before");
  EXPECT_GT(wal_size(), 0u);
  EXPECT_TRUE(scrub(*store_, kTables, std::chrono::milliseconds(500)));
  EXPECT_EQ(wal_size(), 0u);
}

TEST_F(ScrubTest, SaysSoWhenAReaderKeepsTheLogAndWaitsNoLongerThanItsPatience) {
  write("before");
  {
    Reader reader(path_);
    write("after");
    const auto started = std::chrono::steady_clock::now();
    EXPECT_FALSE(scrub(*store_, kTables, std::chrono::milliseconds(400)));
    const auto waited = std::chrono::steady_clock::now() - started;
    EXPECT_GE(waited, std::chrono::milliseconds(400));
    EXPECT_LT(waited, std::chrono::milliseconds(2000));
    EXPECT_GT(wal_size(), 0u);
  }
  EXPECT_TRUE(scrub(*store_, kTables, std::chrono::milliseconds(500)));
  EXPECT_EQ(wal_size(), 0u);
}

TEST_F(ScrubTest, ARetryWithinPatienceSucceedsOnceTheReaderLetsGo) {
  write("before");
  auto reader = std::make_unique<Reader>(path_);
  write("after");
  std::thread release([&] {
    std::this_thread::sleep_for(std::chrono::milliseconds(300));
    reader.reset();
  });
  EXPECT_TRUE(scrub(*store_, kTables, std::chrono::milliseconds(3000)));
  release.join();
  EXPECT_EQ(wal_size(), 0u);
}

}  // namespace hs::store
