// The rate card, opportunities, who is interested and chosen, and who took part.
#include "core/dates.hpp"
#include "core/number.hpp"
#include "core/text.hpp"
#include "core/view.hpp"
#include "modules/accounts/module.hpp"
#include "modules/events/module.hpp"
#include "modules/involvement/commands/support.hpp"
#include "modules/involvement/rules/rates.hpp"
#include "services/services.hpp"
#include "store/db.hpp"

namespace hs::involvement::commands {

namespace {

std::vector<Rate> card_of(const std::vector<RateRow>& rows) {
  std::vector<Rate> card;
  for (const auto& r : rows) card.push_back({r.kind, parse_unit(r.unit).value_or(Unit::hourly), r.pence, r.from_day});
  return card;
}

Result<void> may(store::Conn& c, std::int64_t space_id, std::int64_t user_id,
                 bool (*allowed)(const spaces::Subject&), const char* key) {
  auto s = subject_at(c, space_id, user_id);
  if (!allowed(s)) return fail(ErrorCode::forbidden, key);
  return {};
}

void tell_chosen(Services& app, std::int64_t person_id, const OpportunityRow& o, const spaces::Space& space,
                 bool chosen, const std::string& reason) {
  View v;
  v.set("space", space.name);
  v.set("title", o.title);
  v.set("day", day_in_words(app, o.day));
  v.set("starts", o.starts);
  v.set("chosen", chosen);
  v.set("reason", reason);
  v.set("link", app.link("/spaces/" + space.slug + "/involvement/opportunities/" + std::to_string(o.id)));
  accounts::email_person(app, person_id,
                         chosen ? "involvement_email_chosen_subject" : "involvement_email_not_chosen_subject",
                         {{"title", o.title}}, "involvement_chosen", v);
}

}  // namespace

std::vector<RateRow> rate_card(Services& app, std::int64_t space_id) {
  return app.store->with([&](store::Conn& c) { return repo::rates(c, space_id); });
}

Result<std::int64_t> add_rate(Services& app, std::int64_t space_id, std::int64_t user_id, const std::string& kind,
                              const std::string& unit, const std::string& pounds, const std::string& from_day) {
  const auto now = app.clock->now();
  return app.store->write([&](store::Conn& c) -> Result<std::int64_t> {
    if (auto ok = may(c, space_id, user_id, permissions::manage_rates, "involvement_not_rates"); !ok)
      return fail(ok.error());
    if (!is_kind(kind)) {
      Validation v;
      v.add("kind", "involvement_kind_missing");
      return fail(v.error());
    }
    auto rows = repo::rates(c, space_id);
    auto rate = check_rate(card_of(rows), kind, unit, pounds, from_day);
    if (!rate) {
      auto e = rate.error();
      if (e.code == ErrorCode::conflict && e.fields.empty()) e.fields.push_back({"from_day", e.message_key});
      return fail(e);
    }
    RateRow r{0, space_id, rate->pence, now, rate->kind, std::string(unit_name(rate->unit)), rate->from_day};
    auto id = repo::insert_rate(c, r);
    if (auto ok = record(app, c, space_id, "involvement.rate_added",
                         {{"rate", id}, {"kind", r.kind}, {"unit", r.unit}, {"pence", r.pence}, {"from", r.from_day}});
        !ok)
      return fail(ok.error());
    return id;
  });
}

std::int64_t keep_days(Services& app, std::int64_t space_id) {
  return app.store->with([&](store::Conn& c) { return repo::keep_days(c, space_id).value_or(kDefaultKeepDays); });
}

Result<void> set_keep_days(Services& app, std::int64_t space_id, std::int64_t user_id, const std::string& days) {
  const auto now = app.clock->now();
  return app.store->write([&](store::Conn& c) -> Result<void> {
    if (auto ok = may(c, space_id, user_id, permissions::manage_rates, "involvement_not_rates"); !ok) return ok;
    auto d = parse_keep_days(days);
    if (!d) {
      Validation v;
      v.add("keep_days", "involvement_keep_days_invalid");
      return fail(v.error());
    }
    repo::set_keep_days(c, space_id, *d, now);
    return record(app, c, space_id, "involvement.bank_keep_days", {{"days", *d}});
  });
}

std::optional<RateRow> rate_for(Services& app, std::int64_t space_id, const std::string& kind, const std::string& day) {
  auto rows = rate_card(app, space_id);
  auto r = rate_on(card_of(rows), kind, day);
  if (!r) return std::nullopt;
  for (const auto& row : rows)
    if (row.kind == r->kind && row.from_day == r->from_day) return row;
  return std::nullopt;
}

Result<std::int64_t> create_opportunity(Services& app, std::int64_t space_id, std::int64_t user_id,
                                        const OpportunityInput& in) {
  const auto now = app.clock->now();
  auto checked = check_opportunity(in);
  std::optional<std::int64_t> event_id;
  bool event_ok = true;
  if (!in.event_id.empty()) {
    event_id = number::id(in.event_id);
    event_ok = false;
    if (event_id)
      for (const auto& e : events::commands::events_of_space(app, space_id)) event_ok = event_ok || e.id == *event_id;
  }
  // Offered for today or later; up to 90 days back for an event that has just happened
  // (its people can then be confirmed and paid). Older than that is a mistyped year.
  if (checked && checked->day < day_of(now - 90 * 86400)) {
    Error e = Validation{}.error();
    e.fields.push_back({"day", "involvement_day_past"});
    return fail(e);
  }
  if (!checked || !event_ok) {
    Error e = checked ? Validation{}.error() : checked.error();
    if (!event_ok) e.fields.push_back({"event_id", "involvement_event_invalid"});
    return fail(e);
  }
  return app.store->write([&](store::Conn& c) -> Result<std::int64_t> {
    if (auto ok = may(c, space_id, user_id, permissions::run_opportunities, "involvement_not_facilitator"); !ok)
      return fail(ok.error());
    OpportunityRow o;
    o.space_id = space_id;
    o.title = checked->title;
    o.description = checked->description;
    o.kind = checked->kind;
    o.day = checked->day;
    o.starts = checked->starts;
    o.minutes = checked->minutes;
    o.how = checked->how;
    o.place = checked->place;
    o.places = checked->places;
    o.expenses = checked->expenses;
    o.support = checked->support;
    o.support_other = checked->support_other;
    o.event_id = event_id;
    o.status = "open";
    o.created_by = user_id;
    o.created_at = now;
    auto id = repo::insert_opportunity(c, o);
    if (auto ok = record(app, c, space_id, "involvement.opportunity_offered",
                         {{"opportunity", id}, {"kind", o.kind}, {"day", o.day}, {"places", o.places}});
        !ok)
      return fail(ok.error());
    return id;
  });
}

std::vector<OpportunityRow> opportunities(Services& app, std::int64_t space_id) {
  return app.store->with([&](store::Conn& c) { return repo::opportunities(c, space_id); });
}

std::map<std::int64_t, std::int64_t> interest_counts(Services& app, std::int64_t space_id) {
  std::map<std::int64_t, std::int64_t> out;
  for (const auto& [id, n] : app.store->with([&](store::Conn& c) { return repo::interest_counts(c, space_id); }))
    out.emplace(id, n);
  return out;
}

std::optional<OpportunityRow> opportunity(Services& app, std::int64_t id) {
  return app.store->with([&](store::Conn& c) { return repo::opportunity(c, id); });
}

Result<void> say_interested(Services& app, std::int64_t opportunity_id, std::int64_t user_id, const std::string& note) {
  const auto now = app.clock->now();
  return app.store->write([&](store::Conn& c) -> Result<void> {
    auto o = repo::opportunity(c, opportunity_id);
    if (!o) return fail(ErrorCode::not_found, "involvement_opportunity_not_found");
    if (auto ok = may(c, o->space_id, user_id, permissions::take_part, "involvement_not_member"); !ok) return ok;
    if (o->status != "open") return fail(ErrorCode::conflict, "involvement_opportunity_closed");
    if (text::length(note) > 1000) {
      Validation v;
      v.add("note", "involvement_note_long");
      return fail(v.error());
    }
    repo::upsert_interest(c, opportunity_id, user_id, note, now);
    return {};
  });
}

Result<void> withdraw_interest(Services& app, std::int64_t opportunity_id, std::int64_t user_id) {
  return app.store->write([&](store::Conn& c) -> Result<void> {
    auto o = repo::opportunity(c, opportunity_id);
    if (!o) return fail(ErrorCode::not_found, "involvement_opportunity_not_found");
    if (!repo::remove_interest(c, opportunity_id, user_id))
      return fail(ErrorCode::not_found, "involvement_opportunity_not_found");
    return {};
  });
}

std::optional<InterestRow> interest_of(Services& app, std::int64_t opportunity_id, std::int64_t user_id) {
  return app.store->with([&](store::Conn& c) { return repo::interest_of(c, opportunity_id, user_id); });
}

Result<void> choose(Services& app, std::int64_t opportunity_id, std::int64_t user_id, std::int64_t person_id,
                    bool chosen, const std::string& reason) {
  const auto now = app.clock->now();
  std::optional<OpportunityRow> told;
  std::optional<spaces::Space> space;
  auto r = app.store->write([&](store::Conn& c) -> Result<void> {
    auto o = repo::opportunity(c, opportunity_id);
    if (!o) return fail(ErrorCode::not_found, "involvement_opportunity_not_found");
    if (auto ok = may(c, o->space_id, user_id, permissions::run_opportunities, "involvement_not_facilitator"); !ok)
      return ok;
    if (reason.empty() || text::length(reason) > 500) {
      Validation v;
      v.add("reason_" + std::to_string(person_id), "involvement_reason_missing");
      return fail(v.error());
    }
    auto i = repo::interest_of(c, opportunity_id, person_id);
    if (!i) return fail(ErrorCode::not_found, "involvement_interest_not_found");
    if (chosen && i->status != "chosen" && repo::chosen_count(c, opportunity_id) >= o->places) {
      Validation v;
      v.add("reason_" + std::to_string(person_id), "involvement_places_full");
      return fail(v.error());
    }
    repo::decide_interest(c, opportunity_id, person_id, chosen ? "chosen" : "not_chosen", reason, now);
    if (auto ok = record(app, c, o->space_id, chosen ? "involvement.person_chosen" : "involvement.person_not_chosen",
                         {{"opportunity", opportunity_id},
                          {"person", audit::person_commitment(app, o->space_id, person_id)},
                          {"reason_sha256", crypto::sha256_hex(reason)}});
        !ok)
      return ok;
    told = *o;
    space = spaces::space_by_id(c, o->space_id);
    return {};
  });
  if (r && told && space) tell_chosen(app, person_id, *told, *space, chosen, reason);
  return r;
}

Result<void> close_opportunity(Services& app, std::int64_t opportunity_id, std::int64_t user_id) {
  return app.store->write([&](store::Conn& c) -> Result<void> {
    auto o = repo::opportunity(c, opportunity_id);
    if (!o) return fail(ErrorCode::not_found, "involvement_opportunity_not_found");
    if (auto ok = may(c, o->space_id, user_id, permissions::run_opportunities, "involvement_not_facilitator"); !ok)
      return ok;
    repo::set_opportunity_status(c, opportunity_id, "closed");
    return record(app, c, o->space_id, "involvement.opportunity_closed", {{"opportunity", opportunity_id}});
  });
}

std::vector<Candidate> candidates(Services& app, const OpportunityRow& o) {
  std::vector<events::commands::MemberAtEvent> at_event;
  if (o.event_id) at_event = events::commands::members_at(app, *o.event_id);
  return app.store->with([&](store::Conn& c) {
    std::vector<Candidate> out;
    auto find = [&](std::int64_t user_id) -> Candidate& {
      for (auto& x : out)
        if (x.user_id == user_id) return x;
      Candidate x;
      x.user_id = user_id;
      return out.emplace_back(std::move(x));
    };
    for (const auto& i : repo::interest_in(c, o.id)) {
      auto& x = find(i.user_id);
      x.chosen = i.status == "chosen";
      x.note = i.note;
      x.status = i.status;
      x.reason = i.reason;
    }
    for (const auto& m : at_event) {
      // Only the space's own members are paid by it.
      if (!spaces::is_member(spaces::role_in(c, o.space_id, m.user_id))) continue;
      auto& x = find(m.user_id);
      x.registered = m.registered;
      x.joined = m.joined;
    }
    for (const auto& p : repo::participation_in(c, o.id)) find(p.user_id).confirmed = true;
    for (auto& x : out) x.name = accounts::display_name(app, c, x.user_id);
    return out;
  });
}

Result<std::int64_t> confirm_took_part(Services& app, std::int64_t opportunity_id, std::int64_t user_id,
                                       std::int64_t person_id, const std::string& hours) {
  const auto now = app.clock->now();
  auto o = opportunity(app, opportunity_id);
  if (!o) return fail(ErrorCode::not_found, "involvement_opportunity_not_found");
  bool known = false;
  for (const auto& x : candidates(app, *o)) known = known || x.user_id == person_id;
  return app.store->write([&](store::Conn& c) -> Result<std::int64_t> {
    if (auto ok = may(c, o->space_id, user_id, permissions::run_opportunities, "involvement_not_facilitator"); !ok)
      return fail(ok.error());
    if (!known || !spaces::is_member(spaces::role_in(c, o->space_id, person_id)))
      return fail(ErrorCode::not_found, "involvement_interest_not_found");
    if (o->day > day_of(now)) return fail(ErrorCode::conflict, "involvement_not_yet");
    auto minutes = hours.empty() ? std::optional<std::int64_t>(o->minutes) : parse_hours(hours);
    if (!minutes) {
      Validation v;
      v.add("hours_" + std::to_string(person_id), "involvement_hours_invalid");
      return fail(v.error());
    }
    ParticipationRow p;
    p.space_id = o->space_id;
    p.user_id = person_id;
    p.opportunity_id = o->id;
    p.kind = o->kind;
    p.day = o->day;
    p.minutes = *minutes;
    p.what = o->title;
    p.source = o->event_id ? "event" : "opportunity";
    p.confirmed_by = user_id;
    p.created_at = now;
    auto id = repo::insert_participation(c, p);
    if (!id) return fail(ErrorCode::conflict, "involvement_already_confirmed");
    if (auto ok = record(app, c, o->space_id, "involvement.took_part",
                         {{"opportunity", o->id},
                          {"person", audit::person_commitment(app, o->space_id, person_id)},
                          {"minutes", *minutes}});
        !ok)
      return fail(ok.error());
    return *id;
  });
}

Result<std::int64_t> record_by_hand(Services& app, std::int64_t space_id, std::int64_t user_id, const ByHand& in) {
  const auto now = app.clock->now();
  std::optional<std::int64_t> person;
  if (!in.email.empty()) person = accounts::find_user(app, in.email);
  return app.store->write([&](store::Conn& c) -> Result<std::int64_t> {
    if (auto ok = may(c, space_id, user_id, permissions::run_opportunities, "involvement_not_facilitator"); !ok)
      return fail(ok.error());
    Validation v;
    // One message whether there is no such account or it is not a member: the form does
    // not tell a facilitator who has an account elsewhere on the site.
    if (!person || !spaces::is_member(spaces::role_in(c, space_id, *person)))
      v.add("email", "involvement_person_not_member");
    if (!is_kind(in.kind)) v.add("kind", "involvement_kind_missing");
    if (!dates::parse_day(in.day)) v.add("day", "involvement_day_invalid");
    else if (in.day > day_of(now)) v.add("day", "involvement_day_future");
    auto minutes = parse_hours(in.hours);
    if (!minutes) v.add("hours", "involvement_hours_invalid");
    if (in.what.empty() || text::length(in.what) > 200) v.add("what", "involvement_what_invalid");
    if (!v.ok()) return fail(v.error());
    ParticipationRow p;
    p.space_id = space_id;
    p.user_id = *person;
    p.kind = in.kind;
    p.day = in.day;
    p.minutes = *minutes;
    p.what = in.what;
    p.source = "by_hand";
    p.confirmed_by = user_id;
    p.created_at = now;
    auto id = repo::insert_participation(c, p);
    if (!id) return fail(ErrorCode::conflict, "involvement_already_confirmed");
    if (auto ok = record(app, c, space_id, "involvement.took_part",
                         {{"by_hand", true},
                          {"person", audit::person_commitment(app, space_id, *person)},
                          {"minutes", *minutes}});
        !ok)
      return fail(ok.error());
    return *id;
  });
}

}  // namespace hs::involvement::commands
