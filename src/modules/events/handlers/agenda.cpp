// Changing an event and its agenda: edit an item, move it, remove it, move the event on
// to the next item, and edit the event itself (title, times, language).
#include <algorithm>

#include "modules/events/handlers/common.hpp"
#include "modules/events/handlers/handlers.hpp"
#include "modules/events/repo.hpp"
#include "web/render.hpp"

namespace hs::events::handlers {

using web::Context;
using web::Response;
using web::View;

namespace {

std::string run_path(std::int64_t event_id, const char* notice) {
  return event_path(event_id) + "/run?notice=" + notice;
}

ItemInput typed_item(Context& c) {
  return ItemInput{"",
                   c.field("title"),
                   c.field("summary"),
                   c.field("speakers"),
                   c.field("key_messages"),
                   c.field("content_note"),
                   c.field("options"),
                   c.checked("multiple"),
                   c.checked("premoderate"),
                   c.field("max_entries"),
                   c.field("max_chars")};
}

Response render_item_edit(Context& c, const commands::Access& a, const repo::ItemRow& it, const ItemInput& shown,
                          const Error* error = nullptr, int status = 200) {
  View v = c.view("events_item_edit_title");
  v.set("page_title", c.app.renderer->format("events_item_edit_title", {{"item", it.title}}));
  v.set("event", event_view(c, a.event));
  v.set("base", event_path(a.event.id) + "/items/" + std::to_string(it.id));
  v.set("kind_label", c.t("events_kind_" + it.kind));
  v.set("is_" + it.kind, true);
  v.set("typed_title", shown.title);
  v.set("typed_summary", shown.summary);
  v.set("typed_speakers", shown.speakers);
  v.set("typed_key_messages", shown.key_messages);
  v.set("typed_content_note", shown.content_note);
  v.set("typed_options", shown.options);
  v.set("typed_multiple", shown.multiple);
  v.set("typed_premoderate", shown.premoderate);
  v.set("typed_max_entries", shown.max_entries);
  v.set("typed_max_chars", shown.max_chars);
  const bool removable = commands::removable(c.app, it.id);
  v.set("removable", removable);
  v.set("answered", !removable);
  if (error) c.add_errors(v, *error);
  return c.page("events/item_edit", v, status);
}

// The form as the item is now.
ItemInput stored(Context& c, const repo::ItemRow& it) {
  std::string options;
  for (const auto& o : commands::poll_options(c.app, it.id)) options += o.label + "\n";
  return ItemInput{it.kind,
                   it.title,
                   it.summary,
                   it.speakers,
                   it.key_messages,
                   it.content_note.value_or(""),
                   options,
                   it.multiple,
                   it.premoderate,
                   std::to_string(it.max_entries),
                   std::to_string(it.max_chars)};
}

// The event and the agenda item in the path, for someone who may edit the agenda;
// otherwise `denied` holds the answer: load_runner's, then 403, then 404.
struct Editing {
  commands::Access a;
  repo::ItemRow it;
};
std::optional<Editing> editable_item(Context& c, Response& denied) {
  auto a = load_runner(c, denied);
  if (!a) return std::nullopt;
  if (!edit_agenda(a->standing)) {
    denied = forbidden(c);
    return std::nullopt;
  }
  if (auto item = id_param(c, "item"))
    for (auto& it : commands::agenda(c.app, a->event.id))
      if (it.id == *item) return Editing{std::move(*a), std::move(it)};
  denied = not_found(c);
  return std::nullopt;
}

Response render_event_edit(Context& c, const commands::Access& a, const EventInput& shown, const Error* error = nullptr,
                           int status = 200) {
  View v = c.view("events_edit_title");
  v.set("page_title", c.app.renderer->format("events_edit_title", {{"event", a.event.title}}));
  v.set("event", event_view(c, a.event));
  v.set("typed_title", shown.title);
  v.set("typed_description", shown.description);
  v.set("typed_starts", shown.starts);
  v.set("typed_ends", shown.ends);
  v.set("languages", language_options(c, shown.language));
  if (error) c.add_errors(v, *error);
  return c.page("events/edit", v, status);
}

}  // namespace

namespace {
constexpr std::string_view kKinds[] = {"talk", "poll", "qa", "cloud", "horizons", "opinions"};
bool known_kind(std::string_view k) { return std::find(std::begin(kKinds), std::end(kKinds), k) != std::end(kKinds); }
}  // namespace

View kind_choices(Context& c, const std::string& id, const std::string& checked) {
  auto kinds = View::list();
  for (auto k : kKinds) {
    View x;
    x.set("value", std::string(k));
    x.set("id", k == kKinds[0] ? id : id + "-" + std::string(k));  // the error summary links to the first
    x.set("label", c.t("events_kind_" + std::string(k)));
    x.set("hint", c.t("item_new_hint_" + std::string(k)));
    x.set("checked", checked == k);
    kinds.push(x);
  }
  return kinds;
}

Response render_item_new(Context& c, std::int64_t event_id, const ItemInput& typed, const Error* error, int status) {
  auto a = commands::access(c.app, event_id, c.viewer ? std::optional(c.viewer->user_id) : std::nullopt, "");
  if (!a) return not_found(c);
  View v = c.view("item_new_title");
  v.set("event", event_view(c, a->event));
  v.set("new_path", event_path(event_id) + "/items/new");
  if (known_kind(typed.kind)) {
    v.set("kind", typed.kind);
    v.set("is_" + typed.kind, true);
    v.set("kind_label", c.t("events_kind_" + typed.kind));
    v.set("page_title", c.app.renderer->format("item_new_kind_title", {{"kind", c.t("events_kind_" + typed.kind)}}));
  } else {
    v.set("choose_kind", true);
  }
  v.set("kinds", kind_choices(c, "kind", typed.kind));
  v.set("typed_title", typed.title);
  v.set("typed_summary", typed.summary);
  v.set("typed_speakers", typed.speakers);
  v.set("typed_key_messages", typed.key_messages);
  v.set("typed_content_note", typed.content_note);
  v.set("typed_options", typed.options);
  v.set("typed_multiple", typed.multiple);
  v.set("typed_premoderate", typed.premoderate);
  v.set("typed_max_entries", typed.max_entries.empty() ? std::string("3") : typed.max_entries);
  v.set("typed_max_chars", typed.max_chars.empty() ? std::string("40") : typed.max_chars);
  if (error) c.add_errors(v, *error);
  return c.page("events/item_new", v, status);
}

Response item_new_form(Context& c) {
  Response denied;
  auto a = load_runner(c, denied);
  if (!a) return denied;
  ItemInput in;
  in.kind = std::string(c.query_param("kind"));
  // "Continue" with nothing chosen: ask again, saying why.
  if (!in.kind.empty() && !known_kind(in.kind)) in.kind.clear();
  if (c.query_param("step") == "kind" && in.kind.empty()) {
    Error e{ErrorCode::invalid, "common_fix_errors", {{"kind", "events_kind_missing"}}};
    return render_item_new(c, a->event.id, in, &e, 400);
  }
  return render_item_new(c, a->event.id, in, nullptr, 200);
}

Response item_edit_form(Context& c) {
  Response denied;
  auto e = editable_item(c, denied);
  if (!e) return denied;
  return render_item_edit(c, e->a, e->it, stored(c, e->it));
}

Response item_edit(Context& c) {
  Response denied;
  auto e = editable_item(c, denied);
  if (!e) return denied;
  auto in = typed_item(c);
  auto r = commands::edit_item(c.app, e->a.event.id, e->it.id, in);
  if (!r) {
    if (r.error().fields.empty()) return c.error_page(r.error());
    return render_item_edit(c, e->a, e->it, in, &r.error(), web::http_status(r.error().code));
  }
  return c.redirect(run_path(e->a.event.id, "item_saved") + "#item-" + std::to_string(e->it.id));
}

Response item_move(Context& c) {
  Response denied;
  auto a = load_runner(c, denied);
  if (!a) return denied;
  if (!edit_agenda(a->standing)) return forbidden(c);
  auto item = id_param(c, "item");
  auto dir = c.param("direction");
  if (!item || (dir != "up" && dir != "down")) return not_found(c);
  auto r = commands::move_item(c.app, a->event.id, *item, dir == "up" ? Move::up : Move::down);
  if (!r) return c.error_page(r.error());
  return c.redirect(run_path(a->event.id, "moved") + "#item-" + std::to_string(*item));
}

Response item_remove(Context& c) {
  Response denied;
  auto e = editable_item(c, denied);
  if (!e) return denied;
  auto r = commands::remove_item(c.app, e->a.event.id, e->it.id);
  if (!r) {
    // Answers arrived since the page was drawn: say why, on the same page.
    Error why{r.error().code, "common_fix_errors", {{"remove", r.error().message_key}}};
    return render_item_edit(c, e->a, e->it, stored(c, e->it), &why, web::http_status(why.code));
  }
  return c.redirect(run_path(e->a.event.id, "item_removed"));
}

Response event_next(Context& c) {
  Response denied;
  auto a = load_runner(c, denied);
  if (!a) return denied;
  auto r = commands::next_item(c.app, a->event.id);
  if (!r) return c.error_page(r.error());
  if (c.field("return_to") == "present") return c.redirect(event_path(a->event.id) + "/present");
  return c.redirect(run_path(a->event.id, "next"));
}

Response event_back(Context& c) {
  Response denied;
  auto a = load_runner(c, denied);
  if (!a) return denied;
  auto r = commands::previous_item(c.app, a->event.id);
  if (!r) return c.error_page(r.error());
  if (c.field("return_to") == "present") return c.redirect(event_path(a->event.id) + "/present");
  return c.redirect(run_path(a->event.id, "back"));
}

Response event_edit_form(Context& c) {
  Response denied;
  auto a = load_runner(c, denied);
  if (!a) return denied;
  if (!edit_event(a->standing)) return forbidden(c);
  const auto& e = a->event;
  EventInput shown{e.title, e.description, format_local_datetime(e.starts_at), format_local_datetime(e.ends_at),
                   e.language};
  return render_event_edit(c, *a, shown);
}

Response event_edit(Context& c) {
  Response denied;
  auto a = load_runner(c, denied);
  if (!a) return denied;
  if (!edit_event(a->standing)) return forbidden(c);
  EventInput in{c.field("title"), c.field("description"), c.field("starts"), c.field("ends"), c.field("language")};
  auto r = commands::update_event(c.app, a->event.id, in);
  if (!r) return render_event_edit(c, *a, in, &r.error(), web::http_status(r.error().code));
  return c.redirect(run_path(a->event.id, "event_saved"));
}

}  // namespace hs::events::handlers
