#include "web/parse.hpp"

#include "core/text.hpp"

namespace hs::web {

namespace {
int hex(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}
}  // namespace

std::optional<std::string> percent_decode(std::string_view s, bool form) {
  std::string out;
  out.reserve(s.size());
  for (std::size_t i = 0; i < s.size(); ++i) {
    char c = s[i];
    if (c == '%') {
      if (i + 2 >= s.size()) return std::nullopt;
      int h = hex(s[i + 1]), l = hex(s[i + 2]);
      if (h < 0 || l < 0) return std::nullopt;
      out.push_back(static_cast<char>(h * 16 + l));
      i += 2;
    } else if (c == '+' && form) {
      out.push_back(' ');
    } else {
      out.push_back(c);
    }
  }
  return out;
}

std::string percent_encode(std::string_view s) {
  static constexpr char digits[] = "0123456789ABCDEF";
  std::string out;
  for (unsigned char c : s) {
    if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '_' ||
        c == '.' || c == '~') {
      out.push_back(static_cast<char>(c));
    } else {
      out.push_back('%');
      out.push_back(digits[c >> 4]);
      out.push_back(digits[c & 15]);
    }
  }
  return out;
}

std::optional<Pairs> parse_form(std::string_view body) {
  Pairs out;
  std::size_t start = 0;
  while (start <= body.size()) {
    auto amp = body.find('&', start);
    if (amp == std::string_view::npos) amp = body.size();
    auto piece = body.substr(start, amp - start);
    if (!piece.empty()) {
      auto eq = piece.find('=');
      auto name = percent_decode(piece.substr(0, eq), true);
      auto value = percent_decode(eq == std::string_view::npos ? std::string_view{} : piece.substr(eq + 1), true);
      if (!name || !value || !text::valid_utf8(*name) || !text::valid_utf8(*value)) return std::nullopt;
      out.emplace_back(std::move(*name), std::move(*value));
    }
    start = amp + 1;
  }
  return out;
}

Pairs parse_cookies(std::string_view header) {
  Pairs out;
  std::size_t start = 0;
  while (start < header.size()) {
    auto semi = header.find(';', start);
    if (semi == std::string_view::npos) semi = header.size();
    auto piece = text::trim(header.substr(start, semi - start));
    auto eq = piece.find('=');
    if (eq != std::string_view::npos && eq > 0) {
      auto name = text::trim(piece.substr(0, eq));
      auto value = text::trim(piece.substr(eq + 1));
      if (value.size() >= 2 && value.front() == '"' && value.back() == '"') value = value.substr(1, value.size() - 2);
      out.emplace_back(std::string(name), std::string(value));
    }
    start = semi + 1;
  }
  return out;
}

std::optional<Target> parse_target(std::string_view target) {
  if (target.empty() || target.front() != '/') return std::nullopt;
  auto q = target.find('?');
  auto raw_path = target.substr(0, q);
  if (raw_path.find('#') != std::string_view::npos) return std::nullopt;
  auto path = percent_decode(raw_path, false);
  if (!path || !text::valid_utf8(*path) || path->find('\0') != std::string::npos) return std::nullopt;
  // Dot segments would let a path climb out of a folder; no page of ours uses them.
  for (std::size_t i = 0; i < path->size();) {
    auto next = path->find('/', i + 1);
    auto seg = std::string_view(*path).substr(i + 1, next == std::string::npos ? std::string::npos : next - i - 1);
    if (seg == "." || seg == "..") return std::nullopt;
    if (next == std::string::npos) break;
    i = next;
  }
  Target t{std::move(*path), q == std::string_view::npos ? std::string() : std::string(target.substr(q + 1))};
  return t;
}

std::string_view find(const Pairs& pairs, std::string_view name) {
  for (const auto& [k, v] : pairs)
    if (k == name) return v;
  return {};
}

}  // namespace hs::web
