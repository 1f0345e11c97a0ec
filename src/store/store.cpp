#include <algorithm>
#include <cctype>
#include <charconv>
#include <chrono>
#include <ctime>
#include <stdexcept>
#include <thread>

#include "core/crypto.hpp"
#include "core/embedded.hpp"
#include "store/db.hpp"
#include "store/engines.hpp"
#include "store/scrub.hpp"

namespace hs::store {

namespace {
const std::string kEmpty;
}

const std::string& Row::text(std::size_t i) const {
  const auto& c = cells_.at(i);
  return c ? *c : kEmpty;
}

std::int64_t Row::i64(std::size_t i) const { return opt_i64(i).value_or(0); }

std::optional<std::int64_t> Row::opt_i64(std::size_t i) const {
  const auto& c = cells_.at(i);
  if (!c) return std::nullopt;
  std::int64_t v = 0;
  auto [p, ec] = std::from_chars(c->data(), c->data() + c->size(), v);
  if (ec != std::errc())
    throw StoreError(StoreError::Kind::other, "column " + std::to_string(i) + " is not an integer");
  return v;
}

std::unique_ptr<Store> Store::open(const std::string& url, int pool_size) {
  if (url.starts_with("sqlite:")) return open_sqlite(url.substr(7), pool_size);
  if (url.starts_with("postgresql://") || url.starts_with("postgres://")) return open_postgres(url, pool_size);
  throw std::invalid_argument("--db must start with sqlite: or postgresql:// (got \"" + url + "\")");
}

bool Store::healthy() {
  try {
    return with([](Conn& c) { return c.one("SELECT 1").has_value(); });
  } catch (const StoreError&) {
    return false;
  }
}

namespace {

// One embedded migration file.
struct Migration {
  std::int64_t version = 0;
  std::string name;
  std::string_view sql;
  std::string checksum;
  // "-- repairs: NAME" lines: this migration brings a database that once ran NAME (a
  // landed migration that was later replaced under the same number, which must never
  // happen again) up to date. It runs only on such databases; elsewhere it is recorded
  // as applied without running.
  std::vector<std::string> repairs;
};

std::vector<Migration> embedded_migrations() {
  std::vector<Migration> out;
  for (const auto& f : embedded::under("migrations/")) {
    Migration m;
    m.name = std::string(f.path.substr(std::string_view("migrations/").size()));
    std::from_chars(m.name.data(), m.name.data() + m.name.size(), m.version);
    if (m.version <= 0) continue;
    m.sql = f.data;
    m.checksum = crypto::sha256_hex(f.data);
    constexpr std::string_view kRepairs = "-- repairs: ";
    for (std::size_t pos = 0; pos < f.data.size();) {
      auto nl = f.data.find('\n', pos);
      auto line = f.data.substr(pos, nl == std::string_view::npos ? std::string_view::npos : nl - pos);
      if (line.starts_with(kRepairs)) m.repairs.emplace_back(line.substr(kRepairs.size()));
      if (nl == std::string_view::npos) break;
      pos = nl + 1;
    }
    out.push_back(std::move(m));
  }
  return out;
}

bool has_checksum_column(Conn& c) {
  if (c.engine() == Engine::sqlite)
    return c.one("SELECT 1 FROM pragma_table_info('schema_migrations') WHERE name = 'checksum'").has_value();
  return c
      .one(
          "SELECT 1 FROM information_schema.columns WHERE table_name = 'schema_migrations' "
          "AND column_name = 'checksum' AND table_schema = current_schema()")
      .has_value();
}

}  // namespace

int Store::migrate() {
  int applied = 0;
  Lease l(*this);
  Conn& c = *l.conn;
  c.q("CREATE TABLE IF NOT EXISTS schema_migrations (version BIGINT PRIMARY KEY, name TEXT NOT NULL, "
      "applied_at BIGINT NOT NULL, checksum TEXT)");
  const auto migrations = embedded_migrations();

  // The history first: every migration this database ran must be here, unchanged. A
  // changed or missing one means this binary and this database disagree about the
  // schema, and going on could lose data, so nothing starts.
  std::vector<std::string> applied_names;
  c.begin_write();
  try {
    lock_for_migration(c);
    // Databases made before checksums were kept get the column now, and their rows'
    // checksums are recorded the first time this runs (trust on first use).
    if (!has_checksum_column(c)) c.q("ALTER TABLE schema_migrations ADD COLUMN checksum TEXT");
    std::vector<std::string> repaired;
    for (const auto& m : migrations) repaired.insert(repaired.end(), m.repairs.begin(), m.repairs.end());
    for (const auto& row : c.q("SELECT version, name, checksum FROM schema_migrations ORDER BY version")) {
      const auto version = row.i64(0);
      const auto& name = row.text(1);
      applied_names.push_back(name);
      auto m = std::find_if(migrations.begin(), migrations.end(), [&](const auto& x) { return x.version == version; });
      if (m == migrations.end())
        throw std::runtime_error("this database ran migration " + name +
                                 ", which this Humanspace does not have. Migrations are never removed: run the "
                                 "Humanspace that applied it (or a newer one), or restore a backup.");
      if (name != m->name) {
        if (std::find(repaired.begin(), repaired.end(), name) != repaired.end()) continue;  // repaired below
        throw std::runtime_error("this database ran migration " + name + ", but this Humanspace has " + m->name +
                                 " under the same number. A landed migration is never replaced; add a new one.");
      }
      if (row.text(2).empty()) {
        c.q("UPDATE schema_migrations SET checksum = ? WHERE version = ?", m->checksum, version);
      } else if (row.text(2) != m->checksum) {
        throw std::runtime_error("migration " + name + " has changed since this database ran it (checksum " +
                                 row.text(2).substr(0, 12) + "..., now " + m->checksum.substr(0, 12) +
                                 "...). A landed migration is never edited; add a new one.");
      }
    }
    c.commit();
  } catch (...) {
    c.rollback();
    throw;
  }

  for (const auto& m : migrations) {
    c.begin_write();
    try {
      lock_for_migration(c);
      if (c.one("SELECT 1 FROM schema_migrations WHERE version = ?", m.version)) {
        c.rollback();
        continue;
      }
      bool needed = m.repairs.empty();
      for (const auto& r : m.repairs)
        if (std::find(applied_names.begin(), applied_names.end(), r) != applied_names.end()) needed = true;
      if (needed) run_script(c, dialect_sql(c.engine(), m.sql));
      c.q("INSERT INTO schema_migrations (version, name, applied_at, checksum) VALUES (?, ?, ?, ?)", m.version, m.name,
          static_cast<std::int64_t>(std::time(nullptr)), m.checksum);
      c.commit();
      applied_names.push_back(m.name);
      ++applied;
    } catch (...) {
      c.rollback();
      throw;
    }
  }
  return applied;
}

namespace {

// "-- only: sqlite", "-- only: postgres" and "-- only: all" lines scope what follows them,
// up to the next such line, to one engine or to both again. Out-of-scope lines become
// blank lines (so line numbers in an engine's error still match the file). A migration
// without these lines reads as it always has: 0001-0025 have none, and the checksum is
// taken over the file as written, so landed migrations are untouched.
std::string scoped_to(Engine e, std::string_view sql) {
  constexpr std::string_view kOnly = "-- only:";
  if (sql.find(kOnly) == std::string_view::npos) return std::string(sql);
  std::string out;
  out.reserve(sql.size());
  bool keep = true;
  for (std::size_t pos = 0; pos <= sql.size();) {
    auto nl = sql.find('\n', pos);
    auto line = sql.substr(pos, nl == std::string_view::npos ? std::string_view::npos : nl - pos);
    if (line.starts_with(kOnly)) {
      auto which = line.substr(kOnly.size());
      while (!which.empty() && std::isspace(static_cast<unsigned char>(which.front()))) which.remove_prefix(1);
      while (!which.empty() && std::isspace(static_cast<unsigned char>(which.back()))) which.remove_suffix(1);
      if (which == "all") keep = true;
      else if (which == "sqlite") keep = e == Engine::sqlite;
      else if (which == "postgres") keep = e == Engine::postgres;
      // A misspelt engine would silently drop statements on both: refuse it.
      else
        throw std::runtime_error("migration: \"" + std::string(line) + "\" names no engine (sqlite, postgres or all)");
      line = {};
    }
    if (keep) out.append(line);
    if (nl == std::string_view::npos) break;
    out.push_back('\n');
    pos = nl + 1;
  }
  return out;
}

}  // namespace

std::string dialect_sql(Engine e, std::string_view sql) {
  // Migrations are written once; the few words that differ are spelled as macros, and
  // statements only one engine has are scoped with "-- only:" lines (scoped_to above).
  struct Macro {
    std::string_view name, sqlite, postgres;
  };
  static constexpr Macro macros[] = {
      {"AUTO_ID", "INTEGER PRIMARY KEY", "BIGINT GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY"},
  };
  std::string out = scoped_to(e, sql);
  for (const auto& m : macros) {
    const auto& with = e == Engine::sqlite ? m.sqlite : m.postgres;
    for (auto pos = out.find(m.name); pos != std::string::npos; pos = out.find(m.name, pos + with.size()))
      out.replace(pos, m.name.size(), with);
  }
  return out;
}

void run_script(Conn& c, std::string_view script) {
  // Statements are separated by ';' at the end of a line; migrations keep to that.
  std::size_t start = 0;
  while (start < script.size()) {
    auto end = script.find(";\n", start);
    if (end == std::string_view::npos) end = script.size();
    auto stmt = script.substr(start, end - start);
    bool blank = true;
    std::size_t i = 0;
    while (i < stmt.size()) {
      if (stmt.substr(i).starts_with("--")) {
        auto nl = stmt.find('\n', i);
        i = nl == std::string_view::npos ? stmt.size() : nl + 1;
        continue;
      }
      if (!std::isspace(static_cast<unsigned char>(stmt[i]))) {
        blank = false;
        break;
      }
      ++i;
    }
    if (!blank) c.query(stmt, {});
    start = end + 2;
  }
}

}  // namespace hs::store

namespace hs::store {

void lock_for_migration(Conn& c) {
  // SQLite's BEGIN IMMEDIATE already holds the only write lock.
  if (c.engine() == Engine::postgres) c.q("SELECT pg_advisory_xact_lock(7243001)");
}

}  // namespace hs::store

namespace hs::store {

namespace {

// One TRUNCATE checkpoint after another until one empties the log or time runs out.
// Each try waits at most kTryMs for readers (the busy handler), so a reader that ends
// is noticed quickly and the whole stays within the caller's patience.
bool truncate_wal(Conn& c, std::chrono::milliseconds patience) {
  constexpr int kTryMs = 100;
  const auto deadline = std::chrono::steady_clock::now() + patience;
  c.q("PRAGMA busy_timeout = " + std::to_string(kTryMs));
  bool emptied = false;
  try {
    for (;;) {
      try {
        // One row: busy (1 when readers kept it from finishing), frames in the log,
        // frames copied. busy = 0 means the log was emptied.
        auto r = c.one("PRAGMA wal_checkpoint(TRUNCATE)");
        if (r && r->i64(0) == 0) {
          emptied = true;
          break;
        }
      } catch (const StoreError& e) {
        if (e.kind() != StoreError::Kind::busy) throw;  // another checkpoint at the same moment
      }
      if (std::chrono::steady_clock::now() >= deadline) break;
      std::this_thread::sleep_for(std::chrono::milliseconds(20));
    }
  } catch (...) {
    c.q("PRAGMA busy_timeout = " + std::to_string(kSqliteBusyTimeoutMs));
    throw;
  }
  c.q("PRAGMA busy_timeout = " + std::to_string(kSqliteBusyTimeoutMs));
  return emptied;
}

}  // namespace

bool scrub(Store& store, std::span<const std::string_view> tables, std::chrono::milliseconds patience) {
  for (auto t : tables)
    if (t.empty() || t.find_first_not_of("abcdefghijklmnopqrstuvwxyz_") != std::string_view::npos)
      throw std::invalid_argument("scrub: not a table name");
  return store.with([&](Conn& c) {
    if (c.engine() == Engine::sqlite) return truncate_wal(c, patience);
    if (tables.empty()) c.q("VACUUM");
    for (auto t : tables) c.q("VACUUM " + std::string(t));
    return true;
  });
}

}  // namespace hs::store
