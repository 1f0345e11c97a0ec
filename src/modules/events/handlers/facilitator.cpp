#include "modules/events/export.hpp"
#include "modules/equity/module.hpp"
#include "modules/events/handlers/common.hpp"
#include "modules/events/handlers/handlers.hpp"
#include "modules/events/live.hpp"
#include "modules/events/module.hpp"
#include "modules/events/repo.hpp"
#include "modules/spaces/module.hpp"
#include "store/db.hpp"
#include "web/render.hpp"

namespace hs::events::handlers {

using web::Context;
using web::Response;
using web::View;

namespace {

struct SpaceAt {
  std::int64_t id = 0;
  std::string slug, name;
  Standing standing = Standing::nobody;
};

std::optional<SpaceAt> load_space(Context& c) {
  if (!c.viewer) return std::nullopt;
  // The space as this person may see it (nothing when it does not exist or is hidden from them).
  auto s = spaces::space_in_path(c);
  if (!s) return std::nullopt;
  SpaceAt at;
  at.id = s->space().id;
  at.slug = s->space().slug;
  at.name = s->space().name;
  at.standing = commands::standing_in_space(c.app, at.id, c.viewer->user_id);
  if (at.standing == Standing::nobody) return std::nullopt;
  return at;
}

Response render_space_events(Context& c, const SpaceAt& s, const Error* error = nullptr, int status = 200,
                             const EventInput* typed = nullptr, const std::string* typed_support = nullptr) {
  View v = c.view("events_index_title");
  v.set("page_title", c.app.renderer->format("events_index_title", {{"space", s.name}}));
  v.set("space_slug", s.slug);
  v.set("space_name", s.name);
  auto list = View::list();
  for (const auto& e : commands::events_of_space(c.app, s.id)) list.push(event_view(c, e));
  v.set("events", list);
  v.set("can_create", create_event(s.standing));
  v.set("languages", language_options(c, typed && !typed->language.empty() ? typed->language : "en"));
  if (typed) {
    v.set("typed_title", typed->title);
    v.set("typed_description", typed->description);
    v.set("typed_starts", typed->starts);
    v.set("typed_ends", typed->ends);
  }
  // Support is asked for at the start, from the space's own text (or one that already
  // names UK helplines); those who may change what events start from are shown where.
  v.set("typed_support", typed_support ? *typed_support : commands::starting_support_text(c.app, s.id));
  if (error) c.add_errors(v, *error);
  return c.page("events/index", v, status);
}

// "Next part": what it will show, and whether it closes what is on now (its hint says so).
void add_next_part(Context& c, View& v, const commands::Access& a, const std::vector<repo::ItemRow>& agenda) {
  std::vector<std::int64_t> order;
  for (const auto& it : agenda) order.push_back(it.id);
  const auto next = next_item(order, a.event.current_item_id);
  if (!next) {
    if (!agenda.empty()) v.set("at_end", true);
    return;
  }
  std::string next_title, current_title;
  bool closes = false;
  for (const auto& it : agenda) {
    if (it.id == *next) next_title = it.title;
    if (a.event.current_item_id == it.id) {
      current_title = it.title;
      closes = closes_on_next(it.kind, it.state);
    }
  }
  View n;
  n.set("hint",
        closes ? c.app.renderer->format("events_next_hint_closes", {{"current", current_title}, {"next", next_title}})
               : c.app.renderer->format("events_next_hint", {{"next", next_title}}));
  v.set("next", n);
}

// Who registered: names for those who run the event, access needs where they may see them.
void add_registrants(Context& c, View& v, const commands::Access& a) {
  if (!see_registrations(a.standing)) return;
  const bool needs = see_access_needs(a.standing);
  auto people = commands::registrants(c.app, a.event.id, needs);
  auto list = View::list();
  for (const auto& p : people) {
    View x;
    x.set("name", p.name);
    if (p.access_needs && !p.access_needs->empty()) x.set("access_needs", *p.access_needs);
    list.push(x);
  }
  v.set("see_registrations", true);
  v.set("registered_count",
        c.app.renderer->format("events_registered_count", {{"count", std::to_string(people.size())}}));
  v.set("registrants", list);
  v.set("has_registrants", !people.empty());
  // Guests join with the code and never register: "0 registered" alone would read as an
  // empty room while a hundred phones take part.
  if (const auto joined = commands::joined_count(c.app, a.event.id); joined > 0)
    v.set("joined_count", c.app.renderer->format(joined == 1 ? "events_joined_count_one" : "events_joined_count",
                                                 {{"count", std::to_string(joined)}}));
  v.set("show_access_needs", needs);
}

Response render_run(Context& c, const commands::Access& a, const Error* error = nullptr, int status = 200) {
  View v = c.view("events_run_title");
  v.set("page_title", c.app.renderer->format("events_run_title", {{"event", a.event.title}}));
  auto n = c.query_param("notice");
  for (const char* known : {"item_saved", "item_removed", "moved", "next", "back", "event_saved"})
    if (n == known) v.set("notice", c.t(std::string("events_notice_") + known));
  v.set("event", event_view(c, a.event));
  v.set("join_code", a.event.join_code);
  v.set("join_url", c.absolute_url("/join?code=" + a.event.join_code));
  add_tool_links(c, v, a);
  auto items = View::list();
  const auto agenda = commands::agenda(c.app, a.event.id);
  add_next_part(c, v, a, agenda);
  std::size_t index = 0;
  for (const auto& it : agenda) {
    ++index;
    View x;
    x.set("item_id", it.id);
    x.set("position", it.position);
    x.set("title", it.title);
    x.set("kind_label", c.t("events_kind_" + it.kind));
    x.set("state_label", c.t("events_state_" + it.state));
    x.set("is_current", a.event.current_item_id == it.id);
    x.set("activity", it.kind != "talk");
    // One click: "Open" puts an activity on and opens it; "Show now" is for talks.
    x.set("can_show", it.kind == "talk" && a.event.current_item_id != it.id);
    x.set("can_open", it.kind != "talk" && it.state != "open");
    x.set("can_close", it.state == "open");
    x.set("can_reveal", it.kind == "poll" && !it.revealed);
    x.set("can_hide", it.kind == "poll" && it.revealed);
    x.set("base", event_path(a.event.id) + "/items/" + std::to_string(it.id));
    x.set("vision_map", it.kind == "opinions");
    if (it.kind == "horizons" || it.kind == "opinions")
      x.set("vision_href", event_path(a.event.id) + "/items/" + std::to_string(it.id) +
                               (it.kind == "horizons" ? "/board" : "/map"));
    x.set("can_move_up", index > 1);
    x.set("can_move_down", index < agenda.size());
    items.push(x);
  }
  v.set("items", items);
  v.set("language", c.t("events_language_" + a.event.language));
  add_registrants(c, v, a);
  auto out = commands::stepped_out(c.app, a.event.id);
  auto names = View::list();
  std::int64_t unnamed = 0;
  for (const auto& n : out) {
    if (n.empty()) ++unnamed;
    else names.push(View(n));
  }
  v.set("stepped_out_count",
        c.app.renderer->format("events_stepped_out_count", {{"count", std::to_string(out.size())}}));
  v.set("stepped_out_names", names);
  v.set("has_stepped_out", !out.empty());
  auto cur = commands::current(c.app, a.event, a.participant_id, true, QuestionSort::votes);
  if (cur) v.set("current", current_view(c, a, *cur, true));
  v.set("live_sig", live::page_signature(cur ? &*cur : nullptr));
  // Who has been heard so far: a pattern, never names (the equity module's figures).
  std::vector<std::int64_t> per_person;
  for (const auto& [participant, n] : commands::contributions(c.app, a.event.id)) per_person.push_back(n);
  const auto spread = equity::spread_of(per_person);
  v.set("staff_sig", live::staff_signature(agenda, cur ? &*cur : nullptr));
  v.set("spread_sig", live::spread_signature(spread.contributions));
  add_spread(c, v, spread, c.t("events_spread_about"));
  // The main room's speaking queue: its facilitators host it (and open and close it).
  FloorPage queue;
  queue.room = floor::Room{a.event.id, 0};
  queue.base = event_path(a.event.id) + "/floor";
  queue.host = true;
  add_floor(c, v, queue);
  // Adding a part starts by asking its kind: the next page shows only that kind's fields.
  v.set("kinds", kind_choices(c, "add-kind", ""));
  if (error) c.add_errors(v, *error);
  return c.page("events/run", v, status);
}

}  // namespace

Response space_events(Context& c) {
  if (!c.viewer) return c.need_signin();
  auto s = load_space(c);
  if (!s) return c.error_page(Error::of(ErrorCode::not_found, "events_not_found"));
  return render_space_events(c, *s);
}

Response event_create(Context& c) {
  if (!c.viewer) return c.need_signin();
  auto s = load_space(c);
  if (!s) return c.error_page(Error::of(ErrorCode::not_found, "events_not_found"));
  if (!create_event(s->standing)) return forbidden(c);
  EventInput in{c.field("title"), c.field("description"), c.field("starts"), c.field("ends"), c.field("language")};
  const auto support = c.field("support_text");
  auto r = commands::create_event(c.app, s->id, c.viewer->user_id, in, support);
  if (!r) return render_space_events(c, *s, &r.error(), web::http_status(r.error().code), &in, &support);
  return c.redirect(event_path(*r) + "/run");
}

Response event_run(Context& c) {
  Response denied;
  auto a = load_runner(c, denied);
  if (!a) return denied;
  return render_run(c, *a);
}

// GET /events/{id}/equality: who was in the room, for those who run the event: the equality
// report (the equity module's) of the members who took part, small counts hidden.
Response event_equality(Context& c) {
  Response denied;
  auto a = load_runner(c, denied);
  if (!a) return denied;
  std::vector<std::int64_t> people;
  for (const auto& m : commands::members_at(c.app, a->event.id))
    if (m.joined) people.push_back(m.user_id);
  View v = c.view("equity_report_heading");
  v.set("page_title", c.app.renderer->format("equity_event_report_title", {{"event", a->event.title}}));
  v.set("event_caption", a->event.title);
  v.set("event_href", event_path(a->event.id) + "/run");
  return equity::people_report_page(c, std::move(v), people);
}

Response event_present(Context& c) {
  Response denied;
  auto a = load_runner(c, denied);
  if (!a) return denied;
  View v = c.view("events_present_title");
  v.set("page_title", a->event.title);
  v.set("event", event_view(c, a->event));
  v.set("join_code", a->event.join_code);
  // The address people type, in large type beside the QR code: this site's own, from
  // the configured base URL, without the scheme nobody needs to type.
  auto join = c.absolute_url("/join");
  if (auto at = join.find("://"); at != std::string::npos) join = join.substr(at + 3);
  v.set("join_address", join);
  add_tool_links(c, v, *a);
  const auto agenda = commands::agenda(c.app, a->event.id);
  std::vector<std::int64_t> order;
  for (const auto& it : agenda) order.push_back(it.id);
  v.set("has_next", next_item(order, a->event.current_item_id).has_value());
  v.set("has_back", previous_item(order, a->event.current_item_id).has_value());
  auto cur = commands::current(c.app, a->event, std::nullopt, false, QuestionSort::votes);
  v.set("live_sig", live::page_signature(cur ? &*cur : nullptr));
  // The presenter also follows what only those who run the event see change (the
  // question shown on the screen), as the run page does: built as the channel builds it.
  auto staff = commands::current(c.app, a->event, std::nullopt, true, QuestionSort::votes);
  v.set("staff_sig", live::staff_signature(agenda, staff ? &*staff : nullptr));
  if (cur) {
    auto cv = current_view(c, *a, *cur, false);
    cv.set("present_results", cur->item.kind == "poll" && cur->item.revealed);
    cv.set("can_reveal", cur->item.kind == "poll" && !cur->item.revealed);
    cv.set("can_hide", cur->item.kind == "poll" && cur->item.revealed);
    v.set("current", cv);
  }
  add_stage_floor(c, v, a->event.id);
  return c.page("events/present", v);
}

Response item_add(Context& c) {
  Response denied;
  auto a = load_runner(c, denied);
  if (!a) return denied;
  ItemInput in{c.field("kind"),          c.field("title"),        c.field("summary"),  c.field("speakers"),
               c.field("key_messages"),  c.field("content_note"), c.field("options"),  c.checked("multiple"),
               c.checked("premoderate"), c.field("max_entries"),  c.field("max_chars")};
  auto r = commands::add_item(c.app, a->event.id, in);
  // Mistakes go back to the kind-first page, with only that kind's fields.
  if (!r) return render_item_new(c, a->event.id, in, &r.error(), web::http_status(r.error().code));
  return c.redirect(event_path(a->event.id) + "/run");
}

Response item_action(Context& c) {
  Response denied;
  auto a = load_runner(c, denied);
  if (!a) return denied;
  auto item = id_param(c, "item");
  if (!item) return not_found(c);
  auto r = commands::run_item(c.app, a->event.id, *item, std::string(c.param("action")));
  if (!r) return c.error_page(r.error());
  if (c.field("return_to") == "present") return c.redirect(event_path(a->event.id) + "/present");
  return c.redirect(event_path(a->event.id) + "/run#now");
}

Response question_moderate(Context& c) {
  Response denied;
  auto a = load_runner(c, denied);
  if (!a) return denied;
  auto item = id_param(c, "item");
  auto q = id_param(c, "q");
  if (!item || !q) return not_found(c);
  const std::string action(c.param("action"));
  // Showing a question on the screen is not moderation: nothing to log.
  auto r = action == "show" || action == "unshow"
               ? commands::show_question(c.app, a->event.id, *item, *q, action == "show")
               : commands::moderate_question(c.app, a->event.id, *item, *q, action);
  if (!r) return c.error_page(r.error());
  if (c.field("return_to") == "present") return c.redirect(event_path(a->event.id) + "/present");
  return c.redirect(event_path(a->event.id) + "/run#q-" + std::to_string(*q));
}

Response cloud_moderate(Context& c) {
  Response denied;
  auto a = load_runner(c, denied);
  if (!a) return denied;
  auto item = id_param(c, "item");
  if (!item) return not_found(c);
  std::string action(c.param("action"));
  std::string key, other;
  if (action == "merge") {
    key = c.field("merge_from");
    other = c.field("merge_into");
  } else if (action == "rename") {
    key = c.field("rename_key");
    other = c.field("rename_text");
  } else {
    key = c.field("key");
  }
  auto r = commands::moderate_cloud(c.app, a->event.id, *item, action, key, other);
  if (!r) {
    if (r.error().fields.empty()) return c.error_page(r.error());
    return render_run(c, *a, &r.error(), web::http_status(r.error().code));
  }
  return c.redirect(event_path(a->event.id) + "/run#cloud-moderation");
}

namespace {
// The word cloud in the path, for someone who may see the event; null otherwise.
std::optional<commands::CloudPicture> picture_in_path(Context& c) {
  auto a = load(c);
  auto item = id_param(c, "item");
  if (!a || !item) return std::nullopt;
  return commands::cloud_picture(c.app, a->event, *item);
}
}  // namespace

Response cloud_svg(Context& c) {
  auto p = picture_in_path(c);
  if (!p) return not_found(c);
  Response r;
  r.body = cloud::svg(*p->picture, c.app.renderer->format("events_cloud_label", {{"title", p->item.title}}),
                      wordcloud::contrast_from(c.query_param("contrast")));
  r.set("Content-Type", "image/svg+xml; charset=utf-8");
  r.set("Content-Disposition", "attachment; filename=\"word-cloud.svg\"");
  r.set("Cache-Control", "no-store");
  return r;
}

Response cloud_png(Context& c) {
  auto p = picture_in_path(c);
  if (!p) return not_found(c);
  Response r;
  // Twice the layout's size: sharp on slides and in print. ?contrast=high: white on black.
  r.body = cloud::png(*p->picture, 2, wordcloud::contrast_from(c.query_param("contrast")));
  if (r.body.empty()) return not_found(c);
  r.set("Content-Type", "image/png");
  r.set("Content-Disposition", "attachment; filename=\"word-cloud.png\"");
  r.set("Cache-Control", "no-store");
  return r;
}

Response support_update(Context& c) {
  Response denied;
  auto a = load_runner(c, denied);
  if (!a) return denied;
  auto r = commands::set_support(c.app, a->event.id, c.field("support_text"));
  if (!r) return c.error_page(r.error());
  return c.redirect(event_path(a->event.id) + "/support?notice=saved");
}

// The event for people's own calendars: anyone who may see the event.
Response event_calendar(Context& c) {
  auto a = load(c);
  if (!a) return not_found(c);
  exports::CalendarEvent e;
  const auto path = event_path(a->event.id);
  auto host = c.absolute_url("");
  e.uid = "event-" + std::to_string(a->event.id) + "@" + host.substr(host.find("//") + 2);
  e.title = a->event.title;
  e.description = a->event.description;
  e.url = c.absolute_url(path);
  e.starts_at = a->event.starts_at;
  e.ends_at = a->event.ends_at;
  e.stamped_at = c.app.clock->now();
  Response r;
  r.body = exports::icalendar(e);
  r.set("Content-Type", "text/calendar; charset=utf-8");
  r.set("Content-Disposition", "attachment; filename=\"event.ics\"");
  return r;
}

// A QR code of the join link, for the presenter screen: only those who run the event.
Response join_qr(Context& c) {
  Response denied;
  auto a = load_runner(c, denied);
  if (!a) return denied;
  Response r;
  r.body = exports::qr_svg(c.absolute_url("/join?code=" + a->event.join_code),
                           c.app.renderer->format("events_qr_label", {{"code", a->event.join_code}}));
  r.set("Content-Type", "image/svg+xml; charset=utf-8");
  r.set("Cache-Control", "no-store");
  return r;
}

}  // namespace hs::events::handlers
