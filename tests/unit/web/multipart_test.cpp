#include "web/multipart.hpp"

#include <gtest/gtest.h>

#include <chrono>
#include <string>

#include "web/parse.hpp"

namespace hs::web {

namespace {

using namespace std::string_literals;

const std::string kB = "----hsBoundary7MA4YWxkTrZu0gW";

// One part as a browser sends it: headers, a blank line, the bytes, then the next delimiter
// follows (the CRLF before it belongs to the delimiter).
std::string part(std::string_view disposition, std::string_view bytes, std::string_view type = {}) {
  std::string s = "--" + kB + "\r\nContent-Disposition: " + std::string(disposition) + "\r\n";
  if (!type.empty()) s += "Content-Type: " + std::string(type) + "\r\n";
  return s + "\r\n" + std::string(bytes) + "\r\n";
}

std::string closing() { return "--" + kB + "--\r\n"; }

}  // namespace

TEST(MultipartBoundary, ReadsPlainAndQuotedBoundaries) {
  EXPECT_EQ(multipart_boundary("multipart/form-data; boundary=----abc"), "----abc");
  EXPECT_EQ(multipart_boundary("multipart/form-data; boundary=\"----abc\""), "----abc");
  EXPECT_EQ(multipart_boundary("Multipart/Form-Data;charset=utf-8;BOUNDARY=x"), "x");
  EXPECT_EQ(multipart_boundary("multipart/form-data; boundary=\"a b:c?\"; charset=utf-8"), "a b:c?");
  EXPECT_EQ(multipart_boundary("multipart/form-data; boundary=" + std::string(70, 'z')), std::string(70, 'z'));
}

TEST(MultipartBoundary, RefusesOtherTypesAndBadBoundaries) {
  EXPECT_FALSE(multipart_boundary("application/x-www-form-urlencoded; boundary=x"));
  EXPECT_FALSE(multipart_boundary("multipart/mixed; boundary=x"));
  EXPECT_FALSE(multipart_boundary("multipart/form-data"));
  EXPECT_FALSE(multipart_boundary("multipart/form-data; charset=utf-8"));
  EXPECT_FALSE(multipart_boundary("multipart/form-data; boundary="));
  EXPECT_FALSE(multipart_boundary("multipart/form-data; boundary=\"\""));
  EXPECT_FALSE(multipart_boundary("multipart/form-data; boundary=\"abc"));            // unclosed quote
  EXPECT_FALSE(multipart_boundary("multipart/form-data; boundary=\"ab \""));          // ends in a space
  EXPECT_FALSE(multipart_boundary("multipart/form-data; boundary=a<b"));              // not a bchar
  EXPECT_FALSE(multipart_boundary("multipart/form-data; boundary=a; boundary=b"));    // which one?
  EXPECT_FALSE(multipart_boundary("multipart/form-data; boundary=" + std::string(71, 'z')));
  EXPECT_FALSE(multipart_boundary(""));
}

TEST(ParseMultipart, FieldsAndFiles) {
  std::string jpeg = "\xff\xd8\xff\xe0\x00\x10JFIF\x00\x01"s;
  std::string body = part("form-data; name=\"csrf\"", "tok123") + part("form-data; name=\"note\"", "café\r\nline two") +
                     part("form-data; name=\"receipt\"; filename=\"r.jpg\"", jpeg, "image/jpeg") +
                     part("form-data; name=\"receipt\"; filename=\"r2.pdf\"", "%PDF-1.7\n", "application/pdf") +
                     part("form-data; name=\"agree\"", "yes") + closing();
  auto m = parse_multipart(kB, body);
  ASSERT_TRUE(m);
  ASSERT_EQ(m->fields.size(), 3u);
  EXPECT_EQ(m->fields[0], (std::pair<std::string, std::string>{"csrf", "tok123"}));
  EXPECT_EQ(find(m->fields, "note"), "café\r\nline two");
  EXPECT_EQ(m->fields[2].first, "agree");
  ASSERT_EQ(m->files.size(), 2u);
  EXPECT_EQ(m->files[0].field, "receipt");
  EXPECT_EQ(m->files[0].file_name, "r.jpg");
  EXPECT_EQ(m->files[0].content_type, "image/jpeg");
  EXPECT_EQ(m->files[0].bytes, jpeg);
  EXPECT_EQ(m->files[1].file_name, "r2.pdf");
  EXPECT_EQ(m->files[1].content_type, "application/pdf");
  EXPECT_EQ(m->files[1].bytes, "%PDF-1.7\n");
  // The bytes are a view into the body, not a copy.
  EXPECT_GE(m->files[0].bytes.data(), body.data());
  EXPECT_LE(m->files[0].bytes.data() + m->files[0].bytes.size(), body.data() + body.size());
}

TEST(ParseMultipart, QuotedBoundaryFromTheHeader) {
  auto b = multipart_boundary("multipart/form-data; boundary=\"" + kB + "\"");
  ASSERT_TRUE(b);
  auto m = parse_multipart(*b, part("form-data; name=a", "1") + closing());
  ASSERT_TRUE(m);
  EXPECT_EQ(find(m->fields, "a"), "1");
}

TEST(ParseMultipart, FileBytesMayHoldCrlfAndBoundaryLikeText) {
  // Everything here looks a little like a delimiter but is not one: the boundary without
  // the CRLF before it, a prefix of it, the boundary followed by other text, a bare CR/LF.
  std::string bytes = "\r\n\r\n--" + kB + " inside a line\r\n--" + kB.substr(0, 10) + "\r\n--" + kB +
                      "X\r\n\r\n--" + kB + "-\r\n\n\r" + "\x00\xff"s + "--" + kB + "--";
  auto body = part("form-data; name=\"f\"; filename=\"odd.bin\"", bytes, "application/octet-stream") + closing();
  auto m = parse_multipart(kB, body);
  ASSERT_TRUE(m);
  ASSERT_EQ(m->files.size(), 1u);
  EXPECT_EQ(m->files[0].bytes, bytes);
}

TEST(ParseMultipart, KeepsOnlyTheLastPathSegmentOfAFileName) {
  auto body = part("form-data; name=\"f\"; filename=\"C:\\x\\a.pdf\"", "%PDF") +
              part("form-data; name=\"g\"; filename=\"/home/ada/b.png\"", "PNG") +
              part("form-data; name=\"h\"; filename=\"quote\\\"d.jpg\"", "JPG") + closing();
  auto m = parse_multipart(kB, body);
  ASSERT_TRUE(m);
  ASSERT_EQ(m->files.size(), 3u);
  EXPECT_EQ(m->files[0].file_name, "a.pdf");
  EXPECT_EQ(m->files[1].file_name, "b.png");
  EXPECT_EQ(m->files[2].file_name, "quote\"d.jpg");
  EXPECT_EQ(m->files[0].content_type, "");
}

TEST(ParseMultipart, SkipsAFileInputLeftEmpty) {
  auto body = part("form-data; name=\"csrf\"", "t") +
              part("form-data; name=\"receipt\"; filename=\"\"", "", "application/octet-stream") +
              part("form-data; name=\"blank\"; filename=\"empty.txt\"", "", "text/plain") + closing();
  auto m = parse_multipart(kB, body);
  ASSERT_TRUE(m);
  EXPECT_EQ(m->fields.size(), 1u);
  ASSERT_EQ(m->files.size(), 1u);  // a chosen file that happens to be empty is kept
  EXPECT_EQ(m->files[0].file_name, "empty.txt");
  EXPECT_TRUE(m->files[0].bytes.empty());
}

TEST(ParseMultipart, EmptyTextFieldsAndAnEmptyPartWithoutItsOwnCrlf) {
  auto body = part("form-data; name=\"a\"", "") + "--" + kB +
              "\r\nContent-Disposition: form-data; name=\"b\"\r\n\r\n--" + kB + "--";
  auto m = parse_multipart(kB, body);
  ASSERT_TRUE(m);
  ASSERT_EQ(m->fields.size(), 2u);
  EXPECT_EQ(m->fields[0].second, "");
  EXPECT_EQ(m->fields[1].second, "");
}

TEST(ParseMultipart, IgnoresPreambleEpilogueAndPadding) {
  auto body = "This is a preamble.\r\n--" + kB + "\r\n" + part("form-data; name=\"a\"", "1").substr(kB.size() + 4) +
              "--" + kB + " \t\r\nContent-Disposition: form-data; name=\"b\"\r\n\r\n2\r\n--" + kB +
              "--\r\nThis is an epilogue.\r\n--" + kB + "\r\nContent-Disposition: form-data; name=\"c\"\r\n\r\n3";
  auto m = parse_multipart(kB, body);
  ASSERT_TRUE(m);
  ASSERT_EQ(m->fields.size(), 2u);
  EXPECT_EQ(find(m->fields, "a"), "1");
  EXPECT_EQ(find(m->fields, "b"), "2");
  EXPECT_EQ(find(m->fields, "c"), "");
}

TEST(ParseMultipart, HeaderNamesAndDispositionAreCaseInsensitive) {
  std::string body = "--" + kB + "\r\ncontent-disposition: Form-Data; NAME=x; FileName=y.png\r\nCONTENT-TYPE: image/png\r\n" +
                     "X-Other: ignored\r\n\r\nPNG\r\n" + closing();
  auto m = parse_multipart(kB, body);
  ASSERT_TRUE(m);
  ASSERT_EQ(m->files.size(), 1u);
  EXPECT_EQ(m->files[0].field, "x");
  EXPECT_EQ(m->files[0].file_name, "y.png");
  EXPECT_EQ(m->files[0].content_type, "image/png");
}

TEST(ParseMultipart, MissingFinalDelimiterIsMalformed) {
  EXPECT_FALSE(parse_multipart(kB, part("form-data; name=\"a\"", "1")));
  EXPECT_FALSE(parse_multipart(kB, part("form-data; name=\"a\"", "1") + "--" + kB.substr(1) + "--\r\n"));
  auto truncated = part("form-data; name=\"a\"", "1") + closing();
  truncated.resize(truncated.size() - 5);
  EXPECT_FALSE(parse_multipart(kB, truncated));
  EXPECT_FALSE(parse_multipart(kB, ""));
  EXPECT_FALSE(parse_multipart(kB, "no delimiter here"));
  // A body that opens a part and ends inside its headers.
  EXPECT_FALSE(parse_multipart(kB, "--" + kB + "\r\nContent-Disposition: form-data; name=\"a\"\r\n"));
}

TEST(ParseMultipart, InvalidUtf8InATextFieldIsMalformed) {
  EXPECT_FALSE(parse_multipart(kB, part("form-data; name=\"a\"", "\xc3\x28") + closing()));
  EXPECT_FALSE(parse_multipart(kB, part("form-data; name=\"a\"", "\xed\xa0\x80") + closing()));
  EXPECT_FALSE(parse_multipart(kB, part("form-data; name=\"\xff\"", "x") + closing()));
  // Files may hold any bytes.
  EXPECT_TRUE(parse_multipart(kB, part("form-data; name=\"a\"; filename=\"a.bin\"", "\xc3\x28") + closing()));
}

TEST(ParseMultipart, LfOnlyLineEndingsAreRefused) {
  std::string lf = "--" + kB + "\nContent-Disposition: form-data; name=\"a\"\n\n1\n--" + kB + "--\n";
  EXPECT_FALSE(parse_multipart(kB, lf));
  // CRLF delimiters but a header line ended by a bare LF or a bare CR.
  EXPECT_FALSE(parse_multipart(
      kB, "--" + kB + "\r\nContent-Disposition: form-data; name=\"a\"\nX: y\r\n\r\n1\r\n" + closing()));
  EXPECT_FALSE(parse_multipart(
      kB, "--" + kB + "\r\nContent-Disposition: form-data; name=\"a\"\rX: y\r\n\r\n1\r\n" + closing()));
}

TEST(ParseMultipart, PartsWithoutAFormDataNameAreMalformed) {
  EXPECT_FALSE(parse_multipart(kB, "--" + kB + "\r\n\r\nno headers\r\n" + closing()));
  EXPECT_FALSE(parse_multipart(kB, "--" + kB + "\r\nContent-Type: text/plain\r\n\r\nx\r\n" + closing()));
  EXPECT_FALSE(parse_multipart(kB, part("attachment; name=\"a\"", "1") + closing()));
  EXPECT_FALSE(parse_multipart(kB, part("form-data", "1") + closing()));
  EXPECT_FALSE(parse_multipart(kB, part("form-data; filename=\"a.pdf\"", "1") + closing()));
  EXPECT_FALSE(parse_multipart(kB, part("form-data; name=\"a", "1") + closing()));
  EXPECT_FALSE(parse_multipart(kB, part("form-data; name=\"a\"; name=\"b\"", "1") + closing()));
  // Two Content-Disposition headers, a header line without a colon, a folded line.
  EXPECT_FALSE(parse_multipart(
      kB, "--" + kB + "\r\nContent-Disposition: form-data; name=a\r\nContent-Disposition: form-data; name=b\r\n\r\n1\r\n" +
              closing()));
  EXPECT_FALSE(parse_multipart(kB, "--" + kB + "\r\nContent-Disposition: form-data; name=a\r\njunk\r\n\r\n1\r\n" + closing()));
  EXPECT_FALSE(parse_multipart(
      kB, "--" + kB + "\r\nContent-Disposition: form-data;\r\n name=a\r\n\r\n1\r\n" + closing()));
}

TEST(ParseMultipart, LimitsPartsAndHeaderSize) {
  std::string many;
  for (int i = 0; i < 1000; ++i) many += part("form-data; name=\"f\"", "x");
  ASSERT_TRUE(parse_multipart(kB, many + closing()));
  EXPECT_EQ(parse_multipart(kB, many + closing())->fields.size(), 1000u);
  EXPECT_FALSE(parse_multipart(kB, many + part("form-data; name=\"f\"", "x") + closing()));

  // 8 KiB for the header lines and the blank line, no more.
  auto with_header = [](std::size_t block) {
    std::string head = "Content-Disposition: form-data; name=a\r\nX-Pad: ";
    std::size_t fixed = head.size() + 4;  // the pad line's CRLF and the blank line
    return "--" + kB + "\r\n" + head + std::string(block - fixed, 'p') + "\r\n\r\n1\r\n" + closing();
  };
  EXPECT_TRUE(parse_multipart(kB, with_header(8192)));
  EXPECT_FALSE(parse_multipart(kB, with_header(8193)));
}

TEST(ParseMultipart, RefusesAnInvalidBoundaryArgument) {
  EXPECT_FALSE(parse_multipart("", "--\r\nContent-Disposition: form-data; name=a\r\n\r\n1\r\n----"));
  EXPECT_FALSE(parse_multipart(std::string(71, 'b'), "--" + std::string(71, 'b') + "--"));
}

TEST(ParseMultipart, ThirtyMegabytesParseQuickly) {
  // Three 10 MB files of bytes that often hold CR, LF and '-'.
  std::string bytes(10 * 1024 * 1024, '\0');
  std::uint32_t x = 12345;
  for (auto& c : bytes) {
    x = x * 1664525u + 1013904223u;
    c = "\r\n-ab\xff"[(x >> 24) % 6];
  }
  std::string body = part("form-data; name=\"csrf\"", "t");
  for (int i = 0; i < 3; ++i) body += part("form-data; name=\"r\"; filename=\"r.pdf\"", bytes, "application/pdf");
  body += closing();
  auto start = std::chrono::steady_clock::now();
  auto m = parse_multipart(kB, body);
  auto took = std::chrono::steady_clock::now() - start;
  ASSERT_TRUE(m);
  ASSERT_EQ(m->files.size(), 3u);
  EXPECT_EQ(m->files[2].bytes.size(), bytes.size());
  EXPECT_EQ(m->files[2].bytes.data(), body.data() + body.size() - closing().size() - 2 - bytes.size());
  // Well under 100 ms on a quiet machine; the bound is loose so a busy one passes too.
  EXPECT_LT(took, std::chrono::milliseconds(500)) << std::chrono::duration<double, std::milli>(took).count() << " ms";
}

TEST(ParseMultipart, HostileDataStaysLinear) {
  // What slows simpler searches: a boundary of one letter repeated and a file of that
  // letter (a skip-table search moves one byte at a time and compares 70), a file of CRs
  // (memchr stops at every byte), and near-delimiters every few bytes.
  const std::string a(70, 'a');
  auto file = [&](const std::string& boundary, std::string bytes) {
    return "--" + boundary + "\r\nContent-Disposition: form-data; name=\"f\"; filename=\"f\"\r\n\r\n" + bytes + "\r\n--" +
           boundary + "--\r\n";
  };
  auto check = [&](const std::string& boundary, const std::string& body) {
    auto start = std::chrono::steady_clock::now();
    auto m = parse_multipart(boundary, body);
    auto took = std::chrono::steady_clock::now() - start;
    ASSERT_TRUE(m);
    ASSERT_EQ(m->files.size(), 1u);
    EXPECT_EQ(m->files[0].bytes.size(), body.size() - (body.find("\r\n\r\n") + 4) - (boundary.size() + 8));
    EXPECT_LT(took, std::chrono::milliseconds(500)) << std::chrono::duration<double, std::milli>(took).count() << " ms";
  };
  check(a, file(a, std::string(30u * 1024 * 1024, 'a')));
  check(kB, file(kB, std::string(30u * 1024 * 1024, '\r')));
  std::string near;
  near.reserve(30u * 1024 * 1024 + 8);
  while (near.size() < 30u * 1024 * 1024) near += "\r\n-aaaa";
  check(a, file(a, std::move(near)));
}

TEST(Uploads, ReadsTheRequestsFilesOnlyForMultipart) {
  Request req;
  req.headers = {{"content-type", "multipart/form-data; boundary=" + kB}};
  req.body = part("form-data; name=\"csrf\"", "t") + part("form-data; name=\"r\"; filename=\"a.png\"", "PNG", "image/png") +
             closing();
  auto files = uploads(req);
  ASSERT_EQ(files.size(), 1u);
  EXPECT_EQ(files[0].file_name, "a.png");
  EXPECT_EQ(files[0].bytes.data(), req.body.data() + req.body.find("PNG\r\n"));

  req.headers = {{"content-type", "application/x-www-form-urlencoded"}};
  EXPECT_TRUE(uploads(req).empty());
  req.headers = {{"content-type", "multipart/form-data; boundary=" + kB}};
  req.body.resize(req.body.size() - 4);
  EXPECT_TRUE(uploads(req).empty());
}

}  // namespace hs::web
