#pragma once
// The hashes of a stored log's subtrees. A proof or a root needs about 2·log2(n) of
// them. Perfect subtrees of 2^kStoredLevel leaves and more are stored rows; smaller ones
// are rehashed from at most that many leaf hashes, read in one query, so each costs a
// few dozen indexed reads however long the log grows. Lookups are remembered for the
// object's life (one proof).
#include <cstdint>
#include <map>
#include <vector>

#include "modules/audit/rules/merkle.hpp"

namespace hs::store {
class Conn;
}

namespace hs::audit::commands {

class StoredTree {
 public:
  StoredTree(store::Conn& c, std::int64_t space_id) : c_(c), space_id_(space_id) {}

  // MTH of leaves [r.begin, r.end), which must all be stored.
  merkle::Hash range(merkle::Range r);
  merkle::Hash piece(const merkle::Node& n);

 private:
  const std::vector<merkle::Hash>& block_leaves(std::uint64_t block);

  store::Conn& c_;
  std::int64_t space_id_;
  std::map<merkle::Node, merkle::Hash> nodes_;
  std::map<std::uint64_t, std::vector<merkle::Hash>> blocks_;
};

}  // namespace hs::audit::commands
