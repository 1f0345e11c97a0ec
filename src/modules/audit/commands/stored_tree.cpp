#include "modules/audit/commands/stored_tree.hpp"

#include <stdexcept>
#include <string>

#include "modules/audit/commands/commands.hpp"
#include "modules/audit/repo.hpp"

namespace hs::audit::commands {

using merkle::Hash;

Hash StoredTree::range(merkle::Range r) {
  std::vector<Hash> hashes;
  for (const auto& p : merkle::pieces(r)) hashes.push_back(piece(p));
  return merkle::fold(hashes);
}

Hash StoredTree::piece(const merkle::Node& n) {
  if (auto it = nodes_.find(n); it != nodes_.end()) return it->second;
  Hash h;
  if (n.level >= kStoredLevel) {
    auto hex = repo::node(c_, space_id_, n.level, static_cast<std::int64_t>(n.index));
    auto stored = hex ? merkle::from_hex(*hex) : std::nullopt;
    if (!stored) throw std::runtime_error("audit subtree missing in space " + std::to_string(space_id_));
    h = *stored;
  } else {
    const std::uint64_t block = n.begin() >> kStoredLevel;
    const auto& leaves = block_leaves(block);
    const std::uint64_t first = n.begin() - (block << kStoredLevel);
    const std::uint64_t count = std::uint64_t{1} << n.level;
    if (first + count > leaves.size())
      throw std::runtime_error("audit leaves missing in space " + std::to_string(space_id_));
    h = merkle::range_hash(std::span<const Hash>(leaves).subspan(first, count), {0, count});
  }
  nodes_.emplace(n, h);
  return h;
}

const std::vector<Hash>& StoredTree::block_leaves(std::uint64_t block) {
  if (auto it = blocks_.find(block); it != blocks_.end()) return it->second;
  const auto begin = static_cast<std::int64_t>(block << kStoredLevel);
  std::vector<Hash> leaves;
  for (const auto& hex : repo::leaves(c_, space_id_, begin, begin + (std::int64_t{1} << kStoredLevel))) {
    auto h = merkle::from_hex(hex);
    if (!h) throw std::runtime_error("audit leaf hash damaged in space " + std::to_string(space_id_));
    leaves.push_back(*h);
  }
  return blocks_.emplace(block, std::move(leaves)).first->second;
}

}  // namespace hs::audit::commands
