#include "modules/wordcloud/cli.hpp"

#include <boost/json.hpp>

#include <cmath>
#include <iostream>
#include <iterator>

#include "core/text.hpp"
#include "modules/wordcloud/font.hpp"
#include "modules/wordcloud/module.hpp"
#include "modules/wordcloud/svg.hpp"

namespace hs::wordcloud {
namespace {

namespace json = boost::json;

constexpr std::size_t kMaxWords = 10'000;
constexpr std::size_t kMaxTextBytes = 400;
constexpr int kMaxSide = 8192;

double round2(double v) { return std::round(v * 100) / 100; }

}  // namespace

Result<CloudInput> parse_cloud_input(std::string_view text) {
  auto invalid = [] { return fail(ErrorCode::invalid, "wordcloud_input_invalid"); };
  boost::system::error_code ec;
  json::value doc = json::parse(json::string_view(text.data(), text.size()), ec);
  if (ec) return invalid();
  CloudInput in;
  const json::array* list = doc.if_array();
  if (const json::object* o = doc.if_object()) {
    if (const json::value* t = o->if_contains("title")) {
      if (!t->is_string()) return invalid();
      in.title = json::value_to<std::string>(*t);
    }
    const json::value* w = o->if_contains("words");
    list = w ? w->if_array() : nullptr;
  }
  if (!list || list->size() > kMaxWords) return invalid();
  for (const auto& item : *list) {
    const json::object* o = item.if_object();
    if (!o) return invalid();
    const json::value* t = o->if_contains("text");
    const json::value* c = o->if_contains("count");
    if (!t || !t->is_string() || !c) return invalid();
    LayoutWord w;
    w.text = json::value_to<std::string>(*t);
    if (w.text.empty() || w.text.size() > kMaxTextBytes || !hs::text::valid_utf8(w.text)) return invalid();
    if (!c->is_int64() || c->as_int64() < 0) return invalid();
    w.count = c->as_int64();
    if (const json::value* id = o->if_contains("id")) {
      if (!id->is_string()) return invalid();
      w.id = json::value_to<std::string>(*id);
    }
    in.words.push_back(std::move(w));
  }
  return in;
}

std::string layout_json(const Layout& layout) {
  json::object o;
  o["width"] = layout.width;
  o["height"] = layout.height;
  o["scale"] = std::round(layout.scale * 10000) / 10000;
  o["placed"] = layout.words.size();
  o["total"] = layout.total;
  json::array words;
  for (const auto& p : layout.words) {
    json::object w;
    w["text"] = p.text;
    if (p.id != p.text) w["id"] = p.id;
    w["size"] = round2(p.size);
    w["x"] = p.x;
    w["y"] = p.y;
    w["rotate"] = p.rotate;
    w["left"] = p.left;
    w["top"] = p.top;
    w["width"] = p.width;
    w["height"] = p.height;
    w["advance"] = round2(p.advance);
    words.push_back(std::move(w));
  }
  o["words"] = std::move(words);
  json::array unplaced;
  for (const auto& id : layout.unplaced) unplaced.push_back(json::value(id));
  o["unplaced"] = std::move(unplaced);
  return json::serialize(o) + "\n";
}

Result<std::string> render_cloud(int width, int height, std::string_view format, std::string_view input_json) {
  if (width < 1 || height < 1 || width > kMaxSide || height > kMaxSide)
    return fail(ErrorCode::invalid, "wordcloud_size_invalid");
  if (format != "json" && format != "svg") return fail(ErrorCode::invalid, "wordcloud_format_unknown");
  auto input = parse_cloud_input(input_json);
  if (!input) return fail(input.error());
  auto font = Font::shipped(400);
  if (!font) return fail(font.error());
  LayoutOptions options;
  options.width = width;
  options.height = height;
  Layout l = layout(input->words, *font, options);
  if (format == "json") return layout_json(l);
  SvgOptions svg;
  svg.title = input->title;
  return to_svg(l, *font, svg);
}

int wordcloud_cli(int width, int height, std::string format, std::istream& in, std::ostream& out) {
  std::string input{std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
  auto result = render_cloud(width, height, format, input);
  if (!result) {
    std::cerr << result.error().message_key << "\n";
    return 1;
  }
  out << *result;
  return out ? 0 : 1;
}

}  // namespace hs::wordcloud
