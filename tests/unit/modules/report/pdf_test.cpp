#include "modules/report/pdf.hpp"

#include <gtest/gtest.h>
#include <stdlib.h>  // mkstemp
#include <unistd.h>

#include <chrono>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <regex>
#include <sstream>
#include <stdexcept>
#include <string>
#include <thread>
#include <vector>

#include "modules/report/fonts.hpp"
#include "modules/wordcloud/font.hpp"
#include "modules/wordcloud/layout.hpp"

namespace hs::report {
namespace {

bool have(const char* tool) {
  return std::system((std::string("command -v ") + tool + " >/dev/null 2>&1").c_str()) == 0;
}

#define NEED_POPPLER()                                             \
  if (!have("pdftotext") || !have("pdfinfo") || !have("pdffonts")) \
  GTEST_SKIP() << "poppler-utils (pdftotext, pdfinfo, pdffonts) is not installed; ./dev installs it"

// The PDF in a temporary file, removed with this object.
struct PdfFile {
  std::string path;
  explicit PdfFile(const std::string& bytes) {
    std::string pattern = (std::filesystem::temp_directory_path() / "hs-report-test-XXXXXX").string();
    int fd = mkstemp(pattern.data());
    if (fd < 0) throw std::runtime_error("mkstemp");
    close(fd);
    path = pattern;
    std::ofstream(path, std::ios::binary).write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
  }
  ~PdfFile() { std::filesystem::remove(path); }
};

std::string run(const std::string& command) {
  std::string out;
  FILE* p = popen(command.c_str(), "r");
  if (!p) throw std::runtime_error("popen");
  char buf[4096];
  for (std::size_t n; (n = fread(buf, 1, sizeof buf, p)) > 0;) out.append(buf, n);
  pclose(p);
  return out;
}

std::string text_of(const PdfFile& f, int page = 0) {
  std::string range = page > 0 ? " -f " + std::to_string(page) + " -l " + std::to_string(page) : "";
  return run("pdftotext -layout -enc UTF-8" + range + " '" + f.path + "' -");
}

int page_count(const PdfFile& f) {
  std::smatch m;
  std::string info = run("pdfinfo '" + f.path + "'");
  if (!std::regex_search(info, m, std::regex(R"(Pages:\s+(\d+))"))) return 0;
  return std::stoi(m[1]);
}

// Lines with their runs of spaces (pdftotext's layout) made single, trimmed.
std::vector<std::string> lines_of(const std::string& text) {
  std::vector<std::string> out;
  std::istringstream in(text);
  for (std::string line; std::getline(in, line);) {
    line = std::regex_replace(line, std::regex(R"(\s+)"), " ");
    line = std::regex_replace(line, std::regex(R"(^ | $|\f)"), "");
    if (!line.empty()) out.push_back(line);
  }
  return out;
}

const wordcloud::Font& font() {
  static wordcloud::Font f = [] {
    auto r = wordcloud::Font::shipped(400);
    if (!r) throw std::runtime_error(r.error().message_key);
    return std::move(*r);
  }();
  return f;
}

wordcloud::Layout cloud() {
  wordcloud::LayoutOptions o;
  o.width = 800;
  o.height = 450;
  return wordcloud::layout(
      {{"lanterns", 12, ""}, {"welcome", 8, ""}, {"patience", 5, ""}, {"kettle", 3, ""}, {"ramps", 2, ""}}, font(), o);
}

Document every_kind() {
  Document d;
  d.title = "Report of the Harbourside Listening Day";
  d.subtitle = {"Harbourside Listening Day", "Saturday 14 March", "Tidewater Peer Network"};
  Section intro{"Introduction", {}};
  intro.blocks.push_back(Paragraph{"Forty people met in the old boathouse to talk about getting help early."});
  intro.blocks.push_back(BulletList{{"Morning talks from three members", "Breakout groups after lunch"}});
  intro.blocks.push_back(Quote{"Being asked, not told, made all the difference.", std::nullopt});
  d.sections.push_back(std::move(intro));

  Section words{"What people said in one word", {}};
  words.blocks.push_back(WordCloudFigure{cloud(), "A word cloud; the largest word is lanterns."});
  Table t;
  t.caption = "Words and how often they were given";
  t.header = {"Word", "Times given"};
  t.rows = {{"lanterns", "12"}, {"welcome", "8"}, {"patience", "5"}, {"kettle", "3"}, {"ramps", "2"}};
  t.align = {Table::Align::start, Table::Align::end};
  words.blocks.push_back(std::move(t));
  d.sections.push_back(std::move(words));

  Section themes{"Themes from the breakout groups", {}};
  themes.blocks.push_back(Theme{1,
                                "Feeling safe to speak",
                                {{"A quiet room to step out to helped me stay.", std::nullopt},
                                 {"Tea before the talks broke the ice.", std::string("Morwenna Quill")}}});
  themes.blocks.push_back(Theme{2, "Getting there", {{"The ferry timetable decides who can come.", std::nullopt}}});
  d.sections.push_back(std::move(themes));

  Section next{"What happens next", {}};
  next.blocks.push_back(Paragraph{"The steering circle meets again in April to choose two changes to try first."});
  d.sections.push_back(std::move(next));
  return d;
}

PdfOptions options() {
  PdfOptions o;
  o.page_label = "Page {page} of {pages}";
  return o;
}

bool has(const std::string& text, const std::string& needle) { return text.find(needle) != std::string::npos; }

TEST(ReportPdf, EveryKindOfBlockIsRealText) {
  std::string pdf = render_pdf(every_kind(), options());
  ASSERT_EQ(pdf.rfind("%PDF-", 0), 0u);
  NEED_POPPLER();
  PdfFile f(pdf);
  std::string all = text_of(f);
  std::string flat;
  for (const auto& l : lines_of(all)) flat += l + "\n";
  for (const char* expected :
       {"Report of the Harbourside Listening Day", "Saturday 14 March", "Introduction", "What people said in one word",
        "Themes from the breakout groups", "1. Feeling safe to speak", "2. Getting there", "What happens next",
        "Forty people met in the old boathouse", "Morning talks from three members",
        "Being asked, not told, made all the difference.", "Tea before the talks broke the ice.",
        "\u2014 Morwenna Quill", "Words and how often they were given", "Times given", "A word cloud; the largest"}) {
    EXPECT_TRUE(has(flat, expected)) << "missing: " << expected << "\n" << all;
  }
  // A table row keeps its cells on one line, and the cloud's words are text too: "patience"
  // appears in the picture and in the table.
  EXPECT_TRUE(has(flat, "kettle 3")) << all;
  auto count = [&](const std::string& w) {
    std::size_t n = 0;
    for (auto at = flat.find(w); at != std::string::npos; at = flat.find(w, at + 1)) ++n;
    return n;
  };
  EXPECT_GE(count("patience"), 2u) << all;
  const int pages = page_count(f);
  EXPECT_GE(pages, 1);
  EXPECT_TRUE(has(all, "Page 1 of " + std::to_string(pages))) << all;
  // Anonymous notes carry no name, and no attribution line was invented for them.
  EXPECT_EQ(count("\u2014"), 1u) << all;
}

TEST(ReportPdf, TitleOutlineAndTheSiteFont) {
  NEED_POPPLER();
  PdfFile f(render_pdf(every_kind(), options()));
  std::string info = run("pdfinfo '" + f.path + "'");
  EXPECT_TRUE(std::regex_search(info, std::regex(R"(Title:\s+Report of the Harbourside Listening Day)"))) << info;
  EXPECT_TRUE(std::regex_search(info, std::regex(R"(Creator:\s+Humanspace)"))) << info;
  std::string fonts = run("pdffonts '" + f.path + "'");
  EXPECT_TRUE(has(fonts, "AtkinsonHyperlegibleNext-Regular")) << fonts;
  EXPECT_TRUE(has(fonts, "AtkinsonHyperlegibleNext-Bold")) << fonts;
  // Every heading is a bookmark: the outline's entries are in the file.
  std::ifstream in(f.path, std::ios::binary);
  std::string raw((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  EXPECT_TRUE(has(raw, "/Outlines"));
  for (const char* heading : {"Introduction", "What happens next", "2. Getting there"})
    EXPECT_TRUE(has(raw, std::string("/Title (") + heading + ")")) << heading;
}

TEST(ReportPdf, MarkupCharactersAreShownAsTyped) {
  NEED_POPPLER();
  Document d;
  d.title = "Notes & <queries>";
  Section s{"Fish & chips <b>not bold</b>", {}};
  s.blocks.push_back(Paragraph{"Use <b>this</b> &amp; 5 < 6 > 4 & <span foreground=\"red\">that</span>"});
  s.blocks.push_back(Quote{"<i>quiet</i> & calm", std::string("Ada <Admin>")});
  s.blocks.push_back(Table{"", {"<th>"}, {{"a&b"}}, {}});
  d.sections.push_back(std::move(s));
  PdfFile f(render_pdf(d, options()));
  std::string flat;
  for (const auto& l : lines_of(text_of(f))) flat += l + "\n";
  for (const char* expected : {"Notes & <queries>", "Fish & chips <b>not bold</b>",
                               "Use <b>this</b> &amp; 5 < 6 > 4 & <span foreground=\"red\">that</span>",
                               "<i>quiet</i> & calm", "\u2014 Ada <Admin>", "<th>", "a&b"}) {
    EXPECT_TRUE(has(flat, expected)) << "missing: " << expected << "\n" << flat;
  }
}

TEST(ReportPdf, InvalidUtf8AndControlCharactersDoNotBreakIt) {
  Document d;
  d.title = std::string("Bad \xff\xfe bytes\x01 here");
  d.sections.push_back({"Section", {Paragraph{std::string("nul \0 inside", 12)}}});
  std::string pdf = render_pdf(d, options());
  EXPECT_EQ(pdf.rfind("%PDF-", 0), 0u);
}

// A long report: many pages, numbered "Page N of M", and no heading left at the foot of
// a page without what follows it.
TEST(ReportPdf, LongReportPaginatesAndKeepsHeadingsWithTheirText) {
  NEED_POPPLER();
  Document d;
  d.title = "A long report";
  for (int i = 1; i <= 40; ++i) {
    Section s{"Heading number " + std::to_string(i), {}};
    std::string text;
    for (int w = 0; w < 12 + (i * 37) % 90; ++w) text += "word" + std::to_string(w) + " ";
    s.blocks.push_back(Paragraph{text});
    if (i % 5 == 0) s.blocks.push_back(Theme{i, "Theme heading " + std::to_string(i), {{"a note", std::nullopt}}});
    d.sections.push_back(std::move(s));
  }
  PdfFile f(render_pdf(d, options()));
  const int pages = page_count(f);
  ASSERT_GT(pages, 1);
  for (int p = 1; p <= pages; ++p) {
    auto lines = lines_of(text_of(f, p));
    ASSERT_GE(lines.size(), 2u) << "page " << p;
    EXPECT_EQ(lines.back(), "Page " + std::to_string(p) + " of " + std::to_string(pages));
    const std::string& last = lines[lines.size() - 2];
    EXPECT_FALSE(has(last, "Heading number") || has(last, "Theme heading")) << "page " << p << " ends with " << last;
  }
  // Every heading made it in once.
  std::string all = text_of(f);
  for (int i = 1; i <= 40; ++i)
    EXPECT_TRUE(std::regex_search(all, std::regex("Heading number " + std::to_string(i) + "\\b"))) << i;
}

TEST(ReportPdf, LongTableRepeatsItsHeaderOnTheNextPage) {
  NEED_POPPLER();
  Document d;
  d.title = "Counts";
  Table t;
  t.header = {"Word", "Times given"};
  for (int i = 0; i < 80; ++i) t.rows.push_back({"entry" + std::to_string(i), std::to_string(i)});
  d.sections.push_back({"All the words", {t}});
  PdfFile f(render_pdf(d, options()));
  ASSERT_GT(page_count(f), 1);
  auto second = lines_of(text_of(f, 2));
  ASSERT_FALSE(second.empty());
  EXPECT_EQ(second.front(), "Word Times given");
}

// The word-count table of every_kind() would fall across the foot of page 1; being short,
// it moves to the next page whole, its header once.
TEST(ReportPdf, ShortTableStaysOnOnePage) {
  NEED_POPPLER();
  PdfFile f(render_pdf(every_kind(), options()));
  const int pages = page_count(f);
  int headers = 0;
  for (int p = 1; p <= pages; ++p) {
    std::string flat;
    for (const auto& l : lines_of(text_of(f, p))) flat += l + "\n";
    if (!has(flat, "Word Times given")) continue;
    ++headers;
    for (const char* row : {"lanterns 12", "welcome 8", "patience 5", "kettle 3", "ramps 2"})
      EXPECT_TRUE(has(flat, row)) << "page " << p << " lacks " << row << "\n" << flat;
  }
  EXPECT_EQ(headers, 1);
}

// Reports are rendered in request threads: several at once give what one gives alone.
TEST(ReportPdf, RendersFromSeveralThreadsAtOnce) {
  const Document d = every_kind();
  const std::string alone = render_pdf(d, options());
  std::vector<std::string> out(4);
  std::vector<std::thread> threads;
  for (auto& o : out) threads.emplace_back([&d, &o] { o = render_pdf(d, options()); });
  for (auto& t : threads) t.join();
  for (const auto& o : out) {
    EXPECT_EQ(o.rfind("%PDF-", 0), 0u);
    EXPECT_EQ(o.size(), alone.size());  // only the creation time may differ, and it has a fixed width
  }
}

TEST(ReportPdf, RendersQuickly) {
  const Document d = every_kind();
  render_pdf(d, options());  // fonts are registered on first use
  auto start = std::chrono::steady_clock::now();
  for (int i = 0; i < 5; ++i) render_pdf(d, options());
  auto each = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count() / 5;
  // A sanity bound, not a benchmark (bench/ measures it): a few pages take milliseconds.
  EXPECT_LT(each, 1.0);
}

TEST(ReportFonts, RebuildsTheShippedWoff2AsTrueType) {
  auto sfnt = sfnt_from_font_file(font().file_bytes());
  ASSERT_GT(sfnt.size(), 12u);
  EXPECT_EQ(sfnt.substr(0, 4), std::string("\0\1\0\0", 4));
  auto again = wordcloud::Font::from_memory(sfnt, "Atkinson Hyperlegible Next", 400);
  ASSERT_TRUE(again.has_value());
  EXPECT_DOUBLE_EQ(again->measure("lanterns").advance, font().measure("lanterns").advance);
  EXPECT_TRUE(sfnt_from_font_file("not a font").empty());
}

}  // namespace
}  // namespace hs::report
