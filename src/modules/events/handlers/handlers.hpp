#pragma once
#include "web/app.hpp"

namespace hs::events::handlers {

web::Response space_events(web::Context& c);
web::Response event_create(web::Context& c);
web::Response join_form(web::Context& c);
web::Response join_submit(web::Context& c);
web::Response event_show(web::Context& c);
web::Response event_support(web::Context& c);
web::Response event_state(web::Context& c);
web::Response event_present(web::Context& c);
web::Response event_run(web::Context& c);
web::Response event_equality(web::Context& c);
web::Response item_add(web::Context& c);
web::Response item_action(web::Context& c);
web::Response question_moderate(web::Context& c);
web::Response support_update(web::Context& c);
web::Response poll_vote(web::Context& c);
web::Response question_ask(web::Context& c);
web::Response question_upvote(web::Context& c);
web::Response entry_add(web::Context& c);
web::Response entry_withdraw(web::Context& c);
web::Response step_out(web::Context& c);
web::Response floor_post(web::Context& c);  // handlers/floor.cpp
// The presenter's line about the main room's speaking queue, while it is open: who has the
// floor and how many hands are up (stage_floor), and the queue's version (floor_version).
void add_stage_floor(web::Context& c, web::View& v, std::int64_t event_id);
web::Response cloud_moderate(web::Context& c);
web::Response cloud_svg(web::Context& c);
web::Response event_calendar(web::Context& c);
web::Response join_qr(web::Context& c);
web::Response step_in(web::Context& c);
web::Response cloud_png(web::Context& c);
web::Response item_edit_form(web::Context& c);
// Adding to the agenda, kind first: GET .../items/new asks what kind of item; with
// ?kind= it shows only that kind's fields. Without JavaScript, by links and forms.
web::Response item_new_form(web::Context& c);
// The kinds of agenda item as radios ({value, id, label, hint, checked}); the first
// radio's id is `id` (for the error summary), the others `id`-kind.
web::View kind_choices(web::Context& c, const std::string& id, const std::string& checked);
// The same page again with the errors and what was typed (item_add, when it came from it).
web::Response render_item_new(web::Context& c, std::int64_t event_id, const ItemInput& typed, const Error* error,
                              int status);
web::Response item_edit(web::Context& c);
web::Response item_move(web::Context& c);
web::Response item_remove(web::Context& c);
web::Response event_next(web::Context& c);
web::Response event_back(web::Context& c);
web::Response event_edit_form(web::Context& c);
web::Response event_edit(web::Context& c);
web::Response registration_add(web::Context& c);
web::Response registration_cancel(web::Context& c);
Result<std::string> live_channel(web::Context& c);

}  // namespace hs::events::handlers
