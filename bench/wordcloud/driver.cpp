// Times our word-cloud layout for bench/wordcloud/run.mjs.
// Usage: driver WIDTH HEIGHT WORDS.json RUNS FONT.woff2 [AFTER.json]
// Prints {"median_ms", "min_ms", "measure_ms", "placed", "total", "scale", "attempts"}: the
// median and fastest wall time of one layout call (shaping every word, then the search for the scale), and
// of shaping alone. Each run starts cold: nothing is cached between calls.
// With AFTER.json (the same words and more entries), also lays that out against the first
// layout, as the live cloud does when entries arrive, and adds "movement": the mean distance
// in px the words in both layouts moved (box centres), how many kept their place, how many
// words were in both, and the time of that update.
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <fstream>
#include <iostream>
#include <sstream>
#include <string>
#include <vector>

#include "modules/wordcloud/cli.hpp"
#include "modules/wordcloud/font.hpp"
#include "modules/wordcloud/layout.hpp"

namespace wc = hs::wordcloud;

int main(int argc, char** argv) {
  if (argc != 6 && argc != 7) {
    std::cerr << "usage: driver WIDTH HEIGHT WORDS.json RUNS FONT [AFTER.json]\n";
    return 2;
  }
  std::ifstream in(argv[3]);
  std::stringstream ss;
  ss << in.rdbuf();
  auto input = wc::parse_cloud_input(ss.str());
  auto font = wc::Font::from_file(argv[5], "Atkinson Hyperlegible Next", 400);
  if (!input || !font) {
    std::cerr << "cannot read the words or the font\n";
    return 1;
  }
  wc::LayoutOptions o;
  o.width = std::stoi(argv[1]);
  o.height = std::stoi(argv[2]);
  int runs = std::max(1, std::stoi(argv[4]));

  using clock = std::chrono::steady_clock;
  auto ms = [](clock::duration d) { return std::chrono::duration<double, std::milli>(d).count(); };
  std::vector<double> times, measures;
  wc::Layout last = wc::layout(input->words, *font, o);  // warm-up
  for (int r = 0; r < runs; ++r) {
    auto t0 = clock::now();
    last = wc::layout(input->words, *font, o);
    times.push_back(ms(clock::now() - t0));
    t0 = clock::now();
    double sink = 0;
    for (const auto& w : input->words) sink += font->measure(w.text).advance;
    measures.push_back(ms(clock::now() - t0) + sink * 0);
  }
  std::sort(times.begin(), times.end());
  std::sort(measures.begin(), measures.end());
  std::printf(
      "{\"median_ms\":%.3f,\"min_ms\":%.3f,\"measure_ms\":%.3f,\"placed\":%zu,\"total\":%zu,\"scale\":%.4f,"
      "\"attempts\":%zu",
      times[times.size() / 2], times.front(), measures[measures.size() / 2], last.words.size(), last.total, last.scale,
      last.attempts);
  if (argc == 7) {
    std::ifstream in2(argv[6]);
    std::stringstream ss2;
    ss2 << in2.rdbuf();
    auto after = wc::parse_cloud_input(ss2.str());
    if (!after) {
      std::cerr << "cannot read the words after\n";
      return 1;
    }
    std::vector<double> update_times;
    wc::Layout moved;
    for (int r = 0; r < runs; ++r) {
      auto t0 = clock::now();
      moved = wc::layout(after->words, *font, o, &last);
      update_times.push_back(ms(clock::now() - t0));
    }
    std::sort(update_times.begin(), update_times.end());
    // Words in both layouts: the ones placed before and after.
    std::size_t both = 0;
    for (const auto& w : moved.words)
      for (const auto& p : last.words)
        if (p.id == w.id) {
          ++both;
          break;
        }
    std::printf(
        ",\"movement\":{\"mean_px\":%.3f,\"kept\":%zu,\"in_both\":%zu,\"placed\":%zu,\"total\":%zu,"
        "\"scale\":%.4f,\"median_ms\":%.3f}",
        moved.mean_movement, moved.kept, both, moved.words.size(), moved.total, moved.scale,
        update_times[update_times.size() / 2]);
  }
  std::printf("}\n");
  return 0;
}
