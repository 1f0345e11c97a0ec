// A person's resources in "download my data", and erasing them with their account.
#include <boost/json.hpp>

#include "modules/library/commands/commands.hpp"
#include "modules/library/repo.hpp"
#include "services/services.hpp"
#include "store/db.hpp"

namespace hs::library::commands {

std::string export_person(Services&, store::Conn& c, std::int64_t user_id) {
  namespace json = boost::json;
  json::array out;
  for (const auto& r : repo::added_by(c, user_id)) {
    json::object x;
    x["resource"] = r.id;
    x["space"] = r.space_id;
    x["kind"] = r.kind;
    x["title"] = r.title;
    x["description"] = r.description;
    json::array tags;
    for (const auto& t : r.tags) tags.emplace_back(t);
    x["tags"] = std::move(tags);
    if (r.url) x["link"] = *r.url;
    // The file itself downloads from the library's page; the export says what it was.
    if (r.file_name) x["file_name"] = *r.file_name;
    if (r.media_type) x["type"] = *r.media_type;
    if (r.size_bytes) x["size_bytes"] = *r.size_bytes;
    if (r.conversation_id) x["conversation"] = *r.conversation_id;
    x["state"] = r.state;
    if (r.remove_reason) x["remove_reason"] = *r.remove_reason;
    x["at"] = r.created_at;
    out.push_back(std::move(x));
  }
  return json::serialize(out);
}

void erase_person(Services& app, store::Conn& c, std::int64_t user_id) {
  std::vector<std::string> files;
  for (const auto& r : repo::added_by(c, user_id))
    if (r.stored_name) files.push_back(*r.stored_name);
  repo::delete_added_by(c, user_id);
  // Inside the erasure's transaction: the files go now, as the rows will. Were the
  // transaction to fail after this, the rows would remain without their files (their
  // downloads say so), which errs on the side of what the person asked for.
  for (const auto& f : files) delete_file(app.kept<Storage>(), f);
}

}  // namespace hs::library::commands
