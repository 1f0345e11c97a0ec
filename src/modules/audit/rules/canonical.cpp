#include "modules/audit/rules/canonical.hpp"

#include <algorithm>
#include <charconv>

#include "core/text.hpp"

namespace hs::audit::canonical {

namespace {

bool lower_or_digit(char c) { return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9'); }

void append_int(std::string& out, std::int64_t v) {
  char buf[24];
  auto r = std::to_chars(buf, buf + sizeof buf, v);
  out.append(buf, r.ptr);
}

bool strings_ok(const Value& v) {
  if (auto* s = std::get_if<std::string>(&v)) return text::valid_utf8(*s);
  if (auto* l = std::get_if<std::vector<std::string>>(&v))
    return std::all_of(l->begin(), l->end(), [](const std::string& s) { return text::valid_utf8(s); });
  return true;
}

void append_value(std::string& out, const Value& v) {
  if (auto* s = std::get_if<std::string>(&v)) {
    append_string(out, *s);
  } else if (auto* n = std::get_if<std::int64_t>(&v)) {
    append_int(out, *n);
  } else if (auto* b = std::get_if<bool>(&v)) {
    out += *b ? "true" : "false";
  } else {
    out += '[';
    bool first = true;
    for (const auto& s : std::get<std::vector<std::string>>(v)) {
      if (!first) out += ',';
      first = false;
      append_string(out, s);
    }
    out += ']';
  }
}

}  // namespace

bool valid_key(std::string_view key) {
  if (key.empty() || key.size() > 64 || key[0] < 'a' || key[0] > 'z') return false;
  return std::all_of(key.begin(), key.end(), [](char c) { return lower_or_digit(c) || c == '_'; });
}

bool valid_kind(std::string_view kind) {
  if (kind.empty() || kind.size() > 64 || kind[0] < 'a' || kind[0] > 'z') return false;
  return std::all_of(kind.begin(), kind.end(), [](char c) { return lower_or_digit(c) || c == '_' || c == '.'; });
}

void append_string(std::string& out, std::string_view s) {
  static constexpr char kDigits[] = "0123456789abcdef";
  out += '"';
  // Runs of characters that need no escape are copied whole: the verifier writes every
  // string of a million entries through here.
  std::size_t run = 0;
  for (std::size_t i = 0; i < s.size(); ++i) {
    const auto c = static_cast<unsigned char>(s[i]);
    if (c >= 0x20 && c != '"' && c != '\\') continue;
    out.append(s.data() + run, i - run);
    run = i + 1;
    switch (c) {
      case '"': out += "\\\""; break;
      case '\\': out += "\\\\"; break;
      case '\b': out += "\\b"; break;
      case '\f': out += "\\f"; break;
      case '\n': out += "\\n"; break;
      case '\r': out += "\\r"; break;
      case '\t': out += "\\t"; break;
      default:
        out += "\\u00";
        out += kDigits[c >> 4];
        out += kDigits[c & 0xF];
    }
  }
  out.append(s.data() + run, s.size() - run);
  out += '"';
}

std::optional<std::string> entry_text(const EntryFrame& frame, std::string_view kind, const Fields& data) {
  if (!valid_kind(kind)) return std::nullopt;
  std::vector<const std::pair<std::string, Value>*> sorted;
  sorted.reserve(data.size());
  for (const auto& f : data) {
    if (!valid_key(f.first) || !strings_ok(f.second)) return std::nullopt;
    sorted.push_back(&f);
  }
  std::sort(sorted.begin(), sorted.end(), [](auto* a, auto* b) { return a->first < b->first; });
  for (std::size_t i = 1; i < sorted.size(); ++i)
    if (sorted[i - 1]->first == sorted[i]->first) return std::nullopt;

  std::string out;
  out.reserve(96 + data.size() * 32);
  out += "{\"at\":";
  append_int(out, frame.at);
  out += ",\"data\":{";
  for (std::size_t i = 0; i < sorted.size(); ++i) {
    if (i) out += ',';
    append_string(out, sorted[i]->first);
    out += ':';
    append_value(out, sorted[i]->second);
  }
  out += "},\"kind\":";
  append_string(out, kind);
  out += ",\"seq\":";
  append_int(out, frame.seq);
  out += ",\"space\":";
  append_int(out, frame.space);
  out += ",\"v\":";
  append_int(out, kEntryVersion);
  out += '}';
  if (out.size() > kMaxEntryBytes) return std::nullopt;
  return out;
}

std::string head_text(std::int64_t space, std::int64_t size, std::string_view root_hex, std::int64_t timestamp) {
  std::string out = "{\"root\":";
  append_string(out, root_hex);
  out += ",\"size\":";
  append_int(out, size);
  out += ",\"space\":";
  append_int(out, space);
  out += ",\"timestamp\":";
  append_int(out, timestamp);
  out += '}';
  return out;
}

}  // namespace hs::audit::canonical
