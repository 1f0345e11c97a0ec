#include "modules/equity/module.hpp"

#include "modules/equity/commands/commands.hpp"
#include "modules/equity/handlers/handlers.hpp"
#include "web/app.hpp"

namespace hs::equity {

void register_module(web::App& app) {
  namespace h = handlers;
  auto& r = app.router;
  r.get("/account/equality", h::mine_page);
  r.post("/account/equality", h::mine_save);
  r.post("/account/equality/delete", h::mine_delete);
  r.get("/spaces/{slug}/equality", h::report_page);
  r.get("/spaces/{slug}/equality.csv", h::report_csv);
  r.get("/spaces/{slug}/equality/reference", h::reference_page);
  r.post("/spaces/{slug}/equality/reference", h::reference_save);

  app.on_erase.push_back([&app](store::Conn& c, std::int64_t user_id) { commands::erase_person(app, c, user_id); });
  app.exporters.push_back([&app](store::Conn& c, std::int64_t user_id) {
    return std::pair<std::string, std::string>("equality", commands::export_person(app, c, user_id));
  });
}

web::Response people_report_page(web::Context& c, View v, const std::vector<std::int64_t>& user_ids) {
  return handlers::people_report_page(c, std::move(v), user_ids);
}

std::map<std::int64_t, Answers> grouping_answers(Services& app, store::Conn& c, const std::vector<std::int64_t>& user_ids) {
  return commands::grouping_answers(app, c, user_ids);
}

Result<void> answer(Services& app, std::int64_t user_id, const std::map<std::string, std::vector<std::string>>& answers,
                    bool groups) {
  return commands::save(app, user_id, answers, groups);
}

}  // namespace hs::equity
