#include <boost/json.hpp>
#include <gtest/gtest.h>

#include <iostream>
#include <sstream>

#include "modules/wordcloud/cli.hpp"
#include "modules/wordcloud/font.hpp"
#include "modules/wordcloud/module.hpp"
#include "modules/wordcloud/svg.hpp"

namespace hs::wordcloud {
namespace {

std::size_t occurrences(const std::string& s, const std::string& what) {
  std::size_t n = 0;
  for (auto p = s.find(what); p != std::string::npos; p = s.find(what, p + 1)) ++n;
  return n;
}

TEST(WordcloudSvg, AnAccessibleImageWithEscapedText) {
  auto font = Font::shipped(400);
  ASSERT_TRUE(font);
  auto l = layout({{"<b>trust</b>", 5, ""}, {"give & take", 3, ""}, {"\"voice\"", 1, ""}}, *font, LayoutOptions{});
  SvgOptions o;
  o.title = "Words & <meanings>";
  auto svg = to_svg(l, *font, o);
  EXPECT_NE(svg.find("role=\"img\""), std::string::npos);
  EXPECT_NE(svg.find("aria-label=\"Words &amp; &lt;meanings&gt;: &lt;b&gt;trust&lt;/b&gt;, give &amp; take, "
                     "&quot;voice&quot;\""),
            std::string::npos)
      << svg;
  EXPECT_NE(svg.find("<title>Words &amp; &lt;meanings&gt;: "), std::string::npos);
  EXPECT_NE(svg.find("font-family=\"&#39;Atkinson Hyperlegible Next&#39;, arial, sans-serif\""), std::string::npos);
  EXPECT_EQ(occurrences(svg, "<text "), 3u);
  EXPECT_NE(svg.find(">&lt;b&gt;trust&lt;/b&gt;</text>"), std::string::npos);
  EXPECT_EQ(svg.find("<b>"), std::string::npos);
  EXPECT_NE(svg.find("font-size=\"80\""), std::string::npos);
  EXPECT_NE(svg.find("viewBox=\"0 0 1024 768\""), std::string::npos);
}

TEST(WordcloudCli, WritesTheLayoutAsJson) {
  std::istringstream in(R"([{"text":"listening","count":12},{"text":"trust","count":3},{"text":"hope","count":1}])");
  std::ostringstream out;
  ASSERT_EQ(wordcloud_cli(800, 600, "json", in, out), 0);
  auto doc = boost::json::parse(out.str()).as_object();
  EXPECT_EQ(doc.at("placed").as_int64(), 3);
  EXPECT_EQ(doc.at("total").as_int64(), 3);
  EXPECT_EQ(doc.at("width").as_int64(), 800);
  auto& words = doc.at("words").as_array();
  ASSERT_EQ(words.size(), 3u);
  auto& first = words[0].as_object();
  EXPECT_EQ(first.at("text").as_string(), "listening");
  EXPECT_EQ(first.at("size").to_number<double>(), 80);
  EXPECT_EQ(first.at("rotate").as_int64(), 0);
  EXPECT_TRUE(first.contains("x") && first.contains("y"));
}

TEST(WordcloudCli, WritesSvgWithTheGivenTitle) {
  std::istringstream in(R"({"title":"What does co-production mean to you?","words":[{"text":"power","count":2}]})");
  std::ostringstream out;
  ASSERT_EQ(wordcloud_cli(640, 480, "svg", in, out), 0);
  EXPECT_EQ(out.str().rfind("<svg ", 0), 0u);
  EXPECT_NE(out.str().find("<title>What does co-production mean to you?: power</title>"), std::string::npos);
}

TEST(WordcloudCli, RefusesBadInput) {
  auto key = [](int w, int h, std::string format, std::string input) {
    auto r = render_cloud(w, h, format, input);
    return r ? std::string("ok") : r.error().message_key;
  };
  EXPECT_EQ(key(800, 600, "json", "[]"), "ok");
  EXPECT_EQ(key(800, 600, "json", "not json"), "wordcloud_input_invalid");
  EXPECT_EQ(key(800, 600, "json", R"([{"text":"a"}])"), "wordcloud_input_invalid");
  EXPECT_EQ(key(800, 600, "json", R"([{"text":"a","count":-1}])"), "wordcloud_input_invalid");
  EXPECT_EQ(key(800, 600, "json", R"([{"text":"a","count":1.5}])"), "wordcloud_input_invalid");
  EXPECT_EQ(key(800, 600, "json", R"([{"text":"","count":1}])"), "wordcloud_input_invalid");
  EXPECT_EQ(key(800, 600, "json", "[{\"text\":\"caf\xC3\",\"count\":1}]"), "wordcloud_input_invalid");
  EXPECT_EQ(key(800, 600, "png", "[]"), "wordcloud_format_unknown");
  EXPECT_EQ(key(0, 600, "json", "[]"), "wordcloud_size_invalid");
  EXPECT_EQ(key(800, 100000, "json", "[]"), "wordcloud_size_invalid");
  std::istringstream in("nope");
  std::ostringstream out, err;
  auto* was = std::cerr.rdbuf(err.rdbuf());
  int code = wordcloud_cli(800, 600, "json", in, out);
  std::cerr.rdbuf(was);
  EXPECT_EQ(code, 1);
  EXPECT_TRUE(out.str().empty());
  EXPECT_EQ(err.str(), "wordcloud_input_invalid\n");
}

}  // namespace
}  // namespace hs::wordcloud
