// The Merkle tree against the published RFC 6962 test vectors (the data used by the
// Certificate Transparency reference implementations: eight leaves, roots of sizes 1 to
// 8, inclusion paths and consistency proofs), and against a direct transcription of the
// RFC's recursive definitions for every size up to 70.
#include "modules/audit/rules/merkle.hpp"

#include <gtest/gtest.h>

#include <bit>

#include "core/crypto.hpp"

namespace hs::audit::merkle {

namespace {

Hash h(std::string_view hex) {
  auto v = from_hex(hex);
  EXPECT_TRUE(v.has_value()) << hex;
  return v.value_or(Hash{});
}

std::string bytes(std::string_view hex) { return crypto::from_hex(hex).value(); }

const std::vector<std::string> kLeafData = {
    bytes(""),
    bytes("00"),
    bytes("10"),
    bytes("2021"),
    bytes("3031"),
    bytes("40414243"),
    bytes("5051525354555657"),
    bytes("606162636465666768696a6b6c6d6e6f"),
};

const char* const kRoots[] = {
    "6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d",
    "fac54203e7cc696cf0dfcb42c92a1d9dbaf70ad9e621f4bd8d98662f00e3c125",
    "aeb6bcfe274b70a14fb067a5e5578264db0fa9b51af5e0ba159158f329e06e77",
    "d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7",
    "4e3bbb1f7b478dcfe71fb631631519a3bca12c9aefca1612bfce4c13a86264d4",
    "76e67dadbcdf1e10e1b74ddc608abd2f98dfb16fbce75277b5232a127f2087ef",
    "ddb89be403809e325750d3d263cd78929c2942b7942a34b77e122c9594a74c8c",
    "5dc9da79a70659a9ad559cb701ded9a2ab9d823aad2f4960cfe370eff4604328",
};

struct PathVector {
  std::uint64_t index;  // zero-based
  std::uint64_t size;
  std::vector<const char*> path;
};
const std::vector<PathVector> kPaths = {
    {0, 1, {}},
    {0,
     8,
     {"96a296d224f285c67bee93c30f8a309157f0daa35dc5b87e410b78630a09cfc7",
      "5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e",
      "6b47aaf29ee3c2af9af889bc1fb9254dabd31177f16232dd6aab035ca39bf6e4"}},
    {5,
     8,
     {"bc1a0643b12e4d2d7c77918f44e0f4f79a838b6cf9ec5b5c283e1f4d88599e6b",
      "ca854ea128ed050b41b35ffc1b87b8eb2bde461e9e3b5596ece6b9d5975a0ae0",
      "d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7"}},
    {2, 3, {"fac54203e7cc696cf0dfcb42c92a1d9dbaf70ad9e621f4bd8d98662f00e3c125"}},
    {1,
     5,
     {"6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d",
      "5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e",
      "bc1a0643b12e4d2d7c77918f44e0f4f79a838b6cf9ec5b5c283e1f4d88599e6b"}},
};

struct ConsistencyVector {
  std::uint64_t first;
  std::uint64_t second;
  std::vector<const char*> proof;
};
const std::vector<ConsistencyVector> kConsistency = {
    {1, 1, {}},
    {1,
     8,
     {"96a296d224f285c67bee93c30f8a309157f0daa35dc5b87e410b78630a09cfc7",
      "5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e",
      "6b47aaf29ee3c2af9af889bc1fb9254dabd31177f16232dd6aab035ca39bf6e4"}},
    {6,
     8,
     {"0ebc5d3437fbe2db158b9f126a1d118e308181031d0a949f8dededebc558ef6a",
      "ca854ea128ed050b41b35ffc1b87b8eb2bde461e9e3b5596ece6b9d5975a0ae0",
      "d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7"}},
    {2,
     5,
     {"5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e",
      "bc1a0643b12e4d2d7c77918f44e0f4f79a838b6cf9ec5b5c283e1f4d88599e6b"}},
    {6,
     7,
     {"0ebc5d3437fbe2db158b9f126a1d118e308181031d0a949f8dededebc558ef6a",
      "b08693ec2e721597130641e8211e7eedccb4c26413963eee6c1e2ed16ffb1a5f",
      "d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7"}},
};

std::vector<Hash> vector_leaves() {
  std::vector<Hash> out;
  for (const auto& d : kLeafData) out.push_back(leaf_hash(d));
  return out;
}

std::vector<Hash> hashes(const std::vector<const char*>& hex) {
  std::vector<Hash> out;
  for (const auto* x : hex) out.push_back(h(x));
  return out;
}

// RFC 9162 §2.1.1, §2.1.3.1 and §2.1.4.1, word for word, over in-memory leaf hashes.
std::uint64_t k_for(std::uint64_t n) { return std::bit_floor(n - 1); }

Hash mth(std::span<const Hash> d) {
  if (d.empty()) return empty_root();
  if (d.size() == 1) return d[0];
  const auto k = k_for(d.size());
  return node_hash(mth(d.subspan(0, k)), mth(d.subspan(k)));
}

std::vector<Hash> ref_path(std::uint64_t m, std::span<const Hash> d) {
  if (d.size() <= 1) return {};
  const auto k = k_for(d.size());
  std::vector<Hash> out;
  if (m < k) {
    out = ref_path(m, d.subspan(0, k));
    out.push_back(mth(d.subspan(k)));
  } else {
    out = ref_path(m - k, d.subspan(k));
    out.push_back(mth(d.subspan(0, k)));
  }
  return out;
}

std::vector<Hash> ref_subproof(std::uint64_t m, std::span<const Hash> d, bool b) {
  if (m == d.size()) return b ? std::vector<Hash>{} : std::vector<Hash>{mth(d)};
  const auto k = k_for(d.size());
  std::vector<Hash> out;
  if (m <= k) {
    out = ref_subproof(m, d.subspan(0, k), b);
    out.push_back(mth(d.subspan(k)));
  } else {
    out = ref_subproof(m - k, d.subspan(k), false);
    out.push_back(mth(d.subspan(0, k)));
  }
  return out;
}

std::vector<Hash> numbered_leaves(std::size_t n) {
  std::vector<Hash> out;
  for (std::size_t i = 0; i < n; ++i) out.push_back(leaf_hash("entry " + std::to_string(i)));
  return out;
}

}  // namespace

TEST(Merkle, EmptyTreeIsTheHashOfNothing) {
  EXPECT_EQ(to_hex(empty_root()), "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
  EXPECT_EQ(root({}), empty_root());
}

TEST(Merkle, RootsOfTheRfc6962VectorsForEverySize) {
  auto leaves = vector_leaves();
  for (std::size_t n = 1; n <= 8; ++n)
    EXPECT_EQ(to_hex(root(std::span<const Hash>(leaves).first(n))), kRoots[n - 1]) << "size " << n;
}

TEST(Merkle, InclusionPathsOfTheRfc6962Vectors) {
  auto leaves = vector_leaves();
  for (const auto& v : kPaths) {
    auto d = std::span<const Hash>(leaves).first(v.size);
    EXPECT_EQ(inclusion_proof(d, v.index), hashes(v.path)) << v.index << " in " << v.size;
    EXPECT_TRUE(verify_inclusion(v.index, v.size, leaves[v.index], hashes(v.path), h(kRoots[v.size - 1])));
  }
}

TEST(Merkle, ConsistencyProofsOfTheRfc6962Vectors) {
  auto leaves = vector_leaves();
  for (const auto& v : kConsistency) {
    auto d = std::span<const Hash>(leaves).first(v.second);
    EXPECT_EQ(consistency_proof(d, v.first), hashes(v.proof)) << v.first << " to " << v.second;
    EXPECT_TRUE(
        verify_consistency(v.first, v.second, h(kRoots[v.first - 1]), h(kRoots[v.second - 1]), hashes(v.proof)));
  }
}

TEST(Merkle, CorruptedInclusionProofsFail) {
  auto leaves = vector_leaves();
  const auto root8 = h(kRoots[7]);
  const auto& v = kPaths[2];  // leaf 5 of 8
  const auto good = hashes(v.path);
  const auto leaf = leaves[v.index];
  EXPECT_FALSE(verify_inclusion(v.index - 1, 8, leaf, good, root8));
  EXPECT_FALSE(verify_inclusion(v.index + 1, 8, leaf, good, root8));
  EXPECT_FALSE(verify_inclusion(v.index ^ 2, 8, leaf, good, root8));
  EXPECT_FALSE(verify_inclusion(v.index, 16, leaf, good, root8));
  EXPECT_FALSE(verify_inclusion(v.index, 4, leaf, good, root8));
  EXPECT_FALSE(verify_inclusion(v.index, 8, leaves[0], good, root8));
  EXPECT_FALSE(verify_inclusion(v.index, 8, leaf, good, empty_root()));
  auto longer = good;
  longer.push_back(root8);
  EXPECT_FALSE(verify_inclusion(v.index, 8, leaf, longer, root8));
  auto front = good;
  front.insert(front.begin(), root8);
  EXPECT_FALSE(verify_inclusion(v.index, 8, leaf, front, root8));
  EXPECT_FALSE(verify_inclusion(v.index, 8, leaf, std::span<const Hash>(good).first(2), root8));
  for (std::size_t i = 0; i < good.size(); ++i) {
    auto flipped = good;
    flipped[i][0] ^= 8;
    EXPECT_FALSE(verify_inclusion(v.index, 8, leaf, flipped, root8)) << "flipped hash " << i;
  }
  EXPECT_FALSE(verify_inclusion(0, 0, leaf, {}, empty_root()));
  EXPECT_FALSE(verify_inclusion(1, 1, leaf, {}, leaf));
}

TEST(Merkle, CorruptedConsistencyProofsFail) {
  const auto& v = kConsistency[2];  // 6 to 8
  const auto good = hashes(v.proof);
  const auto r6 = h(kRoots[5]), r8 = h(kRoots[7]);
  EXPECT_FALSE(verify_consistency(5, 8, r6, r8, good));
  EXPECT_FALSE(verify_consistency(7, 8, r6, r8, good));
  EXPECT_FALSE(verify_consistency(6, 16, r6, r8, good));
  EXPECT_FALSE(verify_consistency(6, 4, r6, r8, good));
  EXPECT_FALSE(verify_consistency(6, 8, r8, r6, good));
  EXPECT_FALSE(verify_consistency(6, 8, r6, r8, {}));
  auto longer = good;
  longer.push_back(r8);
  EXPECT_FALSE(verify_consistency(6, 8, r6, r8, longer));
  auto front = good;
  front.insert(front.begin(), good[0]);
  EXPECT_FALSE(verify_consistency(6, 8, r6, r8, front));
  EXPECT_FALSE(verify_consistency(6, 8, r6, r8, std::span<const Hash>(good).first(2)));
  for (std::size_t i = 0; i < good.size(); ++i) {
    auto flipped = good;
    flipped[i][0] ^= 16;
    EXPECT_FALSE(verify_consistency(6, 8, r6, r8, flipped)) << "flipped hash " << i;
  }
  // Equal sizes need equal roots and no proof; anything follows from the empty log.
  EXPECT_TRUE(verify_consistency(3, 3, r6, r6, {}));
  EXPECT_FALSE(verify_consistency(3, 3, r6, r8, {}));
  EXPECT_FALSE(verify_consistency(3, 3, r6, r6, good));
  EXPECT_TRUE(verify_consistency(0, 8, empty_root(), r8, {}));
  EXPECT_FALSE(verify_consistency(0, 8, empty_root(), r8, good));
  EXPECT_FALSE(verify_consistency(8, 6, r8, r6, good));
}

TEST(Merkle, ProofsMatchTheRfcDefinitionsAndVerifyForEverySizeUpTo70) {
  const auto all = numbered_leaves(70);
  for (std::uint64_t n = 1; n <= all.size(); ++n) {
    auto d = std::span<const Hash>(all).first(n);
    const auto r = mth(d);
    ASSERT_EQ(root(d), r) << n;
    for (std::uint64_t m = 0; m < n; ++m) {
      auto p = inclusion_proof(d, m);
      ASSERT_EQ(p, ref_path(m, d)) << m << " in " << n;
      ASSERT_TRUE(verify_inclusion(m, n, d[m], p, r)) << m << " in " << n;
      if (n > 1) {
        ASSERT_FALSE(verify_inclusion(m, n, d[(m + 1) % n], p, r)) << m << " in " << n;
      }
    }
    for (std::uint64_t m = 1; m <= n; ++m) {
      auto p = consistency_proof(d, m);
      ASSERT_EQ(p, m == n ? std::vector<Hash>{} : ref_subproof(m, d, true)) << m << " to " << n;
      ASSERT_TRUE(verify_consistency(m, n, mth(d.first(m)), r, p)) << m << " to " << n;
      if (m < n) {
        ASSERT_FALSE(verify_consistency(m, n, mth(d.first(m - 1)), r, p)) << m << " to " << n;
        ASSERT_FALSE(verify_consistency(m, n, mth(d.first(m)), mth(d.first(n - 1)), p)) << m << " to " << n;
      }
    }
  }
}

TEST(Merkle, PiecesAreAlignedPerfectSubtreesThatFoldToTheRangeHash) {
  const auto all = numbered_leaves(70);
  for (std::uint64_t n = 1; n <= all.size(); ++n) {
    auto d = std::span<const Hash>(all).first(n);
    auto pieces_of_all = pieces({0, n});
    EXPECT_EQ(pieces_of_all.size(), static_cast<std::size_t>(std::popcount(n)));
    for (std::uint64_t m = 0; m < n; ++m)
      for (const auto& r : inclusion_ranges(m, n)) {
        std::vector<Hash> ph;
        std::uint64_t at = r.begin;
        for (const auto& p : pieces(r)) {
          EXPECT_EQ(p.begin(), at);
          at = p.end();
          ph.push_back(range_hash(d, {p.begin(), p.end()}));
        }
        EXPECT_EQ(at, r.end);
        EXPECT_EQ(fold(ph), mth(d.subspan(r.begin, r.end - r.begin)));
      }
  }
}

TEST(Merkle, FrontierKeepsTheRootAndReportsEveryCompletedSubtree) {
  const auto all = numbered_leaves(100);
  Frontier f;
  EXPECT_EQ(f.root(), empty_root());
  std::size_t completed = 0;
  for (std::size_t i = 0; i < all.size(); ++i) {
    for (const auto& [node, hash] : f.push(all[i])) {
      ++completed;
      EXPECT_EQ(node.end(), i + 1);
      EXPECT_EQ(hash, range_hash(all, {node.begin(), node.end()}));
    }
    EXPECT_EQ(f.root(), mth(std::span<const Hash>(all).first(i + 1))) << i;
    EXPECT_EQ(f.size(), i + 1);
  }
  EXPECT_EQ(completed, all.size() - static_cast<std::size_t>(std::popcount(all.size())));
}

TEST(Merkle, HexIsLowerCaseOnly) {
  EXPECT_TRUE(from_hex(kRoots[0]).has_value());
  EXPECT_FALSE(from_hex("6E340B9CFFB37A989CA544E6BB780A2C78901D3FB33738768511A30617AFA01D").has_value());
  EXPECT_FALSE(from_hex("6e34").has_value());
}

}  // namespace hs::audit::merkle
