// The demo community's people who can connect (resources/demo/people.json), through the
// same commands as the pages: four members opted in to the directory (one did not), one
// message answered (so both addresses are shared) and one still waiting.
#include <boost/json.hpp>

#include <map>

#include "core/embedded.hpp"
#include "modules/conversations/module.hpp"
#include "services/services.hpp"

namespace hs::demo {

namespace json = boost::json;

namespace {

std::string text(const json::object& o, const char* key) {
  auto* v = o.if_contains(key);
  return v && v->is_string() ? std::string(v->as_string()) : std::string();
}

}  // namespace

std::string people_space() {
  return text(json::parse(embedded::get("resources/demo/people.json")).as_object(), "space");
}

Result<bool> seed_people(Services& app, std::map<std::string, std::int64_t>& ids,
                         std::map<std::string, std::int64_t>& space_ids) {
  const auto doc = json::parse(embedded::get("resources/demo/people.json")).as_object();
  const auto space_id = space_ids[text(doc, "space")];
  for (const auto& p : doc.at("people").as_array()) {
    const auto& o = p.as_object();
    if (auto r = conversations::join_directory(
            app, space_id, ids[text(o, "email")],
            {text(o, "name"), text(o, "pronouns"), text(o, "ask_me_about"), text(o, "areas")});
        !r)
      return tl::unexpected(r.error());
  }
  for (const auto& m : doc.at("messages").as_array()) {
    const auto& o = m.as_object();
    auto id = conversations::get_in_touch(app, space_id, ids[text(o, "from")], ids[text(o, "to")], text(o, "body"));
    if (!id) return tl::unexpected(id.error());
    if (const auto answer = text(o, "answer"); !answer.empty())
      if (auto r = conversations::answer_message(app, space_id, *id, ids[text(o, "to")], answer); !r)
        return tl::unexpected(r.error());
  }
  return true;
}

}  // namespace hs::demo
