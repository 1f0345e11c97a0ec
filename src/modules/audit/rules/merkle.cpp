#include "modules/audit/rules/merkle.hpp"

// SHA-256 comes from OpenSSL's libcrypto, which the build always links: it uses the
// CPU's SHA instructions, about five times faster than libsodium's portable code, which
// is the floor for verifying a million entries. Pure computation.
#include <openssl/evp.h>

#include <bit>
#include <cstring>
#include <stdexcept>

namespace hs::audit::merkle {

namespace {

// The largest power of two smaller than n (n > 1): where MTH splits.
std::uint64_t split_point(std::uint64_t n) { return std::bit_floor(n - 1); }

void path(std::uint64_t m, std::uint64_t offset, std::uint64_t n, std::vector<Range>& out) {
  if (n <= 1) return;
  const auto k = split_point(n);
  if (m < k) {
    path(m, offset, k, out);
    out.push_back({offset + k, offset + n});
  } else {
    path(m - k, offset + k, n - k, out);
    out.push_back({offset, offset + k});
  }
}

void subproof(std::uint64_t m, std::uint64_t offset, std::uint64_t n, bool whole, std::vector<Range>& out) {
  if (m == n) {
    // The old tree's root is a node of the new tree: the verifier knows it already when
    // this subtree is the whole old tree.
    if (!whole) out.push_back({offset, offset + n});
    return;
  }
  const auto k = split_point(n);
  if (m <= k) {
    subproof(m, offset, k, whole, out);
    out.push_back({offset + k, offset + n});
  } else {
    subproof(m - k, offset + k, n - k, false, out);
    out.push_back({offset, offset + k});
  }
}

Hash perfect(std::span<const Hash> leaves, unsigned level, std::uint64_t begin) {
  if (level == 0) return leaves[begin];
  const std::uint64_t half = std::uint64_t{1} << (level - 1);
  return node_hash(perfect(leaves, level - 1, begin), perfect(leaves, level - 1, begin + half));
}

// Lower-case hex only: upper case is not the canonical spelling. -1: not a digit.
constexpr std::array<signed char, 256> kHexValue = [] {
  std::array<signed char, 256> t{};
  t.fill(-1);
  for (int i = 0; i < 10; ++i) t['0' + i] = static_cast<signed char>(i);
  for (int i = 0; i < 6; ++i) t['a' + i] = static_cast<signed char>(10 + i);
  return t;
}();

}  // namespace

namespace {

// One digest context per thread, reused: fetching the algorithm per hash costs more
// than the hash.
class Sha256 {
 public:
  Sha256() : md_(EVP_MD_fetch(nullptr, "SHA256", nullptr)), ctx_(EVP_MD_CTX_new()) {
    if (!md_ || !ctx_) throw std::runtime_error("OpenSSL has no SHA-256");
  }
  ~Sha256() {
    EVP_MD_CTX_free(ctx_);
    EVP_MD_free(md_);
  }
  Sha256(const Sha256&) = delete;
  Sha256& operator=(const Sha256&) = delete;

  Hash two(const void* a, std::size_t na, const void* b, std::size_t nb) {
    Hash out;
    unsigned int len = 0;
    if (EVP_DigestInit_ex(ctx_, md_, nullptr) != 1 || EVP_DigestUpdate(ctx_, a, na) != 1 ||
        EVP_DigestUpdate(ctx_, b, nb) != 1 || EVP_DigestFinal_ex(ctx_, out.data(), &len) != 1 || len != 32)
      throw std::runtime_error("SHA-256 failed");
    return out;
  }

 private:
  EVP_MD* md_;
  EVP_MD_CTX* ctx_;
};

Hash sha256(const void* a, std::size_t na, const void* b = nullptr, std::size_t nb = 0) {
  thread_local Sha256 h;
  return h.two(a, na, b, nb);
}

}  // namespace

Hash leaf_hash(std::string_view entry) {
  static constexpr unsigned char kLeafPrefix = 0x00;
  return sha256(&kLeafPrefix, 1, entry.data(), entry.size());
}

Hash node_hash(const Hash& left, const Hash& right) {
  unsigned char buf[65];
  buf[0] = 0x01;
  std::memcpy(buf + 1, left.data(), 32);
  std::memcpy(buf + 33, right.data(), 32);
  return sha256(buf, sizeof buf);
}

Hash empty_root() { return sha256(nullptr, 0); }

std::string to_hex(const Hash& h) {
  static constexpr char kDigits[] = "0123456789abcdef";
  std::string out(64, '0');
  for (std::size_t i = 0; i < h.size(); ++i) {
    out[2 * i] = kDigits[h[i] >> 4];
    out[2 * i + 1] = kDigits[h[i] & 0xF];
  }
  return out;
}

std::optional<Hash> from_hex(std::string_view hex) {
  if (hex.size() != 64) return std::nullopt;
  Hash out;
  int bad = 0;
  for (std::size_t i = 0; i < out.size(); ++i) {
    const int hi = kHexValue[static_cast<unsigned char>(hex[2 * i])];
    const int lo = kHexValue[static_cast<unsigned char>(hex[2 * i + 1])];
    bad |= hi | lo;  // negative when either is not a digit
    out[i] = static_cast<unsigned char>((hi << 4 | lo) & 0xFF);
  }
  if (bad < 0) return std::nullopt;
  return out;
}

std::vector<Node> pieces(Range r) {
  std::vector<Node> out;
  std::uint64_t p = r.begin;
  while (p < r.end) {
    unsigned level = p == 0 ? 63u : static_cast<unsigned>(std::countr_zero(p));
    const auto fits = static_cast<unsigned>(std::bit_width(r.end - p) - 1);
    if (fits < level) level = fits;
    out.push_back({level, p >> level});
    p += std::uint64_t{1} << level;
  }
  return out;
}

Hash fold(std::span<const Hash> piece_hashes) {
  if (piece_hashes.empty()) return empty_root();
  Hash h = piece_hashes.back();
  for (std::size_t i = piece_hashes.size() - 1; i-- > 0;) h = node_hash(piece_hashes[i], h);
  return h;
}

std::vector<Range> inclusion_ranges(std::uint64_t m, std::uint64_t n) {
  std::vector<Range> out;
  if (m < n) path(m, 0, n, out);
  return out;
}

std::vector<Range> consistency_ranges(std::uint64_t m, std::uint64_t n) {
  std::vector<Range> out;
  if (m > 0 && m < n) subproof(m, 0, n, true, out);
  return out;
}

Hash range_hash(std::span<const Hash> leaves, Range r) {
  std::vector<Hash> hashes;
  for (const auto& p : pieces(r)) hashes.push_back(perfect(leaves, p.level, p.begin()));
  return fold(hashes);
}

Hash root(std::span<const Hash> leaves) { return range_hash(leaves, {0, leaves.size()}); }

std::vector<Hash> inclusion_proof(std::span<const Hash> leaves, std::uint64_t m) {
  std::vector<Hash> out;
  for (const auto& r : inclusion_ranges(m, leaves.size())) out.push_back(range_hash(leaves, r));
  return out;
}

std::vector<Hash> consistency_proof(std::span<const Hash> leaves, std::uint64_t m) {
  std::vector<Hash> out;
  for (const auto& r : consistency_ranges(m, leaves.size())) out.push_back(range_hash(leaves, r));
  return out;
}

bool verify_inclusion(std::uint64_t index, std::uint64_t size, const Hash& leaf, std::span<const Hash> path,
                      const Hash& root) {
  if (index >= size) return false;
  std::uint64_t fn = index, sn = size - 1;
  Hash r = leaf;
  for (const auto& p : path) {
    if (sn == 0) return false;
    if ((fn & 1) || fn == sn) {
      r = node_hash(p, r);
      while (!(fn & 1) && fn != 0) {
        fn >>= 1;
        sn >>= 1;
      }
    } else {
      r = node_hash(r, p);
    }
    fn >>= 1;
    sn >>= 1;
  }
  return sn == 0 && r == root;
}

bool verify_consistency(std::uint64_t first, std::uint64_t second, const Hash& first_root, const Hash& second_root,
                        std::span<const Hash> proof) {
  if (first > second) return false;
  if (first == second) return proof.empty() && first_root == second_root;
  if (first == 0) return proof.empty();
  if (proof.empty()) return false;
  std::vector<Hash> path;
  path.reserve(proof.size() + 1);
  if (std::has_single_bit(first)) path.push_back(first_root);
  path.insert(path.end(), proof.begin(), proof.end());
  std::uint64_t fn = first - 1, sn = second - 1;
  while (fn & 1) {
    fn >>= 1;
    sn >>= 1;
  }
  Hash fr = path[0], sr = path[0];
  for (std::size_t i = 1; i < path.size(); ++i) {
    const auto& c = path[i];
    if (sn == 0) return false;
    if ((fn & 1) || fn == sn) {
      fr = node_hash(c, fr);
      sr = node_hash(c, sr);
      while (!(fn & 1) && fn != 0) {
        fn >>= 1;
        sn >>= 1;
      }
    } else {
      sr = node_hash(sr, c);
    }
    fn >>= 1;
    sn >>= 1;
  }
  return fr == first_root && sr == second_root && sn == 0;
}

std::vector<std::pair<Node, Hash>> Frontier::push(const Hash& leaf) {
  std::vector<std::pair<Node, Hash>> completed;
  Hash h = leaf;
  unsigned level = 0;
  while (size_ & (std::uint64_t{1} << level)) {
    h = node_hash(hashes_.back(), h);
    hashes_.pop_back();
    ++level;
    completed.push_back({Node{level, size_ >> level}, h});
  }
  hashes_.push_back(h);
  ++size_;
  return completed;
}

Hash Frontier::root() const { return fold(hashes_); }

}  // namespace hs::audit::merkle
