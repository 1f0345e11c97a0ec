// The message text every mailer writes: extra header fields (RFC 8058's List-Unsubscribe
// pair) are written on one line each, and never in place of the fields it writes itself.
#include <gtest/gtest.h>

#include "mail/mailer.hpp"

namespace hs::mail {
namespace {

TEST(MailRfc5322, ExtraHeadersOnOneLine) {
  Email e;
  e.to = "ana@example.org";
  e.subject = "Hello";
  e.body = "Words.";
  e.headers = {{"List-Unsubscribe", "<https://forum.example.org/u?token=1.2.abc>"},
               {"List-Unsubscribe-Post", "List-Unsubscribe=One-Click\r\nBcc: evil@example.org"}};
  const auto text = to_rfc5322(e, "Humanspace <no-reply@example.org>", "id@humanspace");
  EXPECT_NE(text.find("\r\nList-Unsubscribe: <https://forum.example.org/u?token=1.2.abc>\r\n"), std::string::npos);
  // A line break in a value cannot start a field of its own.
  EXPECT_NE(text.find("\r\nList-Unsubscribe-Post: List-Unsubscribe=One-Click  Bcc: evil@example.org\r\n"),
            std::string::npos);
  EXPECT_EQ(text.find("\r\nBcc:"), std::string::npos);
  // Headers come before the blank line that starts the body.
  EXPECT_LT(text.find("List-Unsubscribe:"), text.find("\r\n\r\n"));
}

TEST(MailRfc5322, NeverReplacesItsOwnFields) {
  Email e;
  e.to = "ana@example.org";
  e.subject = "Hello";
  e.body = "Words.";
  e.headers = {
      {"To", "evil@example.org"}, {"content-type", "text/html"}, {"Bad Name", "x"}, {"", "x"}, {"X-Ok", "yes"}};
  const auto text = to_rfc5322(e, "Humanspace <no-reply@example.org>", "id@humanspace");
  EXPECT_EQ(text.find("evil@example.org"), std::string::npos);
  EXPECT_EQ(text.find("text/html"), std::string::npos);
  EXPECT_EQ(text.find("Bad Name"), std::string::npos);
  EXPECT_NE(text.find("\r\nX-Ok: yes\r\n"), std::string::npos);
}

}  // namespace
}  // namespace hs::mail
