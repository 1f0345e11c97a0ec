#include "modules/vision/opinion_picture.hpp"

#include <algorithm>
#include <cmath>

#include "core/number.hpp"
#include "core/text.hpp"

namespace hs::vision {

namespace {

// GOV.UK's blue, red, green, purple and pink: each at least 3:1 on white, as marks must
// be; and a shape each.
constexpr const char* kColours[] = {"#1d70b8", "#d4351c", "#00703c", "#4c2c92", "#d53880"};
constexpr const char* kUngrouped = "#505a5f";
constexpr double kMark = 4;  // a dot's half-width, px

std::string decimal(double v) { return number::decimal(v, 1); }

std::string fill(std::string pattern, std::string_view key, const std::string& value) {
  auto at = pattern.find(key);
  if (at != std::string::npos) pattern.replace(at, key.size(), value);
  return pattern;
}

std::string percent(double rate) { return std::to_string(static_cast<int>(std::lround(rate * 100))); }

std::string people(const OpinionWords& w, std::size_t n) {
  return n == 1 ? w.one_person : fill(w.people, "{n}", std::to_string(n));
}

// A group's mark at (x, y): circle, square, triangle, diamond, cross; hollow grey
// circles for those not grouped.
std::string mark(int group, double x, double y) {
  const double r = kMark;
  if (group < 0)
    return "<circle cx=\"" + decimal(x) + "\" cy=\"" + decimal(y) + "\" r=\"" + decimal(r - 1) +
           "\" fill=\"none\" stroke=\"" + kUngrouped + "\"/>";
  const char* c = kColours[static_cast<std::size_t>(group) % 5];
  switch (group % 5) {
    case 0:
      return "<circle cx=\"" + decimal(x) + "\" cy=\"" + decimal(y) + "\" r=\"" + decimal(r) + "\" fill=\"" + c +
             "\"/>";
    case 1:
      return "<rect x=\"" + decimal(x - r) + "\" y=\"" + decimal(y - r) + "\" width=\"" + decimal(2 * r) +
             "\" height=\"" + decimal(2 * r) + "\" fill=\"" + c + "\"/>";
    case 2:
      return "<path d=\"M" + decimal(x) + " " + decimal(y - r - 1) + " L" + decimal(x + r + 1) + " " + decimal(y + r) +
             " L" + decimal(x - r - 1) + " " + decimal(y + r) + " Z\" fill=\"" + c + "\"/>";
    case 3:
      return "<path d=\"M" + decimal(x) + " " + decimal(y - r - 1) + " L" + decimal(x + r + 1) + " " + decimal(y) +
             " L" + decimal(x) + " " + decimal(y + r + 1) + " L" + decimal(x - r - 1) + " " + decimal(y) +
             " Z\" fill=\"" + c + "\"/>";
    default:
      return "<path d=\"M" + decimal(x - r) + " " + decimal(y - r) + " L" + decimal(x + r) + " " + decimal(y + r) +
             " M" + decimal(x + r) + " " + decimal(y - r) + " L" + decimal(x - r) + " " + decimal(y + r) +
             "\" stroke=\"" + c + "\" stroke-width=\"2.5\"/>";
  }
}

}  // namespace

std::string group_letter(std::size_t group) {
  std::string out;
  do {
    out.insert(out.begin(), static_cast<char>('A' + group % 26));
    group /= 26;
  } while (group-- > 0);
  return out;
}

std::string opinion_text(const OpinionMap& map, const std::vector<std::string>& statements, const OpinionWords& words) {
  auto said = [&](std::size_t s) { return s < statements.size() ? statements[s] : std::to_string(s + 1); };
  std::string out = words.title.empty() ? "" : words.title + "\n\n";
  for (std::size_t g = 0; g < map.groups.size(); ++g) {
    const auto& group = map.groups[g];
    out += fill(words.group, "{g}", group_letter(g)) + ": " + people(words, group.members.size()) + "\n";
    for (const auto& d : group.distinctive)
      out +=
          "- " + said(d.statement) + " (" +
          fill(fill(d.agree ? words.agreed : words.disagreed, "{p}", percent(d.rate)), "{q}", percent(d.others_rate)) +
          ")\n";
    out += "\n";
  }
  std::size_t ungrouped = static_cast<std::size_t>(std::count(map.group.begin(), map.group.end(), -1));
  if (ungrouped > 0) out += fill(words.not_grouped, "{n}", std::to_string(ungrouped)) + "\n\n";
  out += words.common_ground + "\n";
  if (map.common_ground.empty()) out += "- " + words.none + "\n";
  for (const auto& c : map.common_ground)
    out += "- " + said(c.statement) + " (" + fill(words.common_line, "{p}", percent(c.lowest_rate)) + ")\n";
  return out;
}

std::string opinion_svg(const OpinionMap& map, const std::vector<std::string>& statements, const OpinionWords& words,
                        double width, double height) {
  // The points fill the plot below the legend, keeping their proportions (a distance
  // across is a distance up).
  const double margin = 16, legend = 24;
  double min_x = 0, max_x = 0, min_y = 0, max_y = 0;
  bool any = false;
  for (const auto& p : map.points) {
    if (!any) min_x = max_x = p.x, min_y = max_y = p.y, any = true;
    min_x = std::min(min_x, p.x), max_x = std::max(max_x, p.x);
    min_y = std::min(min_y, p.y), max_y = std::max(max_y, p.y);
  }
  const double plot_w = width - 2 * margin - 2 * kMark, plot_h = height - 2 * margin - legend - 2 * kMark;
  const double span = std::max({max_x - min_x, (max_y - min_y) * plot_w / std::max(1.0, plot_h), 1e-9});
  const double unit = plot_w / span;
  const double cx = margin + kMark + plot_w / 2, cy = margin + legend + kMark + plot_h / 2;
  const double mid_x = (min_x + max_x) / 2, mid_y = (min_y + max_y) / 2;

  std::string label = words.title;
  for (std::size_t g = 0; g < map.groups.size(); ++g)
    label += (label.empty() ? "" : (g == 0 ? ": " : ", ")) + fill(words.group, "{g}", group_letter(g)) + ", " +
             people(words, map.groups[g].members.size());
  std::string w = decimal(width), h = decimal(height);
  std::string out;
  out.reserve(2048 + map.points.size() * 80);
  out += "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"" + w + "\" height=\"" + h + "\" viewBox=\"0 0 " + w + " " +
         h + "\" role=\"img\" aria-label=\"" + text::xml_escape(label) + "\">\n";
  out += "<title>" + text::xml_escape(label) + "</title>\n";
  out += "<desc>" + text::xml_escape(opinion_text(map, statements, words)) + "</desc>\n";
  out += "<rect width=\"100%\" height=\"100%\" fill=\"#ffffff\"/>\n";
  // The legend: each group's mark, letter and size, in a row.
  out += "<g font-family=\"'Atkinson Hyperlegible Next', arial, sans-serif\" font-size=\"14\" fill=\"#0b0c0c\">\n";
  double x = margin + kMark;
  for (std::size_t g = 0; g < map.groups.size(); ++g) {
    std::string name =
        fill(words.group, "{g}", group_letter(g)) + " (" + people(words, map.groups[g].members.size()) + ")";
    out += mark(static_cast<int>(g), x, margin + 8) + "<text x=\"" + decimal(x + 10) + "\" y=\"" +
           decimal(margin + 13) + "\">" + text::xml_escape(name) + "</text>\n";
    x += 24 + 7.5 * static_cast<double>(name.size());
  }
  out += "</g>\n<g>\n";
  // Those not grouped first, under the groups' marks.
  for (int pass = 0; pass < 2; ++pass)
    for (std::size_t i = 0; i < map.points.size(); ++i) {
      int g = i < map.group.size() ? map.group[i] : -1;
      if ((g < 0) != (pass == 0)) continue;
      out += mark(g, cx + (map.points[i].x - mid_x) * unit, cy - (map.points[i].y - mid_y) * unit) + "\n";
    }
  out += "</g>\n</svg>\n";
  return out;
}

}  // namespace hs::vision
