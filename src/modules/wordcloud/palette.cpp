#include "modules/wordcloud/palette.hpp"

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <optional>

namespace hs::wordcloud {
namespace {

std::optional<double> channel(std::string_view hex) {
  auto digit = [](char c) -> int {
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    return -1;
  };
  int hi = digit(hex[0]), lo = digit(hex[1]);
  if (hi < 0 || lo < 0) return std::nullopt;
  double c = (hi * 16 + lo) / 255.0;
  return c <= 0.04045 ? c / 12.92 : std::pow((c + 0.055) / 1.055, 2.4);
}

std::optional<double> luminance(std::string_view colour) {
  if (colour.size() != 7 || colour[0] != '#') return std::nullopt;
  auto r = channel(colour.substr(1, 2)), g = channel(colour.substr(3, 2)), b = channel(colour.substr(5, 2));
  if (!r || !g || !b) return std::nullopt;
  return 0.2126 * *r + 0.7152 * *g + 0.0722 * *b;
}

}  // namespace

const Palette& palette(Contrast contrast) {
  // Deep, muted blues, greens and plums on white: calm on a projector, none brighter
  // than 4.5:1 allows (tests/unit/modules/wordcloud/palette_test.cpp checks each).
  static const Palette standard{
      "#ffffff", {"#1d4e89", "#00625e", "#2f6b3a", "#5a3d8a", "#8a3b12", "#383f43", "#1d70b8", "#6b2d5c"}};
  static const Palette high{"#000000", {"#ffffff"}};
  return contrast == Contrast::high ? high : standard;
}

Contrast contrast_from(std::string_view name) { return name == "high" ? Contrast::high : Contrast::standard; }

const std::string& colour_for(const Palette& p, std::string_view id) {
  std::uint64_t h = 1469598103934665603ULL;  // FNV-1a: the same colour in every build
  for (unsigned char c : id) h = (h ^ c) * 1099511628211ULL;
  return p.text[h % p.text.size()];
}

double contrast_ratio(std::string_view a, std::string_view b) {
  auto la = luminance(a), lb = luminance(b);
  if (!la || !lb) return 0;
  return (std::max(*la, *lb) + 0.05) / (std::min(*la, *lb) + 0.05);
}

}  // namespace hs::wordcloud
