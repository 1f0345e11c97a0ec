// A person's conversations data: "download my data" gives back every post they wrote
// (anonymous ones too: they are theirs), with earlier versions, their notification
// choices and their notifications; erasure removes their posts' words (others' replies
// stay, under "removed by its author") and everything kept about them.
#include <boost/json.hpp>

#include "modules/conversations/commands/commands.hpp"
#include "store/db.hpp"

namespace hs::conversations::commands {

std::string export_person(Services&, store::Conn& c, std::int64_t user_id) {
  namespace json = boost::json;
  json::array posts;
  for (const auto& p : repo::posts_by(c, user_id)) {
    json::object x;
    x["post"] = p.id;
    x["conversation"] = p.conversation_id;
    x["space"] = p.space_id;
    x["opening"] = p.opening;
    if (p.opening)
      if (auto conv = repo::conversation(c, p.conversation_id)) {
        x["title"] = conv->title;
        x["kind"] = conv->kind;
      }
    x["anonymous"] = p.anonymous;
    x["state"] = p.state;
    x["text"] = p.body;
    if (p.content_note) x["content_note"] = *p.content_note;
    if (p.hide_reason) x["hide_reason"] = *p.hide_reason;
    x["at"] = p.created_at;
    json::array earlier;
    for (const auto& v : repo::versions(c, p.id)) {
      json::object y;
      y["version"] = v.version;
      if (v.title) y["title"] = *v.title;
      y["text"] = v.body;
      if (v.content_note) y["content_note"] = *v.content_note;
      y["at"] = v.created_at;
      earlier.push_back(std::move(y));
    }
    x["earlier_versions"] = std::move(earlier);
    posts.push_back(std::move(x));
  }
  json::array notes;
  for (const auto& n : repo::notifications_of(c, user_id, 1000)) {
    json::object x;
    x["conversation"] = n.conversation_id;
    x["post"] = n.post_id;
    x["reason"] = n.reason;
    x["at"] = n.created_at;
    notes.push_back(std::move(x));
  }
  json::object out;
  out["posts"] = std::move(posts);
  out["notifications"] = std::move(notes);
  return json::serialize(out);
}

void erase_person(store::Conn& c, std::int64_t user_id) { repo::erase_person(c, user_id); }

}  // namespace hs::conversations::commands
