#include "modules/report/pdf.hpp"

#include <cmath>
#include <cairo-pdf.h>
#include <cairo.h>
#include <glib.h>
#include <pango/pangocairo.h>
#include <pango/pangofc-fontmap.h>

#include <algorithm>
#include <functional>
#include <memory>
#include <stdexcept>
#include <string_view>
#include <vector>

#include "modules/report/fonts.hpp"
#include "modules/wordcloud/module.hpp"

namespace hs::report {

namespace {

// GOV.UK's colours, as the site uses them: text, secondary text, borders.
struct Rgb {
  double r, g, b;
};
constexpr Rgb kText{11 / 255.0, 12 / 255.0, 12 / 255.0};
constexpr Rgb kSecondary{80 / 255.0, 90 / 255.0, 95 / 255.0};
constexpr Rgb kBorder{177 / 255.0, 180 / 255.0, 182 / 255.0};

constexpr double kLineSpacing = 1.25;  // times the font's own line height
constexpr double kQuoteBar = 4;        // pt, like .govuk-inset-text's left border
constexpr double kQuoteIndent = 15;
constexpr double kBulletIndent = 16;
constexpr double kNumberIndent = 24;  // room for "10."
constexpr double kCellPadX = 6, kCellPadY = 5;
constexpr double kCloudMaxHeight = 0.5;  // of the page's text area
constexpr double kShortTable = 1.0 / 3;  // of the page's text area: kept on one page

struct GObjectFree {
  void operator()(void* p) const { g_object_unref(p); }
};
using ContextPtr = std::unique_ptr<PangoContext, GObjectFree>;
using FontMapPtr = std::unique_ptr<PangoFontMap, GObjectFree>;
using LayoutPtr = std::shared_ptr<PangoLayout>;

struct FontDescFree {
  void operator()(PangoFontDescription* d) const { pango_font_description_free(d); }
};

void set_colour(cairo_t* cr, Rgb c) { cairo_set_source_rgb(cr, c.r, c.g, c.b); }

// Valid UTF-8 without control characters (other than newline and tab): pango draws
// those as boxes, and invalid bytes as warnings.
std::string clean(std::string_view text) {
  gchar* valid = g_utf8_make_valid(text.data(), static_cast<gssize>(text.size()));
  std::string out;
  out.reserve(text.size());
  for (const char* p = valid; *p; ++p) {
    auto c = static_cast<unsigned char>(*p);
    if ((c < 0x20 && c != '\n' && c != '\t') || c == 0x7f) continue;
    out.push_back(*p);
  }
  g_free(valid);
  return out;
}

std::string replace_all(std::string s, std::string_view from, std::string_view to) {
  for (auto at = s.find(from); at != std::string::npos; at = s.find(from, at + to.size()))
    s.replace(at, from.size(), to);
  return s;
}

const wordcloud::Font& cloud_font() {
  static const auto font = wordcloud::Font::shipped(400);
  if (!font) throw std::runtime_error("report: the word cloud's font is not in the binary");
  return *font;
}

// The PDF's structure (tagged PDF): headings, paragraphs, lists, tables, figures, in
// reading order, through cairo's structure tags. Content drawn goes to the innermost tag
// begun since the last one ended, so leaves hold the text and groups only hold leaves.
void tag_begin(cairo_t* cr, const char* name) { cairo_tag_begin(cr, name, ""); }
void tag_end(cairo_t* cr, const char* name) { cairo_tag_end(cr, name); }

// Leaves hold content and never cross a page: one is ended before the page's footer (which
// is not part of the text) and begun again on the next page.
bool leaf_tag(std::string_view name) {
  return name == "P" || name == "H1" || name == "H2" || name == "H3" || name == "LBody" || name == "Lbl" ||
         name == "Caption";
}

// One thing placed on a page, never split: a line of text, a table row, a picture.
struct Item {
  std::vector<std::string> open;                       // structure tags begun before it is drawn, outermost first
  std::vector<std::string> close;                      // ended after, innermost first
  std::function<void(cairo_t*, double y)> draw_again;  // a table header atop a later page: untagged
  double height = 0;
  double space_before = 0;  // dropped at the top of a page
  bool keep_with_next = false;
  int header = -1;  // a table row: its table's header row, drawn again atop a new page
  std::function<void(cairo_t*, double y)> draw;
  std::string outline;  // a heading: its entry in the PDF's outline
  int outline_level = 0;
};

struct Placement {
  std::size_t item;
  double y;
  bool again = false;  // a table's header drawn again atop a new page
};

struct TextStyle {
  double size = 12;
  bool bold = false;
  Rgb colour = kText;
  PangoAlignment align = PANGO_ALIGN_LEFT;
};

class Builder {
 public:
  Builder(PangoContext* ctx, const PdfOptions& o) : ctx_(ctx), o_(o) {
    left_ = o.margin;
    width_ = o.page_width - 2 * o.margin;
    text_height_ = o.page_height - 2 * o.margin;
  }

  std::vector<Item> items;

  // Structure: a tag opened before the next item added, closed after the last one added.
  // A tag that got nothing is dropped.
  void open_tag(std::string name) { pending_.push_back(std::move(name)); }
  void close_tag(const std::string& name) {
    if (!pending_.empty() && pending_.back() == name) {
      pending_.pop_back();
      return;
    }
    if (!items.empty()) items.back().close.push_back(name);
  }
  void push(Item item) {
    item.open = std::move(pending_);
    pending_.clear();
    items.push_back(std::move(item));
  }

  LayoutPtr layout(std::string_view text, const TextStyle& style, double width) {
    LayoutPtr l(pango_layout_new(ctx_), g_object_unref);
    std::unique_ptr<PangoFontDescription, FontDescFree> desc(
        pango_font_description_from_string(o_.font_family.c_str()));
    pango_font_description_set_absolute_size(desc.get(), style.size * PANGO_SCALE);
    pango_font_description_set_weight(desc.get(), style.bold ? PANGO_WEIGHT_BOLD : PANGO_WEIGHT_NORMAL);
    pango_layout_set_font_description(l.get(), desc.get());
    pango_layout_set_line_spacing(l.get(), static_cast<float>(kLineSpacing));
    pango_layout_set_wrap(l.get(), PANGO_WRAP_WORD_CHAR);
    if (width > 0) pango_layout_set_width(l.get(), static_cast<int>(width * PANGO_SCALE));
    pango_layout_set_alignment(l.get(), style.align);
    std::string t = clean(text);
    // Plain text, never markup: "<b>" and "&amp;" are shown as typed.
    pango_layout_set_text(l.get(), t.c_str(), static_cast<int>(t.size()));
    return l;
  }

  // Each line of the text as an item, so paragraphs break between pages; the first two
  // and last two lines stay together. `decorate` draws beside each line (a quote's bar).
  // Returns the index of the first item added.
  std::size_t lines(std::string_view text, const TextStyle& style, double x, double width, double space_before,
                    std::function<void(cairo_t*, double y, double h)> decorate = {}) {
    auto l = layout(text, style, width);
    struct Line {
      PangoLayoutLine* line;
      double top, baseline, offset_x;
    };
    std::vector<Line> found;
    PangoLayoutIter* it = pango_layout_get_iter(l.get());
    do {
      int y0 = 0, y1 = 0;
      pango_layout_iter_get_line_yrange(it, &y0, &y1);
      PangoRectangle logical;
      pango_layout_iter_get_line_extents(it, nullptr, &logical);
      found.push_back({pango_layout_iter_get_line_readonly(it), double(y0) / PANGO_SCALE,
                       double(pango_layout_iter_get_baseline(it)) / PANGO_SCALE, double(logical.x) / PANGO_SCALE});
    } while (pango_layout_iter_next_line(it));
    pango_layout_iter_free(it);
    PangoRectangle total;
    pango_layout_get_extents(l.get(), nullptr, &total);
    const double total_h = double(total.height) / PANGO_SCALE;

    const std::size_t first = items.size();
    for (std::size_t i = 0; i < found.size(); ++i) {
      const Line ln = found[i];
      const double next = i + 1 < found.size() ? found[i + 1].top : total_h;
      Item item;
      item.height = std::max(0.0, next - ln.top);
      item.space_before = i == 0 ? space_before : 0;
      const std::size_t n = found.size();
      item.keep_with_next = n >= 2 && (i == 0 || i + 2 == n);
      const Rgb colour = style.colour;
      const double h = item.height;
      item.draw = [l, ln, x, colour, decorate, h](cairo_t* cr, double y) {
        if (decorate) decorate(cr, y, h);
        set_colour(cr, colour);
        cairo_move_to(cr, x + ln.offset_x, y + ln.baseline - ln.top);
        pango_cairo_show_layout_line(cr, ln.line);
      };
      push(std::move(item));
    }
    return first;
  }

  void keep_last_with_next() {
    if (!items.empty()) items.back().keep_with_next = true;
  }

  void heading(std::string_view text, double size, double space_before, int outline_level) {
    if (clean(text).empty()) return;
    const std::string tag = "H" + std::to_string(outline_level + 1);
    open_tag(tag);
    auto first = lines(text, {.size = size, .bold = true}, left_, width_, space_before);
    close_tag(tag);
    for (auto i = first; i < items.size(); ++i) items[i].keep_with_next = true;
    items[first].outline = clean(text);
    items[first].outline_level = outline_level;
  }

  void title(const Document& d) {
    heading(d.title, o_.body_size * 2, 0, 0);
    for (const auto& line : d.subtitle) {
      if (clean(line).empty()) continue;
      open_tag("P");
      lines(line, {.size = o_.body_size * 7 / 6, .colour = kSecondary}, left_, width_, o_.body_size * 0.25);
      close_tag("P");
      keep_last_with_next();
    }
    if (!items.empty()) items.back().keep_with_next = false;
  }

  void section(const Section& s) {
    open_tag("Sect");
    heading(s.heading, o_.body_size * 1.5, o_.body_size * 2, 1);
    for (const auto& b : s.blocks) std::visit([this](const auto& v) { block(v); }, b);
    close_tag("Sect");
  }

 private:
  double gap() const { return o_.body_size * 0.75; }

  void block(const Paragraph& p) {
    if (clean(p.text).empty()) return;
    open_tag("P");
    lines(p.text, {.size = o_.body_size}, left_, width_, gap());
    close_tag("P");
  }

  // A list (L) of items (LI), each its label (Lbl: the bullet or number) and its text
  // (LBody). The label is an item of no height, drawn beside the text's first line.
  void block(const BulletList& list) {
    const double indent = list.ordered ? kNumberIndent : kBulletIndent;
    bool first = true;
    int number = 0;
    open_tag("L");
    for (const auto& entry : list.items) {
      if (clean(entry).empty()) continue;
      ++number;
      const double space = first ? gap() : o_.body_size * 0.3;
      first = false;
      auto label = layout(list.ordered ? std::to_string(number) + "." : "\u2022", {.size = o_.body_size}, 0);
      Item mark;
      mark.space_before = space;
      mark.keep_with_next = true;
      const double x = left_ + (list.ordered ? 0 : 3);
      mark.draw = [label, x](cairo_t* cr, double y) {
        set_colour(cr, kText);
        cairo_move_to(cr, x, y);
        pango_cairo_show_layout(cr, label.get());
      };
      open_tag("LI");
      open_tag("Lbl");
      push(std::move(mark));
      close_tag("Lbl");
      open_tag("LBody");
      lines(entry, {.size = o_.body_size}, left_ + indent, width_ - indent, 0);
      close_tag("LBody");
      close_tag("LI");
    }
    close_tag("L");
  }

  void block(const Quote& q) { quote(q, gap()); }

  void quote(const Quote& q, double space_before) {
    if (clean(q.text).empty()) return;
    const double x = left_;
    auto bar = [x](double gap_above) {
      return [x, gap_above](cairo_t* cr, double y, double h) {
        set_colour(cr, kBorder);
        cairo_rectangle(cr, x, y - gap_above, kQuoteBar, h + gap_above);
        cairo_fill(cr);
      };
    };
    open_tag("BlockQuote");
    open_tag("P");
    lines(q.text, {.size = o_.body_size}, left_ + kQuoteIndent, width_ - kQuoteIndent, space_before, bar(0));
    close_tag("P");
    if (q.attribution && !clean(*q.attribution).empty()) {
      open_tag("P");
      keep_last_with_next();  // a name is never alone at the top of a page
      const double space = o_.body_size * 0.25;
      auto at = lines("\u2014 " + *q.attribution, {.size = o_.body_size, .colour = kSecondary}, left_ + kQuoteIndent,
                      width_ - kQuoteIndent, space, bar(0));
      // The bar runs on through the gap above the name.
      auto draw_line = std::move(items[at].draw);
      auto filler = bar(space);
      items[at].draw = [draw_line, filler](cairo_t* cr, double y) {
        filler(cr, y, 0);
        draw_line(cr, y);
      };
      close_tag("P");
    }
    close_tag("BlockQuote");
  }

  void block(const Theme& t) {
    std::string title = t.number > 0 ? std::to_string(t.number) + ". " + t.title : t.title;
    open_tag("Sect");
    heading(title, o_.body_size * 1.25, o_.body_size * 1.5, 2);
    bool first = true;
    for (const auto& note : t.notes) {
      quote(note, first ? o_.body_size * 0.5 : gap());
      first = false;
    }
    close_tag("Sect");
  }

  void block(const Table& t) {
    std::size_t columns = t.header.size();
    for (const auto& r : t.rows) columns = std::max(columns, r.size());
    if (columns == 0) return;
    open_tag("Table");
    if (!clean(t.caption).empty()) {
      open_tag("Caption");
      lines(t.caption, {.size = o_.body_size, .bold = true}, left_, width_, gap());
      close_tag("Caption");
      keep_last_with_next();
    }
    auto align = [&](std::size_t c) {
      return c < t.align.size() && t.align[c] == Table::Align::end ? PANGO_ALIGN_RIGHT : PANGO_ALIGN_LEFT;
    };
    auto cell = [](const std::vector<std::string>& row, std::size_t c) -> std::string_view {
      return c < row.size() ? std::string_view(row[c]) : std::string_view();
    };

    // Natural widths, unwrapped; columns wider than their fair share give way.
    std::vector<double> natural(columns, 0);
    auto measure = [&](const std::vector<std::string>& row, bool bold) {
      for (std::size_t c = 0; c < columns; ++c) {
        auto l = layout(cell(row, c), {.size = o_.body_size, .bold = bold}, 0);
        PangoRectangle r;
        pango_layout_get_extents(l.get(), nullptr, &r);
        natural[c] = std::max(natural[c], double(r.width) / PANGO_SCALE + 2 * kCellPadX);
      }
    };
    measure(t.header, true);
    for (const auto& r : t.rows) measure(r, false);
    std::vector<double> widths = natural;
    double sum = 0;
    for (double w : natural) sum += w;
    if (sum <= width_) {
      widths[0] += width_ - sum;  // the first column is the words; numbers stay at the right
    } else {
      const double fair = width_ / double(columns);
      double narrow = 0, wide = 0;
      for (double w : natural) (w <= fair ? narrow : wide) += w;
      for (auto& w : widths)
        if (w > fair) w = (width_ - narrow) * w / wide;
    }

    auto row_item = [&](const std::vector<std::string>& row, bool header, double space_before) {
      std::vector<LayoutPtr> cells;
      std::vector<double> xs;
      double height = 0, x = left_;
      for (std::size_t c = 0; c < columns; ++c) {
        auto l = layout(cell(row, c), {.size = o_.body_size, .bold = header, .align = align(c)},
                        std::max(1.0, widths[c] - 2 * kCellPadX));
        PangoRectangle r;
        pango_layout_get_extents(l.get(), nullptr, &r);
        height = std::max(height, double(r.height) / PANGO_SCALE);
        cells.push_back(l);
        xs.push_back(x + kCellPadX);
        x += widths[c];
      }
      Item item;
      item.height = height + 2 * kCellPadY;
      item.space_before = space_before;
      const double left = left_, width = width_, rule = header ? 1.5 : 0.75;
      const Rgb rule_colour = header ? kText : kBorder;
      const double bottom = item.height;
      // A row (TR) of cells: header cells (TH) in the header row and the first column,
      // as the HTML page has them; data cells (TD) elsewhere. The rules are not text.
      auto draw = [cells, xs, left, width, rule, rule_colour, bottom, header](cairo_t* cr, double y, bool tagged) {
        if (tagged) tag_begin(cr, "TR");
        set_colour(cr, kText);
        for (std::size_t c = 0; c < cells.size(); ++c) {
          const char* tag = header || c == 0 ? "TH" : "TD";
          if (tagged) tag_begin(cr, tag);
          cairo_move_to(cr, xs[c], y + kCellPadY);
          pango_cairo_show_layout(cr, cells[c].get());
          if (tagged) tag_end(cr, tag);
        }
        if (tagged) tag_end(cr, "TR");
        set_colour(cr, rule_colour);
        cairo_set_line_width(cr, rule);
        cairo_move_to(cr, left, y + bottom - rule / 2);
        cairo_line_to(cr, left + width, y + bottom - rule / 2);
        cairo_stroke(cr);
      };
      item.draw = [draw](cairo_t* cr, double y) { draw(cr, y, true); };
      if (header) item.draw_again = [draw](cairo_t* cr, double y) { draw(cr, y, false); };
      push(std::move(item));
    };

    const std::size_t first = items.size();
    const bool has_header = !t.header.empty();
    int header_at = -1;
    if (has_header) {
      header_at = static_cast<int>(items.size());
      row_item(t.header, true, clean(t.caption).empty() ? gap() : o_.body_size * 0.25);
      items.back().keep_with_next = true;
    }
    for (std::size_t i = 0; i < t.rows.size(); ++i) {
      row_item(t.rows[i], false, !has_header && i == 0 ? gap() : 0);
      items.back().header = header_at;
    }
    // A short table is never split; a long one breaks with at least two rows on each side.
    double height = 0;
    for (auto i = first; i < items.size(); ++i) height += items[i].height + items[i].space_before;
    const std::size_t rows_at = first + (has_header ? 1 : 0), last = items.size() - 1;
    for (auto i = first; i < last; ++i) {
      if (height <= text_height_ * kShortTable || i == rows_at || i + 1 == last) items[i].keep_with_next = true;
    }
    items.back().keep_with_next = false;  // a header with no rows does not hold on to what follows
    close_tag("Table");
  }

  void block(const WordCloudFigure& f) {
    const auto& layout = f.layout;
    if (layout.width <= 0 || layout.height <= 0) return;
    const double scale = std::min(width_ / layout.width, text_height_ * kCloudMaxHeight / layout.height);
    const double w = layout.width * scale, h = layout.height * scale;
    const double x = left_ + (width_ - w) / 2;
    const auto* font = &cloud_font();
    Item item;
    item.height = h;
    item.space_before = gap();
    // A figure: the picture, then its caption (every word, in words) as its text alternative.
    open_tag("Figure");
    // The page's calm palette (each colour 4.5:1 or more on the page's white), each word
    // in the colour the event page gives it: chosen by its text, as the page and live.js
    // choose (so ids are left out of this copy).
    auto coloured = std::make_shared<wordcloud::Layout>(layout);
    for (auto& w : coloured->words) w.id.clear();
    item.draw = [coloured, font, x, scale](cairo_t* cr, double y) {
      cairo_save(cr);
      cairo_translate(cr, x, y);
      cairo_scale(cr, scale, scale);
      wordcloud::DrawOptions options;
      options.palette = &wordcloud::palette(wordcloud::Contrast::standard);
      auto drawn = wordcloud::draw(cr, *coloured, *font, options);
      cairo_restore(cr);
      if (!drawn) throw std::runtime_error("report: the word cloud could not be drawn");
    };
    push(std::move(item));
    if (!clean(f.alt).empty()) {
      keep_last_with_next();
      open_tag("Caption");
      lines(f.alt, {.size = o_.body_size * 11 / 12, .colour = kSecondary}, left_, width_, o_.body_size * 0.5);
      close_tag("Caption");
    }
    close_tag("Figure");
  }

  // The map of people is on the page only; its text (groups, common ground) follows.
  void block(const OpinionFigure&) {}

  void block(const HorizonsFigure& f) {
    const auto& p = f.picture;
    if (p.width <= 0 || p.height <= 0) return;
    const double scale = std::min(width_ / p.width, text_height_ * kCloudMaxHeight / p.height);
    const double w = p.width * scale, h = p.height * scale;
    const double x = left_ + (width_ - w) / 2;
    Item item;
    item.height = h;
    item.space_before = gap();
    // A figure: the picture (through the vision module's own drawing), then its caption.
    // It is drawn onto an image at about 220 dots an inch, then placed: drawn as vectors
    // straight onto the PDF, its many short-lived cairo-ft faces crash cairo's font
    // subsetting when the document is finished. Its words are all in the lists after it.
    open_tag("Figure");
    auto picture = std::make_shared<vision::Picture>(p);
    item.draw = [picture, x, scale, w, h](cairo_t* cr, double y) {
      constexpr double kDotsPerPoint = 3;
      const int pw = static_cast<int>(std::ceil(w * kDotsPerPoint)), ph = static_cast<int>(std::ceil(h * kDotsPerPoint));
      cairo_surface_t* image = cairo_image_surface_create(CAIRO_FORMAT_RGB24, pw, ph);
      cairo_t* ic = cairo_create(image);
      cairo_scale(ic, scale * kDotsPerPoint, scale * kDotsPerPoint);
      auto drawn = vision::draw(ic, *picture);
      cairo_destroy(ic);
      if (drawn) {
        cairo_save(cr);
        cairo_translate(cr, x, y);
        cairo_scale(cr, 1 / kDotsPerPoint, 1 / kDotsPerPoint);
        cairo_set_source_surface(cr, image, 0, 0);
        cairo_paint(cr);
        cairo_restore(cr);
      }
      cairo_surface_destroy(image);
      if (!drawn) throw std::runtime_error("report: the three-curves picture could not be drawn");
    };
    push(std::move(item));
    if (!clean(f.alt).empty()) {
      keep_last_with_next();
      open_tag("Caption");
      lines(f.alt, {.size = o_.body_size * 11 / 12, .colour = kSecondary}, left_, width_, o_.body_size * 0.5);
      close_tag("Caption");
    }
    close_tag("Figure");
  }

  PangoContext* ctx_;
  const PdfOptions& o_;
  double left_ = 0, width_ = 0, text_height_ = 0;
  std::vector<std::string> pending_;
};

std::vector<std::vector<Placement>> paginate(const std::vector<Item>& items, double top, double bottom) {
  std::vector<std::vector<Placement>> pages(1);
  double y = top;
  auto new_page = [&](const Item& next) {
    pages.emplace_back();
    y = top;
    if (next.header >= 0) {
      pages.back().push_back({static_cast<std::size_t>(next.header), y, true});
      y += items[static_cast<std::size_t>(next.header)].height;
    }
  };
  for (std::size_t i = 0; i < items.size(); ++i) {
    const Item& item = items[i];
    if (i == 0 || !items[i - 1].keep_with_next) {
      // The items that must stay together move to the next page as one, if they fit on one.
      double chain = item.height;
      for (std::size_t j = i; j + 1 < items.size() && items[j].keep_with_next; ++j)
        chain += items[j + 1].space_before + items[j + 1].height;
      if (!pages.back().empty() && y + item.space_before + chain > bottom && chain <= bottom - top) new_page(item);
    }
    if (!pages.back().empty() && y + item.space_before + item.height > bottom) new_page(item);
    const bool at_top = y == top;
    y += at_top ? 0 : item.space_before;
    pages.back().push_back({i, y});
    y += item.height;
  }
  return pages;
}

cairo_status_t append(void* out, const unsigned char* data, unsigned int length) {
  static_cast<std::string*>(out)->append(reinterpret_cast<const char*>(data), length);
  return CAIRO_STATUS_SUCCESS;
}

}  // namespace

std::string render_pdf(const Document& document, const PdfOptions& options) {
  // A font map of our own, on the fonts that include the site's: pango's default one is
  // per thread and knows only the system's fonts.
  FontMapPtr font_map(pango_cairo_font_map_new_for_font_type(CAIRO_FONT_TYPE_FT));
  pango_fc_font_map_set_config(PANGO_FC_FONT_MAP(font_map.get()), font_config());
  ContextPtr ctx(pango_font_map_create_context(font_map.get()));
  pango_cairo_context_set_resolution(ctx.get(), 72);  // 1 pt is one unit of the PDF surface
  cairo_font_options_t* fo = cairo_font_options_create();
  // Outlines and advances as the font has them: a PDF is not drawn on a pixel grid.
  cairo_font_options_set_hint_style(fo, CAIRO_HINT_STYLE_NONE);
  cairo_font_options_set_hint_metrics(fo, CAIRO_HINT_METRICS_OFF);
  pango_cairo_context_set_font_options(ctx.get(), fo);
  cairo_font_options_destroy(fo);
  pango_context_set_round_glyph_positions(ctx.get(), FALSE);

  Builder b(ctx.get(), options);
  b.open_tag("Document");
  b.title(document);
  for (const auto& s : document.sections) b.section(s);
  b.close_tag("Document");
  const auto pages = paginate(b.items, options.margin, options.page_height - options.margin);

  std::string out;
  cairo_surface_t* surface = cairo_pdf_surface_create_for_stream(append, &out, options.page_width, options.page_height);
  const std::string title = clean(document.title);
  if (!title.empty()) cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_TITLE, title.c_str());
  std::string subject;
  for (const auto& line : document.subtitle) {
    auto l = clean(line);
    if (l.empty()) continue;
    if (!subject.empty()) subject += ", ";
    subject += l;
  }
  if (!subject.empty()) cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_SUBJECT, subject.c_str());
  if (!options.creator.empty())
    cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_CREATOR, options.creator.c_str());

  cairo_t* cr = cairo_create(surface);
  int outline_parent[3] = {CAIRO_PDF_OUTLINE_ROOT, CAIRO_PDF_OUTLINE_ROOT, CAIRO_PDF_OUTLINE_ROOT};
  const std::string page_count = std::to_string(pages.size());
  std::vector<std::string> open;       // structure tags open now, outermost first
  std::vector<std::string> continued;  // leaves ended at the foot of the last page, to begin again
  try {
    for (std::size_t p = 0; p < pages.size(); ++p) {
      for (const auto& placed : pages[p]) {
        const Item& item = b.items[placed.item];
        if (placed.again) {
          if (item.draw_again) item.draw_again(cr, placed.y);
          continue;
        }
        for (auto& name : continued) tag_begin(cr, name.c_str()), open.push_back(std::move(name));
        continued.clear();
        for (const auto& name : item.open) tag_begin(cr, name.c_str()), open.push_back(name);
        if (!item.outline.empty()) {
          // Reading order of the outline: the title, then sections with their themes.
          const int level = std::clamp(item.outline_level, 0, 2);
          const std::string link = "page=" + std::to_string(p + 1) + " pos=[" + std::to_string(int(options.margin)) +
                                   " " + std::to_string(int(placed.y)) + "]";
          const int parent = level == 0 ? CAIRO_PDF_OUTLINE_ROOT : outline_parent[level - 1];
          const int id = cairo_pdf_surface_add_outline(surface, parent, item.outline.c_str(), link.c_str(),
                                                       CAIRO_PDF_OUTLINE_FLAG_OPEN);
          for (int l = level; l < 3; ++l) outline_parent[l] = id;
        }
        item.draw(cr, placed.y);
        for (const auto& name : item.close) {
          if (open.empty() || open.back() != name) throw std::logic_error("pdf: tags out of order: " + name);
          tag_end(cr, name.c_str());
          open.pop_back();
        }
      }
      while (!open.empty() && leaf_tag(open.back())) {
        tag_end(cr, open.back().c_str());
        continued.insert(continued.begin(), open.back());
        open.pop_back();
      }
      if (!options.page_label.empty()) {
        std::string label =
            replace_all(replace_all(options.page_label, "{pages}", page_count), "{page}", std::to_string(p + 1));
        auto footer =
            b.layout(label, {.size = options.body_size * 5 / 6, .colour = kSecondary, .align = PANGO_ALIGN_CENTER},
                     options.page_width - 2 * options.margin);
        PangoRectangle r;
        pango_layout_get_extents(footer.get(), nullptr, &r);
        set_colour(cr, kSecondary);
        cairo_move_to(cr, options.margin,
                      options.page_height - options.margin / 2 - double(r.height) / PANGO_SCALE / 2);
        pango_cairo_show_layout(cr, footer.get());
      }
      cairo_show_page(cr);
    }
  } catch (...) {
    cairo_destroy(cr);
    cairo_surface_destroy(surface);
    throw;
  }
  cairo_status_t status = cairo_status(cr);
  cairo_destroy(cr);
  cairo_surface_finish(surface);
  if (status == CAIRO_STATUS_SUCCESS) status = cairo_surface_status(surface);
  cairo_surface_destroy(surface);
  if (status != CAIRO_STATUS_SUCCESS) throw std::runtime_error(std::string("pdf: ") + cairo_status_to_string(status));
  return out;
}

}  // namespace hs::report
