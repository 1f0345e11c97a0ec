#pragma once
// A report drawn as a PDF with pango (shaping, wrapping) on cairo's PDF surface: real
// text that can be selected, searched and read aloud, headings in the outline, the word
// cloud as vector art in the site's font (Atkinson Hyperlegible Next).
#include <string>

#include "modules/report/document.hpp"

namespace hs::report {

struct PdfOptions {
  // A4 portrait, in points (1/72 inch).
  double page_width = 595.276;
  double page_height = 841.89;
  double margin = 56.693;  // 20 mm on every side; the page number sits in the bottom one
  double body_size = 12;   // pt; headings scale from it
  // Tried in order, then any font that has the character (pango's fallback). The first
  // is the site's font, registered from the copy compiled into the binary.
  std::string font_family = "Atkinson Hyperlegible Next, sans-serif";
  // The footer of every page, from the caller's messages: {page} and {pages} are
  // replaced, e.g. "Page {page} of {pages}". Empty: no footer.
  std::string page_label = "{page} / {pages}";
  std::string creator = "Humanspace";  // the PDF's Creator entry
};

// The PDF file's bytes. Text is given to pango as plain text, never as markup, so what
// people wrote is shown exactly as they wrote it. Headings are never the last thing on
// a page: each stays with the start of what follows it. Safe to call from several
// threads at once. Throws std::runtime_error only on broken infrastructure: cairo failing
// (out of memory) or the compiled-in font missing (a broken build).
std::string render_pdf(const Document& document, const PdfOptions& options = {});

}  // namespace hs::report
