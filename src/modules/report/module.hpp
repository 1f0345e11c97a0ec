#pragma once
#include <cstdint>
#include <string>

#include "modules/report/commands.hpp"  // re-exported: the use cases the demo drives
#include "modules/report/pdf.hpp"       // re-exported: any document drawn as a tagged PDF (letters, statements)
#include "services/fwd.hpp"

namespace hs::web {
class App;
}

namespace hs::report {

// An event's report: an HTML page and a PDF, private to the space until published.
void register_module(web::App& app);

// `humanspace report EVENT_ID --pdf FILE`: writes the report's PDF. Exit code.
int report_cli(Services& app, std::int64_t event_id, const std::string& pdf_path);

}  // namespace hs::report
