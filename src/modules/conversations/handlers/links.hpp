#pragma once
// Links from a conversation to an event, a decision, a story or an action, on its page and
// on the form that starts one (modules/conversations/links.hpp has the rules).
#include <string_view>

#include "modules/conversations/handlers/common.hpp"
#include "modules/conversations/links.hpp"

namespace hs::conversations::handlers {

// The list to choose from on the new-conversation form (the "link_choice" partial), with
// `chosen` ("decision:3") selected: sets has_link_choices and link_groups on v.
void add_link_choices(web::Context& c, web::View& v, const Space& s, std::string_view chosen);
// On a conversation's page (the "conversations_links" partial): what it is linked to that
// this reader may see, and the form to add a link for those who may.
void add_links(web::Context& c, web::View& v, const Space& s, std::int64_t conversation_id);
// The link chosen on the form, checked: a field error "link" when it is not one offered.
Result<std::optional<links::Item>> chosen_link(web::Context& c, const Space& s);
// POST .../conversations/{id}/links
web::Response link_submit(web::Context& c);

}  // namespace hs::conversations::handlers
