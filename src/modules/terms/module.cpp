#include "modules/terms/module.hpp"

#include "modules/decisions/module.hpp"
#include "modules/terms/commands/commands.hpp"
#include "modules/terms/handlers/handlers.hpp"
#include "web/app.hpp"

namespace hs::terms {

void register_module(web::App& app) {
  namespace h = handlers;
  // A 50,000-character text, percent-encoded at up to 12 bytes a character.
  constexpr web::RouteOptions kAmendForm{.body_limit = 1024 * 1024};
  app.router.get("/spaces/{slug}/terms", h::terms_show);
  app.router.get("/spaces/{slug}/terms/versions", h::versions_index);
  app.router.get("/spaces/{slug}/terms/versions/{n}", h::version_show);
  app.router.get("/spaces/{slug}/terms/diff", h::diff_show);
  app.router.get("/spaces/{slug}/terms/amend", h::amend_form);
  app.router.post("/spaces/{slug}/terms/amend", h::amend_create, kAmendForm);

  decisions::register_subject(app, "terms_version", commands::decision_hooks());
  app.on_erase.push_back([](store::Conn& c, std::int64_t user_id) { commands::erase_person(c, user_id); });
  app.exporters.push_back([](store::Conn& c, std::int64_t user_id) {
    return std::pair<std::string, std::string>("terms_of_reference", commands::export_person(c, user_id));
  });
}

}  // namespace hs::terms
