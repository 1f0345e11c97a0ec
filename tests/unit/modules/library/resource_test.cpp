// The library's checks: what a resource needs, the allow-list of types (read from the
// bytes by libmagic: files.hpp), tags, links, and the names a download is offered under.
#include "modules/library/rules/resource.hpp"

#include <gtest/gtest.h>

#include "modules/library/files.hpp"
#include "modules/library/permissions.hpp"

namespace hs::library {
namespace {

bool has_field(const Result<Checked>& r, const std::string& field, const std::string& key) {
  if (r) return false;
  for (const auto& f : r.error().fields)
    if (f.field == field && f.message_key == key) return true;
  return false;
}

TEST(LibraryRules, NeedsATitleAndALinkOrAFile) {
  auto r = check_resource({"", "", "", "", ""}, std::nullopt);
  EXPECT_TRUE(has_field(r, "title", "library_title_missing"));
  EXPECT_TRUE(has_field(r, "url", "library_need_link_or_file"));
  auto both = check_resource({"Guide", "", "", "https://example.org", ""}, FileFacts{10, "application/pdf"});
  EXPECT_TRUE(has_field(both, "url", "library_link_or_file"));
  auto link = check_resource({" Guide ", "About it.", "Money, guides,money", "https://example.org/a?b=1", "7"}, std::nullopt);
  ASSERT_TRUE(link);
  EXPECT_EQ(link->title, "Guide");
  EXPECT_EQ(*link->url, "https://example.org/a?b=1");
  EXPECT_EQ(link->tags, (std::vector<std::string>{"money", "guides"}));
  EXPECT_EQ(*link->conversation_id, 7);
}

TEST(LibraryRules, LinksAreWebAddresses) {
  EXPECT_TRUE(valid_link("https://www.example.org/guide.pdf"));
  EXPECT_TRUE(valid_link("HTTP://example.org"));
  EXPECT_FALSE(valid_link("javascript:alert(1)"));
  EXPECT_FALSE(valid_link("data:text/html,hi"));
  EXPECT_FALSE(valid_link("https://"));
  EXPECT_FALSE(valid_link("https://exa mple.org"));
  EXPECT_FALSE(valid_link("https://example.org/\"onmouseover"));
  EXPECT_FALSE(valid_link("//example.org"));
}

TEST(LibraryRules, FilesAreCheckedBySizeAndTypeFromTheBytes) {
  auto big = check_resource({"Big", "", "", "", ""}, FileFacts{kMaxFileBytes + 1, "application/pdf"});
  EXPECT_TRUE(has_field(big, "file", "library_file_too_big"));
  EXPECT_TRUE(check_resource({"Limit", "", "", "", ""}, FileFacts{kMaxFileBytes, "application/pdf"}));
  auto html = check_resource({"Page", "", "", "", ""}, FileFacts{100, "text/html"});
  EXPECT_TRUE(has_field(html, "file", "library_file_type"));
  for (auto bad : {"image/svg+xml", "application/zip", "text/x-shellscript", "application/CDFV2", "application/x-executable", ""})
    EXPECT_EQ(allowed_kind(bad), nullptr) << bad;
  for (auto good : {"application/pdf", "image/png", "image/jpeg", "image/gif", "image/webp",
                    "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
                    "application/vnd.oasis.opendocument.spreadsheet", "application/msword", "application/vnd.ms-excel"})
    EXPECT_NE(allowed_kind(good), nullptr) << good;
}

TEST(LibraryRules, LibmagicReadsWhatTheBytesAre) {
  EXPECT_EQ(sniff("%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"), "application/pdf");
  EXPECT_EQ(sniff("<!doctype html><html><script>alert(1)</script></html>"), "text/html");
  EXPECT_EQ(sniff(std::string("GIF89a\x01\x00\x01\x00\x00\x00\x00;", 13)), "image/gif");
  EXPECT_EQ(allowed_kind(sniff("#!/bin/sh\necho hi\n")), nullptr);
}

TEST(LibraryRules, TagsAreLowerCaseWithoutRepeats) {
  EXPECT_EQ(parse_tags(" Peer  Support ;housing,, HOUSING , "), (std::vector<std::string>{"peer support", "housing"}));
  EXPECT_TRUE(parse_tags("").empty());
  auto many = check_resource({"T", "", "a,b,c,d,e,f,g,h,i,j,k", "https://example.org", ""}, std::nullopt);
  EXPECT_TRUE(has_field(many, "tags", "library_tags_many"));
}

TEST(LibraryRules, DownloadsAreNamedByWhatTheyAre) {
  EXPECT_EQ(download_name("report.html", "pdf"), "report.pdf");
  EXPECT_EQ(download_name("../../etc/passwd", "pdf"), "passwd.pdf");
  EXPECT_EQ(download_name("", "png"), "resource.png");
  EXPECT_EQ(download_name("Café menu.jpeg", "jpg"), "Caf__ menu.jpg");
  EXPECT_EQ(content_disposition("a\"b\r\n.pdf", "pdf"), "attachment; filename=\"a_b__.pdf\"");
  auto d = content_disposition("Café.pdf", "pdf");
  EXPECT_EQ(d.rfind("attachment; filename=\"Caf__.pdf\"; filename*=UTF-8''Caf%C3%A9.pdf", 0), 0u) << d;
  EXPECT_TRUE(valid_stored_name(std::string(64, 'a')));
  EXPECT_FALSE(valid_stored_name("../" + std::string(61, 'a')));
}

TEST(LibraryPermissions, MembersOnlyAndFacilitatorsRemoveWithAReason) {
  spaces::Subject member{true, false, spaces::Role::member};
  spaces::Subject facilitator{true, false, spaces::Role::facilitator};
  spaces::Subject partner{true, false, spaces::Role::partner};
  spaces::Subject out{false, false, spaces::Role::none};
  EXPECT_TRUE(permissions::view_library(member));
  EXPECT_FALSE(permissions::view_library(partner));
  EXPECT_FALSE(permissions::view_library(out));
  EXPECT_TRUE(permissions::remove_resource(member, true));
  EXPECT_FALSE(permissions::remove_resource(member, false));
  EXPECT_TRUE(permissions::remove_resource(facilitator, false));
  EXPECT_TRUE(permissions::needs_reason(facilitator, false));
  EXPECT_FALSE(permissions::needs_reason(facilitator, true));
}

}  // namespace
}  // namespace hs::library
