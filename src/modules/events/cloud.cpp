#include "modules/events/cloud.hpp"

#include <map>
#include <mutex>

#include "modules/wordcloud/module.hpp"
#include "services/services.hpp"

namespace hs::events::cloud {

namespace {

const wordcloud::Font* font() {
  static const auto f = wordcloud::Font::shipped(400);
  return f ? &*f : nullptr;
}

struct Kept {
  std::string signature;  // the words and counts it was laid out for
  std::shared_ptr<const Picture> picture;
};
// One server's pictures (Services::kept): item id -> its last picture.
struct Pictures {
  std::mutex mu;
  std::map<std::int64_t, Kept> kept;
};
constexpr std::size_t kMaxKept = 256;

std::string signature_of(const std::vector<CloudCount>& shown) {
  std::string s;
  for (const auto& g : shown) {
    s += g.key;
    s += '\x1f';
    s += g.text;
    s += '\x1f';
    s += std::to_string(g.count);
    s += '\x1e';
  }
  return s;
}

}  // namespace

std::shared_ptr<const Picture> picture(Services& app, std::int64_t item_id, const std::vector<CloudCount>& shown) {
  const auto* f = font();
  if (!f) return nullptr;
  auto sig = signature_of(shown);
  std::shared_ptr<const Picture> previous;
  auto& pictures = app.kept<Pictures>();
  {
    std::lock_guard lock(pictures.mu);
    if (auto it = pictures.kept.find(item_id); it != pictures.kept.end()) {
      if (it->second.signature == sig) return it->second.picture;
      previous = it->second.picture;
    }
  }
  std::vector<wordcloud::LayoutWord> words;
  words.reserve(shown.size());
  for (const auto& g : shown) words.push_back({g.text, g.count, g.key});
  wordcloud::LayoutOptions options;
  options.width = kWidth;
  options.height = kHeight;
  options.padding = kPadding;
  auto p = std::make_shared<Picture>();
  p->layout = wordcloud::layout(words, *f, options, previous ? &previous->layout : nullptr);
  p->font_family = "'" + f->family() + "', arial, sans-serif";
  p->font_weight = f->weight();
  std::lock_guard lock(pictures.mu);
  auto& kept = pictures.kept;
  if (kept.size() >= kMaxKept && !kept.count(item_id)) kept.erase(kept.begin());  // oldest item ids first
  kept[item_id] = Kept{std::move(sig), p};
  return p;
}

std::string svg(const Picture& p, const std::string& title, wordcloud::Contrast contrast) {
  const auto* f = font();
  if (!f) return {};
  wordcloud::SvgOptions o;
  o.title = title;
  o.contrast = contrast;
  return wordcloud::to_svg(p.layout, *f, o);
}

std::string png(const Picture& p, double scale, wordcloud::Contrast contrast) {
  const auto* f = font();
  if (!f) return {};
  wordcloud::PngOptions o;
  o.scale = scale;
  const auto& colours = wordcloud::palette(contrast);
  o.background = wordcloud::colour_of(colours.background);
  o.draw.palette = &colours;
  auto bytes = wordcloud::png_bytes(p.layout, *f, o);
  return bytes ? std::move(*bytes) : std::string();
}

}  // namespace hs::events::cloud
