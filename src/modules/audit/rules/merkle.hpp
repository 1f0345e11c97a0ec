#pragma once
// The Merkle tree of Certificate Transparency (RFC 6962, RFC 9162 §2.1): the hash of a
// log, inclusion proofs (PATH) and consistency proofs (PROOF), and their verification.
// Pure: no I/O. Proof generation is split in two so storage can answer it cheaply: the
// proof is first described as subtrees (ranges of leaves), each range splits into
// perfect subtrees ("pieces"), and only the pieces' hashes need looking up.
#include <array>
#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace hs::audit::merkle {

using Hash = std::array<unsigned char, 32>;

// SHA-256(0x00 || entry).
Hash leaf_hash(std::string_view entry);
// SHA-256(0x01 || left || right).
Hash node_hash(const Hash& left, const Hash& right);
// The hash of the empty tree: SHA-256 of nothing.
Hash empty_root();

std::string to_hex(const Hash& h);
std::optional<Hash> from_hex(std::string_view hex);

// Leaves [begin, end) of the log.
struct Range {
  std::uint64_t begin = 0;
  std::uint64_t end = 0;
  friend bool operator==(const Range&, const Range&) = default;
};

// A perfect subtree: 2^level leaves starting at index << level.
struct Node {
  unsigned level = 0;
  std::uint64_t index = 0;
  std::uint64_t begin() const { return index << level; }
  std::uint64_t end() const { return (index + 1) << level; }
  friend bool operator==(const Node&, const Node&) = default;
  friend auto operator<=>(const Node&, const Node&) = default;
};

// The perfect subtrees a range splits into, left to right, largest first. Valid for the
// ranges proofs are made of and for prefixes [0, n): those begin at a multiple of the
// largest power of two not above their length.
std::vector<Node> pieces(Range r);
// MTH of a range from the hashes of its pieces, in the order pieces() gave them.
Hash fold(std::span<const Hash> piece_hashes);

// The subtrees whose hashes form PATH(m, D[n]) (RFC 9162 §2.1.3.1), in proof order.
// Requires m < n.
std::vector<Range> inclusion_ranges(std::uint64_t m, std::uint64_t n);
// The subtrees whose hashes form PROOF(m, D[n]) (RFC 9162 §2.1.4.1), in proof order.
// Empty when m == 0 or m == n. Requires m <= n.
std::vector<Range> consistency_ranges(std::uint64_t m, std::uint64_t n);

// Over a list of leaf hashes held in memory (tests, the offline verifier).
Hash root(std::span<const Hash> leaves);
Hash range_hash(std::span<const Hash> leaves, Range r);
std::vector<Hash> inclusion_proof(std::span<const Hash> leaves, std::uint64_t m);
std::vector<Hash> consistency_proof(std::span<const Hash> leaves, std::uint64_t m);

// RFC 9162 §2.1.3.2.
bool verify_inclusion(std::uint64_t index, std::uint64_t size, const Hash& leaf, std::span<const Hash> path,
                      const Hash& root);
// RFC 9162 §2.1.4.2; equal sizes need equal roots and an empty proof, and any log is
// consistent with the empty one.
bool verify_consistency(std::uint64_t first, std::uint64_t second, const Hash& first_root, const Hash& second_root,
                        std::span<const Hash> proof);

// The right edge of a growing log (a "compact range" over [0, size)): the hashes of
// pieces({0, size}), enough to append a leaf and to know the root, in O(log n) memory.
class Frontier {
 public:
  // Appends a leaf; returns every perfect subtree of two or more leaves it completed.
  std::vector<std::pair<Node, Hash>> push(const Hash& leaf);
  Hash root() const;
  std::uint64_t size() const { return size_; }

 private:
  std::uint64_t size_ = 0;
  std::vector<Hash> hashes_;  // largest subtree first
};

}  // namespace hs::audit::merkle
