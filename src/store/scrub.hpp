#pragma once
// Making deleted rows unrecoverable from the database's files, for data that must not
// outlive its deletion (such as the link between a person and an anonymous answer, or
// an erased account).
#include <chrono>
#include <span>
#include <string_view>

namespace hs::store {

class Store;

// Outside any transaction. SQLite zeroes deleted content as it goes (secure_delete is on
// for every connection); this empties its write-ahead log, which still holds older
// copies of the pages, with a TRUNCATE checkpoint. A reader that holds a transaction
// open (another process, a backup) keeps the log from being emptied: the checkpoint is
// tried again until `patience` has passed. Returns true once the log is empty, false
// when it could not be emptied in time: older copies of the pages may then remain until
// a later scrub succeeds.
//
// PostgreSQL: VACUUM on the tables (all of them when `tables` is empty), so that dead
// row versions no longer sit in them; returns true. It cannot reach PostgreSQL's own
// write-ahead log, nor remove versions an older transaction can still see (see
// docs/governance.md). Table names are the caller's constants (lower-case letters and
// underscores), never input.
bool scrub(Store& store, std::span<const std::string_view> tables, std::chrono::milliseconds patience);

}  // namespace hs::store
