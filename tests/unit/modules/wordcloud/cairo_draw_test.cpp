#include "modules/wordcloud/cairo_draw.hpp"

#include <cairo-pdf.h>
#include <cairo.h>
#include <gtest/gtest.h>

#include <cstdint>
#include <cstring>
#include <stdexcept>
#include <string>
#include <vector>

#include "modules/wordcloud/font.hpp"
#include "modules/wordcloud/layout.hpp"
#include "shipped_font.hpp"

namespace hs::wordcloud {
namespace {

using test_support::font;

Layout small_cloud(int width = 480, int height = 270) {
  LayoutOptions o;
  o.width = width;
  o.height = height;
  return layout({{"listening", 9, ""}, {"trust", 5, ""}, {"respect", 3, ""}, {"time", 2, ""}, {"kindness", 1, ""}},
                font(), o);
}

std::uint32_t be32(const std::string& s, std::size_t at) {
  return (std::uint32_t(std::uint8_t(s[at])) << 24) | (std::uint32_t(std::uint8_t(s[at + 1])) << 16) |
         (std::uint32_t(std::uint8_t(s[at + 2])) << 8) | std::uint32_t(std::uint8_t(s[at + 3]));
}

// The PNG read back by a real decoder (cairo's, libpng underneath).
struct Decoded {
  cairo_surface_t* s = nullptr;
  ~Decoded() {
    if (s) cairo_surface_destroy(s);
  }
  int width() const { return cairo_image_surface_get_width(s); }
  int height() const { return cairo_image_surface_get_height(s); }
  // Darkness of a pixel, 0 (white) to 255 (black); premultiplied ARGB32, opaque here.
  int dark(int x, int y) const {
    const unsigned char* row = cairo_image_surface_get_data(s) + y * cairo_image_surface_get_stride(s);
    std::uint32_t p;
    std::memcpy(&p, row + 4 * x, 4);
    int g = (p >> 8) & 0xff;
    return 255 - g;
  }
};

Decoded decode(const std::string& png) {
  struct Reader {
    const std::string* data;
    std::size_t at = 0;
  } r{&png};
  auto read = [](void* closure, unsigned char* out, unsigned int n) -> cairo_status_t {
    auto* rd = static_cast<Reader*>(closure);
    if (rd->at + n > rd->data->size()) return CAIRO_STATUS_READ_ERROR;
    std::memcpy(out, rd->data->data() + rd->at, n);
    rd->at += n;
    return CAIRO_STATUS_SUCCESS;
  };
  Decoded d;
  d.s = cairo_image_surface_create_from_png_stream(read, &r);
  cairo_surface_flush(d.s);
  return d;
}

TEST(WordcloudPng, IsAPngOfTheLayoutsSize) {
  auto cloud = small_cloud();
  ASSERT_EQ(cloud.words.size(), 5u);
  auto png = png_bytes(cloud, font());
  ASSERT_TRUE(png);
  ASSERT_GT(png->size(), 33u);
  EXPECT_EQ(png->substr(0, 8), std::string("\x89PNG\r\n\x1a\n", 8));
  EXPECT_EQ(png->substr(12, 4), "IHDR");
  EXPECT_EQ(be32(*png, 16), 480u);
  EXPECT_EQ(be32(*png, 20), 270u);

  PngOptions twice;
  twice.scale = 2;
  auto big = png_bytes(cloud, font(), twice);
  ASSERT_TRUE(big);
  EXPECT_EQ(be32(*big, 16), 960u);
  EXPECT_EQ(be32(*big, 20), 540u);
}

TEST(WordcloudPng, InkWhereTheWordsAreAndNowhereElse) {
  auto cloud = small_cloud();
  PngOptions twice;
  twice.scale = 2;
  auto png = png_bytes(cloud, font(), twice);
  ASSERT_TRUE(png);
  auto img = decode(*png);
  ASSERT_EQ(cairo_surface_status(img.s), CAIRO_STATUS_SUCCESS);
  ASSERT_EQ(img.width(), 960);
  ASSERT_EQ(img.height(), 540);

  std::vector<std::vector<bool>> inside(img.height(), std::vector<bool>(img.width(), false));
  for (const auto& w : cloud.words) {
    // Each word's reserved box has real ink in it (dark pixels), drawn by the font.
    long ink = 0;
    for (int y = w.top * 2; y < (w.top + w.height) * 2; ++y)
      for (int x = w.left * 2; x < (w.left + w.width) * 2; ++x) {
        if (y < 0 || x < 0 || y >= img.height() || x >= img.width()) continue;
        inside[y][x] = true;
        ink += img.dark(x, y) > 128;
      }
    const long area = long(w.width) * w.height * 4;
    EXPECT_GT(ink, area / 20) << w.text;  // letters cover a good part of their box
  }
  // Outside every box: background only (a pixel of anti-aliasing allowed at the edges).
  long stray = 0;
  for (int y = 0; y < img.height(); ++y)
    for (int x = 0; x < img.width(); ++x) {
      if (inside[y][x]) continue;
      bool near = false;
      for (int dy = -2; dy <= 2 && !near; ++dy)
        for (int dx = -2; dx <= 2 && !near; ++dx) {
          int yy = y + dy, xx = x + dx;
          near = yy >= 0 && xx >= 0 && yy < img.height() && xx < img.width() && inside[yy][xx];
        }
      if (!near) stray += img.dark(x, y) > 0;
    }
  EXPECT_EQ(stray, 0);
  EXPECT_EQ(img.dark(0, 0), 0);  // white background
}

TEST(WordcloudPng, SameLayoutSameBytes) {
  auto cloud = small_cloud();
  EXPECT_EQ(*png_bytes(cloud, font()), *png_bytes(cloud, font()));
}

TEST(WordcloudPng, TheSameDrawingGoesOnAPdfSurfaceAsVectors) {
  auto cloud = small_cloud();
  std::string pdf;
  auto write = [](void* closure, const unsigned char* data, unsigned int n) -> cairo_status_t {
    static_cast<std::string*>(closure)->append(reinterpret_cast<const char*>(data), n);
    return CAIRO_STATUS_SUCCESS;
  };
  cairo_surface_t* surface = cairo_pdf_surface_create_for_stream(write, &pdf, cloud.width, cloud.height);
  cairo_t* cr = cairo_create(surface);
  EXPECT_TRUE(draw(cr, cloud, font()));
  cairo_destroy(cr);
  cairo_surface_finish(surface);
  cairo_surface_destroy(surface);
  ASSERT_GT(pdf.size(), 1000u);
  EXPECT_EQ(pdf.substr(0, 5), "%PDF-");
  EXPECT_NE(pdf.find("/FontFile"), std::string::npos);  // the font is embedded: text, not pixels
}

}  // namespace
}  // namespace hs::wordcloud
