// The demo community: invented people and places, described in resources/demo/community.json.
#include "modules/demo/seed.hpp"

#include <boost/json.hpp>
#include <map>

#include "core/embedded.hpp"
#include "modules/accounts/commands/commands.hpp"
#include "modules/accounts/module.hpp"
#include "modules/events/commands/commands.hpp"
#include "modules/spaces/commands/commands.hpp"
#include "web/app.hpp"

namespace hs::demo {

namespace json = boost::json;

namespace {

std::string str(const json::object& o, const char* key) {
  auto* v = o.if_contains(key);
  return v && v->is_string() ? std::string(v->as_string()) : std::string();
}

std::string summary(web::App& app, const json::object& demo) {
  std::string out = "\nDemo community: " + str(demo, "organisation") + " (invented people and places)\n";
  out += "Sign in at http://localhost:8080/signin as any of these:\n";
  for (const auto& p : demo.at("people").as_array()) {
    const auto& o = p.as_object();
    out += "  " + str(o, "email") + "  " + str(o, "name") + ": " + str(o, "what") + "\n";
  }
  out += "Password for every demo account: " + str(demo, "password") + "\n";
  if (auto* ev = demo.if_contains("event")) {
    auto slug = str(ev->as_object(), "space");
    if (auto space = spaces::commands::space_for_viewer(app, slug, 0))
      for (const auto& e : events::commands::events_of_space(app, space->space.id))
        out += "Demo event \"" + e.title + "\": join without an account at http://localhost:8080/join with code " +
               e.join_code + "\n";
  }
  return out;
}

}  // namespace

Result<std::string> seed(web::App& app) {
  auto doc = json::parse(embedded::get("resources/demo/community.json")).as_object();
  const auto password = str(doc, "password");
  const auto& people = doc.at("people").as_array();
  if (accounts::find_user(app, str(people.at(0).as_object(), "email"))) return summary(app, doc);

  std::map<std::string, std::int64_t> ids;
  for (const auto& p : people) {
    const auto& o = p.as_object();
    auto id = accounts::add_user(app, str(o, "email"), str(o, "name"), password);
    if (!id) return tl::unexpected(id.error());
    ids[str(o, "email")] = *id;
    if (!str(o, "pronouns").empty()) {
      auto profile = accounts::commands::load_profile(app, *id);
      if (profile) {
        profile->pronouns = str(o, "pronouns");
        auto saved = accounts::commands::update_profile(app, {}, *id, *profile);
        if (!saved) return tl::unexpected(saved.error());
      }
    }
    if (str(o, "site_role") == "steward") {
      auto r = accounts::set_site_role(app, str(o, "email"), "steward");
      if (!r) return tl::unexpected(r.error());
    }
  }

  std::map<std::string, std::int64_t> space_ids;
  for (const auto& s : doc.at("spaces").as_array()) {
    const auto& o = s.as_object();
    const auto& members = o.at("members").as_array();
    auto creator = std::string(members.at(0).as_array().at(0).as_string());
    spaces::commands::Actor actor{ids[creator], "", ""};
    spaces::SpaceFields fields{str(o, "name"), str(o, "slug"), str(o, "kind"), str(o, "purpose"),
                               str(o, "visibility"), str(o, "code")};
    auto slug = spaces::commands::create_space(app, actor, fields);
    if (!slug) return tl::unexpected(slug.error());
    if (auto space = spaces::commands::space_for_viewer(app, *slug, actor.user_id)) space_ids[*slug] = space->space.id;
    for (std::size_t i = 1; i < members.size(); ++i) {
      const auto& m = members.at(i).as_array();
      auto r = spaces::commands::set_role(app, ids[std::string(m.at(0).as_string())], *slug,
                                          std::string(m.at(1).as_string()));
      if (!r) return tl::unexpected(r.error());
    }
  }
  // A learning event with the shape of the one this product comes from: an opening word
  // cloud, three talks, questions, and a poll to choose what the small groups discuss.
  if (auto* ev = doc.if_contains("event")) {
    const auto& e = ev->as_object();
    events::EventInput input{str(e, "title"), str(e, "description"), str(e, "starts"), str(e, "ends")};
    auto event_id = events::commands::create_event(app, space_ids[str(e, "space")], ids[str(e, "creator")], input);
    if (!event_id) return tl::unexpected(event_id.error());
    for (const auto& it : e.at("items").as_array()) {
      const auto& o = it.as_object();
      events::ItemInput item;
      item.kind = str(o, "kind");
      item.title = str(o, "title");
      item.summary = str(o, "summary");
      item.speakers = str(o, "speakers");
      item.key_messages = str(o, "key_messages");
      item.content_note = str(o, "content_note");
      item.options = str(o, "options");
      auto added = events::commands::add_item(app, *event_id, item);
      if (!added) return tl::unexpected(added.error());
    }
  }
  return summary(app, doc);
}

}  // namespace hs::demo
