#pragma once
#include <memory>
#include <string>
#include <utility>
#include <vector>

namespace hs::mail {

struct Email {
  std::string to;  // address only
  std::string subject;
  std::string body;  // plain text
  // More header fields, each a name of letters, digits and hyphens and a value on one line
  // (List-Unsubscribe and List-Unsubscribe-Post, RFC 8058). Others are dropped.
  std::vector<std::pair<std::string, std::string>> headers;
};

class Mailer {
 public:
  virtual ~Mailer() = default;
  // Throws when the message could not be handed over.
  virtual void send(const Email& e) = 0;
  // Erasure: removes what this mailer still keeps of mail to the address (the outbox
  // keeps every message; mail handed to an SMTP server is beyond reach). Throws when
  // what is kept cannot be removed.
  virtual void forget(const std::string& address) { (void)address; }
};

// RFC 5322 message text (headers and body) for an email.
std::string to_rfc5322(const Email& e, const std::string& from, const std::string& message_id);

// Writes each message to DIR/*.eml: for development and the demo.
std::unique_ptr<Mailer> outbox_mailer(std::string dir, std::string from);
// Sends through an SMTP server with libcurl (smtp:// or smtps://, credentials in the URL).
std::unique_ptr<Mailer> smtp_mailer(std::string url, std::string from);

struct OutboxItem {
  std::string file;  // name within the folder
  std::string to, subject, body;
  long long written_at;
};
// Newest first; reads at most limit messages.
std::vector<OutboxItem> read_outbox(const std::string& dir, std::size_t limit);

}  // namespace hs::mail
