// For bench/vision only (the hidden `humanspace vision bench-picture`): lays out and draws
// the three-curves picture of a generated, finished board of N notes, RUNS times, and
// prints the median and slowest time of each step as JSON. The board is seeded, so every
// run and every machine draws the same picture: H1 and H3 a third of the notes each, the
// rest sorted half into H2+ and half into H2-, notes of 3 to 30 words, and ten voters'
// dots on the H2+ notes.
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <random>
#include <string>
#include <vector>

#include "modules/vision/module.hpp"

namespace hs::vision {
namespace {

Board generated_board(int count) {
  static const char* const kWords[] = {
      "people",  "support", "money",   "time",    "listen",  "shame",     "stigma", "help",   "open",
      "family",  "advice",  "peer",    "group",   "online",  "safe",      "space",  "trust",  "voice",
      "change",  "early",   "school",  "debt",    "banks",   "blocking",  "adverts", "sport", "harm",
      "recover", "stories", "together", "funding", "local",  "services",  "waiting", "lists", "clear",
      "kind",    "honest",  "paid",    "lived",   "experience", "forum", "training", "night", "phone"};
  constexpr int kWordCount = sizeof kWords / sizeof kWords[0];
  std::mt19937 rng(2026);
  std::uniform_int_distribution<int> length(3, 30), word(0, kWordCount - 1);
  Board board;
  board.stage = Stage::done;
  board.settings.dots_per_person = 3;
  for (int i = 0; i < count; ++i) {
    Note note;
    note.id = i + 1;
    const int third = count / 3;
    note.horizon = i < third ? Horizon::h1 : i < 2 * third ? Horizon::h3 : (i % 2 ? Horizon::h2_plus : Horizon::h2_minus);
    std::string text;
    for (int w = length(rng); w > 0; --w) {
      if (!text.empty()) text += ' ';
      text += kWords[word(rng)];
    }
    text = text.substr(0, board.settings.max_note_length);
    note.words.push_back({text, i % 7 ? i + 100 : 0});
    board.notes.push_back(std::move(note));
  }
  std::vector<std::int64_t> plus;
  for (const auto& n : board.notes)
    if (n.horizon == Horizon::h2_plus) plus.push_back(n.id);
  if (!plus.empty()) {
    std::uniform_int_distribution<std::size_t> pick(0, plus.size() - 1);
    for (std::int64_t voter = 1; voter <= 10; ++voter)
      for (int d = 0; d < board.settings.dots_per_person; ++d) board.dots.push_back({plus[pick(rng)], voter});
  }
  return board;
}

struct Timing {
  std::vector<double> ms;
  void add(std::chrono::steady_clock::time_point from) {
    ms.push_back(std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - from).count());
  }
  double median() {
    std::sort(ms.begin(), ms.end());
    return ms[ms.size() / 2];
  }
  double slowest() { return *std::max_element(ms.begin(), ms.end()); }
};

}  // namespace

int bench_picture_cli(int notes, int runs, std::ostream& out) {
  if (notes < 1 || runs < 1) {
    std::fprintf(stderr, "bench-picture: --notes and --runs must be at least 1\n");
    return 2;
  }
  const Board board = generated_board(notes);
  PictureWords words;  // a benchmark's picture: its labels are not read by anyone
  words.title = "What would a world without gambling harm look like?";
  words.today = "Today";
  words.innovations = "Innovations";
  words.future = "The future we want";
  words.more = "{n} more notes are in the list";
  words.dots = "{n} dots";
  words.one_dot = "1 dot";
  Timing lay, png, svg, pdf, whole;
  std::size_t placed = 0, png_bytes = 0;
  for (int run = 0; run < runs + 1; ++run) {  // the first run warms the font's caches, untimed
    const auto start = std::chrono::steady_clock::now();
    auto picture = lay_out(board, words, PictureSize::slide);
    if (!picture) {
      std::fprintf(stderr, "bench-picture: the font could not be read\n");
      return 1;
    }
    const auto laid = std::chrono::steady_clock::now();
    auto image = to_png(*picture);
    if (!image) return 1;
    const auto drawn = std::chrono::steady_clock::now();
    auto as_svg = to_svg(*picture);
    const auto svg_done = std::chrono::steady_clock::now();
    auto as_pdf = to_pdf(*picture);
    if (!as_pdf) return 1;
    if (run == 0) continue;
    lay.ms.push_back(std::chrono::duration<double, std::milli>(laid - start).count());
    png.ms.push_back(std::chrono::duration<double, std::milli>(drawn - laid).count());
    whole.ms.push_back(std::chrono::duration<double, std::milli>(drawn - start).count());
    svg.ms.push_back(std::chrono::duration<double, std::milli>(svg_done - drawn).count());
    pdf.add(svg_done);
    placed = notes - picture->overflow.size();
    png_bytes = image->size();
  }
  char line[512];
  std::snprintf(line, sizeof line,
                "{\"notes\": %d, \"in_picture\": %zu, \"png_bytes\": %zu, \"runs\": %d, "
                "\"lay_out_png_median_ms\": %.1f, \"lay_out_png_max_ms\": %.1f, \"lay_out_median_ms\": %.1f, "
                "\"png_median_ms\": %.1f, \"svg_median_ms\": %.1f, \"pdf_median_ms\": %.1f}\n",
                notes, placed, png_bytes, runs, whole.median(), whole.slowest(), lay.median(), png.median(),
                svg.median(), pdf.median());
  out << line;
  return 0;
}

}  // namespace hs::vision
