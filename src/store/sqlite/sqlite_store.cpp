#include <sqlite3.h>

#include <filesystem>
#include <unordered_map>

#include "store/engines.hpp"
#include "store/pool.hpp"

namespace hs::store {

namespace {

StoreError::Kind kind_of(int rc) {
  switch (rc & 0xFF) {
    case SQLITE_CONSTRAINT:
      if (rc == SQLITE_CONSTRAINT_UNIQUE || rc == SQLITE_CONSTRAINT_PRIMARYKEY) return StoreError::Kind::unique;
      if (rc == SQLITE_CONSTRAINT_FOREIGNKEY) return StoreError::Kind::foreign_key;
      return StoreError::Kind::other;
    case SQLITE_BUSY:
    case SQLITE_LOCKED: return StoreError::Kind::busy;
    default: return StoreError::Kind::other;
  }
}

class SqliteConn final : public Conn {
 public:
  explicit SqliteConn(const std::string& path) {
    int rc =
        sqlite3_open_v2(path.c_str(), &db_, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX, nullptr);
    if (rc != SQLITE_OK) {
      std::string msg = db_ ? sqlite3_errmsg(db_) : "out of memory";
      sqlite3_close(db_);
      throw StoreError(StoreError::Kind::other, "cannot open SQLite database " + path + ": " + msg);
    }
    sqlite3_extended_result_codes(db_, 1);
    sqlite3_busy_timeout(db_, kSqliteBusyTimeoutMs);
    // WAL lets readers run beside the one writer; FULL makes an acknowledged commit
    // survive power loss, not just a crash of this process.
    exec_plain("PRAGMA journal_mode=WAL");
    exec_plain("PRAGMA synchronous=FULL");
    exec_plain("PRAGMA foreign_keys=ON");
    // Deleted rows are overwritten with zeros, so that what was deleted cannot be read
    // back from free pages (see store/scrub.hpp).
    exec_plain("PRAGMA secure_delete=ON");
  }
  ~SqliteConn() override {
    for (auto& [sql, st] : cache_) sqlite3_finalize(st);
    sqlite3_close(db_);
  }

  Rows query(std::string_view sql, std::span<const Value> params) override {
    sqlite3_stmt* st = prepare(sql);
    sqlite3_reset(st);
    sqlite3_clear_bindings(st);
    for (std::size_t i = 0; i < params.size(); ++i) {
      int idx = static_cast<int>(i + 1);
      const auto& v = params[i];
      if (std::holds_alternative<Null>(v)) sqlite3_bind_null(st, idx);
      else if (auto* n = std::get_if<std::int64_t>(&v)) sqlite3_bind_int64(st, idx, *n);
      else {
        const auto& s = std::get<std::string>(v);
        sqlite3_bind_text(st, idx, s.data(), static_cast<int>(s.size()), SQLITE_TRANSIENT);
      }
    }
    Rows rows;
    const int ncol = sqlite3_column_count(st);
    for (;;) {
      int rc = sqlite3_step(st);
      if (rc == SQLITE_DONE) break;
      if (rc != SQLITE_ROW) {
        std::string msg = sqlite3_errmsg(db_);
        sqlite3_reset(st);
        throw StoreError(kind_of(rc), msg);
      }
      std::vector<std::optional<std::string>> cells;
      cells.reserve(ncol);
      for (int c = 0; c < ncol; ++c) {
        if (sqlite3_column_type(st, c) == SQLITE_NULL) {
          cells.emplace_back(std::nullopt);
        } else {
          const auto* p = reinterpret_cast<const char*>(sqlite3_column_text(st, c));
          cells.emplace_back(std::string(p, static_cast<std::size_t>(sqlite3_column_bytes(st, c))));
        }
      }
      rows.emplace_back(std::move(cells));
    }
    sqlite3_reset(st);
    return rows;
  }

  std::int64_t changes() override { return sqlite3_changes64(db_); }
  // IMMEDIATE takes the write lock at the start, so two writers never deadlock on upgrade.
  void begin_write() override { exec_plain("BEGIN IMMEDIATE"); }
  void begin_read() override { exec_plain("BEGIN"); }
  void commit() override { exec_plain("COMMIT"); }
  void rollback() override {
    if (!sqlite3_get_autocommit(db_)) exec_plain("ROLLBACK");
  }
  Engine engine() const override { return Engine::sqlite; }

  void exec_plain(const char* sql) {
    char* err = nullptr;
    int rc = sqlite3_exec(db_, sql, nullptr, nullptr, &err);
    if (rc != SQLITE_OK) {
      std::string msg = err ? err : "unknown error";
      sqlite3_free(err);
      throw StoreError(kind_of(rc), std::string(sql) + ": " + msg);
    }
  }

 private:
  sqlite3_stmt* prepare(std::string_view sql) {
    std::string key(sql);
    if (auto it = cache_.find(key); it != cache_.end()) return it->second;
    sqlite3_stmt* st = nullptr;
    const char* tail = nullptr;
    int rc = sqlite3_prepare_v3(db_, sql.data(), static_cast<int>(sql.size()), SQLITE_PREPARE_PERSISTENT, &st, &tail);
    if (rc != SQLITE_OK) throw StoreError(kind_of(rc), std::string(sqlite3_errmsg(db_)) + " in: " + key);
    if (!st) throw StoreError(StoreError::Kind::other, "empty statement");
    cache_.emplace(std::move(key), st);
    return st;
  }

  sqlite3* db_ = nullptr;
  std::unordered_map<std::string, sqlite3_stmt*> cache_;
};

class SqliteStore final : public Store {
 public:
  SqliteStore(std::string path, int pool_size)
      : path_(std::move(path)), pool_(pool_size, [p = path_] { return std::make_unique<SqliteConn>(p); }) {
    auto dir = std::filesystem::path(path_).parent_path();
    if (!dir.empty()) std::filesystem::create_directories(dir);
  }
  Engine engine() const override { return Engine::sqlite; }
  void backup(const std::string& destination) override {
    if (std::filesystem::exists(destination))
      throw std::runtime_error("backup destination already exists: " + destination);
    // VACUUM INTO writes a consistent snapshot while others keep reading and writing.
    with([&](Conn& c) {
      c.q("VACUUM INTO ?", destination);
      return 0;
    });
  }

 protected:
  std::unique_ptr<Conn> acquire() override { return pool_.acquire(); }
  void release(std::unique_ptr<Conn> c) override { pool_.release(std::move(c)); }

 private:
  std::string path_;
  Pool pool_;
};

}  // namespace

std::unique_ptr<Store> open_sqlite(const std::string& path, int pool_size) {
  return std::make_unique<SqliteStore>(path, pool_size);
}

}  // namespace hs::store
