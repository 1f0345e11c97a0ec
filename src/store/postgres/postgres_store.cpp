#include <libpq-fe.h>

#include <cstdlib>
#include <filesystem>
#include <unordered_map>

#include "store/engines.hpp"
#include "store/pool.hpp"

namespace hs::store {

namespace {

// Modules write `?`; PostgreSQL wants $1, $2, ... Quoted text is left alone.
std::string number_placeholders(std::string_view sql) {
  std::string out;
  out.reserve(sql.size() + 16);
  int n = 0;
  char quote = 0;
  for (char ch : sql) {
    if (quote) {
      if (ch == quote) quote = 0;
      out.push_back(ch);
    } else if (ch == '\'' || ch == '"') {
      quote = ch;
      out.push_back(ch);
    } else if (ch == '?') {
      out += '$' + std::to_string(++n);
    } else {
      out.push_back(ch);
    }
  }
  return out;
}

StoreError::Kind kind_of(PGresult* r) {
  const char* state = r ? PQresultErrorField(r, PG_DIAG_SQLSTATE) : nullptr;
  if (!state) return StoreError::Kind::other;
  std::string_view s(state);
  if (s == "23505") return StoreError::Kind::unique;
  if (s == "23503") return StoreError::Kind::foreign_key;
  if (s == "40001" || s == "40P01") return StoreError::Kind::busy;
  return StoreError::Kind::other;
}

class PgConn final : public Conn {
 public:
  explicit PgConn(const std::string& url) : conn_(PQconnectdb(url.c_str())) {
    if (PQstatus(conn_) != CONNECTION_OK) {
      std::string msg = PQerrorMessage(conn_);
      PQfinish(conn_);
      throw StoreError(StoreError::Kind::other, "cannot connect to PostgreSQL: " + msg);
    }
    PQclear(PQexec(conn_, "SET client_min_messages TO warning"));
  }
  ~PgConn() override { PQfinish(conn_); }

  Rows query(std::string_view sql, std::span<const Value> params) override {
    std::string key(sql);
    auto it = names_.find(key);
    if (it == names_.end()) {
      std::string name = "s" + std::to_string(names_.size());
      PGresult* r = PQprepare(conn_, name.c_str(), number_placeholders(sql).c_str(), 0, nullptr);
      check(r, key);
      PQclear(r);
      it = names_.emplace(std::move(key), std::move(name)).first;
    }
    std::vector<std::string> texts(params.size());
    std::vector<const char*> values(params.size(), nullptr);
    for (std::size_t i = 0; i < params.size(); ++i) {
      const auto& v = params[i];
      if (std::holds_alternative<Null>(v)) continue;
      if (auto* n = std::get_if<std::int64_t>(&v)) texts[i] = std::to_string(*n);
      else texts[i] = std::get<std::string>(v);
      values[i] = texts[i].c_str();
    }
    PGresult* r =
        PQexecPrepared(conn_, it->second.c_str(), static_cast<int>(params.size()), values.data(), nullptr, nullptr, 0);
    check(r, it->first);
    Rows rows;
    const int nrow = PQntuples(r), ncol = PQnfields(r);
    rows.reserve(static_cast<std::size_t>(nrow));
    for (int i = 0; i < nrow; ++i) {
      std::vector<std::optional<std::string>> cells;
      cells.reserve(static_cast<std::size_t>(ncol));
      for (int c = 0; c < ncol; ++c) {
        if (PQgetisnull(r, i, c)) cells.emplace_back(std::nullopt);
        else cells.emplace_back(std::string(PQgetvalue(r, i, c), static_cast<std::size_t>(PQgetlength(r, i, c))));
      }
      rows.emplace_back(std::move(cells));
    }
    const char* affected = PQcmdTuples(r);
    changes_ = (affected && *affected) ? std::atoll(affected) : 0;
    PQclear(r);
    return rows;
  }

  std::int64_t changes() override { return changes_; }
  void begin_write() override { plain("BEGIN"); }
  void begin_read() override { plain("BEGIN READ ONLY"); }
  void commit() override { plain("COMMIT"); }
  void rollback() override {
    if (PQtransactionStatus(conn_) != PQTRANS_IDLE) plain("ROLLBACK");
  }
  Engine engine() const override { return Engine::postgres; }

 private:
  void plain(const char* sql) {
    PGresult* r = PQexec(conn_, sql);
    check(r, sql);
    PQclear(r);
  }
  void check(PGresult* r, const std::string& sql) {
    auto st = r ? PQresultStatus(r) : PGRES_FATAL_ERROR;
    if (st == PGRES_COMMAND_OK || st == PGRES_TUPLES_OK) return;
    std::string msg = r ? PQresultErrorMessage(r) : PQerrorMessage(conn_);
    auto kind = kind_of(r);
    PQclear(r);
    throw StoreError(kind, msg + " in: " + sql);
  }

  PGconn* conn_;
  std::unordered_map<std::string, std::string> names_;
  std::int64_t changes_ = 0;
};

class PgStore final : public Store {
 public:
  PgStore(std::string url, int pool_size)
      : url_(std::move(url)), pool_(pool_size, [u = url_] { return std::make_unique<PgConn>(u); }) {}
  Engine engine() const override { return Engine::postgres; }
  void backup(const std::string& destination) override {
    if (std::filesystem::exists(destination))
      throw std::runtime_error("backup destination already exists: " + destination);
    // pg_dump reads one consistent snapshot; the URL goes through the environment so it
    // never shows in a process list.
    ::setenv("HUMANSPACE_PG_URL", url_.c_str(), 1);
    std::string cmd = "pg_dump --format=custom --file='" + destination + "' \"$HUMANSPACE_PG_URL\"";
    if (destination.find('\'') != std::string::npos) throw std::runtime_error("backup path may not contain a quote");
    if (std::system(cmd.c_str()) != 0) throw std::runtime_error("pg_dump failed");
  }

 protected:
  std::unique_ptr<Conn> acquire() override { return pool_.acquire(); }
  void release(std::unique_ptr<Conn> c) override { pool_.release(std::move(c)); }

 private:
  std::string url_;
  Pool pool_;
};

}  // namespace

std::unique_ptr<Store> open_postgres(const std::string& url, int pool_size) {
  return std::make_unique<PgStore>(url, pool_size);
}

}  // namespace hs::store
