#include "modules/library/module.hpp"

#include "modules/library/commands/commands.hpp"
#include "modules/library/handlers/handlers.hpp"
#include "modules/library/repo.hpp"
#include "store/db.hpp"
#include "web/app.hpp"

namespace hs::library {

void register_module(web::App& app) {
  namespace h = handlers;
  app.kept<Storage>().dir = app.config.data_dir + "/library";
  // A 25 MB file and the form's words around it (a title, a description, tags: well under
  // 64 KB). A bigger body is refused before it is read, with 413.
  constexpr web::RouteOptions kUpload{.body_limit = static_cast<std::size_t>(kMaxFileBytes) + 64 * 1024};
  auto& r = app.router;
  r.get("/spaces/{slug}/library", h::index);
  r.get("/spaces/{slug}/library/new", h::new_form);
  r.post("/spaces/{slug}/library/new", h::create, kUpload);
  r.get("/spaces/{slug}/library/{id}/download", h::download);
  r.get("/spaces/{slug}/library/{id}/remove", h::remove_form);
  r.post("/spaces/{slug}/library/{id}/remove", h::remove_submit);

  conversations::add_search_source(app, {"library", commands::search});
  app.on_erase.push_back([&app](store::Conn& c, std::int64_t user_id) { commands::erase_person(app, c, user_id); });
  app.exporters.push_back([&app](store::Conn& c, std::int64_t user_id) {
    return std::pair<std::string, std::string>("library", commands::export_person(app, c, user_id));
  });
}

Result<std::int64_t> add_resource(Services& app, std::int64_t space_id, std::int64_t user_id, const NewResource& r) {
  ResourceInput in{r.title, r.description, r.tags, r.url,
                   r.conversation_id > 0 ? std::to_string(r.conversation_id) : std::string()};
  std::optional<commands::FileIn> file;
  if (!r.bytes.empty()) file = commands::FileIn{r.bytes, r.file_name};
  return commands::add(app, space_id, user_id, in, file);
}

std::int64_t total(Services& app) {
  return app.store->with([](store::Conn& c) { return repo::count(c); });
}

}  // namespace hs::library
