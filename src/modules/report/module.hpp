#pragma once

namespace hs::web {
class App;
}

namespace hs::report {

// An event's report: an HTML page and a PDF, private to the space until published.
void register_module(web::App& app);

}  // namespace hs::report
