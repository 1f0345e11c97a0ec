#include "modules/wordcloud/svg.hpp"

#include "core/number.hpp"
#include "core/text.hpp"
#include "modules/wordcloud/font.hpp"
#include "modules/wordcloud/layout.hpp"

namespace hs::wordcloud {
std::string to_svg(const Layout& layout, const Font& font, const SvgOptions& options) {
  std::string label = options.title;
  std::size_t named = 0;
  for (const auto& w : layout.words) {
    if (named == options.label_words) break;
    label += label.empty() ? "" : (named == 0 ? ": " : ", ");
    label += w.text;
    ++named;
  }
  std::string w = std::to_string(layout.width), h = std::to_string(layout.height);
  std::string out;
  out.reserve(256 + layout.words.size() * 160);
  out += "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"" + w + "\" height=\"" + h + "\" viewBox=\"0 0 " + w + " " +
         h + "\" role=\"img\" aria-label=\"" + text::xml_escape(label) + "\">\n";
  out += "<title>" + text::xml_escape(label) + "</title>\n";
  const auto& colours = palette(options.contrast);
  out += "<rect width=\"100%\" height=\"100%\" fill=\"" + colours.background + "\"/>\n";
  out += "<g font-family=\"" + text::xml_escape("'" + font.family() + "', arial, sans-serif") + "\" font-weight=\"" +
         std::to_string(font.weight()) + "\">\n";
  for (const auto& p : layout.words) {
    std::string x = std::to_string(p.x), y = std::to_string(p.y);
    out += "<text x=\"" + x + "\" y=\"" + y + "\" font-size=\"" + number::decimal(p.size) + "\" fill=\"" +
           colour_for(colours, p.id.empty() ? p.text : p.id) + "\"";
    if (p.advance > 0) out += " textLength=\"" + number::decimal(p.advance) + "\" lengthAdjust=\"spacingAndGlyphs\"";
    if (p.rotate != 0) out += " transform=\"rotate(" + std::to_string(p.rotate) + " " + x + " " + y + ")\"";
    out += ">" + text::xml_escape(p.text) + "</text>\n";
  }
  out += "</g>\n</svg>\n";
  return out;
}

}  // namespace hs::wordcloud
