#include "core/crypto.hpp"

#include <gtest/gtest.h>

#include <set>

#include "core/text.hpp"

namespace hs {

class CryptoTest : public ::testing::Test {
 protected:
  void SetUp() override { crypto::init(); }
};

TEST_F(CryptoTest, TokensAre128BitsAndDistinct) {
  std::set<std::string> seen;
  for (int i = 0; i < 1000; ++i) {
    auto t = crypto::random_token();
    EXPECT_EQ(crypto::from_base64url(t)->size(), 16u);
    seen.insert(t);
  }
  EXPECT_EQ(seen.size(), 1000u);
}

TEST_F(CryptoTest, Sha256MatchesKnownAnswer) {
  EXPECT_EQ(crypto::sha256_hex("abc"), "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
}

TEST_F(CryptoTest, SealOpensOnlyWithTheKey) {
  crypto::Key k{}, other{};
  k[0] = 1;
  other[0] = 2;
  auto sealed = crypto::seal(k, "needs step-free access");
  EXPECT_EQ(sealed.find("step-free"), std::string::npos);
  EXPECT_EQ(crypto::open(k, sealed).value(), "needs step-free access");
  EXPECT_FALSE(crypto::open(other, sealed));
  auto tampered = sealed;
  tampered[tampered.size() / 2] = tampered[tampered.size() / 2] == 'A' ? 'B' : 'A';
  EXPECT_FALSE(crypto::open(k, tampered));
}

TEST_F(CryptoTest, PasswordHashIsArgon2idWithOurCost) {
  auto h = crypto::hash_password("correct horse battery staple");
  EXPECT_TRUE(h.starts_with("$argon2id$"));
  EXPECT_NE(h.find("m=19456"), std::string::npos);  // 19 MiB
  EXPECT_NE(h.find("t=2"), std::string::npos);
  EXPECT_TRUE(crypto::verify_password(h, "correct horse battery staple"));
  EXPECT_FALSE(crypto::verify_password(h, "correct horse battery stapl"));
  EXPECT_FALSE(crypto::password_needs_rehash(h));
}

TEST(Text, Utf8Validation) {
  EXPECT_TRUE(text::valid_utf8("plain"));
  EXPECT_TRUE(text::valid_utf8("Zoë ☕ 🌱"));
  EXPECT_FALSE(text::valid_utf8("\xC3"));
  EXPECT_FALSE(text::valid_utf8("\xF4\x90\x80\x80"));  // past U+10FFFF
  EXPECT_EQ(text::length("Zoë"), 3u);
  EXPECT_EQ(text::trim("  a b \n"), "a b");
}

}  // namespace hs

namespace hs {

TEST(Text, XmlEscapeCoversMarkupAndQuotes) {
  EXPECT_EQ(text::xml_escape("a<b>&\"c'"), "a&lt;b&gt;&amp;&quot;c&#39;");
  EXPECT_EQ(text::xml_escape("Zoë"), "Zoë");
}

TEST(Text, AnXmlElementIsEscapedOnItsOwnLine) {
  std::string out = "<entry>\n";
  text::append_xml_element(out, "title", "Rent & <repairs>");
  EXPECT_EQ(out, "<entry>\n<title>Rent &amp; &lt;repairs&gt;</title>\n");
}

}  // namespace hs
