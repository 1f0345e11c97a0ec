#pragma once
// Internal to the store: constructors of the engines and helpers the engines share.
#include <memory>
#include <string>
#include <string_view>

#include "store/db.hpp"

namespace hs::store {

// How long a SQLite connection waits for a lock before giving up with "busy".
inline constexpr int kSqliteBusyTimeoutMs = 5000;

std::unique_ptr<Store> open_sqlite(const std::string& path, int pool_size);
std::unique_ptr<Store> open_postgres(const std::string& url, int pool_size);

// A migration as engine e runs it: "-- only: sqlite|postgres|all" lines scope the lines
// after them to one engine (or both again); then the macros (AUTO_ID) are spelled out.
std::string dialect_sql(Engine e, std::string_view sql);
void run_script(Conn& c, std::string_view script);
// Serialises migrations across several servers sharing one database.
void lock_for_migration(Conn& c);

}  // namespace hs::store
