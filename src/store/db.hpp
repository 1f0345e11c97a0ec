#pragma once
// One interface over SQLite and PostgreSQL. Modules write portable SQL with `?`
// placeholders; the engine rewrites what differs (placeholders, identity columns in
// migrations, how a write transaction starts, online backup). Values travel as text or
// integers; rows come back as optional text, converted on demand.
#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <span>
#include <stdexcept>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include "core/error.hpp"

namespace hs::store {

struct Null {};
using Value = std::variant<Null, std::int64_t, std::string>;

inline Value opt(const std::optional<std::string>& v) { return v ? Value(*v) : Value(Null{}); }

class Row {
 public:
  explicit Row(std::vector<std::optional<std::string>> cells) : cells_(std::move(cells)) {}
  std::size_t size() const { return cells_.size(); }
  bool is_null(std::size_t i) const { return !cells_.at(i).has_value(); }
  const std::string& text(std::size_t i) const;  // "" when NULL
  std::int64_t i64(std::size_t i) const;         // 0 when NULL
  std::optional<std::string> opt_text(std::size_t i) const { return cells_.at(i); }
  std::optional<std::int64_t> opt_i64(std::size_t i) const;

 private:
  std::vector<std::optional<std::string>> cells_;
};
using Rows = std::vector<Row>;

enum class Engine { sqlite, postgres };

// Thrown for broken infrastructure and constraint violations; repos translate the
// latter (unique()) into Error values where a person can act on them.
class StoreError : public std::runtime_error {
 public:
  enum class Kind { other, unique, foreign_key, busy };
  StoreError(Kind k, const std::string& what) : std::runtime_error(what), kind_(k) {}
  Kind kind() const { return kind_; }
  bool unique() const { return kind_ == Kind::unique; }

 private:
  Kind kind_;
};

class Conn {
 public:
  virtual ~Conn() = default;
  virtual Rows query(std::string_view sql, std::span<const Value> params) = 0;
  // Rows changed by the last INSERT/UPDATE/DELETE on this connection.
  virtual std::int64_t changes() = 0;
  virtual void begin_write() = 0;
  virtual void begin_read() = 0;
  virtual void commit() = 0;
  virtual void rollback() = 0;
  virtual Engine engine() const = 0;

  template <class... A>
  Rows q(std::string_view sql, A&&... args) {
    if constexpr (sizeof...(A) == 0) {
      return query(sql, {});
    } else {
      const Value vals[] = {to_value(std::forward<A>(args))...};
      return query(sql, vals);
    }
  }
  template <class... A>
  std::optional<Row> one(std::string_view sql, A&&... args) {
    auto rows = q(sql, std::forward<A>(args)...);
    if (rows.empty()) return std::nullopt;
    return std::move(rows.front());
  }

 private:
  static Value to_value(Value v) { return v; }
  static Value to_value(std::int64_t v) { return v; }
  static Value to_value(int v) { return static_cast<std::int64_t>(v); }
  static Value to_value(bool v) { return static_cast<std::int64_t>(v ? 1 : 0); }
  static Value to_value(std::string v) { return v; }
  static Value to_value(std::string_view v) { return std::string(v); }
  static Value to_value(const char* v) { return std::string(v); }
  static Value to_value(const std::optional<std::string>& v) { return opt(v); }
  static Value to_value(Null) { return Null{}; }
};

class Store {
 public:
  // url: "sqlite:PATH" or "postgresql://..." (also "postgres://").
  static std::unique_ptr<Store> open(const std::string& url, int pool_size);
  virtual ~Store() = default;

  virtual Engine engine() const = 0;
  // Online, consistent copy: VACUUM INTO for SQLite, pg_dump for PostgreSQL.
  virtual void backup(const std::string& destination) = 0;
  // Applies every embedded migration not yet applied; returns how many ran.
  int migrate();
  // Cheap round trip for /healthz.
  bool healthy();

  // Runs f with a leased connection, outside any transaction.
  template <class F>
  auto with(F&& f) {
    Lease l(*this);
    return f(*l.conn);
  }
  // Runs f(conn) -> Result<T> in a write transaction; commits only when it holds a value.
  template <class F>
  auto write(F&& f) {
    Lease l(*this);
    l.conn->begin_write();
    try {
      auto r = f(*l.conn);
      if (r) l.conn->commit();
      else l.conn->rollback();
      return r;
    } catch (...) {
      try {
        l.conn->rollback();
      } catch (const StoreError&) { /* the original error is the one to report */
      }
      throw;
    }
  }

 protected:
  virtual std::unique_ptr<Conn> acquire() = 0;
  virtual void release(std::unique_ptr<Conn> c) = 0;

 private:
  struct Lease {
    explicit Lease(Store& s) : store(s), conn(s.acquire()) {}
    ~Lease() { store.release(std::move(conn)); }
    Lease(const Lease&) = delete;
    Lease& operator=(const Lease&) = delete;
    Store& store;
    std::unique_ptr<Conn> conn;
  };
};

}  // namespace hs::store
