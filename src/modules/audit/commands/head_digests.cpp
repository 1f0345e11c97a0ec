// Digests of new signed heads by email: a person who may see a space's log asks for
// them on the audit page; the periodic sweep (and `humanspace audit send-digests`)
// sends each person, at most once in 24 hours, the largest signed head of every log they
// follow that has grown since their last digest. Kept in their mailbox, those heads are
// copies of the log's history outside this server: a log later cut short or rewritten
// no longer verifies against them.
//
// Each person's digest is claimed in a short transaction (their rows locked, checked and
// marked sent) and emailed after commit, so two servers sweeping at once send it once; a
// failure to hand it over is logged and not retried (the next new head goes out the
// next day, and the Atom feed has them all).
#include <boost/json.hpp>
#include <spdlog/spdlog.h>

#include "core/crypto.hpp"
#include "core/number.hpp"
#include "core/view.hpp"
#include "mail/mailer.hpp"
#include "modules/accounts/module.hpp"
#include "modules/audit/commands/commands.hpp"
#include "modules/audit/permissions.hpp"
#include "modules/spaces/module.hpp"
#include "services/services.hpp"
#include "store/db.hpp"

namespace hs::audit::commands {

namespace {

constexpr std::int64_t kDay = 24 * 60 * 60;

std::string stop_mac(const Services& app, std::int64_t space_id, std::int64_t user_id) {
  const auto purpose = crypto::derive(app.master_key, 302, "auditdig");
  return crypto::base64url(
      crypto::hmac_sha256(purpose, "stop:" + std::to_string(space_id) + ":" + std::to_string(user_id)));
}

struct Item {
  spaces::Space space;
  SignedHead head;
};

// Whether the person may still have the space's heads emailed, asked of the same
// predicate as the page.
bool still_allowed(store::Conn& c, const spaces::Space& space, std::int64_t user_id) {
  spaces::Subject s;
  s.signed_in = true;
  s.role = spaces::role_in(c, space.id, user_id);
  s.visibility = spaces::parse_visibility(space.visibility).value_or(spaces::Visibility::private_space);
  return permissions::email_heads(s);
}

// The person's digest: claimed (marked sent) in the caller's transaction. Empty when
// they had one in the last 24 hours or none of their logs has a new head.
std::vector<Item> claim_digest(store::Conn& c, std::int64_t user_id, std::int64_t now) {
  std::vector<Item> out;
  repo::lock_digests(c, user_id);
  const auto rows = repo::digests_of(c, user_id);
  for (const auto& d : rows)
    if (d.last_sent_at && *d.last_sent_at > now - kDay) return out;
  for (const auto& d : rows) {
    if (d.head_size <= d.last_size) continue;
    auto space = spaces::space_by_id(c, d.space_id);
    if (!space || !still_allowed(c, *space, user_id)) {
      // They lost the role that let them have these emails (or left the space): no more mail,
      // and nothing kept about what they followed there.
      repo::remove_digest(c, d.space_id, user_id);
      continue;
    }
    auto state = repo::log_state(c, d.space_id);
    auto key = repo::key(c, d.space_id);
    if (!state || !state->kept || !key) continue;
    const auto& h = *state->kept;
    out.push_back({*space, SignedHead{d.space_id, h.size, h.root, h.timestamp, h.signature, key->public_key}});
    repo::mark_digest_sent(c, d.space_id, user_id, h.size, now);
  }
  return out;
}

bool email_digest(Services& app, std::int64_t user_id, const std::vector<Item>& items) {
  auto to = app.store->with([&](store::Conn& c) { return accounts::contact_email(app, c, user_id); });
  if (!to || to->empty()) return false;  // an erased or unverified account: nobody to tell
  const auto& r = *app.words;
  auto link = [&](const std::string& path) { return app.link(path); };
  View v;
  View logs = View::list();
  for (const auto& it : items) {
    const std::string base = "/spaces/" + it.space.slug + "/audit";
    View log;
    log.set("name", it.space.name);
    log.set("slug", it.space.slug);
    log.set("size", std::to_string(it.head.size));
    log.set("time", utc_time(it.head.timestamp));
    log.set("root", it.head.root);
    log.set("signature", it.head.signature);
    log.set("public_key", it.head.public_key);
    log.set("json", head_json(it.head));
    log.set("audit_link", link(base));
    log.set("export_link", link(base + "/export"));
    log.set("stop_link", link(base + "/digest/stop?key=" + digest_stop_key(app, it.space.id, user_id)));
    logs.push(std::move(log));
  }
  v.set("logs", std::move(logs));
  try {
    mail::Email e;
    e.to = *to;
    e.subject = items.size() == 1
                    ? r.format("audit_digest_email_subject_one",
                               {{"space", items.front().space.name}, {"size", std::to_string(items.front().head.size)}})
                    : r.format("audit_digest_email_subject_many", {{"count", std::to_string(items.size())}});
    e.body = r.render_text("audit/email_digest", v);
    app.mailer->send(e);
    return true;
  } catch (const std::exception& ex) {
    spdlog::warn("audit: could not send a digest of signed heads: {}", ex.what());
    return false;
  }
}

}  // namespace

bool digest_on(Services& app, std::int64_t space_id, std::int64_t user_id) {
  return app.store->with([&](store::Conn& c) { return repo::has_digest(c, space_id, user_id); });
}

void start_digest(Services& app, std::int64_t space_id, std::int64_t user_id) {
  const auto now = app.clock->now();
  (void)app.store->write([&](store::Conn& c) -> Result<void> {
    repo::add_digest(c, space_id, user_id, now);
    return {};
  });
}

bool stop_digest(Services& app, std::int64_t space_id, std::int64_t user_id) {
  return app.store->write([&](store::Conn& c) -> Result<bool> { return repo::remove_digest(c, space_id, user_id); })
      .value_or(false);
}

std::string digest_stop_key(const Services& app, std::int64_t space_id, std::int64_t user_id) {
  return std::to_string(user_id) + "." + stop_mac(app, space_id, user_id);
}

std::int64_t digest_stop_key_owner(const Services& app, std::int64_t space_id, std::string_view key) {
  auto dot = key.find('.');
  if (dot == std::string_view::npos || key.size() > 120) return 0;
  auto uid = number::whole(key.substr(0, dot));
  if (!uid || *uid <= 0) return 0;
  return crypto::equal(key.substr(dot + 1), stop_mac(app, space_id, *uid)) ? *uid : 0;
}

int send_digests(Services& app) {
  const auto now = app.clock->now();
  auto people = app.store->with([&](store::Conn& c) { return repo::people_due_digest(c, now - kDay); });
  int sent = 0;
  for (auto user_id : people) {
    auto items =
        app.store->write([&](store::Conn& c) -> Result<std::vector<Item>> { return claim_digest(c, user_id, now); });
    if (!items || items->empty()) continue;
    if (email_digest(app, user_id, *items)) ++sent;
  }
  return sent;
}

std::string export_digests(store::Conn& c, std::int64_t user_id) {
  namespace json = boost::json;
  json::array subs;
  for (const auto& d : repo::digests_of(c, user_id)) {
    auto space = spaces::space_by_id(c, d.space_id);
    json::object o;
    o["space"] = space ? "/spaces/" + space->slug : std::string();
    o["since"] = d.created_at;
    if (d.last_sent_at) o["last_sent_at"] = *d.last_sent_at;
    else o["last_sent_at"] = nullptr;
    o["last_size_sent"] = d.last_size;
    subs.push_back(std::move(o));
  }
  json::object out;
  out["signed_head_emails"] = std::move(subs);
  return json::serialize(out);
}

}  // namespace hs::audit::commands
