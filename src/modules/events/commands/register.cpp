#include <spdlog/spdlog.h>

#include <algorithm>

#include "core/text.hpp"
#include "core/view.hpp"
#include "mail/mailer.hpp"
#include "modules/accounts/module.hpp"
#include "modules/events/commands/commands.hpp"
#include "modules/events/repo.hpp"
#include "services/services.hpp"
#include "store/db.hpp"

namespace hs::events::commands {

namespace {

// After the commit: a failed email is logged and does not undo the registration (the
// page says they are registered, and the .ics link is there too).
void confirm_by_email(Services& app, const Access& a, const std::string& to, const RegistrationLinks& links) {
  try {
    View v;
    v.set("event", a.event.title);
    v.set("space", a.event.space_name);
    v.set("starts", format_email_datetime(a.event.starts_at));
    v.set("ends", format_email_datetime(a.event.ends_at));
    v.set("link", links.event_url);
    v.set("calendar", links.calendar_url);
    mail::Email e;
    e.to = to;
    e.subject = app.words->format("events_email_registered_subject", {{"event", a.event.title}});
    e.body = app.words->render_text("events/email_registered", v);
    app.mailer->send(e);
  } catch (const std::exception& ex) {
    spdlog::warn("events: could not send the registration email: {}", ex.what());
  }
}

}  // namespace

Result<bool> register_member(Services& app, const Access& a, const RegistrationLinks& links) {
  if (a.user_id == 0 || !register_for_event(a.standing)) return fail(ErrorCode::forbidden, "events_register_forbidden");
  std::optional<std::string> to;
  auto r = app.store->write([&](store::Conn& c) -> Result<bool> {
    if (a.event.ends_at <= app.clock->now()) return fail(ErrorCode::conflict, "events_registration_over");
    bool added = repo::add_registration(c, a.event.id, a.user_id, app.clock->now());
    if (added) to = accounts::contact_email(app, c, a.user_id);
    return added;
  });
  if (r && *r && to && !to->empty()) confirm_by_email(app, a, *to, links);
  return r;
}

Result<bool> cancel_registration(Services& app, const Access& a) {
  if (a.user_id == 0 || !register_for_event(a.standing)) return fail(ErrorCode::forbidden, "events_register_forbidden");
  return app.store->write(
      [&](store::Conn& c) -> Result<bool> { return repo::remove_registration(c, a.event.id, a.user_id); });
}

bool is_registered(Services& app, std::int64_t event_id, std::int64_t user_id) {
  return app.store->with([&](store::Conn& c) { return repo::is_registered(c, event_id, user_id); });
}

std::int64_t joined_count(Services& app, std::int64_t event_id) {
  return app.store->with([&](store::Conn& c) { return repo::joined_count(c, event_id); });
}

std::vector<Registrant> registrants(Services& app, std::int64_t event_id, bool with_access_needs) {
  return app.store->with([&](store::Conn& c) {
    std::vector<Registrant> out;
    const auto rows = repo::registrations(c, event_id);
    std::vector<std::int64_t> ids;
    for (const auto& r : rows) ids.push_back(r.user_id);
    // Names, and access needs for those who may see them, for everyone at once.
    const auto names = accounts::display_names(app, c, ids);
    const auto needs = with_access_needs ? accounts::access_needs_of(app, c, ids)
                                         : std::map<std::int64_t, std::string>{};
    for (const auto& r : rows) {
      Registrant p;
      if (auto n = names.find(r.user_id); n != names.end()) p.name = n->second;
      if (auto a = needs.find(r.user_id); a != needs.end()) p.access_needs = a->second;
      out.push_back(std::move(p));
    }
    // By name: a list to find people in, not a queue.
    std::stable_sort(out.begin(), out.end(), [](const Registrant& x, const Registrant& y) {
      return text::lower_ascii(x.name) < text::lower_ascii(y.name);
    });
    return out;
  });
}

std::vector<MemberAtEvent> members_at(Services& app, std::int64_t event_id) {
  return app.store->with([&](store::Conn& c) {
    std::vector<MemberAtEvent> out;
    auto find = [&](std::int64_t user_id) -> MemberAtEvent& {
      for (auto& m : out)
        if (m.user_id == user_id) return m;
      return out.emplace_back(MemberAtEvent{user_id});
    };
    for (const auto& r : repo::registrations(c, event_id)) find(r.user_id).registered = true;
    for (auto id : repo::joined_members(c, event_id)) find(id).joined = true;
    return out;
  });
}

std::vector<std::pair<std::int64_t, std::int64_t>> contributions(Services& app, std::int64_t event_id) {
  return app.store->with([&](store::Conn& c) { return repo::contributions(c, event_id); });
}

}  // namespace hs::events::commands
