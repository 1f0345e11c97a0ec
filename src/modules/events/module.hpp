#pragma once

namespace hs::web {
class App;
}

namespace hs::events {

// Live learning events: agenda, join by code, polls, Q&A, word cloud, presenter screen.
void register_module(web::App& app);

}  // namespace hs::events
