// Appending to a space's log, inside the caller's transaction.
#include <limits>
#include <stdexcept>

#include "modules/audit/commands/commands.hpp"
#include "modules/audit/rules/merkle.hpp"
#include "services/services.hpp"
#include "store/db.hpp"

namespace hs::audit::commands {

namespace {

// Stores the perfect subtrees leaf `seq` completes, from 16 leaves up: every 16th
// append computes one from its block's leaves, and each larger one from two stored
// halves. Smaller subtrees are rehashed from leaves when needed.
void store_completed(store::Conn& c, std::int64_t space_id, std::int64_t seq, const merkle::Hash& leaf) {
  constexpr std::int64_t kBlock = std::int64_t{1} << kStoredLevel;
  if ((seq + 1) % kBlock != 0) return;
  std::vector<merkle::Hash> leaves;
  for (const auto& hex : repo::leaves(c, space_id, seq + 1 - kBlock, seq)) leaves.push_back(*merkle::from_hex(hex));
  leaves.push_back(leaf);
  if (leaves.size() != static_cast<std::size_t>(kBlock))
    throw std::runtime_error("audit leaves missing in space " + std::to_string(space_id));
  merkle::Node node{kStoredLevel, static_cast<std::uint64_t>(seq) >> kStoredLevel};
  merkle::Hash hash = merkle::root(leaves);
  repo::insert_node(c, space_id, node.level, static_cast<std::int64_t>(node.index), merkle::to_hex(hash));
  while (node.index & 1) {
    auto left = repo::node(c, space_id, node.level, static_cast<std::int64_t>(node.index - 1));
    auto left_hash = left ? merkle::from_hex(*left) : std::nullopt;
    if (!left_hash) throw std::runtime_error("audit subtree missing in space " + std::to_string(space_id));
    hash = merkle::node_hash(*left_hash, hash);
    node = {node.level + 1, node.index >> 1};
    repo::insert_node(c, space_id, node.level, static_cast<std::int64_t>(node.index), merkle::to_hex(hash));
  }
}

}  // namespace

Result<std::int64_t> append(Services& app, store::Conn& c, std::int64_t space_id, std::string_view kind,
                            const Fields& data) {
  // Checked before a number is taken, so a caller that ignored the error could not leave
  // a gap: the widest numbers stand in for the ones not known yet.
  constexpr auto kWidest = std::numeric_limits<std::int64_t>::min();
  if (!canonical::entry_text({space_id, kWidest, kWidest}, kind, data))
    return fail(ErrorCode::invalid, "audit_entry_invalid");
  auto size = repo::grow_log(c, space_id);
  if (!size) {
    create_log(app, c, space_id);
    size = repo::grow_log(c, space_id);
    if (!size) throw std::logic_error("audit log missing right after it was created");
  }
  const std::int64_t seq = *size - 1;
  auto text = canonical::entry_text({space_id, seq, app.clock->now()}, kind, data);
  if (!text) throw std::logic_error("an audit entry that passed its checks could not be written");
  const auto leaf = merkle::leaf_hash(*text);
  repo::insert_entry(c, space_id, seq, *text, merkle::to_hex(leaf));
  store_completed(c, space_id, seq, leaf);
  return seq;
}

}  // namespace hs::audit::commands
