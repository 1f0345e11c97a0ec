// Reads for pages, the template for first terms, erasure and export.
#include <boost/json.hpp>

#include "core/view.hpp"
#include "modules/spaces/module.hpp"
#include "modules/terms/commands/commands.hpp"
#include "services/services.hpp"
#include "store/db.hpp"

namespace hs::terms::commands {

std::optional<repo::VersionRow> current(Services& app, std::int64_t space_id) {
  return app.store->with([&](store::Conn& c) { return repo::current(c, space_id); });
}

std::optional<repo::VersionRow> pending(Services& app, std::int64_t space_id) {
  return app.store->with([&](store::Conn& c) { return repo::proposed(c, space_id); });
}

std::optional<repo::VersionRow> version(Services& app, std::int64_t space_id, std::int64_t number) {
  return app.store->with([&](store::Conn& c) { return repo::by_number(c, space_id, number); });
}

std::vector<repo::VersionRow> versions(Services& app, std::int64_t space_id) {
  return app.store->with([&](store::Conn& c) { return repo::versions(c, space_id); });
}

std::string template_text(Services& app, const std::string& space_name) {
  View v;
  v.set("space", space_name);
  return app.words->render_text("terms/default_terms", v);
}

void erase_person(store::Conn& c, std::int64_t user_id) { repo::erase_person(c, user_id); }

std::string export_person(store::Conn& c, std::int64_t user_id) {
  namespace json = boost::json;
  json::array proposed;
  for (const auto& v : repo::proposed_by(c, user_id)) {
    auto space = spaces::space_by_id(c, v.space_id);
    json::object o;
    o["space"] = space ? "/spaces/" + space->slug : std::string();
    o["version"] = v.number;
    o["summary"] = v.summary;
    o["text"] = v.body;
    o["status"] = v.status;
    o["proposed_at"] = v.created_at;
    proposed.push_back(std::move(o));
  }
  json::object out;
  out["versions_proposed"] = std::move(proposed);
  return json::serialize(out);
}

}  // namespace hs::terms::commands
