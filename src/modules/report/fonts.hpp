#pragma once
// The fonts pango draws reports with: the system's, plus the site's own font compiled
// into the binary. No fontconfig header here: FcConfig is `struct _FcConfig`.
#include <string>
#include <string_view>

struct _FcConfig;

namespace hs::report {

// A TrueType/OpenType file's bytes rebuilt from any font file FreeType reads (WOFF2 as
// the site serves it): HarfBuzz, which pango shapes with, reads no WOFF2. Empty when the
// bytes are no font.
std::string sfnt_from_font_file(std::string_view bytes);

// The system's fonts and the shipped Atkinson Hyperlegible Next (400 and 700), made once
// per process and shared; never null. Fontconfig and HarfBuzz read fonts from files, so
// the rebuilt files are written once to a private temporary directory, removed at exit.
_FcConfig* font_config();

}  // namespace hs::report
