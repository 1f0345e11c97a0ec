#pragma once

namespace hs::web {
class App;
}

namespace hs::breakouts {

// Breakout rounds inside events: groups, prompts, notes, help; themes from the notes.
void register_module(web::App& app);

}  // namespace hs::breakouts
