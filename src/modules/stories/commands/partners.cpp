// Stewards list the organisations whose partners answer stories, and give a person the
// partner role for one of them (the spaces module keeps the role; this module the
// organisation). Organisations are public facts: the log names them.
#include "core/crypto.hpp"
#include "modules/accounts/module.hpp"
#include "modules/spaces/module.hpp"
#include "modules/stories/commands/commands.hpp"
#include "modules/stories/commands/support.hpp"
#include "services/services.hpp"
#include "store/db.hpp"

namespace hs::stories::commands {

namespace {

bool steward(store::Conn& c, std::int64_t space_id, std::int64_t user_id) {
  spaces::Subject s;
  s.signed_in = user_id > 0;
  s.role = spaces::role_in(c, space_id, user_id);
  return permissions::manage_partners(s);
}

}  // namespace

Result<std::int64_t> add_organisation(Services& app, std::int64_t space_id, std::int64_t user_id,
                                      const std::string& name) {
  const auto now = app.clock->now();
  return app.store->write([&](store::Conn& c) -> Result<std::int64_t> {
    if (!steward(c, space_id, user_id)) return fail(ErrorCode::forbidden, "stories_not_steward");
    auto n = validate_organisation(name);
    if (!n) return fail(n.error());
    auto id = repo::insert_organisation(c, space_id, *n, now);
    if (!id) {
      Validation v;
      v.add("name", "stories_organisation_exists");
      return fail(v.error());
    }
    if (auto ok = record(app, c, space_id, "partners.organisation_listed", {{"organisation", *id}, {"name", *n}}); !ok)
      return fail(ok.error());
    return *id;
  });
}

Result<std::int64_t> set_consent_text(Services& app, std::int64_t space_id, std::int64_t user_id,
                                      const std::string& body) {
  const auto now = app.clock->now();
  return app.store->write([&](store::Conn& c) -> Result<std::int64_t> {
    if (!steward(c, space_id, user_id)) return fail(ErrorCode::forbidden, "stories_not_steward");
    auto b = validate_consent_text(body);
    if (!b) return fail(b.error());
    // The space's row lock settles two stewards saving at once: versions stay 1, 2, 3...
    spaces::lock_space(c, space_id);
    auto cur = repo::consent_text(c, space_id);
    const std::int64_t version = cur ? cur->first + 1 : 1;
    repo::insert_consent_text(c, space_id, version, *b, now);
    if (auto ok = record(app, c, space_id, "stories.consent_text",
                         {{"version", version}, {"sha256", crypto::sha256_hex(*b)}});
        !ok)
      return fail(ok.error());
    return version;
  });
}

Result<void> remove_partner(Services& app, std::int64_t space_id, std::int64_t user_id, std::int64_t partner_id) {
  return app.store->write([&](store::Conn& c) -> Result<void> {
    if (!steward(c, space_id, user_id)) return fail(ErrorCode::forbidden, "stories_not_steward");
    auto org = repo::partner_organisation(c, space_id, partner_id);
    if (auto ok = spaces::end_partner(app, c, space_id, partner_id); !ok) return fail(ok.error());
    repo::remove_partner(c, space_id, partner_id);
    audit::Fields entry = {{"person", audit::person_commitment(app, space_id, partner_id)}};
    if (org) entry.emplace_back("organisation", org->id);
    return record(app, c, space_id, "partners.partner_removed", entry);
  });
}

Result<void> add_partner(Services& app, std::int64_t space_id, std::int64_t user_id, const std::string& email,
                         std::int64_t organisation_id) {
  const auto now = app.clock->now();
  std::optional<std::int64_t> person;
  if (!email.empty()) person = accounts::find_user(app, email);
  return app.store->write([&](store::Conn& c) -> Result<void> {
    if (!steward(c, space_id, user_id)) return fail(ErrorCode::forbidden, "stories_not_steward");
    Validation v;
    if (!person) v.add("email", "stories_partner_no_account");
    auto org = repo::organisation(c, organisation_id);
    if (!org || org->space_id != space_id) v.add("organisation", "stories_partner_organisation_required");
    if (!v.ok()) return fail(v.error());
    if (auto ok = spaces::make_partner(app, c, space_id, *person); !ok) {
      v.add("email", ok.error().message_key);
      return fail(v.error());
    }
    repo::set_partner(c, space_id, *person, organisation_id, now);
    return record(app, c, space_id, "partners.partner_added",
                  {{"organisation", organisation_id}, {"person", audit::person_commitment(app, space_id, *person)}});
  });
}

}  // namespace hs::stories::commands
