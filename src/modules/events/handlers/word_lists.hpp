#pragma once
#include "web/app.hpp"

namespace hs::events::handlers {

// GET/POST /events/{id}/words: the event's own held and allowed words (those who run it).
web::Response event_words(web::Context& c);
web::Response event_word_add(web::Context& c);
// POST /events/{id}/words/remove
web::Response event_word_remove(web::Context& c);

}  // namespace hs::events::handlers
