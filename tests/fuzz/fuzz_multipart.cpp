// libFuzzer target for multipart/form-data (file uploads). The input's first line is the
// Content-Type header value and the rest is the body, so both the boundary and the parts
// are the fuzzer's to choose. Whatever is accepted must hold up: text that is valid UTF-8,
// file bytes that lie inside the body, file names without a path, and a body written back
// from what was read must read the same again.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>
#include <string_view>

#include "core/text.hpp"
#include "web/multipart.hpp"

namespace {

using hs::web::Multipart;
using hs::web::Upload;

// A quoted parameter value as parse_multipart reads it back: '"' and '\' escaped.
std::string quoted(std::string_view s) {
  std::string out = "\"";
  for (char c : s) {
    if (c == '"' || c == '\\') out += '\\';
    out += c;
  }
  return out + "\"";
}

std::string write(std::string_view boundary, const Multipart& m) {
  std::string body;
  auto open = [&](std::string_view name) {
    body += "--";
    body += boundary;
    body += "\r\nContent-Disposition: form-data; name=" + quoted(name);
  };
  for (const auto& [name, value] : m.fields) {
    open(name);
    body += "\r\n\r\n" + value + "\r\n";
  }
  for (const auto& f : m.files) {
    open(f.field);
    body += "; filename=" + quoted(f.file_name) + "\r\n";
    if (!f.content_type.empty()) body += "Content-Type: " + f.content_type + "\r\n";
    body += "\r\n";
    body += f.bytes;
    body += "\r\n";
  }
  body += "--";
  body += boundary;
  body += "--\r\n";
  return body;
}

bool empty_input(const Upload& f) { return f.file_name.empty() && f.bytes.empty(); }

void check(std::string_view boundary, std::string_view body) {
  auto m = hs::web::parse_multipart(boundary, body);
  if (!m) return;
  if (m->fields.size() + m->files.size() > 1000) std::abort();
  for (const auto& [k, v] : m->fields)
    if (!hs::text::valid_utf8(k) || !hs::text::valid_utf8(v)) std::abort();
  const std::string close = "\r\n--" + std::string(boundary) + "--";
  for (const auto& f : m->files) {
    if (f.bytes.data() < body.data() || f.bytes.data() + f.bytes.size() > body.data() + body.size()) std::abort();
    if (f.file_name.find_first_of("/\\") != std::string::npos) std::abort();
    if (!hs::text::valid_utf8(f.field) || !hs::text::valid_utf8(f.file_name)) std::abort();
    // A closing delimiter always ends a part, so no file holds one.
    if (f.bytes.find(close) != std::string_view::npos) std::abort();
  }

  // Written back (fields first, then files) and read again, it gives the same parts. (Not
  // when a name is long: quoting may double it, and the header block must stay in 8 KiB.)
  for (const auto& [k, v] : m->fields)
    if (k.size() > 1000) return;
  for (const auto& f : m->files)
    if (f.field.size() > 1000 || f.file_name.size() > 1000 || f.content_type.size() > 1000) return;
  auto written = write(boundary, *m);
  auto again = hs::web::parse_multipart(boundary, written);
  if (!again || again->fields != m->fields) std::abort();
  std::size_t j = 0;
  for (const auto& f : m->files) {
    if (empty_input(f)) continue;  // e.g. filename="C:\": an empty name and no bytes
    if (j >= again->files.size()) std::abort();
    const auto& g = again->files[j++];
    if (g.field != f.field || g.file_name != f.file_name || g.content_type != f.content_type || g.bytes != f.bytes)
      std::abort();
  }
  if (j != again->files.size()) std::abort();
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  std::string_view in(reinterpret_cast<const char*>(data), size);
  auto nl = in.find('\n');
  auto header = in.substr(0, nl);
  auto body = nl == std::string_view::npos ? std::string_view() : in.substr(nl + 1);

  auto boundary = hs::web::multipart_boundary(header);
  if (boundary) {
    if (boundary->empty() || boundary->size() > 70) std::abort();
    if (boundary->find_first_of("\r\n\"") != std::string::npos) std::abort();
    // Quoting a boundary we accepted gives it back.
    if (hs::web::multipart_boundary("multipart/form-data; boundary=" + quoted(*boundary)) != boundary) std::abort();
  }
  check(boundary ? *boundary : "b", body);
  return 0;
}
