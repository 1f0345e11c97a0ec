#include "modules/events/live.hpp"

#include <cmath>
#include <string_view>
#include <unordered_map>

#include <boost/json.hpp>

#include "modules/events/commands/commands.hpp"
#include "modules/events/handlers/common.hpp"
#include "web/render.hpp"
#include "store/db.hpp"
#include "web/app.hpp"
#include "web/coalescer.hpp"

namespace hs::events::live {

namespace {
// The server's one coalescer (app.live), kept for changed(), which commands call after
// commit without an App at hand.
web::Coalescer* g_coalescer = nullptr;

std::vector<std::pair<std::string, Part>>& parts() {
  static std::vector<std::pair<std::string, Part>> registered;
  return registered;
}

// The other modules' parts, added to a snapshot.
std::string with_parts(web::App& app, std::int64_t event_id, boost::json::object& o) {
  for (const auto& [key, part] : parts()) {
    auto text = part(app, event_id);
    if (!text.empty()) o[key] = boost::json::parse(text);
  }
  return boost::json::serialize(o);
}
}  // namespace

void add_part(std::string key, Part part) { parts().emplace_back(std::move(key), std::move(part)); }

namespace {
std::vector<LinkSource>& link_sources() {
  static std::vector<LinkSource> registered;
  return registered;
}
}  // namespace

void add_page_link(LinkSource source) { link_sources().push_back(std::move(source)); }

std::vector<PageLink> page_links(web::App& app, std::int64_t event_id) {
  std::vector<PageLink> out;
  for (const auto& source : link_sources())
    if (auto link = source(app, event_id)) out.push_back(std::move(*link));
  return out;
}

std::string topic(std::int64_t event_id) { return "event:" + std::to_string(event_id); }

void start(web::App& app) {
  if (!app.live) return;
  auto& c = *app.live;
  g_coalescer = &c;
  web::App* a = &app;
  c.on("event:", [a](const std::string& t) {
    std::int64_t id = 0;
    try {
      id = std::stoll(t.substr(6));
    } catch (const std::exception&) {
      return std::string("{}");
    }
    return snapshot(*a, id);
  });
}

void changed(std::int64_t event_id) {
  if (g_coalescer) g_coalescer->changed(topic(event_id));
}

std::string snapshot(web::App& app, std::int64_t event_id) {
  namespace json = boost::json;
  json::object o;
  o["event"] = event_id;
  auto e = app.store->with([&](store::Conn& c) { return repo::event_by_id(c, event_id); });
  if (!e) return json::serialize(o);
  o["title"] = e->title;
  auto cur = commands::current(app, *e, std::nullopt, false, QuestionSort::votes);
  if (!cur) {
    o["current"] = nullptr;
    return with_parts(app, event_id, o);
  }
  json::object it;
  it["id"] = cur->item.id;
  it["kind"] = cur->item.kind;
  it["title"] = cur->item.title;
  it["state"] = cur->item.state;
  it["revealed"] = cur->item.revealed;
  it["responses"] = cur->responses;
  if (cur->item.content_note) it["content_note"] = *cur->item.content_note;
  if (cur->item.kind == "poll") {
    json::array opts;
    for (const auto& c : cur->tally.counts) {
      json::object x;
      x["id"] = c.option_id;
      x["label"] = c.label;
      if (cur->item.revealed) {
        x["votes"] = c.votes;
        x["percent"] = c.percent;
      }
      opts.push_back(std::move(x));
    }
    it["options"] = std::move(opts);
  } else if (cur->item.kind == "qa") {
    // No asker's name: the channel goes to everyone who can open the event, kept open
    // past a change of standing, and its snapshot is shared; the page shows a named
    // question's asker, and live.js only updates the counts beside it.
    json::array qs;
    for (const auto& q : cur->questions) {
      json::object x;
      x["id"] = q.id;
      x["body"] = q.body;
      x["votes"] = q.votes;
      x["answered"] = q.answered;
      qs.push_back(std::move(x));
    }
    it["questions"] = std::move(qs);
  } else if (cur->item.kind == "cloud") {
    // Compact, because it goes to every phone up to 5 times a second: each word is
    // [text, count], and the picture places words by their index in that list as
    // [index, x, y, size, advance, rotate]. About half the bytes of named fields.
    json::array ws;
    std::unordered_map<std::string_view, std::size_t> index;
    for (const auto& w : cur->cloud) {
      index.emplace(w.key, ws.size());
      ws.push_back(json::array{json::value(w.text), json::value(w.count)});
    }
    it["words"] = std::move(ws);
    it["summary"] = handlers::cloud_summary(app, cur->responses, cur->cloud);
    // The picture as data: live.js redraws the SVG's text elements with textContent, so
    // no markup travels and nothing is parsed. Its label names the first 30 placed words
    // after this prefix, as the page's does.
    if (cur->cloud_picture) {
      const auto& p = *cur->cloud_picture;
      json::object pic;
      pic["width"] = p.layout.width;
      pic["height"] = p.layout.height;
      pic["label"] = app.renderer->format("events_cloud_label", {{"title", cur->item.title}});
      json::array placed;
      for (const auto& w : p.layout.words) {
        auto at = index.find(w.id);
        if (at == index.end()) continue;  // not among the shown words: never drawn
        placed.push_back(json::array{json::value(at->second), json::value(w.x), json::value(w.y),
                                     json::value(std::round(w.size * 100) / 100),
                                     json::value(std::round(w.advance * 100) / 100), json::value(w.rotate)});
      }
      pic["placed"] = std::move(placed);
      it["picture"] = std::move(pic);
    }
  }
  o["current"] = std::move(it);
  return with_parts(app, event_id, o);
}

}  // namespace hs::events::live
