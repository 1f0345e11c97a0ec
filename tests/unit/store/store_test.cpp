// The store's contract, run on SQLite always and on PostgreSQL when HS_TEST_PG_URL names
// a server (tests/run_all.sh starts one).
#include <gtest/gtest.h>

#include <atomic>
#include <cstdlib>
#include <filesystem>
#include <thread>

#include "store/db.hpp"
#include "store/engines.hpp"
#include "store/id_list.hpp"

namespace hs::store {

namespace {

std::string fresh_url(const std::string& engine) {
  static int n = 0;
  if (engine == "sqlite") {
    auto dir =
        std::filesystem::temp_directory_path() / ("hs-store-" + std::to_string(::getpid()) + "-" + std::to_string(n++));
    std::filesystem::remove_all(dir);
    std::filesystem::create_directories(dir);
    return "sqlite:" + (dir / "t.db").string();
  }
  std::string admin = std::getenv("HS_TEST_PG_URL");
  std::string name = "hs_store_" + std::to_string(::getpid()) + "_" + std::to_string(n++);
  auto s = Store::open(admin, 1);
  s->with([&](Conn& c) {
    c.q("CREATE DATABASE " + name);
    return 0;
  });
  return admin.substr(0, admin.rfind('/') + 1) + name;
}

}  // namespace

class StoreTest : public ::testing::TestWithParam<std::string> {
 protected:
  void SetUp() override {
    if (GetParam() == "postgres" && !std::getenv("HS_TEST_PG_URL")) GTEST_SKIP() << "HS_TEST_PG_URL is not set";
    url_ = fresh_url(GetParam());
    store_ = Store::open(url_, 4);
    store_->migrate();
    store_->with([](Conn& c) {
      c.q(dialect_sql(c.engine(), "CREATE TABLE notes (id AUTO_ID, body TEXT NOT NULL UNIQUE, n BIGINT)"));
      return 0;
    });
  }
  std::string url_;
  std::unique_ptr<Store> store_;
};

// Lists of ids (store/id_list.hpp): in padded slices, or packed in one text the query cuts
// apart, with the same answer on both engines.
TEST_P(StoreTest, ListsOfIdsInSlicesOrPackedInOneText) {
  std::vector<std::int64_t> ids;
  for (std::int64_t i = 1; i <= 1203; ++i) ids.push_back(i * 7);
  std::vector<std::size_t> shapes;
  std::int64_t seen = 0, sum = 0;
  store_->with([&](Conn& c) {
    for_id_slices(ids, {Value(std::int64_t{3})}, [&](const std::string& in, const std::vector<Value>& args) {
      shapes.push_back(args.size() - 1);
      auto r = c.query("SELECT COUNT(*), ? FROM (SELECT 1 AS x) t WHERE 7 IN " + in, args);
      seen += r.at(0).i64(0);
      EXPECT_EQ(r.at(0).i64(1), 3);
    });
    const auto packed = packed_ids(ids);
    auto r = c.one(std::string(kPackedIds) + " SELECT COUNT(*), SUM(id), MAX(id) FROM ids", packed, packed, packed);
    sum = r->i64(1);
    EXPECT_EQ(r->i64(0), 1203);
    EXPECT_EQ(r->i64(2), 1203 * 7);
    return 0;
  });
  EXPECT_EQ(shapes, (std::vector<std::size_t>{500, 500, 500}));
  EXPECT_EQ(seen, 1);  // 7 is in the first slice only
  EXPECT_EQ(sum, 7 * 1203 * 1204 / 2);
  std::vector<std::size_t> small;
  for (std::size_t n : {1u, 2u, 10u, 11u, 50u, 51u})
    for_id_slices(std::vector<std::int64_t>(n, 1), {},
                  [&](const std::string&, const std::vector<Value>& args) { small.push_back(args.size()); });
  EXPECT_EQ(small, (std::vector<std::size_t>{1, 10, 10, 50, 50, 500}));
  int calls = 0;
  for_id_slices({}, {}, [&](const std::string&, const std::vector<Value>&) { ++calls; });
  EXPECT_EQ(calls, 0);
}

TEST_P(StoreTest, MigrationsAreIdempotent) {
  EXPECT_EQ(store_->migrate(), 0);
  auto applied = store_->with([](Conn& c) { return c.one("SELECT COUNT(*) FROM schema_migrations")->i64(0); });
  EXPECT_GE(applied, 0);
  EXPECT_TRUE(store_->healthy());
}

TEST_P(StoreTest, SameSqlRoundTripsTextIntegersAndNulls) {
  auto id = store_->write([](Conn& c) -> Result<std::int64_t> {
    return c.one("INSERT INTO notes (body, n) VALUES (?, ?) RETURNING id", "caf\xC3\xA9 'quoted' ?", std::int64_t{-42})
        ->i64(0);
  });
  ASSERT_TRUE(id);
  auto row = store_->with([&](Conn& c) { return *c.one("SELECT body, n FROM notes WHERE id = ?", *id); });
  EXPECT_EQ(row.text(0), "caf\xC3\xA9 'quoted' ?");
  EXPECT_EQ(row.i64(1), -42);
  store_->write([](Conn& c) -> Result<int> {
    c.q("INSERT INTO notes (body, n) VALUES (?, ?)", "no number", Null{});
    return 0;
  });
  auto r2 = store_->with([](Conn& c) { return *c.one("SELECT n FROM notes WHERE body = ?", "no number"); });
  EXPECT_TRUE(r2.is_null(0));
  EXPECT_FALSE(r2.opt_i64(0));
}

TEST_P(StoreTest, AFailedResultRollsBack) {
  auto r = store_->write([](Conn& c) -> Result<int> {
    c.q("INSERT INTO notes (body) VALUES (?)", "kept only on success");
    return fail(ErrorCode::invalid, "x");
  });
  EXPECT_FALSE(r);
  auto n = store_->with([](Conn& c) { return c.one("SELECT COUNT(*) FROM notes")->i64(0); });
  EXPECT_EQ(n, 0);
}

TEST_P(StoreTest, UniqueViolationsAreReportedAsSuch) {
  store_->write([](Conn& c) -> Result<int> {
    c.q("INSERT INTO notes (body) VALUES (?)", "one");
    return 0;
  });
  try {
    store_->write([](Conn& c) -> Result<int> {
      c.q("INSERT INTO notes (body) VALUES (?)", "one");
      return 0;
    });
    FAIL() << "expected a unique violation";
  } catch (const StoreError& e) {
    EXPECT_TRUE(e.unique());
  }
  // The connection is usable afterwards.
  auto n = store_->with([](Conn& c) { return c.one("SELECT COUNT(*) FROM notes")->i64(0); });
  EXPECT_EQ(n, 1);
}

TEST_P(StoreTest, ConcurrentWritersAllLand) {
  std::vector<std::thread> ts;
  std::atomic<int> ok{0};
  for (int t = 0; t < 4; ++t)
    ts.emplace_back([&, t] {
      for (int i = 0; i < 25; ++i) {
        auto r = store_->write([&](Conn& c) -> Result<int> {
          c.q("INSERT INTO notes (body, n) VALUES (?, ?)", "t" + std::to_string(t) + "-" + std::to_string(i), t);
          return 0;
        });
        if (r) ++ok;
      }
    });
  for (auto& t : ts) t.join();
  EXPECT_EQ(ok, 100);
  auto n = store_->with([](Conn& c) { return c.one("SELECT COUNT(*) FROM notes")->i64(0); });
  EXPECT_EQ(n, 100);
}

TEST_P(StoreTest, ChangesCountsAffectedRows) {
  store_->write([](Conn& c) -> Result<int> {
    c.q("INSERT INTO notes (body, n) VALUES ('a', 1)");
    c.q("INSERT INTO notes (body, n) VALUES ('b', 1)");
    c.q("UPDATE notes SET n = 2 WHERE n = ?", 1);
    EXPECT_EQ(c.changes(), 2);
    return 0;
  });
}

TEST_P(StoreTest, BackupIsAConsistentCopy) {
  if (GetParam() == "postgres") GTEST_SKIP() << "pg_dump backup is covered by the HTTP/CLI tests";
  store_->write([](Conn& c) -> Result<int> {
    c.q("INSERT INTO notes (body) VALUES ('saved')");
    return 0;
  });
  auto dest = url_.substr(7) + ".backup";
  store_->backup(dest);
  auto copy = Store::open("sqlite:" + dest, 1);
  auto n = copy->with([](Conn& c) { return c.one("SELECT COUNT(*) FROM notes WHERE body = 'saved'")->i64(0); });
  EXPECT_EQ(n, 1);
  EXPECT_THROW(store_->backup(dest), std::runtime_error);  // never overwrites
}

INSTANTIATE_TEST_SUITE_P(Engines, StoreTest, ::testing::Values("sqlite", "postgres"),
                         [](const auto& info) { return info.param; });

TEST(StoreOpen, RejectsUnknownUrls) { EXPECT_THROW(Store::open("mysql://x", 1), std::invalid_argument); }

}  // namespace hs::store

namespace hs::store {

// Migrations are append-only, and the runner knows it (issue 12): it keeps each one's
// name and checksum and refuses to start when an applied one has changed or gone.
namespace {
std::string migrate_error(Store& s) {
  try {
    s.migrate();
  } catch (const std::exception& e) {
    return e.what();
  }
  return "";
}
}  // namespace

TEST_P(StoreTest, EveryAppliedMigrationHasItsChecksum) {
  auto missing = store_->with([](Conn& c) {
    return c.one("SELECT COUNT(*) FROM schema_migrations WHERE checksum IS NULL OR checksum = ''")->i64(0);
  });
  EXPECT_EQ(missing, 0);
}

TEST_P(StoreTest, AMigrationChangedAfterItRanStopsTheStart) {
  store_->with([](Conn& c) { return c.q("UPDATE schema_migrations SET checksum = 'abc' WHERE version = 2"), 0; });
  EXPECT_NE(migrate_error(*store_).find("has changed since this database ran it"), std::string::npos);
}

TEST_P(StoreTest, AMigrationThisBinaryLacksStopsTheStart) {
  store_->with([](Conn& c) {
    return c.q("INSERT INTO schema_migrations (version, name, applied_at, checksum) VALUES (9999, '9999_gone.sql', 0, "
               "'x')"),
           0;
  });
  EXPECT_NE(migrate_error(*store_).find("9999_gone.sql, which this Humanspace does not have"), std::string::npos);
}

TEST_P(StoreTest, AMigrationReplacedUnderItsNumberStopsTheStart) {
  store_->with(
      [](Conn& c) { return c.q("UPDATE schema_migrations SET name = '0004_other.sql' WHERE version = 4"), 0; });
  EXPECT_NE(migrate_error(*store_).find("under the same number"), std::string::npos);
}

TEST_P(StoreTest, ADatabaseFromBeforeChecksumsGetsThemRecorded) {
  store_->with([](Conn& c) { return c.q("UPDATE schema_migrations SET checksum = NULL"), 0; });
  EXPECT_EQ(store_->migrate(), 0);
  auto missing = store_->with(
      [](Conn& c) { return c.one("SELECT COUNT(*) FROM schema_migrations WHERE checksum IS NULL")->i64(0); });
  EXPECT_EQ(missing, 0);
}

TEST_P(StoreTest, ADatabaseThatRanTheFirst0013GetsTheColumnsItLacks) {
  // As such a database is: 0013 recorded under its first name, without the three
  // columns the replacement added, and no repair yet.
  store_->with([](Conn& c) {
    for (auto col : {"group_count", "attributes_sealed", "space_history"})
      c.q(std::string("ALTER TABLE breakout_rounds DROP COLUMN ") + col);
    c.q("UPDATE schema_migrations SET name = '0013_breakout_pairs.sql', checksum = NULL WHERE version = 13");
    c.q("DELETE FROM schema_migrations WHERE version = 20");
    return 0;
  });
  EXPECT_EQ(store_->migrate(), 1);
  store_->with([](Conn& c) {
    // The columns are back: reading them works.
    c.q("SELECT group_count, attributes_sealed, space_history FROM breakout_rounds");
    return 0;
  });
  EXPECT_EQ(store_->migrate(), 0);  // and the history is accepted from now on
}

}  // namespace hs::store
