#pragma once
// The pages of people who can connect and of searching conversations (module_people.cpp
// lists their routes).
#include "web/app.hpp"

namespace hs::conversations::handlers {

web::Response people_index(web::Context& c);
web::Response people_me_form(web::Context& c);
web::Response people_me_submit(web::Context& c);
web::Response people_me_remove(web::Context& c);
web::Response people_contact_form(web::Context& c);
web::Response people_contact_submit(web::Context& c);
web::Response people_messages(web::Context& c);
web::Response people_message(web::Context& c);
web::Response people_answer_submit(web::Context& c);
web::Response search_page(web::Context& c);

}  // namespace hs::conversations::handlers

namespace hs::conversations {
// Registers the routes above (before the conversation's own /{id}, which would take
// "people" and "search" for an id), the header's count, and their erasure and export.
void register_people_and_search(web::App& app);
}  // namespace hs::conversations
