#pragma once
// What a resource in the library must be, as pure checks (no I/O): the words people type
// (a title, a description, tags), a link's address, and a file's size and type. The type
// is the one libmagic read from the bytes (the caller passes it in), never the file's name
// or what the browser claimed; only the types on the allow-list are taken.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/error.hpp"

namespace hs::library {

// 25 MB, in the binary sense a file manager shows.
constexpr std::int64_t kMaxFileBytes = 25LL * 1024 * 1024;
constexpr std::size_t kMaxTitle = 150;
constexpr std::size_t kMaxDescription = 2000;
constexpr std::size_t kMaxTags = 10;
constexpr std::size_t kMaxTag = 40;
constexpr std::size_t kMaxUrl = 2000;

// A type the library takes: its media type (as libmagic names it), the extension a
// download is given, and the message key naming it for people ("PDF", "Word document").
struct FileKind {
  std::string_view media_type, extension, label_key;
};
// nullptr for anything not on the allow-list (HTML, scripts, SVG, archives, unknown).
const FileKind* allowed_kind(std::string_view media_type);
const std::vector<FileKind>& allowed_kinds();

// The form as typed.
struct ResourceInput {
  std::string title, description, tags, url, conversation;
};
// What the file turned out to be, when one was sent.
struct FileFacts {
  std::int64_t size = 0;
  std::string media_type;  // from the bytes
};
struct Checked {
  std::string title, description;
  std::vector<std::string> tags;
  std::optional<std::string> url;
  const FileKind* kind = nullptr;  // set when a file was sent and taken
  std::optional<std::int64_t> conversation_id;
};
// Field errors on title, description, tags, url and file: a title is needed; a link or a
// file, not both; a link is an http(s) address; a file is at most 25 MB and of an allowed
// type. conversation: an id or empty (whether this person may see it is the caller's).
Result<Checked> check_resource(const ResourceInput& in, const std::optional<FileFacts>& file);

// Tags from "Peer support, housing;  money": lower-case, trimmed, without repeats, in order.
std::vector<std::string> parse_tags(std::string_view text);
bool valid_link(std::string_view url);

// A file name for the download: the uploaded name's stem made safe (letters, digits, '-',
// '_', '.' and spaces; anything else becomes '_'), at most 80 characters, and the
// extension of the type it really is, so a page renamed .pdf is never offered as one.
std::string download_name(std::string_view file_name, std::string_view extension);
// Content-Disposition for it: always "attachment", with an ASCII filename and the UTF-8
// one (RFC 6266, RFC 8187) so a name in any language survives.
std::string content_disposition(std::string_view file_name, std::string_view extension);

// Size in words: "240 KB", "3.1 MB".
std::string size_words(std::int64_t bytes);

}  // namespace hs::library
