// Opportunities: facilitators offer one (GET/POST .../opportunities/new); its page shows
// what it is, what is paid, which expenses are covered and what support is offered;
// members say they are interested (POST .../{id}/interest, .../{id}/interest/withdraw);
// facilitators choose people with a reason they see (POST .../{id}/choose), confirm who
// took part (POST .../{id}/took-part) and close it (POST .../{id}/close).
#include "core/number.hpp"
#include "core/text.hpp"
#include "modules/events/module.hpp"
#include "modules/involvement/handlers/common.hpp"
#include "modules/involvement/handlers/handlers.hpp"
#include "modules/involvement/permissions.hpp"
#include "web/blocks.hpp"

namespace hs::involvement::handlers {

using web::Context;
using web::Response;
using web::View;

namespace {

template <std::size_t N>
std::vector<std::pair<std::string, std::string>> options(const std::string_view (&words)[N], const std::string& prefix) {
  std::vector<std::pair<std::string, std::string>> out;
  for (auto w : words) out.emplace_back(std::string(w), prefix + std::string(w));
  return out;
}

std::vector<std::string> words_of(const std::string& joined) {
  std::vector<std::string> out;
  std::size_t at = 0;
  while (at < joined.size()) {
    auto end = joined.find(' ', at);
    if (end == std::string::npos) end = joined.size();
    if (end > at) out.push_back(joined.substr(at, end - at));
    at = end + 1;
  }
  return out;
}

Response render_form(Context& c, const Space& s, const OpportunityInput& in, const Error* error = nullptr,
                     int status = 200) {
  View v = page(c, s, "involvement_opportunity_new_title");
  View fields = View::list();
  fields.push(text_field(c, {"title", "involvement_field_title", in.title, "involvement_field_title_hint"}, error));
  fields.push(area_field(c, {"description", "involvement_field_description", in.description,
                             "involvement_field_description_hint"},
                         error));
  fields.push(select_field(c, {"kind", "involvement_field_kind", in.kind, "involvement_field_kind_hint"}, error,
                           options(kKinds, "involvement_kind_")));
  fields.push(text_field(c, {"day", "involvement_field_day", in.day, ""}, error, "govuk-input--width-10", "date"));
  fields.push(text_field(c, {"starts", "involvement_field_starts", in.starts, "involvement_field_starts_hint"}, error,
                         "govuk-input--width-5", "time"));
  fields.push(text_field(c, {"hours", "involvement_field_hours", in.hours, "involvement_field_hours_hint"}, error,
                         "govuk-input--width-3", "text", "decimal"));
  fields.push(radios_field(c, {"how", "involvement_field_how", in.how, ""}, error, options(kHow, "involvement_how_")));
  fields.push(text_field(c, {"place", "involvement_field_place", in.place, "involvement_field_place_hint"}, error));
  fields.push(text_field(c, {"places", "involvement_field_places", in.places, "involvement_field_places_hint"}, error,
                         "govuk-input--width-3", "text", "numeric"));
  fields.push(checks_field(c, {"expenses", "involvement_field_expenses", "", "involvement_field_expenses_hint"}, error,
                           options(kExpenses, "involvement_expense_"), in.expenses));
  fields.push(checks_field(c, {"support", "involvement_field_support", "", "involvement_field_support_hint"}, error,
                           options(kSupport, "involvement_support_"), in.support));
  fields.push(text_field(c, {"support_other", "involvement_field_support_other", in.support_other, ""}, error));
  View events = View::list();
  {
    View none;
    none.set("value", "");
    none.set("label", c.t("involvement_no_event"));
    none.set("selected", in.event_id.empty());
    events.push(std::move(none));
  }
  for (const auto& e : events::commands::events_of_space(c.app, s.space().id)) {
    View o;
    o.set("value", std::to_string(e.id));
    o.set("label", e.title);
    o.set("selected", in.event_id == std::to_string(e.id));
    events.push(std::move(o));
  }
  View event = select_field(c, {"event_id", "involvement_field_event", in.event_id, "involvement_field_event_hint"},
                            error, {}, false);
  event.set("options", std::move(events));
  fields.push(std::move(event));
  v.set("fields", std::move(fields));
  v.set("action", path(s, "/opportunities/new"));
  if (error) c.add_errors(v, *error);
  return c.page("involvement/opportunity_new", v, status);
}

struct Typed {
  std::int64_t person = 0;
  std::string reason, hours, note;
};

Response render_show(Context& c, const Space& s, const OpportunityRow& o, const Typed& typed = {},
                     const Error* error = nullptr, int status = 200) {
  View v = page(c, s, "involvement_opportunity_title", {{"title", o.title}});
  const auto me = viewer_id(c);
  v.set("title", o.title);
  v.set("description", web::paragraphs(o.description));
  v.set("has_description", !o.description.empty());
  v.set("day", day_words(c, o.day));
  v.set("starts", o.starts);
  v.set("hours", hours_words(c, o.minutes));
  v.set("kind", kind_label(c, o.kind));
  v.set("how", c.t("involvement_how_" + o.how));
  v.set("place", o.place);
  v.set("has_place", !o.place.empty());
  v.set("places", std::to_string(o.places));
  auto rate = commands::rate_for(c.app, s.space().id, o.kind, o.day);
  v.set("paid", rate ? c.app.words->format(rate->unit == "hourly" ? "involvement_rate_hourly" : "involvement_rate_fixed",
                                           {{"amount", format_pounds(rate->pence)}})
                     : c.t("involvement_rate_none"));
  View expenses = View::list();
  for (const auto& e : words_of(o.expenses)) expenses.push(View(c.t("involvement_expense_" + e)));
  v.set("has_expenses", !expenses.items().empty());
  v.set("expenses", std::move(expenses));
  View support = View::list();
  for (const auto& w : words_of(o.support)) support.push(View(c.t("involvement_support_" + w)));
  if (!o.support_other.empty()) support.push(View(o.support_other));
  v.set("has_support", !support.items().empty());
  v.set("support", std::move(support));
  v.set("open", o.status == "open");
  const std::string base = path(s, "/opportunities/" + std::to_string(o.id));
  v.set("interest_action", base + "/interest");
  v.set("withdraw_action", base + "/interest/withdraw");
  v.set("choose_action", base + "/choose");
  v.set("took_part_action", base + "/took-part");
  v.set("close_action", base + "/close");
  if (auto mine = commands::interest_of(c.app, o.id, me)) {
    v.set("my_status", c.t("involvement_interest_" + mine->status));
    v.set("my_status_tag", mine->status == "chosen" ? "govuk-tag--green" : mine->status == "not_chosen" ? "govuk-tag--grey" : "govuk-tag--blue");
    v.set("my_reason", mine->reason.value_or(""));
    v.set("has_my_reason", mine->reason.has_value() && !mine->reason->empty());
    v.set("my_interested", mine->status == "interested");
    v.set("my_chosen", mine->status == "chosen");
    v.set("advance_href", path(s, "/claims/new?opportunity=" + std::to_string(o.id)));
  } else {
    View note = View::list();
    note.push(area_field(c, {"note", "involvement_field_note", typed.note, "involvement_field_note_hint"}, error));
    v.set("note_fields", std::move(note));
    v.set("may_say", o.status == "open");
  }
  if (permissions::run_opportunities(s.subject)) {
    v.set("runs", true);
    View people = View::list();
    for (const auto& p : commands::candidates(c.app, o)) {
      const bool this_one = typed.person == p.user_id;
      View x;
      x.set("user_id", p.user_id);
      x.set("name", p.name);
      x.set("note", p.note);
      x.set("has_note", !p.note.empty());
      x.set("status", p.status.empty() ? std::string() : c.t("involvement_status_" + p.status));
      x.set("has_status", !p.status.empty());
      if (p.reason && !p.reason->empty()) x.set("reason_text", *p.reason);
      else x.set("reason_text", false);
      x.set("registered", p.registered);
      x.set("joined", p.joined);
      x.set("confirmed", p.confirmed);
      x.set("may_choose", !p.status.empty());
      x.set("decided", p.status == "chosen" || p.status == "not_chosen");
      x.set("open_choice", this_one && error != nullptr);
      // Who took part is confirmed from the day itself, never ahead of it.
      x.set("may_confirm", !p.confirmed && o.day <= commands::day_of(c.app.clock->now()));
      View reason = View::list();
      reason.push(area_field(c, {"reason_" + std::to_string(p.user_id), "involvement_field_reason",
                                 this_one ? typed.reason : std::string(), "involvement_field_reason_hint"},
                             this_one ? error : nullptr));
      x.set("reason_fields", std::move(reason));
      View hours = View::list();
      hours.push(text_field(c, {"hours_" + std::to_string(p.user_id), "involvement_field_took_part_hours",
                                this_one && !typed.hours.empty() ? typed.hours
                                                                 : std::string(plain_hours(o.minutes)),
                                ""},
                            this_one ? error : nullptr, "govuk-input--width-3", "text", "decimal"));
      x.set("hours_fields", std::move(hours));
      people.push(std::move(x));
    }
    v.set("has_people", !people.items().empty());
    v.set("people", std::move(people));
  }
  auto notice = c.query_param("notice");
  for (auto n : {"interested", "withdrawn", "chosen", "not_chosen", "took_part", "closed", "created"})
    if (notice == n) v.set("notice", c.t(std::string("involvement_notice_") + n));
  if (error) c.add_errors(v, *error);
  return c.page("involvement/opportunity", v, status);
}

// The space and the opportunity {id} in it, when the viewer may see them; else the refusal.
struct At {
  std::optional<Space> space;
  std::optional<OpportunityRow> o;
  Response refusal;
};
At load(Context& c) {
  At at;
  auto l = load_space(c);
  if (!l.space) {
    at.refusal = l.refusal;
    return at;
  }
  auto id = number::id(c.param("id"));
  auto o = id ? commands::opportunity(c.app, *id) : std::nullopt;
  if (!o || o->space_id != l.space->space().id) {
    at.refusal = not_found(c);
    return at;
  }
  at.space = std::move(l.space);
  at.o = std::move(o);
  return at;
}

Response after(Context& c, const Space& s, const OpportunityRow& o, const Result<void>& r, const std::string& notice,
               const Typed& typed = {}) {
  if (r) return c.redirect(path(s, "/opportunities/" + std::to_string(o.id) + "?notice=" + notice));
  const auto& e = r.error();
  if (e.code == ErrorCode::forbidden) return forbidden(c, e.message_key);
  if (e.code == ErrorCode::not_found) return not_found(c);
  // A refusal about no one field (the opportunity closed) is shown at the top of the page.
  return render_show(c, s, o, typed, &e, web::http_status(e.code));
}

}  // namespace

Response opportunity_new(Context& c) {
  auto l = load_space(c);
  if (!l.space) return l.refusal;
  if (!permissions::run_opportunities(l.space->subject)) return forbidden(c, "involvement_not_facilitator");
  OpportunityInput in;
  in.places = "10";
  in.starts = "10:00";
  in.how = "either";
  return render_form(c, *l.space, in);
}

Response opportunity_create(Context& c) {
  auto l = load_space(c);
  if (!l.space) return l.refusal;
  OpportunityInput in;
  in.title = c.field("title");
  in.description = c.field("description");
  in.kind = c.field("kind");
  in.day = c.field("day");
  in.starts = c.field("starts");
  in.hours = c.field("hours");
  in.how = c.field("how");
  in.place = c.field("place");
  in.places = c.field("places");
  in.support_other = c.field("support_other");
  in.expenses = all_of(c, "expenses");
  in.support = all_of(c, "support");
  in.event_id = c.field("event_id");
  auto r = commands::create_opportunity(c.app, l.space->space().id, viewer_id(c), in);
  if (!r) {
    if (r.error().code == ErrorCode::forbidden) return forbidden(c, r.error().message_key);
    return render_form(c, *l.space, in, &r.error(), web::http_status(r.error().code));
  }
  return c.redirect(path(*l.space, "/opportunities/" + std::to_string(*r) + "?notice=created"));
}

Response opportunity_show(Context& c) {
  auto at = load(c);
  if (!at.o) return at.refusal;
  const auto& s = *at.space;
  const auto& o = *at.o;
  return render_show(c, s, o);
}

Response interest_submit(Context& c) {
  auto at = load(c);
  if (!at.o) return at.refusal;
  const auto& s = *at.space;
  const auto& o = *at.o;
  Typed t;
  t.note = c.field("note");
  return after(c, s, o, commands::say_interested(c.app, o.id, viewer_id(c), t.note), "interested", t);
}

Response interest_withdraw(Context& c) {
  auto at = load(c);
  if (!at.o) return at.refusal;
  const auto& s = *at.space;
  const auto& o = *at.o;
  return after(c, s, o, commands::withdraw_interest(c.app, o.id, viewer_id(c)), "withdrawn");
}

Response choose_submit(Context& c) {
  auto at = load(c);
  if (!at.o) return at.refusal;
  const auto& s = *at.space;
  const auto& o = *at.o;
  Typed t;
  t.person = number::id(c.field("person")).value_or(0);
  t.reason = c.field("reason_" + std::to_string(t.person));
  const bool chosen = c.field("decision") == "chosen";
  return after(c, s, o, commands::choose(c.app, o.id, viewer_id(c), t.person, chosen, t.reason),
               chosen ? "chosen" : "not_chosen", t);
}

Response took_part_submit(Context& c) {
  auto at = load(c);
  if (!at.o) return at.refusal;
  const auto& s = *at.space;
  const auto& o = *at.o;
  Typed t;
  t.person = number::id(c.field("person")).value_or(0);
  t.hours = c.field("hours_" + std::to_string(t.person));
  auto r = commands::confirm_took_part(c.app, o.id, viewer_id(c), t.person, t.hours);
  return after(c, s, o, r ? Result<void>{} : Result<void>(tl::unexpected(r.error())), "took_part", t);
}

Response close_submit(Context& c) {
  auto at = load(c);
  if (!at.o) return at.refusal;
  const auto& s = *at.space;
  const auto& o = *at.o;
  if (!c.checked("confirm")) {
    // Closing cannot be undone: the box says so, and must be ticked.
    Error e = Validation{}.error();
    e.fields.push_back({"confirm", "involvement_close_confirm_missing"});
    return render_show(c, s, o, {}, &e, 422);
  }
  return after(c, s, o, commands::close_opportunity(c.app, o.id, viewer_id(c)), "closed");
}

}  // namespace hs::involvement::handlers
