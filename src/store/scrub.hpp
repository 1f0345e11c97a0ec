#pragma once
// Making deleted rows unrecoverable from the database's files, for data that must not
// outlive its deletion (such as the link between a person and an anonymous answer).
#include <span>
#include <string_view>

namespace hs::store {

class Store;

// Best effort, outside any transaction. SQLite zeroes deleted content as it goes
// (secure_delete is on for every connection); this empties its write-ahead log, which
// still holds older copies of the pages (a TRUNCATE checkpoint, skipped when readers
// keep it busy past the busy timeout). PostgreSQL: VACUUM on the tables, so that dead
// row versions are no longer in them. Table names are the caller's constants (lower-case
// letters and underscores), never input.
void scrub(Store& store, std::span<const std::string_view> tables);

}  // namespace hs::store
