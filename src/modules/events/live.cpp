#include "modules/events/live.hpp"

#include "modules/events/floor.hpp"

#include <boost/json.hpp>

#include <algorithm>
#include <cmath>
#include <string_view>
#include <unordered_map>

#include "core/crypto.hpp"
#include "modules/events/commands/commands.hpp"
#include "modules/events/floor.hpp"
#include "modules/events/repo.hpp"
#include "services/coalescer.hpp"
#include "services/services.hpp"
#include "store/db.hpp"

namespace hs::events::live {

namespace {
// What other modules registered with this server at start-up (Services::kept).
struct Registered {
  std::vector<std::pair<std::string, Part>> parts;
  std::vector<LinkSource> page_links;
  std::vector<ToolSource> tool_links;
};

// The other modules' parts, added to a snapshot.
std::string with_parts(Services& app, std::int64_t event_id, boost::json::object& o) {
  // Each speaking queue's version (room "0" is the main room, others breakout groups): a
  // page showing a queue fetches itself again when its version moves.
  boost::json::object floors;
  for (const auto& [room, version] : floor::versions(app, event_id)) floors[std::to_string(room)] = version;
  o["floors"] = std::move(floors);
  for (const auto& [key, part] : app.kept<Registered>().parts) {
    auto text = part(app, event_id);
    if (!text.empty()) o[key] = boost::json::parse(text);
  }
  return boost::json::serialize(o);
}

}  // namespace

// What a page draws, as a short signature: a page whose signature changes fetches itself
// again and swaps what changed (static/js/live.js). Word clouds are left out: live.js
// draws their words in place, and a page fetch per word would cost a crowd dear.
std::string page_signature(const commands::Current* cur) {
  if (!cur) return crypto::sha256_hex("none").substr(0, 16);
  const auto& it = cur->item;
  std::string text = std::to_string(it.id) + ":" + it.state + ":" + (it.revealed ? "r" : "-");
  if (it.kind == "poll" && it.revealed)
    for (const auto& c : cur->tally.counts) text += ":" + std::to_string(c.votes);
  // By id, not as listed: a page may list questions by time, the channel by votes; a
  // change of votes changes the signature either way.
  std::vector<std::string> qs;
  for (const auto& q : cur->questions)
    if (q.status == "visible")
      qs.push_back(std::to_string(q.id) + "=" + std::to_string(q.votes) + (q.answered ? "a" : ""));
  std::sort(qs.begin(), qs.end());
  for (const auto& q : qs) text += ";" + q;
  return crypto::sha256_hex(text).substr(0, 16);
}

// What only those who run the event see (the agenda's states, counts before the reveal,
// questions awaiting moderation, held and hidden words) is hashed with a secret of this
// process: the signature tells the channel's listeners only that something changed.
std::string spread_signature(std::int64_t contributions) {
  static const std::string secret = crypto::random_token(32);
  return crypto::sha256_hex(secret + "|" + std::to_string(contributions)).substr(0, 16);
}

std::string staff_signature(const std::vector<repo::ItemRow>& agenda, const commands::Current* cur) {
  static const std::string secret = crypto::random_token(32);
  std::string text = secret + "|";
  for (const auto& it : agenda) text += std::to_string(it.id) + ":" + it.state + ":" + (it.revealed ? "r" : "-") + ";";
  if (cur) {
    text += "|" + page_signature(cur) + "|";
    for (const auto& c : cur->tally.counts) text += std::to_string(c.option_id) + "=" + std::to_string(c.votes) + ";";
    for (const auto& q : cur->questions)
      text += std::to_string(q.id) + q.status + (q.answered ? "a" : "-") + std::to_string(q.votes) + ";";
    for (const auto& g : cur->cloud_groups)
      if (g.status != "shown") text += g.key + "=" + g.status + ";";
    // The question shown on the screen: the presenter draws it large, and it is marked on
    // the run page; phones show nothing of it, so their pages are not fetched for it.
    if (cur->item.kind == "qa" && cur->item.shown_question_id)
      text += "|s" + std::to_string(*cur->item.shown_question_id);
  }
  return crypto::sha256_hex(text).substr(0, 16);
}

void add_part(Services& app, std::string key, Part part) {
  auto& parts = app.kept<Registered>().parts;
  for (auto& [k, p] : parts)
    if (k == key) {
      p = std::move(part);  // registering again replaces
      return;
    }
  parts.emplace_back(std::move(key), std::move(part));
}

void add_page_link(Services& app, LinkSource source) { app.kept<Registered>().page_links.push_back(std::move(source)); }

std::vector<PageLink> page_links(Services& app, std::int64_t event_id) {
  std::vector<PageLink> out;
  for (const auto& source : app.kept<Registered>().page_links)
    if (auto link = source(app, event_id)) out.push_back(std::move(*link));
  return out;
}

void add_tool_link(Services& app, ToolSource source) { app.kept<Registered>().tool_links.push_back(std::move(source)); }

std::vector<PageLink> tool_links(Services& app, std::int64_t event_id, Standing standing) {
  std::vector<PageLink> out;
  for (const auto& source : app.kept<Registered>().tool_links)
    if (auto link = source(app, event_id, standing)) out.push_back(std::move(*link));
  return out;
}

std::string topic(std::int64_t event_id) { return "event:" + std::to_string(event_id); }

void start(Services& app) {
  if (!app.live) return;
  auto& c = *app.live;
  Services* a = &app;
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

void changed(Services& app, std::int64_t event_id) {
  if (app.live) app.live->changed(topic(event_id));
}

std::string snapshot(Services& app, std::int64_t event_id) {
  namespace json = boost::json;
  json::object o;
  o["event"] = event_id;
  auto e = app.store->with([&](store::Conn& c) { return repo::event_by_id(c, event_id); });
  if (!e) return json::serialize(o);
  o["title"] = e->title;
  // Built once as those who run the event see it (pending and hidden questions, every
  // word group), then only the public part is written out; the rest is in `staff`.
  auto cur = commands::current(app, *e, std::nullopt, true, QuestionSort::votes);
  o["sig"] = page_signature(cur ? &*cur : nullptr);
  o["staff"] = staff_signature(commands::agenda(app, event_id), cur ? &*cur : nullptr);
  o["spread"] =
      spread_signature(app.store->with([&](store::Conn& c) { return repo::contribution_total(c, event_id); }));
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
      if (q.status != "visible") continue;  // awaiting moderation or hidden: never on it
      json::object x;
      x["id"] = q.id;
      x["body"] = q.body;
      x["votes"] = q.votes;
      x["answered"] = q.answered;
      qs.push_back(std::move(x));
    }
    it["questions"] = std::move(qs);
    // The question shown large on the presenter, if it is still visible.
    bool shown = false;
    for (const auto& q : cur->questions)
      shown = shown || (q.status == "visible" && q.id == cur->item.shown_question_id);
    if (shown) it["shown"] = *cur->item.shown_question_id;
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
    it["summary"] = commands::cloud_summary(app, cur->responses, cur->cloud);
    // The picture as data: live.js redraws the SVG's text elements with textContent, so
    // no markup travels and nothing is parsed. Its label names the first 30 placed words
    // after this prefix, as the page's does.
    if (cur->cloud_picture) {
      const auto& p = *cur->cloud_picture;
      json::object pic;
      pic["width"] = p.layout.width;
      pic["height"] = p.layout.height;
      pic["label"] = app.words->format("events_cloud_label", {{"title", cur->item.title}});
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
