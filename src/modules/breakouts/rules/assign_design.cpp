#include "modules/breakouts/rules/assign_design.hpp"

#include <optional>

namespace hs::breakouts::design {
namespace {

// A finite field GF(q), q = p^k <= 256, as addition and multiplication tables; empty when
// q is not a prime power.
struct Field {
  int q = 0;
  std::vector<int> add, mul;  // q*q tables
  int sub(int a, int b) const {
    for (int c = 0; c < q; ++c)
      if (add[b * q + c] == a) return c;
    return 0;
  }
};

std::optional<Field> make_field(int q) {
  if (q < 2 || q > 256) return std::nullopt;
  int p = 2;
  while (q % p) ++p;
  int k = 0;
  for (int r = q; r > 1; r /= p) {
    if (r % p) return std::nullopt;
    ++k;
  }
  auto digits = [&](int v) {
    std::vector<int> d(k);
    for (int i = 0; i < k; ++i) d[i] = v % p, v /= p;
    return d;
  };
  auto number = [&](const std::vector<int>& d) {
    int v = 0;
    for (int i = k - 1; i >= 0; --i) v = v * p + d[i];
    return v;
  };
  Field f;
  f.q = q;
  f.add.assign(q * q, 0);
  for (int a = 0; a < q; ++a)
    for (int b = 0; b < q; ++b) {
      auto x = digits(a), y = digits(b);
      for (int i = 0; i < k; ++i) x[i] = (x[i] + y[i]) % p;
      f.add[a * q + b] = number(x);
    }
  // try monic polynomials x^k + c(x) until the products make a field
  for (int c = 0; c < q; ++c) {
    auto low = digits(c);  // x^k = -low(x)
    f.mul.assign(q * q, 0);
    for (int a = 0; a < q; ++a)
      for (int b = 0; b < q; ++b) {
        auto x = digits(a), y = digits(b);
        std::vector<int> prod(2 * k, 0);
        for (int i = 0; i < k; ++i)
          for (int j = 0; j < k; ++j) prod[i + j] = (prod[i + j] + x[i] * y[j]) % p;
        for (int d = 2 * k - 1; d >= k; --d) {
          int t = prod[d];
          prod[d] = 0;
          for (int i = 0; i < k; ++i) prod[d - k + i] = ((prod[d - k + i] - t * low[i]) % p + p) % p;
        }
        prod.resize(k);
        f.mul[a * q + b] = number(prod);
      }
    bool field = true;
    for (int a = 1; a < q && field; ++a) {
      bool inverse = false;
      for (int b = 1; b < q && !inverse; ++b) inverse = f.mul[a * q + b] == 1;
      field = inverse;
    }
    if (field) return f;
  }
  return std::nullopt;
}

}  // namespace

std::vector<std::vector<int>> design_rounds(int n, int groups, int g) {
  if (g < 2 || groups < g || n != g * groups) return {};
  auto field = make_field(groups);
  if (!field) return {};
  const int q = groups;
  std::vector<std::vector<int>> out;
  for (int a = 0; a < q; ++a) {
    std::vector<int> group_of(n);
    for (int i = 0; i < g; ++i)
      for (int c = 0; c < q; ++c) group_of[i * q + c] = field->sub(c, field->mul[a * q + i]);
    out.push_back(std::move(group_of));
  }
  if (q % g == 0) {
    std::vector<int> group_of(n);
    for (int i = 0; i < g; ++i)
      for (int c = 0; c < q; ++c) group_of[i * q + c] = i * (q / g) + c / g;
    out.push_back(std::move(group_of));
  }
  return out;
}

}  // namespace hs::breakouts::design
