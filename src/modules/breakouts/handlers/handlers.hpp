#pragma once
#include "web/app.hpp"

namespace hs::breakouts::handlers {

// Facilitators
web::Response rounds_index(web::Context& c);     // GET  /events/{id}/breakouts
web::Response round_add(web::Context& c);        // POST /events/{id}/breakouts
web::Response round_show(web::Context& c);       // GET  /events/{id}/breakouts/{round}
web::Response round_assign(web::Context& c);     // POST .../assign
web::Response round_csv(web::Context& c);        // POST .../csv
web::Response round_move(web::Context& c);       // POST .../move
web::Response round_action(web::Context& c);     // POST .../do/{action}: start | end
web::Response round_broadcast(web::Context& c);  // POST .../broadcast
web::Response help_resolve(web::Context& c);     // POST .../help/{help}/resolve
// Participants
web::Response group_choose(web::Context& c);  // POST .../choose
web::Response note_add(web::Context& c);      // POST .../notes
web::Response help_ask(web::Context& c);      // POST .../help
web::Response group_floor_post(web::Context& c);  // POST .../floor/{action}: the group's speaking queue

}  // namespace hs::breakouts::handlers

namespace hs::breakouts::handlers {

// Themes (facilitators)
web::Response themes_show(web::Context& c);    // GET  /events/{id}/themes[?suggest=1]
web::Response theme_add(web::Context& c);      // POST /events/{id}/themes
web::Response themes_accept(web::Context& c);  // POST /events/{id}/themes/accept
web::Response theme_action(web::Context& c);   // POST /events/{id}/themes/{theme}/do/{action}: up | down | remove
web::Response theme_rename(web::Context& c);   // POST /events/{id}/themes/{theme}/rename
web::Response note_place(web::Context& c);     // POST /events/{id}/notes/{note}/theme

}  // namespace hs::breakouts::handlers
