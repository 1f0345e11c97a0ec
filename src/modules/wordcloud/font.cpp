#include "modules/wordcloud/font.hpp"

#include <ft2build.h>
#include FT_FREETYPE_H
#include FT_TRUETYPE_TABLES_H
#include <hb.h>
#include <unicode/uchar.h>
#include <unicode/utf8.h>

#include <algorithm>
#include <fstream>
#include <map>
#include <sstream>

#include "core/embedded.hpp"

namespace hs::wordcloud {

// HarfBuzz reads the font's tables, which FreeType has unpacked from WOFF2 once, at
// load; FreeType is not kept, so measuring needs no lock.
struct Font::Impl {
  std::map<hb_tag_t, std::string> tables;
  std::string file;  // the bytes it was read from
  std::string family;
  int weight = 400;
  hb_face_t* face = nullptr;
  hb_font_t* font = nullptr;
  double upem = 1000;
  double ascent = 0.8, descent = 0.2, cap_height = 0.7;

  ~Impl() {
    if (font) hb_font_destroy(font);
    if (face) hb_face_destroy(face);
  }

  static hb_blob_t* table(hb_face_t*, hb_tag_t tag, void* self) {
    auto& tables = static_cast<Impl*>(self)->tables;
    auto it = tables.find(tag);
    if (it == tables.end()) return hb_blob_get_empty();
    return hb_blob_create(it->second.data(), static_cast<unsigned>(it->second.size()), HB_MEMORY_MODE_READONLY, nullptr,
                          nullptr);
  }
};

namespace {

struct FreeType {
  FT_Library lib = nullptr;
  FT_Face face = nullptr;
  ~FreeType() {
    if (face) FT_Done_Face(face);
    if (lib) FT_Done_FreeType(lib);
  }
};

}  // namespace

Font::Font(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
Font::Font(Font&&) noexcept = default;
Font& Font::operator=(Font&&) noexcept = default;
Font::~Font() = default;

Result<Font> Font::from_memory(std::string_view bytes, std::string family, int weight) {
  auto unreadable = [] { return fail(ErrorCode::unavailable, "wordcloud_font_unreadable"); };
  if (bytes.empty()) return unreadable();
  FreeType ft;
  if (FT_Init_FreeType(&ft.lib) != 0) return unreadable();
  if (FT_New_Memory_Face(ft.lib, reinterpret_cast<const FT_Byte*>(bytes.data()), static_cast<FT_Long>(bytes.size()), 0,
                         &ft.face) != 0)
    return unreadable();

  auto impl = std::make_unique<Impl>();
  for (FT_UInt i = 0;; ++i) {
    FT_ULong tag = 0, length = 0;
    if (FT_Sfnt_Table_Info(ft.face, i, &tag, &length) != 0) break;
    std::string data(length, '\0');
    FT_ULong got = length;
    if (FT_Load_Sfnt_Table(ft.face, tag, 0, reinterpret_cast<FT_Byte*>(data.data()), &got) != 0) return unreadable();
    impl->tables.emplace(static_cast<hb_tag_t>(tag), std::move(data));
  }
  if (!impl->tables.contains(HB_TAG('h', 'e', 'a', 'd'))) return unreadable();

  impl->file.assign(bytes.data(), bytes.size());
  impl->family = std::move(family);
  impl->weight = weight;
  impl->face = hb_face_create_for_tables(&Impl::table, impl.get(), nullptr);
  impl->upem = hb_face_get_upem(impl->face);
  impl->font = hb_font_create(impl->face);
  hb_font_set_scale(impl->font, static_cast<int>(impl->upem), static_cast<int>(impl->upem));
  hb_font_make_immutable(impl->font);

  hb_font_extents_t fe;
  if (hb_font_get_h_extents(impl->font, &fe)) {
    impl->ascent = fe.ascender / impl->upem;
    impl->descent = -fe.descender / impl->upem;
  }
  hb_glyph_extents_t ge;
  hb_codepoint_t h;
  if (hb_font_get_nominal_glyph(impl->font, 'H', &h) && hb_font_get_glyph_extents(impl->font, h, &ge))
    impl->cap_height = ge.y_bearing / impl->upem;
  return Font(std::move(impl));
}

Result<Font> Font::from_file(const std::string& path, std::string family, int weight) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return fail(ErrorCode::unavailable, "wordcloud_font_unreadable");
  std::stringstream ss;
  ss << in.rdbuf();
  return from_memory(ss.str(), std::move(family), weight);
}

Result<Font> Font::shipped(int weight) {
  if (weight != 400 && weight != 700) return fail(ErrorCode::invalid, "wordcloud_font_unreadable");
  auto bytes = hs::embedded::get("resources/wordcloud/fonts/atkinson-hyperlegible-next-latin-" +
                                 std::to_string(weight) + "-normal.woff2");
  return from_memory(bytes, "Atkinson Hyperlegible Next", weight);
}

const std::string& Font::family() const { return impl_->family; }
int Font::weight() const { return impl_->weight; }
std::string_view Font::file_bytes() const { return impl_->file; }

TextMetrics Font::measure(std::string_view utf8) const {
  TextMetrics m;
  // One buffer per thread, reused: creating one costs as much as shaping a word.
  struct Buffer {
    hb_buffer_t* b = hb_buffer_create();
    ~Buffer() { hb_buffer_destroy(b); }
  };
  thread_local Buffer buffer;
  hb_buffer_t* buf = buffer.b;
  hb_buffer_clear_contents(buf);
  hb_buffer_add_utf8(buf, utf8.data(), static_cast<int>(utf8.size()), 0, static_cast<int>(utf8.size()));
  hb_buffer_guess_segment_properties(buf);
  hb_shape(impl_->font, buf, nullptr, 0);
  unsigned n = 0;
  const hb_glyph_info_t* info = hb_buffer_get_glyph_infos(buf, &n);
  const hb_glyph_position_t* pos = hb_buffer_get_glyph_positions(buf, &n);

  const double em = impl_->upem;
  double pen = 0;
  bool any = false;
  auto add_box = [&](double l, double t, double r, double b) {
    if (r <= l || b <= t) return;
    if (!any) {
      m.ink_left = l, m.ink_top = t, m.ink_right = r, m.ink_bottom = b;
      any = true;
      return;
    }
    m.ink_left = std::min(m.ink_left, l);
    m.ink_top = std::min(m.ink_top, t);
    m.ink_right = std::max(m.ink_right, r);
    m.ink_bottom = std::max(m.ink_bottom, b);
  };
  for (unsigned i = 0; i < n; ++i) {
    if (info[i].codepoint == 0) {
      // No glyph: the browser falls back to another font. Estimate a wide or
      // narrow character box reaching from cap height to the descender.
      int32_t at = static_cast<int32_t>(info[i].cluster);
      UChar32 c = 0;
      U8_NEXT(utf8.data(), at, static_cast<int32_t>(utf8.size()), c);
      int width = u_getIntPropertyValue(c, UCHAR_EAST_ASIAN_WIDTH);
      double advance = (width == U_EA_WIDE || width == U_EA_FULLWIDTH) ? 1.0 : 0.6;
      add_box(pen, -std::max(impl_->cap_height, 0.75), pen + advance, impl_->descent);
      pen += advance;
      ++m.missing;
      continue;
    }
    hb_glyph_extents_t e;
    if (hb_font_get_glyph_extents(impl_->font, info[i].codepoint, &e)) {
      double x = (pen * em + pos[i].x_offset + e.x_bearing) / em;
      double top = -(pos[i].y_offset + e.y_bearing) / em;
      add_box(x, top, x + e.width / em, top - e.height / em);
    }
    pen += pos[i].x_advance / em;
  }
  m.advance = pen;
  return m;
}

}  // namespace hs::wordcloud
