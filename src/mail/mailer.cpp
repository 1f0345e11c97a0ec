#include "mail/mailer.hpp"

#include <curl/curl.h>

#include <algorithm>
#include <cctype>
#include <chrono>
#include <cstring>
#include <ctime>
#include <filesystem>
#include <fstream>
#include <mutex>
#include <sstream>
#include <stdexcept>

#include "core/crypto.hpp"
#include "core/dates.hpp"

namespace hs::mail {

namespace fs = std::filesystem;

namespace {

// Header values never carry a line break: that would let text inject headers.
std::string one_line(std::string s) {
  std::replace_if(
      s.begin(), s.end(), [](char c) { return c == '\r' || c == '\n'; }, ' ');
  return s;
}

std::string address_of(const std::string& from) {
  auto lt = from.find('<');
  auto gt = from.find('>');
  if (lt != std::string::npos && gt != std::string::npos && gt > lt) return from.substr(lt + 1, gt - lt - 1);
  return from;
}

// Subjects may hold any language: RFC 2047 encoded-word when not plain ASCII.
std::string encode_subject(const std::string& s) {
  bool ascii = std::all_of(s.begin(), s.end(), [](unsigned char c) { return c >= 0x20 && c < 0x7F; });
  if (ascii) return s;
  std::string b64;
  static const char* tbl = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
  std::size_t i = 0;
  for (; i + 2 < s.size(); i += 3) {
    unsigned v = (unsigned char)s[i] << 16 | (unsigned char)s[i + 1] << 8 | (unsigned char)s[i + 2];
    b64 += tbl[v >> 18 & 63];
    b64 += tbl[v >> 12 & 63];
    b64 += tbl[v >> 6 & 63];
    b64 += tbl[v & 63];
  }
  if (i + 1 == s.size()) {
    unsigned v = (unsigned char)s[i] << 16;
    b64 += tbl[v >> 18 & 63];
    b64 += tbl[v >> 12 & 63];
    b64 += "==";
  } else if (i + 2 == s.size()) {
    unsigned v = (unsigned char)s[i] << 16 | (unsigned char)s[i + 1] << 8;
    b64 += tbl[v >> 18 & 63];
    b64 += tbl[v >> 12 & 63];
    b64 += tbl[v >> 6 & 63];
    b64 += '=';
  }
  return "=?UTF-8?B?" + b64 + "?=";
}

std::string rfc_date() { return dates::format(std::time(nullptr), dates::Style::email); }

std::string header_value(const std::string& text, const std::string& name);

bool same_address(std::string a, std::string b) {
  auto lower = [](std::string& s) {
    for (auto& ch : s) ch = static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
  };
  lower(a);
  lower(b);
  return a == b;
}

class OutboxMailer final : public Mailer {
 public:
  OutboxMailer(std::string dir, std::string from) : dir_(std::move(dir)), from_(std::move(from)) {}
  void send(const Email& e) override {
    fs::create_directories(dir_);
    auto now = std::chrono::system_clock::now().time_since_epoch();
    auto name = std::to_string(std::chrono::duration_cast<std::chrono::microseconds>(now).count()) + "-" +
                crypto::random_token(6) + ".eml";
    auto tmp = fs::path(dir_) / (name + ".tmp");
    {
      std::ofstream out(tmp, std::ios::binary);
      out << to_rfc5322(e, from_, name);
      if (!out) throw std::runtime_error("cannot write to the outbox folder " + dir_);
    }
    fs::rename(tmp, fs::path(dir_) / name);
  }
  // Each message to the address is overwritten with zeros before it is unlinked, so its
  // links and words are not left in the file's blocks for the next reader of the disk
  // (a journalling or copy-on-write file system may still keep older copies).
  void forget(const std::string& address) override {
    std::error_code ec;
    if (!fs::is_directory(dir_, ec)) return;
    for (const auto& entry : fs::directory_iterator(dir_)) {
      if (!entry.is_regular_file() || entry.path().extension() != ".eml") continue;
      std::string text;
      {
        std::ifstream in(entry.path(), std::ios::binary);
        text.assign(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
      }
      if (!same_address(header_value(text, "To"), address)) continue;
      {
        std::ofstream out(entry.path(), std::ios::binary | std::ios::in | std::ios::out);
        out << std::string(text.size(), '\0');
        out.flush();
      }
      fs::remove(entry.path());
    }
  }

 private:
  std::string dir_, from_;
};

struct Upload {
  std::string data;
  std::size_t pos = 0;
};

std::size_t read_cb(char* buf, std::size_t size, std::size_t n, void* user) {
  auto* u = static_cast<Upload*>(user);
  std::size_t len = std::min(size * n, u->data.size() - u->pos);
  std::memcpy(buf, u->data.data() + u->pos, len);
  u->pos += len;
  return len;
}

class SmtpMailer final : public Mailer {
 public:
  SmtpMailer(std::string url, std::string from) : url_(std::move(url)), from_(std::move(from)) {
    static std::once_flag once;
    std::call_once(once, [] { curl_global_init(CURL_GLOBAL_DEFAULT); });
  }
  void send(const Email& e) override {
    CURL* c = curl_easy_init();
    if (!c) throw std::runtime_error("libcurl could not start");
    Upload up{to_rfc5322(e, from_, crypto::random_token(12) + "@humanspace")};
    std::string mail_from = "<" + address_of(from_) + ">";
    std::string rcpt = "<" + one_line(e.to) + ">";
    curl_slist* rcpts = curl_slist_append(nullptr, rcpt.c_str());
    curl_easy_setopt(c, CURLOPT_URL, url_.c_str());
    curl_easy_setopt(c, CURLOPT_MAIL_FROM, mail_from.c_str());
    curl_easy_setopt(c, CURLOPT_MAIL_RCPT, rcpts);
    curl_easy_setopt(c, CURLOPT_READFUNCTION, read_cb);
    curl_easy_setopt(c, CURLOPT_READDATA, &up);
    curl_easy_setopt(c, CURLOPT_UPLOAD, 1L);
    curl_easy_setopt(c, CURLOPT_USE_SSL, static_cast<long>(CURLUSESSL_TRY));
    curl_easy_setopt(c, CURLOPT_TIMEOUT, 30L);
    curl_easy_setopt(c, CURLOPT_NOSIGNAL, 1L);
    CURLcode rc = curl_easy_perform(c);
    curl_slist_free_all(rcpts);
    curl_easy_cleanup(c);
    if (rc != CURLE_OK) throw std::runtime_error(std::string("SMTP delivery failed: ") + curl_easy_strerror(rc));
  }

 private:
  std::string url_, from_;
};

std::string header_value(const std::string& text, const std::string& name) {
  std::istringstream in(text);
  std::string line;
  while (std::getline(in, line)) {
    if (!line.empty() && line.back() == '\r') line.pop_back();
    if (line.empty()) break;
    if (line.size() > name.size() + 1 && line.compare(0, name.size(), name) == 0 && line[name.size()] == ':')
      return line.substr(name.size() + 2);
  }
  return {};
}

}  // namespace

std::string to_rfc5322(const Email& e, const std::string& from, const std::string& message_id) {
  std::string body;
  // SMTP wants CRLF line ends, and a line starting with '.' doubled.
  std::size_t start = 0;
  while (start <= e.body.size()) {
    auto nl = e.body.find('\n', start);
    std::string line = e.body.substr(start, nl == std::string::npos ? std::string::npos : nl - start);
    if (!line.empty() && line.back() == '\r') line.pop_back();
    if (!line.empty() && line.front() == '.') line.insert(line.begin(), '.');
    body += line + "\r\n";
    if (nl == std::string::npos) break;
    start = nl + 1;
  }
  std::string out;
  out += "From: " + one_line(from) + "\r\n";
  out += "To: " + one_line(e.to) + "\r\n";
  out += "Subject: " + encode_subject(one_line(e.subject)) + "\r\n";
  out += "Date: " + rfc_date() + "\r\n";
  out += "Message-ID: <" + one_line(message_id) + ">\r\n";
  for (const auto& [name, value] : e.headers) {
    const bool token = !name.empty() && name.find_first_not_of(
                                            "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz"
                                            "0123456789-") == std::string::npos;
    const auto lower = [](std::string s) {
      for (auto& ch : s) ch = static_cast<char>(ch >= 'A' && ch <= 'Z' ? ch - 'A' + 'a' : ch);
      return s;
    };
    // The fields this function writes itself cannot be given twice.
    const auto n = lower(name);
    if (!token || n == "from" || n == "to" || n == "subject" || n == "date" || n == "message-id" ||
        n == "mime-version" || n.rfind("content-", 0) == 0)
      continue;
    out += name + ": " + one_line(value) + "\r\n";
  }
  out += "MIME-Version: 1.0\r\nContent-Type: text/plain; charset=utf-8\r\nContent-Transfer-Encoding: 8bit\r\n\r\n";
  out += body;
  return out;
}

std::unique_ptr<Mailer> outbox_mailer(std::string dir, std::string from) {
  return std::make_unique<OutboxMailer>(std::move(dir), std::move(from));
}

std::unique_ptr<Mailer> smtp_mailer(std::string url, std::string from) {
  return std::make_unique<SmtpMailer>(std::move(url), std::move(from));
}

std::vector<OutboxItem> read_outbox(const std::string& dir, std::size_t limit) {
  std::vector<OutboxItem> items;
  if (!fs::exists(dir)) return items;
  std::vector<fs::path> files;
  for (const auto& entry : fs::directory_iterator(dir))
    if (entry.path().extension() == ".eml") files.push_back(entry.path());
  std::sort(files.begin(), files.end(), std::greater<>());
  for (const auto& p : files) {
    if (items.size() >= limit) break;
    std::ifstream in(p, std::ios::binary);
    std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    OutboxItem it;
    it.file = p.filename().string();
    it.to = header_value(text, "To");
    it.subject = header_value(text, "Subject");
    auto sep = text.find("\r\n\r\n");
    it.body = sep == std::string::npos ? std::string() : text.substr(sep + 4);
    std::erase(it.body, '\r');
    it.written_at = std::atoll(it.file.c_str()) / 1000000;
    items.push_back(std::move(it));
  }
  return items;
}

}  // namespace hs::mail
