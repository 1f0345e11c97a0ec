// GET /spaces/{slug}/audit/heads.atom: the newest signed tree heads as an Atom feed, so
// auditors (their feed readers, or a script) keep copies of the log's history outside
// this server. Each entry carries the head exactly as GET .../audit/head gives it,
// ready for `humanspace audit verify --head`. Readable by whoever may read the log.
#include "core/dates.hpp"
#include "core/number.hpp"
#include "core/text.hpp"
#include "modules/audit/commands/commands.hpp"
#include "modules/audit/handlers/common.hpp"
#include "modules/audit/handlers/handlers.hpp"
#include "modules/audit/permissions.hpp"
#include "web/render.hpp"

namespace hs::audit::handlers {

using web::Context;
using web::Response;

namespace {

// Enough for a day of a busy log signed every few minutes; older heads are in the export.
constexpr std::int64_t kFeedHeads = 100;

}  // namespace

Response heads_feed(Context& c) {
  auto l = load_space(c);
  // A feed reader comes with the person's own key instead of a session: the space is
  // looked up as that person would see it, and the key must be theirs for that space.
  if (const auto key = c.query_param("key"); !c.viewer && !key.empty()) {
    auto uid = number::whole(key.substr(0, key.find('.'))).value_or(0);
    auto as = uid > 0 ? load_space_as(c, uid, false) : std::nullopt;
    if (as && feed_key_owner(c.app, as->space.id, key) == uid) l = std::move(as);
  }
  if (!l) return not_found(c);
  if (!permissions::view_log(l->subject)) return denied(c);
  const auto& r = *c.app.renderer;
  const auto heads = commands::recent_heads(c.app, l->space.id, kFeedHeads);
  const std::string base = "/spaces/" + l->space.slug + "/audit";
  // Ids name the space's key, not this server's address, so they stay the same
  // whichever address the feed is read through.
  const std::string id = "urn:humanspace:audit:" + std::to_string(l->space.id) + ":" +
                         (heads.empty() ? std::string("unsigned") : heads.front().public_key);

  std::string out = "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<feed xmlns=\"http://www.w3.org/2005/Atom\">\n";
  text::append_xml_element(out, "title", r.format("audit_feed_title", {{"space", l->space.name}}));
  text::append_xml_element(out, "id", id);
  out += "<link rel=\"self\" type=\"application/atom+xml\" href=\"" +
         text::xml_escape(c.absolute_url(base + "/heads.atom")) + "\"/>\n";
  out += "<link rel=\"alternate\" type=\"text/html\" href=\"" + text::xml_escape(c.absolute_url(base)) + "\"/>\n";
  // Atom needs an updated time even before anything is signed.
  text::append_xml_element(
      out, "updated",
      dates::format(heads.empty() ? c.app.clock->now() : heads.front().timestamp, dates::Style::rfc3339));
  out += "<author>";
  text::append_xml_element(out, "name", l->space.name);
  out += "</author>\n";
  for (const auto& h : heads) {
    const std::vector<std::pair<std::string, std::string>> args = {
        {"space", l->space.name}, {"size", std::to_string(h.size)}, {"time", utc_time(h.timestamp)}, {"root", h.root}};
    out += "<entry>\n";
    text::append_xml_element(out, "id", id + ":" + std::to_string(h.size) + ":" + h.root);
    text::append_xml_element(out, "title", r.format("audit_feed_entry_title", args));
    text::append_xml_element(out, "updated", dates::format(h.timestamp, dates::Style::rfc3339));
    out += "<link rel=\"alternate\" type=\"application/json\" href=\"" +
           text::xml_escape(c.absolute_url(base + "/proof/consistency?from=0&to=" + std::to_string(h.size))) + "\"/>\n";
    text::append_xml_element(out, "summary", r.format("audit_feed_entry_summary", args));
    out += "<content type=\"application/json\">";
    out += text::xml_escape(head_json(h));
    out += "</content>\n</entry>\n";
  }
  out += "</feed>\n";

  Response res;
  res.body = std::move(out);
  res.set("Content-Type", "application/atom+xml; charset=utf-8");
  res.set("Cache-Control", "no-store");
  return res;
}

}  // namespace hs::audit::handlers
