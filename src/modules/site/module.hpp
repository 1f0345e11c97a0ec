#pragma once

namespace hs::web {
class App;
}

namespace hs::site {

// Home page, about pages, health, metrics, static files and (demo only) the outbox.
void register_module(web::App& app);

}  // namespace hs::site
