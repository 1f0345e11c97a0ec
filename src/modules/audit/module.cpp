#include "modules/audit/module.hpp"

#include <type_traits>

#include "modules/audit/commands/commands.hpp"
#include "modules/audit/handlers/handlers.hpp"
#include "services/services.hpp"
#include "web/app.hpp"

namespace hs::audit {

// Modules below audit append through services::AuditLog with the same value types.
static_assert(std::is_same_v<Fields, services::AuditFields>);

namespace {

class Log final : public services::AuditLog {
 public:
  Result<std::int64_t> append(Services& s, store::Conn& c, std::int64_t space_id, std::string_view kind,
                              const services::AuditFields& data) const override {
    return commands::append(s, c, space_id, kind, data);
  }
  std::string person_commitment(const Services& s, std::int64_t space_id, std::int64_t user_id) const override {
    return commands::person_commitment(s, space_id, user_id);
  }
};

}  // namespace

const services::AuditLog& log() {
  static const Log the_log;  // holds nothing: every call is given the services it uses
  return the_log;
}

void register_module(web::App& app) {
  namespace h = handlers;
  app.audit = &log();
  constexpr web::RouteOptions kSmallForm{.body_limit = 4 * 1024};
  app.router.get("/spaces/{slug}/audit", h::log_show);
  app.router.get("/spaces/{slug}/audit/head", h::head_show);
  app.router.get("/spaces/{slug}/audit/heads.atom", h::heads_feed);
  app.router.post("/spaces/{slug}/audit/head", h::head_sign, kSmallForm);
  app.router.get("/spaces/{slug}/audit/proof/inclusion", h::inclusion_show);
  app.router.get("/spaces/{slug}/audit/proof/consistency", h::consistency_show);
  app.router.get("/spaces/{slug}/audit/export", h::export_download);
  app.router.post("/spaces/{slug}/audit/verify", h::log_verify, kSmallForm);
  app.router.post("/spaces/{slug}/audit/findings", h::finding_record, {.body_limit = 32 * 1024});
  app.router.post("/spaces/{slug}/audit/digest", h::digest_choose, kSmallForm);
  app.router.get("/spaces/{slug}/audit/digest/stop", h::digest_stop_show);
  app.router.post("/spaces/{slug}/audit/digest/stop", h::digest_stop, kSmallForm);
  // Entries name people only by commitments, so erasing a person leaves the log alone;
  // their findings stay, no longer linked to them; the heads they were shown and their
  // emails of new heads go.
  app.on_erase.push_back([](store::Conn& c, std::int64_t user_id) { commands::erase_person(c, user_id); });
  app.exporters.push_back([](store::Conn& c, std::int64_t user_id) {
    return std::pair<std::string, std::string>("decision_logs", commands::export_digests(c, user_id));
  });
}

Result<std::int64_t> append(Services& app, store::Conn& c, std::int64_t space_id, std::string_view kind,
                            const Fields& data) {
  return commands::append(app, c, space_id, kind, data);
}

std::string person_commitment(const Services& app, std::int64_t space_id, std::int64_t user_id) {
  return commands::person_commitment(app, space_id, user_id);
}

Result<SignedHead> sign_head(Services& app, store::Conn& c, std::int64_t space_id) {
  return commands::sign_head(app, c, space_id);
}

Result<SignedHead> sign_head(Services& app, std::int64_t space_id) { return commands::sign_head(app, space_id); }

int send_digests(Services& app) { return commands::send_digests(app); }

}  // namespace hs::audit
