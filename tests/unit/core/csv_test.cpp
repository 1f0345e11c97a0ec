// CSV that is safe to open in a spreadsheet: formulas are shown as text, whatever is
// before them, and each export keeps its own quoting.
#include "core/csv.hpp"

#include <gtest/gtest.h>

namespace hs {
namespace {

TEST(Csv, FormulasAreShownAsText) {
  for (const char* f : {"=SUM(A1:A9)", "+44 7700", "-2+3", "@cmd", "\tx", "\rx", "   =HYPERLINK(\"x\")"})
    EXPECT_EQ(csv::cell(f, csv::Quote::always).substr(0, 2), "\"'") << f;
  EXPECT_EQ(csv::cell("=1+1"), "'=1+1");
  EXPECT_EQ(csv::cell("  @x"), "'  @x");
  EXPECT_EQ(csv::cell("a=b"), "a=b");  // only at the start
  EXPECT_EQ(csv::cell("   "), "   ");
}

TEST(Csv, QuotedWhenNeededOrAlways) {
  EXPECT_EQ(csv::cell("plain"), "plain");
  EXPECT_EQ(csv::cell("a,b"), "\"a,b\"");
  EXPECT_EQ(csv::cell("say \"hi\""), "\"say \"\"hi\"\"\"");
  EXPECT_EQ(csv::cell("two\nlines"), "\"two\nlines\"");
  EXPECT_EQ(csv::cell("plain", csv::Quote::always), "\"plain\"");
  EXPECT_EQ(csv::cell("", csv::Quote::always), "\"\"");
}

TEST(Csv, ALineEndsInCrlf) {
  EXPECT_EQ(csv::line({"a", "b,c", "=d"}), "a,\"b,c\",'=d\r\n");
  EXPECT_EQ(csv::line({"a", ""}, csv::Quote::always), "\"a\",\"\"\r\n");
  EXPECT_EQ(csv::line({}), "\r\n");
}

}  // namespace
}  // namespace hs
