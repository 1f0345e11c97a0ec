// GET /spaces/{slug}/stories: the stories this person may read, newest first, or with
// ?q= those that match a search (filtered by topic, organisation and status, paged); and
// /stories/mine (their own, withdrawn ones too) with its JSON download.
#include <algorithm>

#include "core/number.hpp"
#include "core/text.hpp"
#include "modules/stories/handlers/common.hpp"
#include "modules/stories/handlers/handlers.hpp"
#include "web/parse.hpp"
#include "web/render.hpp"

namespace hs::stories::handlers {

using web::Context;
using web::Response;
using web::View;

namespace {

View option(const std::string& value, const std::string& label, bool selected) {
  View o;
  o.set("value", value);
  o.set("label", label);
  if (selected) o.set("selected", true);
  return o;
}

// The search box and its filters, keeping what was asked.
commands::SearchInput search_input(Context& c) {
  commands::SearchInput in;
  in.words = std::string(text::trim(c.query_param("q")));
  in.topic = std::string(c.query_param("topic"));
  in.organisation_id = number::id(c.query_param("organisation")).value_or(0);
  in.status = std::string(c.query_param("status"));
  in.page = number::whole(c.query_param("page")).value_or(1);
  return in;
}

// 1000 as "1,000".
std::string grouped(std::int64_t n) {
  const auto digits = std::to_string(n);
  std::string out;
  for (std::size_t i = 0; i < digits.size(); ++i) {
    if (i > 0 && (digits.size() - i) % 3 == 0) out += ',';
    out += digits[i];
  }
  return out;
}

std::string search_href(const Space& s, const commands::SearchInput& in, std::int64_t page) {
  std::string q = "?q=" + web::percent_encode(in.words);
  if (!in.topic.empty()) q += "&topic=" + web::percent_encode(in.topic);
  if (in.organisation_id > 0) q += "&organisation=" + std::to_string(in.organisation_id);
  if (!in.status.empty()) q += "&status=" + web::percent_encode(in.status);
  if (page > 1) q += "&page=" + std::to_string(page);
  return stories_path(s, q);
}

void set_search(Context& c, View& v, const Space& s, const commands::SearchInput& in) {
  const auto space_id = s.space().id;
  View search;
  search.set("action", stories_path(s));
  search.set("q", in.words);
  View topics = View::list();
  topics.push(option("", c.t("stories_search_any_topic"), in.topic.empty()));
  auto known = commands::readable_topics(c.app, space_id, s.subject, viewer_id(c));
  // A topic chosen from an older page stays chosen (the list holds recent stories' topics).
  if (!in.topic.empty() && std::find(known.begin(), known.end(), in.topic) == known.end() &&
      text::valid_utf8(in.topic) && in.topic.size() <= kTopicMax * 4)
    known.push_back(in.topic);
  for (const auto& t : known) topics.push(option(t, t, t == in.topic));
  search.set("topics", std::move(topics));
  View orgs = View::list();
  orgs.push(option("", c.t("stories_search_any_organisation"), in.organisation_id == 0));
  for (const auto& o : commands::organisations(c.app, space_id))
    orgs.push(option(std::to_string(o.id), o.name, o.id == in.organisation_id));
  search.set("organisations", std::move(orgs));
  View statuses = View::list();
  statuses.push(option("", c.t("stories_search_any_status"), in.status.empty()));
  std::vector<std::string> kinds = {"responded", "awaiting"};
  if (s.subject.signed_in && s.subject.role == spaces::Role::facilitator) kinds.push_back("held");
  for (const auto& k : kinds) statuses.push(option(k, c.t("stories_search_status_" + k), k == in.status));
  search.set("statuses", std::move(statuses));
  v.set("search", std::move(search));
}

}  // namespace

Response stories_index(Context& c) {
  auto s = spaces::space_in_path(c);
  if (!s) return not_found(c);
  if (!permissions::view_stories(s->subject)) return forbidden(c);
  View v = spaces::space_page(c, *s, "stories_index_title");
  const auto in = search_input(c);
  set_search(c, v, *s, in);
  View list = View::list();
  auto found = commands::search(c.app, s->space().id, s->subject, viewer_id(c), in);
  if (found.searched) {
    for (const auto& st : found.stories) list.push(story_view(c, *s, st, false));
    View result;
    result.set("words", in.words);
    result.set("has_words", !in.words.empty());
    if (found.stories.empty()) result.set("none", true);
    if (found.window_full)
      result.set("window", c.app.renderer->format("stories_search_window", {{"window", grouped(commands::kSearchWindow)}}));
    if (found.page > 1) result.set("previous_href", search_href(*s, in, found.page - 1));
    if (found.more) result.set("next_href", search_href(*s, in, found.page + 1));
    result.set("has_pages", found.page > 1 || found.more);
    result.set("page", found.page);
    result.set("clear_href", stories_path(*s));
    v.set("searched", std::move(result));
  } else {
    for (const auto& st : commands::readable(c.app, s->space().id, s->subject, viewer_id(c)))
      list.push(story_view(c, *s, st, false));
  }
  if (!list.items().empty()) v.set("stories", std::move(list));
  v.set("can_write", permissions::write_story(s->subject));
  v.set("new_href", stories_path(*s, "/new"));
  v.set("mine_href", stories_path(*s, "/mine"));
  v.set("signed_in", c.viewer.has_value());
  v.set("can_manage_partners", permissions::manage_partners(s->subject));
  v.set("partners_href", stories_path(*s, "/partners"));
  v.set("consent_href", stories_path(*s, "/consent"));
  if (s->subject.role == spaces::Role::partner)
    if (auto org = commands::partner_organisation(c.app, s->space().id, viewer_id(c)))
      v.set("my_organisation", org->name);
  auto notice = c.query_param("notice");
  if (notice == "withdrawn") v.set("notice", c.t("stories_notice_withdrawn"));
  return c.page("stories/index", v);
}

Response mine_index(Context& c) {
  auto s = spaces::space_in_path(c);
  if (!s) return not_found(c);
  if (!c.viewer) return c.need_signin();
  View v = spaces::space_page(c, *s, "stories_mine_title");
  View list = View::list();
  const auto mine = commands::mine(c.app, s->space().id, s->subject, viewer_id(c));
  std::vector<std::int64_t> standing;
  for (const auto& st : mine)
    if (st.facts.status != Status::withdrawn) standing.push_back(st.row.id);
  auto notes = commands::story_notes(c.app, s->space().id, standing);
  for (const auto& st : mine) {
    auto item = story_view(c, *s, st, false);
    if (st.facts.status == Status::withdrawn) item.set("href", "");
    if (auto it = notes.find(st.row.id); it != notes.end()) {
      View lines = View::list();
      for (const auto& line : it->second) lines.push(View(line));
      item.set("notes", std::move(lines));
      item.set("has_notes", true);
    }
    list.push(std::move(item));
  }
  if (!list.items().empty()) v.set("stories", std::move(list));
  v.set("download_href", stories_path(*s, "/mine.json"));
  v.set("stories_href", stories_path(*s));
  return c.page("stories/mine", v);
}

Response mine_download(Context& c) {
  auto s = spaces::space_in_path(c);
  if (!s) return not_found(c);
  if (!c.viewer) return c.need_signin();
  Response res;
  res.body = commands::export_stories(c.app, s->space().id, viewer_id(c));
  res.set("Content-Type", "application/json; charset=utf-8");
  res.set("Content-Disposition", "attachment; filename=\"" + s->space().slug + "-my-stories.json\"");
  res.set("Cache-Control", "no-store");
  return res;
}

}  // namespace hs::stories::handlers
