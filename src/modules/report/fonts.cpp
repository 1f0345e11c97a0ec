#include "modules/report/fonts.hpp"

#include <fontconfig/fontconfig.h>
#include <ft2build.h>
#include FT_FREETYPE_H
#include FT_TRUETYPE_TABLES_H
#include <spdlog/spdlog.h>
#include <stdlib.h>  // mkdtemp

#include <algorithm>
#include <cstdint>
#include <filesystem>
#include <fstream>
#include <utility>
#include <vector>

#include "core/embedded.hpp"

namespace hs::report {

namespace {

void put16(std::string& out, std::uint32_t v) {
  out.push_back(static_cast<char>((v >> 8) & 0xff));
  out.push_back(static_cast<char>(v & 0xff));
}

void put32(std::string& out, std::uint32_t v) {
  put16(out, v >> 16);
  put16(out, v & 0xffff);
}

// The sum of the data as big-endian 32-bit words, zero-padded: the sfnt checksum.
std::uint32_t checksum(std::string_view data) {
  std::uint32_t sum = 0;
  for (std::size_t i = 0; i < data.size(); i += 4) {
    std::uint32_t word = 0;
    for (std::size_t j = 0; j < 4; ++j) {
      word <<= 8;
      if (i + j < data.size()) word |= static_cast<std::uint8_t>(data[i + j]);
    }
    sum += word;
  }
  return sum;
}

constexpr std::uint32_t tag(char a, char b, char c, char d) {
  return (std::uint32_t(std::uint8_t(a)) << 24) | (std::uint32_t(std::uint8_t(b)) << 16) |
         (std::uint32_t(std::uint8_t(c)) << 8) | std::uint32_t(std::uint8_t(d));
}

struct FreeType {
  FT_Library lib = nullptr;
  FT_Face face = nullptr;
  ~FreeType() {
    if (face) FT_Done_Face(face);
    if (lib) FT_Done_FreeType(lib);
  }
};

// The private directory holding the rebuilt font files; removed when the process ends.
struct FontDir {
  std::filesystem::path path;
  ~FontDir() {
    std::error_code ec;
    if (!path.empty()) std::filesystem::remove_all(path, ec);
  }
};

bool write_file(const std::filesystem::path& path, const std::string& bytes) {
  std::ofstream out(path, std::ios::binary);
  out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
  return static_cast<bool>(out);
}

FcConfig* make_config(FontDir& dir) {
  FcConfig* config = FcInitLoadConfigAndFonts();
  if (!config) config = FcConfigCreate();
  std::string pattern = (std::filesystem::temp_directory_path() / "hs-report-fonts-XXXXXX").string();
  if (!mkdtemp(pattern.data())) {
    spdlog::warn("report: no temporary directory for the site's font; PDFs use system fonts");
    return config;
  }
  dir.path = pattern;
  for (int weight : {400, 700}) {
    auto woff2 = embedded::get("resources/wordcloud/fonts/atkinson-hyperlegible-next-latin-" + std::to_string(weight) +
                               "-normal.woff2");
    std::string sfnt = sfnt_from_font_file(woff2);
    auto file = dir.path / ("atkinson-hyperlegible-next-" + std::to_string(weight) + ".ttf");
    if (sfnt.empty() || !write_file(file, sfnt) ||
        !FcConfigAppFontAddFile(config, reinterpret_cast<const FcChar8*>(file.c_str()))) {
      spdlog::warn("report: the site's font (weight {}) could not be registered; PDFs use system fonts", weight);
    }
  }
  return config;
}

}  // namespace

std::string sfnt_from_font_file(std::string_view bytes) {
  FreeType ft;
  if (bytes.empty() || FT_Init_FreeType(&ft.lib) != 0 ||
      FT_New_Memory_Face(ft.lib, reinterpret_cast<const FT_Byte*>(bytes.data()), static_cast<FT_Long>(bytes.size()), 0,
                         &ft.face) != 0 ||
      !FT_IS_SFNT(ft.face)) {
    return {};
  }
  // FreeType has unpacked WOFF2 into plain tables; copy each one out as it is.
  std::vector<std::pair<std::uint32_t, std::string>> tables;
  FT_ULong table_tag = 0, length = 0;
  for (FT_UInt i = 0; FT_Sfnt_Table_Info(ft.face, i, &table_tag, &length) == 0; ++i) {
    std::string data(length, '\0');
    if (length > 0 &&
        FT_Load_Sfnt_Table(ft.face, table_tag, 0, reinterpret_cast<FT_Byte*>(data.data()), &length) != 0) {
      return {};
    }
    tables.emplace_back(static_cast<std::uint32_t>(table_tag), std::move(data));
  }
  if (tables.empty()) return {};
  std::sort(tables.begin(), tables.end(), [](const auto& a, const auto& b) { return a.first < b.first; });

  bool cff =
      std::any_of(tables.begin(), tables.end(), [](const auto& t) { return t.first == tag('C', 'F', 'F', ' '); });
  const auto n = static_cast<std::uint32_t>(tables.size());
  std::uint32_t pow2 = 1, log2 = 0;
  while (pow2 * 2 <= n) {
    pow2 *= 2;
    ++log2;
  }
  std::string out;
  put32(out, cff ? tag('O', 'T', 'T', 'O') : 0x00010000u);
  put16(out, n);
  put16(out, pow2 * 16);
  put16(out, log2);
  put16(out, n * 16 - pow2 * 16);
  std::size_t offset = 12 + 16 * tables.size();
  std::size_t head_at = 0;
  for (auto& [t, data] : tables) {
    if (t == tag('h', 'e', 'a', 'd') && data.size() >= 12) {
      std::fill_n(data.begin() + 8, 4, '\0');  // checkSumAdjustment, set once the file is whole
      head_at = offset;
    }
    put32(out, t);
    put32(out, checksum(data));
    put32(out, static_cast<std::uint32_t>(offset));
    put32(out, static_cast<std::uint32_t>(data.size()));
    offset += (data.size() + 3) & ~std::size_t{3};
  }
  for (const auto& [t, data] : tables) {
    out += data;
    out.append((4 - data.size() % 4) % 4, '\0');
  }
  if (head_at != 0) {
    std::uint32_t adjust = 0xB1B0AFBAu - checksum(out);
    for (int i = 0; i < 4; ++i) out[head_at + 8 + i] = static_cast<char>((adjust >> (24 - 8 * i)) & 0xff);
  }
  return out;
}

_FcConfig* font_config() {
  static FontDir dir;
  static FcConfig* config = make_config(dir);
  return config;
}

}  // namespace hs::report
