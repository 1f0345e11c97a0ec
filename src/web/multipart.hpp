#pragma once
// multipart/form-data (RFC 7578, on RFC 2046's multipart syntax): the form bodies a page
// sends when it has a file input (<form enctype="multipart/form-data">). No I/O and no
// <expected>, so the fuzz target (clang 14) links this alone. File bytes are not copied:
// an Upload's bytes are a view into the body it was parsed from.
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "web/http.hpp"

namespace hs::web {

struct Upload {
  std::string field;         // the form field's name
  std::string file_name;     // as the browser sent it (the last path segment only; may be empty)
  std::string content_type;  // as the browser claimed it; never trust it
  std::string_view bytes;    // the file's bytes, a view into the request body
};

struct Multipart {
  Pairs fields;               // the text fields, in order (values as sent, must be valid UTF-8)
  std::vector<Upload> files;  // parts with a filename= parameter; a file input left empty
                              // (filename="" and no bytes) is left out
};

// The boundary from a Content-Type header value such as
// `multipart/form-data; boundary=----abc` (quoted or not). nullopt when it is not
// multipart/form-data or the boundary is missing/invalid (RFC 2046: 1-70 chars).
std::optional<std::string> multipart_boundary(std::string_view content_type);

// Parses a whole body. nullopt when malformed: missing closing delimiter, a part without
// Content-Disposition form-data; name=..., header lines that are not CRLF-terminated,
// more than 1000 parts, a text field that is not valid UTF-8, or a part header block
// over 8 KiB. (Also: a field name or file name that is not valid UTF-8, or a header line
// with a control character other than tab.)
std::optional<Multipart> parse_multipart(std::string_view boundary, std::string_view body);

// The request's uploaded files (empty for any other content type or a malformed body).
// Views into req.body.
std::vector<Upload> uploads(const Request& req);

}  // namespace hs::web
