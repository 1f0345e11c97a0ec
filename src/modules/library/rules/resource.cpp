#include "modules/library/rules/resource.hpp"

#include <algorithm>
#include <cstdio>

#include "core/number.hpp"
#include "core/text.hpp"

namespace hs::library {

namespace {

// Word, Excel and PowerPoint (old and new), and OpenDocument. The old binary formats are
// taken only when libmagic names the program; a bare OLE2 container ("CDFV2") is refused.
const std::vector<FileKind> kKinds = {
    {"application/pdf", "pdf", "library_type_pdf"},
    {"image/png", "png", "library_type_png"},
    {"image/jpeg", "jpg", "library_type_jpeg"},
    {"image/gif", "gif", "library_type_gif"},
    {"image/webp", "webp", "library_type_webp"},
    {"application/vnd.openxmlformats-officedocument.wordprocessingml.document", "docx", "library_type_word"},
    {"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "xlsx", "library_type_excel"},
    {"application/vnd.openxmlformats-officedocument.presentationml.presentation", "pptx", "library_type_powerpoint"},
    {"application/vnd.oasis.opendocument.text", "odt", "library_type_odt"},
    {"application/vnd.oasis.opendocument.spreadsheet", "ods", "library_type_ods"},
    {"application/vnd.oasis.opendocument.presentation", "odp", "library_type_odp"},
    {"application/msword", "doc", "library_type_word"},
    {"application/vnd.ms-excel", "xls", "library_type_excel"},
    {"application/vnd.ms-powerpoint", "ppt", "library_type_powerpoint"},
};

bool safe_char(unsigned char ch) {
  return (ch >= 'a' && ch <= 'z') || (ch >= 'A' && ch <= 'Z') || (ch >= '0' && ch <= '9') || ch == '-' ||
         ch == '_' || ch == '.' || ch == ' ';
}

std::string percent_encode(std::string_view s) {
  static const char* hex = "0123456789ABCDEF";
  std::string out;
  for (unsigned char ch : s) {
    if ((ch >= 'a' && ch <= 'z') || (ch >= 'A' && ch <= 'Z') || (ch >= '0' && ch <= '9') || ch == '-' ||
        ch == '_' || ch == '.') {
      out += static_cast<char>(ch);
    } else {
      out += '%';
      out += hex[ch >> 4];
      out += hex[ch & 15];
    }
  }
  return out;
}

// The stem of the uploaded name as UTF-8 (the multipart parser checked it), without its
// last extension, at most 80 code points, without control characters or quotes.
std::string utf8_stem(std::string_view name) {
  if (auto slash = name.find_last_of("/\\"); slash != std::string_view::npos) name = name.substr(slash + 1);
  auto dot = name.rfind('.');
  if (dot != std::string_view::npos && dot > 0) name = name.substr(0, dot);
  std::string out;
  std::size_t points = 0;
  for (std::size_t i = 0; i < name.size(); ++i) {
    unsigned char ch = static_cast<unsigned char>(name[i]);
    if ((ch & 0xC0) != 0x80) {
      if (points == 80) break;
      ++points;
    }
    if (ch < 0x20 || ch == 0x7F || ch == '"' || ch == '\\' || ch == '/') ch = '_';
    out += static_cast<char>(ch);
  }
  // Cut at 80 code points may not leave a broken sequence: the loop stops at a lead byte.
  return std::string(text::trim(out));
}

}  // namespace

const std::vector<FileKind>& allowed_kinds() { return kKinds; }

const FileKind* allowed_kind(std::string_view media_type) {
  for (const auto& k : kKinds)
    if (k.media_type == media_type) return &k;
  return nullptr;
}

std::vector<std::string> parse_tags(std::string_view text) {
  std::vector<std::string> out;
  std::size_t start = 0;
  while (start <= text.size()) {
    auto end = text.find_first_of(",;", start);
    if (end == std::string_view::npos) end = text.size();
    // Inner runs of white space become one space.
    std::string tag;
    for (char ch : text::trim(text.substr(start, end - start))) {
      const bool space = ch == ' ' || ch == '\t' || ch == '\n' || ch == '\r';
      if (space) {
        if (!tag.empty() && tag.back() != ' ') tag += ' ';
      } else {
        tag += ch;
      }
    }
    tag = text::lower_ascii(tag);
    if (!tag.empty() && std::find(out.begin(), out.end(), tag) == out.end()) out.push_back(std::move(tag));
    start = end + 1;
  }
  return out;
}

bool valid_link(std::string_view url) {
  if (url.empty() || url.size() > kMaxUrl) return false;
  const auto lower = text::lower_ascii(url.substr(0, std::min<std::size_t>(url.size(), 8)));
  std::size_t rest = 0;
  if (lower.starts_with("https://")) rest = 8;
  else if (lower.starts_with("http://")) rest = 7;
  else return false;
  for (unsigned char ch : url)
    if (ch <= 0x20 || ch == 0x7F || ch == '"' || ch == '<' || ch == '>' || ch == '\\') return false;
  // A host: something before the first '/', '?' or '#', not only '@' or ':'.
  auto host_end = url.find_first_of("/?#", rest);
  auto host = url.substr(rest, host_end == std::string_view::npos ? std::string_view::npos : host_end - rest);
  if (auto at = host.rfind('@'); at != std::string_view::npos) host = host.substr(at + 1);
  if (auto colon = host.rfind(':'); colon != std::string_view::npos && host.find(']') == std::string_view::npos)
    host = host.substr(0, colon);
  return !host.empty();
}

Result<Checked> check_resource(const ResourceInput& in, const std::optional<FileFacts>& file) {
  Validation v;
  Checked out;
  out.title = std::string(text::trim(in.title));
  if (out.title.empty()) v.add("title", "library_title_missing");
  else if (!text::valid_utf8(out.title) || text::has_control(out.title, false)) v.add("title", "library_title_invalid");
  else if (text::length(out.title) > kMaxTitle) v.add("title", "library_title_long");
  out.description = std::string(text::trim(in.description));
  if (!text::valid_utf8(out.description) || text::has_control(out.description, true))
    v.add("description", "library_description_invalid");
  else if (text::length(out.description) > kMaxDescription) v.add("description", "library_description_long");
  out.tags = parse_tags(in.tags);
  if (out.tags.size() > kMaxTags) v.add("tags", "library_tags_many");
  else
    for (const auto& t : out.tags)
      if (!text::valid_utf8(t) || text::has_control(t, false) || text::length(t) > kMaxTag) {
        v.add("tags", "library_tags_long");
        break;
      }
  const auto url = std::string(text::trim(in.url));
  if (url.empty() && !file) {
    v.add("url", "library_need_link_or_file");
  } else if (!url.empty() && file) {
    v.add("url", "library_link_or_file");
  } else if (!url.empty()) {
    if (!valid_link(url)) v.add("url", "library_url_invalid");
    else out.url = url;
  } else if (file->size > kMaxFileBytes) {
    v.add("file", "library_file_too_big");
  } else if (file->size == 0) {
    v.add("file", "library_file_empty");
  } else {
    out.kind = allowed_kind(file->media_type);
    if (!out.kind) v.add("file", "library_file_type");
  }
  const auto conv = text::trim(in.conversation);
  if (!conv.empty()) {
    auto id = number::id(conv);
    if (!id) v.add("conversation", "library_conversation_invalid");
    else out.conversation_id = *id;
  }
  if (!v.ok()) return fail(v.error());
  return out;
}

std::string download_name(std::string_view file_name, std::string_view extension) {
  std::string stem;
  for (unsigned char ch : utf8_stem(file_name)) stem += safe_char(ch) ? static_cast<char>(ch) : '_';
  while (!stem.empty() && (stem.front() == '.' || stem.front() == ' ')) stem.erase(stem.begin());
  if (stem.find_first_not_of("_ .") == std::string::npos) stem = "resource";
  return stem + "." + std::string(extension);
}

std::string content_disposition(std::string_view file_name, std::string_view extension) {
  auto ascii = download_name(file_name, extension);
  auto stem = utf8_stem(file_name);
  std::string out = "attachment; filename=\"" + ascii + "\"";
  if (!stem.empty() && stem + "." + std::string(extension) != ascii)
    out += "; filename*=UTF-8''" + percent_encode(stem + "." + std::string(extension));
  return out;
}

std::string size_words(std::int64_t bytes) {
  char buf[32];
  if (bytes < 1024) return std::to_string(bytes) + " bytes";
  if (bytes < 1024 * 1024) {
    std::snprintf(buf, sizeof buf, "%lld KB", static_cast<long long>((bytes + 1023) / 1024));
    return buf;
  }
  std::snprintf(buf, sizeof buf, "%.1f MB", static_cast<double>(bytes) / (1024.0 * 1024.0));
  return buf;
}

}  // namespace hs::library
