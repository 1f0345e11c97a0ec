#pragma once
// A signed tree head: the space's key vouching that its log held `size` entries with
// this root at this time.
#include <cstdint>
#include <string>

namespace hs::audit {

struct SignedHead {
  std::int64_t space_id = 0;
  std::int64_t size = 0;
  std::string root;  // hex
  std::int64_t timestamp = 0;
  std::string signature;   // hex Ed25519 over canonical::head_text(space, size, root, timestamp)
  std::string public_key;  // hex
};

// {"public_key":..,"root":..,"signature":..,"size":..,"space":..,"timestamp":..}: what
// GET /spaces/{slug}/audit/head answers and `audit verify --head` reads.
std::string head_json(const SignedHead& h);

}  // namespace hs::audit
