#pragma once
// The library's files on disk and what their bytes are. Files live in one folder under the
// data directory (<data>/library), each under 64 random hex characters (libsodium), never
// under the name it was uploaded with, readable by this program's user only.
#include <optional>
#include <string>
#include <string_view>

#include "core/error.hpp"

namespace hs::library {

// Where the files are: set by register_module from --data-dir, kept in Services::kept.
struct Storage {
  std::string dir;
};

// What the bytes are, as libmagic reads them (a MIME type such as "application/pdf"), ""
// when it cannot tell. Thread-safe (a libmagic handle per thread, loaded once).
std::string sniff(std::string_view bytes);

// Writes the bytes under a new random name and returns it (unavailable when the disk
// refuses: the message says so).
Result<std::string> save_file(const Storage& s, std::string_view bytes);
std::optional<std::string> read_file(const Storage& s, const std::string& stored_name);
// Removes it; nothing when it is not there.
void delete_file(const Storage& s, const std::string& stored_name);
// The stored name is one this module made (64 lower-case hex characters): nothing else is
// ever joined to the folder's path.
bool valid_stored_name(std::string_view name);

}  // namespace hs::library
