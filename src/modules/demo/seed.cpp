// The demo community: invented people and places, described in resources/demo/community.json.
#include <boost/json.hpp>

#include <map>
#include <vector>

#include "core/dates.hpp"
#include "core/embedded.hpp"
#include "core/text.hpp"
#include "modules/accounts/module.hpp"
#include "modules/actions/module.hpp"
#include "modules/breakouts/module.hpp"
#include "modules/conversations/module.hpp"
#include "modules/demo/module.hpp"
#include "modules/equity/module.hpp"
#include "modules/events/module.hpp"
#include "modules/involvement/module.hpp"
#include "modules/report/module.hpp"
#include "modules/spaces/module.hpp"
#include "modules/stories/module.hpp"
#include "modules/vision/module.hpp"
#include "services/services.hpp"
#include "store/db.hpp"
#include "web/app.hpp"

namespace hs::demo {

namespace json = boost::json;

Result<bool> seed_event_activity(Services& app, std::int64_t event_id, std::int64_t facilitator_id,
                                 const boost::json::object& e);
// resources/demo/vision.json: a finished Three Horizons board and an answered opinion map.
Result<bool> seed_vision(Services& app, std::map<std::string, std::int64_t>& ids,
                         std::map<std::string, std::int64_t>& space_ids);
// resources/demo/library.json: a small library, and conversations linked to an event.
Result<bool> seed_library(Services& app, std::map<std::string, std::int64_t>& ids,
                          std::map<std::string, std::int64_t>& space_ids);

// resources/demo/people.json: people who can connect, and messages between them.
Result<bool> seed_people(Services& app, std::map<std::string, std::int64_t>& ids,
                         std::map<std::string, std::int64_t>& space_ids);
std::string people_space();

namespace {

std::string str(const json::object& o, const char* key) {
  auto* v = o.if_contains(key);
  return v && v->is_string() ? std::string(v->as_string()) : std::string();
}

// The demo is the one module that knows how the server is reached (its address).
std::string summary(web::App& app, const json::object& demo) {
  std::string out = "\nDemo community: " + str(demo, "organisation") + " (invented people and places)\n";
  // Where people reach this server: --base-url, else the address it listens on.
  std::string site = app.base_url;
  if (site.empty())
    site = "http://" + (app.config.listen.starts_with("127.0.0.1:") ? "localhost" + app.config.listen.substr(9)
                                                                    : app.config.listen);
  out += "Sign in at " + site + "/signin as any of these:\n";
  for (const auto& p : demo.at("people").as_array()) {
    const auto& o = p.as_object();
    out += "  " + str(o, "email") + "  " + str(o, "name") + ": " + str(o, "what") + "\n";
  }
  out += "Password for every demo account: " + str(demo, "password") + "\n";
  if (auto* ev = demo.if_contains("event")) {
    auto slug = str(ev->as_object(), "space");
    if (auto space = spaces::commands::space_for_viewer(app, slug, 0))
      for (const auto& e : events::commands::events_of_space(app, space->space.id))
        out += "Demo event \"" + e.title + "\": join without an account at " + site + "/join with code " + e.join_code +
               "\n";
  }
  if (auto* st = demo.if_contains("stories"))
    out += "Demo stories (named, under a pseudonym and anonymous) and partners' responses: " + site + "/spaces/" +
           str(st->as_object(), "space") + "/stories\n";
  if (auto* eq = demo.if_contains("equality"))
    out += "Demo equality report (counts, and \"fewer than 5\" where they are small; as a steward or facilitator): " +
           site + "/spaces/" + str(eq->as_object(), "space") + "/equality\n";
  if (auto* iv = demo.if_contains("involvement"))
    out += "Demo paid involvement (a rate card, opportunities, claims in every state, a paid batch): " + site +
           "/spaces/" + str(iv->as_object(), "space") + "/involvement\n";
  if (auto* cv = demo.if_contains("conversations")) {
    const auto totals = conversations::totals(app);
    out +=
        "Demo conversations (learning, a challenge, an idea and a question: " + std::to_string(totals.conversations) +
        " conversations, " + std::to_string(totals.posts) +
        " posts with replies and mentions; each person's notifications set differently): " + site + "/spaces/" +
        str(cv->as_object(), "space") + "/conversations\n";
    out += "Demo library (a PDF, a picture and links shared from conversations): " + site + "/spaces/" +
           str(cv->as_object(), "space") + "/library\n";
  }
  out += "Demo people who can connect (four members listed; a message answered, so both addresses are shared, and one "
         "waiting), and searching conversations: " +
         site + "/spaces/" + people_space() + "/conversations/people and " + site + "/spaces/" + people_space() +
         "/conversations/search?q=nervous\n";
  if (auto* di = demo.if_contains("drop_in"))
    out += "Demo speaking queue in a breakout group (hands up, progressive stack, go-round; as " +
           str(di->as_object(), "creator") + " who hosts the group, or a member in it): " + site + "/spaces/" +
           str(di->as_object(), "space") + "/events\n";
  {
    // The shared vision's data is its own file (resources/demo/vision.json).
    const auto vision = json::parse(embedded::get("resources/demo/vision.json")).as_object();
    const auto slug = str(vision.at("board").as_object(), "space");
    out +=
        "Demo shared vision (a finished Three Horizons board on gambling harm with its three-curves picture; an "
        "opinion map with two groups and common ground; on the learning event's agenda, a board and a map the room "
        "finished, both in its report): " +
        site + "/spaces/" + slug + "/vision and " + site + "/spaces/" + slug + "/opinions\n";
  }
  if (auto* ac = demo.if_contains("actions"))
    out += "Demo \"You said, we did\" (actions in every status, public): " + site + "/spaces/" +
           str(ac->as_object(), "space") + "/actions\n";
  return out;
}

// Stories in the forum as they stand after a while: partner organisations with a partner
// who answers for one, and stories shared with a name, under a pseudonym and anonymously,
// some answered and replied to.
Result<bool> seed_stories(Services& app, const json::object& st, std::map<std::string, std::int64_t>& ids,
                          std::map<std::string, std::int64_t>& space_ids, std::vector<std::int64_t>& story_ids) {
  const auto space_id = space_ids[str(st, "space")];
  const auto steward = ids[str(st, "steward")];
  std::map<std::string, std::int64_t> orgs;
  for (const auto& o : st.at("organisations").as_array()) {
    auto id = stories::list_organisation(app, space_id, steward, std::string(o.as_string()));
    if (!id) return fail(id.error());
    orgs[std::string(o.as_string())] = *id;
  }
  for (const auto& p : st.at("partners").as_array()) {
    const auto& pair = p.as_array();
    if (auto r = stories::add_partner(app, space_id, steward, std::string(pair.at(0).as_string()),
                                      orgs[std::string(pair.at(1).as_string())]);
        !r)
      return fail(r.error());
  }
  for (const auto& s : st.at("stories").as_array()) {
    const auto& o = s.as_object();
    stories::NewStory n{str(o, "title"),    str(o, "body"),     str(o, "content_note"), str(o, "topics"),
                        str(o, "audience"), str(o, "shown_as"), str(o, "pseudonym"),    {}};
    for (const auto& a : o.at("about").as_array()) n.about.push_back(orgs[std::string(a.as_string())]);
    auto id = stories::share_story(app, space_id, ids[str(o, "author")], n);
    if (!id) return fail(id.error());
    story_ids.push_back(*id);
    for (const auto& r : o.at("responses").as_array()) {
      const auto& pair = r.as_array();
      if (auto a = stories::answer_story(app, *id, ids[std::string(pair.at(0).as_string())],
                                         std::string(pair.at(1).as_string()));
          !a)
        return fail(a.error());
    }
  }
  return true;
}

// The community of practice talking between meetings: each person's notification choices
// (set first, so that what they are told follows them), then a conversation of each kind
// with replies, some mentioning others.
Result<bool> seed_conversations(Services& app, const json::object& cv, std::map<std::string, std::int64_t>& ids,
                                std::map<std::string, std::int64_t>& space_ids) {
  const auto space_id = space_ids[str(cv, "space")];
  for (const auto& c : cv.at("choices").as_array()) {
    const auto& a = c.as_array();
    if (auto ok =
            conversations::choose_notifications(app, space_id, ids[std::string(a.at(0).as_string())],
                                                std::string(a.at(1).as_string()), std::string(a.at(2).as_string()));
        !ok)
      return fail(ok.error());
  }
  for (const auto& c : cv.at("conversations").as_array()) {
    const auto& o = c.as_object();
    auto id =
        conversations::start_conversation(app, space_id, ids[str(o, "author")],
                                          {str(o, "kind"), str(o, "title"), str(o, "body"), str(o, "content_note")});
    if (!id) return fail(id.error());
    for (const auto& r : o.at("replies").as_array()) {
      const auto& pair = r.as_array();
      if (auto ok = conversations::reply(app, *id, ids[std::string(pair.at(0).as_string())],
                                         std::string(pair.at(1).as_string()));
          !ok)
        return fail(ok.error());
    }
  }
  return true;
}

// The forum's own meeting, whose report's themes an action is raised from.
Result<std::map<std::string, std::int64_t>> seed_forum_event(Services& app, const json::object& e,
                                                             std::map<std::string, std::int64_t>& ids,
                                                             std::int64_t space_id) {
  events::EventInput input;
  input.title = str(e, "title");
  input.description = str(e, "description");
  input.starts = str(e, "starts");
  input.ends = str(e, "ends");
  auto event_id = events::commands::create_event(app, space_id, ids[str(e, "creator")], input, str(e, "support"));
  if (!event_id) return fail(event_id.error());
  if (auto r = seed_event_activity(app, *event_id, ids[str(e, "creator")], e); !r) return fail(r.error());
  std::map<std::string, std::int64_t> themes;
  for (const auto& t : breakouts::commands::themes(app, *event_id).themes) themes[t.theme.title] = t.theme.id;
  return themes;
}

// "You said, we did" after a few months: actions raised from the demo stories in every
// status, and one from a theme of the report of the forum's own meeting; the page public.
Result<bool> seed_actions(Services& app, const json::object& ac, std::map<std::string, std::int64_t>& ids,
                          std::map<std::string, std::int64_t>& space_ids, const std::vector<std::int64_t>& story_ids) {
  const auto space_id = space_ids[str(ac, "space")];
  std::map<std::string, std::int64_t> orgs;
  for (const auto& o : app.store->with([&](store::Conn& c) { return stories::organisations_of(c, space_id); }))
    orgs[o.name] = o.id;
  std::map<std::string, std::int64_t> themes;
  if (auto* e = ac.if_contains("event")) {
    auto found = seed_forum_event(app, e->as_object(), ids, space_id);
    if (!found) return fail(found.error());
    themes = std::move(*found);
  }
  for (const auto& a : ac.at("actions").as_array()) {
    const auto& o = a.as_object();
    const auto days = o.at("due_in_days").to_number<std::int64_t>();
    const auto due = days > 0 ? dates::format(app.clock->now() + days * 86400, dates::Style::day) : std::string();
    Result<std::int64_t> id = 0;
    if (o.contains("theme")) {
      auto theme = themes.find(str(o, "theme"));
      if (theme == themes.end()) return fail(ErrorCode::invalid, "demo: no such theme");
      id = actions::raise_action_from_theme(app, space_id, ids[str(o, "raised_by")], theme->second,
                                            orgs[str(o, "organisation")], str(o, "title"), str(o, "details"), due);
    } else {
      const auto index = static_cast<std::size_t>(o.at("story").to_number<std::int64_t>());
      if (index >= story_ids.size()) return fail(ErrorCode::invalid, "demo: no such story");
      id = actions::raise_action(app, space_id, ids[str(o, "raised_by")], story_ids[index],
                                 orgs[str(o, "organisation")], str(o, "title"), str(o, "details"), due);
    }
    if (!id) return fail(id.error());
    for (const auto& m : o.at("moves").as_array()) {
      const auto& step = m.as_array();
      if (auto r = actions::move_action(app, *id, ids[std::string(step.at(0).as_string())],
                                        std::string(step.at(1).as_string()), std::string(step.at(2).as_string()),
                                        std::string(step.at(3).as_string()));
          !r)
        return fail(r.error());
    }
  }
  if (auto* pub = ac.if_contains("public"); pub && pub->is_bool() && pub->as_bool())
    if (auto r = actions::set_page_public(app, space_id, ids[str(ac, "steward")], true); !r) return fail(r.error());
  return true;
}

}  // namespace

// The demo event as it looks after it happened: people joined by code and answered the
// word cloud, talked in balanced breakout groups and wrote notes (some with their names),
// and the facilitator gathered the notes into themes and wrote the report's words.
Result<bool> seed_event_activity(Services& app, std::int64_t event_id, std::int64_t facilitator_id,
                                 const boost::json::object& e) {
  auto fac = events::commands::access(app, event_id, facilitator_id, "");
  if (!fac) return fail(ErrorCode::not_found, "events_not_found");
  // Each person's access is read afresh: it holds what is on now, which moves on.
  std::map<std::string, std::string> tokens;
  std::map<std::string, events::commands::Access> people;
  auto person = [&](const std::string& nickname) -> Result<events::commands::Access> {
    auto it = tokens.find(nickname);
    if (it == tokens.end()) {
      auto joined = events::commands::join_event(app, fac->event.join_code, nickname);
      if (!joined) return fail(joined.error());
      it = tokens.emplace(nickname, joined->token).first;
    }
    auto a = events::commands::access(app, event_id, std::nullopt, it->second);
    if (!a) return fail(ErrorCode::not_found, "events_not_found");
    // Everyone the demo names was in the room on the day: the breakout round places them.
    if (a->participant_id) breakouts::commands::mark_present(app, event_id, *a->participant_id);
    people.insert_or_assign(nickname, *a);
    return *a;
  };
  if (auto* entries = e.if_contains("cloud_entries")) {
    std::int64_t cloud = 0;
    for (const auto& it : events::commands::agenda(app, event_id))
      if (it.kind == "cloud" && !cloud) cloud = it.id;
    if (cloud) {
      if (auto r = events::commands::run_item(app, event_id, cloud, "open"); !r) return fail(r.error());
      for (const auto& row : entries->as_array()) {
        const auto& pair = row.as_array();
        auto a = person(std::string(pair.at(0).as_string()));
        if (!a) return fail(a.error());
        for (const auto& w : pair.at(1).as_array())
          if (auto r = events::commands::add_entry(app, *a, cloud, std::string(w.as_string())); !r)
            return fail(r.error());
      }
      if (auto r = events::commands::run_item(app, event_id, cloud, "close"); !r) return fail(r.error());
    }
  }
  // A Three Horizons board on the agenda, taken through every stage by the room (issue 16):
  // each note [key, who, words, without their name], sorted, dot-voted, finished.
  if (auto* board = e.if_contains("board")) {
    std::int64_t item = 0;
    for (const auto& it : events::commands::agenda(app, event_id))
      if (it.kind == "horizons" && !item) item = it.id;
    if (item) {
      if (auto r = events::commands::run_item(app, event_id, item, "open"); !r) return fail(r.error());
      auto row = vision::event_board(app, fac->event, item);
      if (!row) return fail(ErrorCode::not_found, "vision_board_not_found");
      const vision::commands::Actor runner(*fac, true);
      const auto& b = board->as_object();
      std::map<std::string, std::int64_t> notes;
      for (const char* stage : {"h1", "h3", "h2"}) {
        if (std::string(stage) != "h1")
          if (auto r = vision::move_stage(app, row->space_id, row->id, runner, stage); !r) return fail(r.error());
        for (const auto& n : b.at(stage).as_array()) {
          const auto& a = n.as_array();
          auto who = person(std::string(a.at(1).as_string()));
          if (!who) return fail(who.error());
          auto id = vision::add_note(app, row->space_id, row->id, vision::commands::Actor(*who, true),
                                     std::string(a.at(2).as_string()), a.at(3).as_bool());
          if (!id) return fail(id.error());
          notes[std::string(a.at(0).as_string())] = *id;
        }
      }
      if (auto r = vision::move_stage(app, row->space_id, row->id, runner, "sort"); !r) return fail(r.error());
      for (const auto& m : b.at("sort").as_array())
        if (auto r = vision::move_note(app, row->space_id, row->id, runner,
                                       notes.at(std::string(m.as_array().at(0).as_string())),
                                       std::string(m.as_array().at(1).as_string()));
            !r)
          return fail(r.error());
      if (auto r = vision::move_stage(app, row->space_id, row->id, runner, "vote"); !r) return fail(r.error());
      for (const auto& d : b.at("dots").as_array()) {
        auto who = person(std::string(d.as_array().at(0).as_string()));
        if (!who) return fail(who.error());
        if (auto r = vision::dot(app, row->space_id, row->id, vision::commands::Actor(*who, true),
                                 notes.at(std::string(d.as_array().at(1).as_string())));
            !r)
          return fail(r.error());
      }
      if (auto r = vision::move_stage(app, row->space_id, row->id, runner, "done"); !r) return fail(r.error());
      if (auto r = events::commands::run_item(app, event_id, item, "close"); !r) return fail(r.error());
    }
  }
  // An opinion map on the agenda (issue 16): people in the room wrote its statements and
  // answered every one, one string of + - 0 each, in two groups with common ground.
  if (auto* map = e.if_contains("map")) {
    std::int64_t item = 0;
    for (const auto& it : events::commands::agenda(app, event_id))
      if (it.kind == "opinions" && !item) item = it.id;
    if (item) {
      if (auto r = events::commands::run_item(app, event_id, item, "open"); !r) return fail(r.error());
      auto row = vision::event_map(app, fac->event, item);
      if (!row) return fail(ErrorCode::not_found, "vision_map_not_found");
      std::vector<std::int64_t> statements;
      for (const auto& st : map->as_object().at("statements").as_array()) {
        auto who = person(std::string(st.as_array().at(0).as_string()));
        if (!who) return fail(who.error());
        auto id = vision::add_statement(app, row->space_id, row->id, vision::commands::Actor(*who, true),
                                        std::string(st.as_array().at(1).as_string()));
        if (!id) return fail(id.error());
        statements.push_back(*id);
      }
      for (const auto& [nickname, answers] : map->as_object().at("answers").as_object()) {
        auto who = person(std::string(nickname));
        if (!who) return fail(who.error());
        const std::string row_of(answers.as_string());
        for (std::size_t i = 0; i < row_of.size() && i < statements.size(); ++i)
          if (auto r = vision::answer(app, row->space_id, row->id, vision::commands::Actor(*who, true), statements[i],
                                      row_of[i] == '+' ? 1 : row_of[i] == '-' ? -1 : 0);
              !r)
            return fail(r.error());
      }
      if (auto r = events::commands::run_item(app, event_id, item, "close"); !r) return fail(r.error());
    }
  }
  auto first_of = [&](const char* kind) -> std::int64_t {
    for (const auto& it : events::commands::agenda(app, event_id))
      if (it.kind == kind) return it.id;
    return 0;
  };
  // The poll: people chose (option indexes), and the facilitator showed the results.
  if (auto* votes = e.if_contains("poll_votes"); votes && first_of("poll")) {
    const auto poll = first_of("poll");
    const auto options = events::commands::poll_options(app, poll);
    if (auto r = events::commands::run_item(app, event_id, poll, "open"); !r) return fail(r.error());
    for (const auto& row : votes->as_array()) {
      const auto& pair = row.as_array();
      auto a = person(std::string(pair.at(0).as_string()));
      if (!a) return fail(a.error());
      auto index = static_cast<std::size_t>(pair.at(1).as_int64());
      if (index >= options.size()) return fail(ErrorCode::invalid, "events_choice_unknown");
      if (auto r = events::commands::vote(app, *a, poll, {options[index].id}); !r) return fail(r.error());
    }
    if (auto r = events::commands::run_item(app, event_id, poll, "close"); !r) return fail(r.error());
    if (auto r = events::commands::run_item(app, event_id, poll, "reveal"); !r) return fail(r.error());
  }
  // Q&A: [asker, question, "named" | "anonymous", [who upvoted], answered].
  if (auto* questions = e.if_contains("questions"); questions && first_of("qa")) {
    const auto qa = first_of("qa");
    if (auto r = events::commands::run_item(app, event_id, qa, "open"); !r) return fail(r.error());
    for (const auto& row : questions->as_array()) {
      const auto& q = row.as_array();
      auto asker = person(std::string(q.at(0).as_string()));
      if (!asker) return fail(asker.error());
      auto id =
          events::commands::ask(app, *asker, qa, std::string(q.at(1).as_string()), q.at(2).as_string() == "anonymous");
      if (!id) return fail(id.error());
      for (const auto& voter : q.at(3).as_array()) {
        auto a = person(std::string(voter.as_string()));
        if (!a) return fail(a.error());
        if (auto r = events::commands::upvote(app, *a, qa, *id); !r) return fail(r.error());
      }
      if (q.size() > 4 && q.at(4).is_bool() && q.at(4).as_bool())
        if (auto r = events::commands::moderate_question(app, event_id, qa, *id, "answered"); !r)
          return fail(r.error());
    }
    if (auto r = events::commands::run_item(app, event_id, qa, "close"); !r) return fail(r.error());
  }
  if (auto* b = e.if_contains("breakouts")) {
    const auto& o = b->as_object();
    std::vector<std::pair<std::string, std::string>> notes;  // nickname, text
    std::vector<bool> named;
    for (const auto& n : o.at("notes").as_array()) {
      const auto& t = n.as_array();
      if (auto a = person(std::string(t.at(0).as_string())); !a) return fail(a.error());
      notes.emplace_back(std::string(t.at(0).as_string()), std::string(t.at(1).as_string()));
      named.push_back(t.at(2).as_string() == "named");
    }
    breakouts::RoundInput in{str(o, "prompts"), str(o, "min_size"), str(o, "max_size"), str(o, "duration"), "",
                             "balanced"};
    auto round = breakouts::commands::add_round(app, *fac, in);
    if (!round) return fail(round.error());
    if (auto r = breakouts::commands::assign(app, *fac, *round, breakouts::Mode::balanced); !r) return fail(r.error());
    if (auto r = breakouts::commands::start_round(app, *fac, *round); !r) return fail(r.error());
    std::vector<std::int64_t> note_ids;
    for (std::size_t i = 0; i < notes.size(); ++i) {
      auto id = breakouts::commands::add_note(app, people.at(notes[i].first), *round, notes[i].second, named[i], false);
      if (!id) return fail(id.error());
      note_ids.push_back(*id);
    }
    if (auto r = breakouts::commands::end_round(app, *fac, *round); !r) return fail(r.error());
    if (auto* themes = o.if_contains("themes")) {
      for (const auto& t : themes->as_array()) {
        const auto& pair = t.as_array();
        auto theme = breakouts::commands::add_theme(app, *fac, std::string(pair.at(0).as_string()));
        if (!theme) return fail(theme.error());
        for (const auto& n : pair.at(1).as_array()) {
          auto index = static_cast<std::size_t>(n.as_int64());
          if (index >= note_ids.size()) return fail(ErrorCode::invalid, "breakouts_note_not_found");
          if (auto r = breakouts::commands::place_note(app, *fac, note_ids[index], *theme); !r) return fail(r.error());
        }
      }
    }
  }
  if (auto* r = e.if_contains("report")) {
    const auto& o = r->as_object();
    if (auto ok = report::save_texts(app, *fac, str(o, "intro"), str(o, "next_steps")); !ok) return fail(ok.error());
  }
  return true;
}

// Paid involvement after a few months: a rate card that rose by 10 % a month ago (as NIHR's
// did), open opportunities with people interested and chosen, time confirmed and claimed,
// and claims in every state a person meets: waiting, queried, approved, refused,
// withdrawn, in a batch being paid, and paid.
Result<bool> seed_involvement(Services& app, const json::object& iv, std::map<std::string, std::int64_t>& ids,
                              std::map<std::string, std::int64_t>& space_ids) {
  const auto space_id = space_ids[str(iv, "space")];
  const auto now = app.clock->now();
  auto day = [&](std::int64_t offset) { return dates::format(now + offset * 86400, dates::Style::day); };
  const auto steward = ids[str(iv, "steward")], treasurer = ids[str(iv, "treasurer")],
             facilitator = ids[str(iv, "facilitator")];
  auto who = [&](const json::value& v) { return ids[std::string(v.as_string())]; };
  for (const auto& r : iv.at("rates").as_array()) {
    const auto& a = r.as_array();
    if (auto ok = involvement::add_rate(app, space_id, steward, std::string(a.at(0).as_string()),
                                        std::string(a.at(1).as_string()), std::string(a.at(2).as_string()),
                                        day(a.at(3).as_int64()));
        !ok)
      return fail(ok.error());
  }
  for (const auto& v : iv.at("opportunities").as_array()) {
    const auto& o = v.as_object();
    involvement::OpportunityInput in;
    in.title = str(o, "title");
    in.description = str(o, "description");
    in.kind = str(o, "kind");
    in.day = day(o.at("days").as_int64());
    in.starts = str(o, "starts");
    in.hours = str(o, "hours");
    in.how = str(o, "how");
    in.place = str(o, "place");
    in.places = str(o, "places");
    for (const auto& e : o.at("expenses").as_array()) in.expenses.emplace_back(e.as_string());
    for (const auto& e : o.at("support").as_array()) in.support.emplace_back(e.as_string());
    auto id = involvement::offer(app, space_id, facilitator, in);
    if (!id) return fail(id.error());
    for (const auto& i : o.at("interested").as_array())
      if (auto ok = involvement::say_interested(app, *id, who(i.as_array().at(0)),
                                                std::string(i.as_array().at(1).as_string()));
          !ok)
        return fail(ok.error());
    if (auto* chosen = o.if_contains("chosen"))
      for (const auto& c : chosen->as_array())
        if (auto ok = involvement::choose(app, *id, facilitator, who(c.as_array().at(0)), true,
                                          std::string(c.as_array().at(1).as_string()));
            !ok)
          return fail(ok.error());
    if (auto* took = o.if_contains("took_part"))
      for (const auto& t : took->as_array())
        if (auto ok = involvement::confirm_took_part(app, *id, facilitator, who(t), ""); !ok) return fail(ok.error());
  }
  for (const auto& v : iv.at("by_hand").as_array()) {
    const auto& a = v.as_array();
    if (auto ok = involvement::record_time(app, space_id, facilitator, std::string(a.at(0).as_string()),
                                           std::string(a.at(1).as_string()), day(a.at(3).as_int64()),
                                           std::string(a.at(4).as_string()), std::string(a.at(2).as_string()));
        !ok)
      return fail(ok.error());
  }
  for (const auto& v : iv.at("choices").as_array()) {
    const auto& a = v.as_array();
    if (auto ok = involvement::choose_payment(app, space_id, who(a.at(0)), std::string(a.at(1).as_string()),
                                              std::string(a.at(2).as_string()));
        !ok)
      return fail(ok.error());
  }
  for (const auto& v : iv.at("bank").as_array()) {
    const auto& a = v.as_array();
    if (auto ok = involvement::give_bank_details(app, space_id, who(a.at(0)), std::string(a.at(1).as_string()),
                                                 std::string(a.at(2).as_string()), std::string(a.at(3).as_string()));
        !ok)
      return fail(ok.error());
  }
  // Claims in three rounds: those a paid batch holds, then those a batch being paid holds,
  // then the rest, so each batch takes only its own.
  for (const std::string round : {"paid", "open", ""}) {
    for (const auto& v : iv.at("claims").as_array()) {
      const auto& o = v.as_object();
      const std::string batch = o.contains("batch") ? str(o, "batch") : "";
      if (batch != round) continue;
      const auto person = ids[str(o, "who")];
      std::optional<std::int64_t> time;
      for (const auto& p : involvement::unclaimed_time(app, space_id, person))
        if (p.what == str(o, "what")) time = p.id;
      if (!time) return fail(ErrorCode::not_found, "involvement_claim_for_nothing");
      std::vector<involvement::ExpenseInput> lines;
      for (const auto& e : o.at("expenses").as_array()) {
        const auto& a = e.as_array();
        lines.push_back({std::string(a.at(0).as_string()), std::string(a.at(1).as_string()),
                         std::string(a.at(2).as_string()), false});
      }
      auto id = involvement::claim_time(app, space_id, person, *time, lines);
      if (!id) return fail(id.error());
      for (const auto& m : o.at("moves").as_array()) {
        const auto& a = m.as_array();
        if (auto ok = involvement::move_claim(app, *id, who(a.at(0)), std::string(a.at(1).as_string()),
                                              std::string(a.at(2).as_string()));
            !ok)
          return fail(ok.error());
      }
    }
    if (round == "") break;
    auto batch = involvement::make_batch(app, space_id, treasurer);
    if (!batch) return fail(batch.error());
    if (round == "paid")
      if (auto ok = involvement::mark_paid(app, space_id, *batch, treasurer, day(0)); !ok) return fail(ok.error());
  }
  return true;
}

// Equality answers from enough invented members of one space that its report shows both
// counts and "fewer than 5": each question's answers handed out in the given numbers,
// person by person, so the people differ from question to question.
Result<bool> seed_equality(Services& app, const json::object& eq, const std::string& password) {
  const auto& first = eq.at("first").as_array();
  const auto& last = eq.at("last").as_array();
  const auto slug = str(eq, "space");
  std::vector<std::int64_t> people;
  for (std::size_t i = 0; i < first.size(); ++i) {
    const std::string given(first[i].as_string()), family(last[(i * 7) % last.size()].as_string());
    const auto email = text::lower_ascii(given) + "." + text::lower_ascii(family) + "@example.org";
    auto id = accounts::add_user(app, email, given + " " + family, password);
    if (!id) return fail(id.error());
    if (auto r = spaces::set_role(app, *id, slug, "member"); !r) return fail(r.error());
    people.push_back(*id);
  }
  std::vector<std::map<std::string, std::vector<std::string>>> answers(people.size());
  std::size_t shift = 0;
  for (const auto& [question, given] : eq.at("answers").as_object()) {
    std::size_t at = shift;
    for (const auto& pair : given.as_array()) {
      const auto& a = pair.as_array();
      for (std::int64_t n = 0; n < a.at(1).as_int64(); ++n)
        answers[at++ % people.size()][std::string(question)].emplace_back(a.at(0).as_string());
    }
    shift += 5;  // the next question starts with someone else
  }
  for (std::size_t i = 0; i < people.size(); ++i)
    if (auto r = equity::answer(app, people[i], answers[i], i % 3 != 0); !r) return fail(r.error());
  return true;
}

// A drop-in on now, to try a breakout group's speaking queue: a round running with one
// group, its host the facilitator, the demo members in it (each counted as here), a few hands
// up and one turn already had. Its times follow the moment the demo is made.
Result<bool> seed_drop_in(Services& app, const json::object& d, std::map<std::string, std::int64_t>& ids,
                          std::map<std::string, std::int64_t>& space_ids) {
  const auto now = app.clock->now();
  events::EventInput input;
  input.title = str(d, "title");
  input.description = str(d, "description");
  input.starts = dates::format(now - 30 * 60, dates::Style::minute);
  input.ends = dates::format(now + 4 * 3600, dates::Style::minute);
  const auto host = ids[str(d, "creator")];
  auto event_id = events::commands::create_event(app, space_ids[str(d, "space")], host, input, str(d, "support"));
  if (!event_id) return fail(event_id.error());
  std::map<std::string, events::commands::Access> people;
  for (const auto& who : d.at("people").as_array()) {
    const auto email = std::string(who.as_string());
    auto a = events::commands::access(app, *event_id, ids[email], "");
    if (!a) return fail(ErrorCode::not_found, "events_not_found");
    // Taking part, as a page of theirs would make them, and here now.
    if (auto r = events::commands::step_out(app, *a, false); !r) return fail(r.error());
    a = events::commands::access(app, *event_id, ids[email], "");
    if (!a || !a->participant_id) return fail(ErrorCode::not_found, "events_not_found");
    breakouts::commands::mark_present(app, *event_id, *a->participant_id);
    people.insert_or_assign(email, *a);
  }
  auto fac = people.at(str(d, "creator"));
  breakouts::RoundInput in{str(d, "prompts"), "2", "8", "60", "", "balanced"};
  auto round = breakouts::commands::add_round(app, fac, in);
  if (!round) return fail(round.error());
  if (auto r = breakouts::commands::assign(app, fac, *round, breakouts::Mode::balanced); !r) return fail(r.error());
  if (auto r = breakouts::commands::start_round(app, fac, *round); !r) return fail(r.error());
  auto mine = breakouts::commands::my_group(app, fac, *round);
  if (!mine) return fail(ErrorCode::not_found, "breakouts_not_in_group");
  const events::floor::Room room{*event_id, mine->group.id};
  std::vector<std::int64_t> here;
  for (const auto& m : mine->group.members) here.push_back(m.participant_id);
  // Progressive stack on: those who have spoken least are offered the floor first.
  if (auto r = events::floor::set_progressive(app, room, true, true); !r) return fail(r.error());
  // One person has had a turn; others wait with their hands up, in this order.
  const auto& first = people.at(str(d, "spoke"));
  if (auto r = events::floor::give_floor(app, room, true, *first.participant_id, here); !r) return fail(r.error());
  if (auto r = events::floor::end_turn(app, room, true); !r) return fail(r.error());
  for (const auto& who : d.at("hands").as_array())
    if (auto r = events::floor::raise_hand(app, people.at(std::string(who.as_string())), room); !r)
      return fail(r.error());
  return true;
}

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
    spaces::SpaceFields fields{str(o, "name"),    str(o, "slug"),       str(o, "kind"),
                               str(o, "purpose"), str(o, "visibility"), str(o, "code")};
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
    events::EventInput input;
    input.title = str(e, "title");
    input.description = str(e, "description");
    input.starts = str(e, "starts");
    input.ends = str(e, "ends");
    auto event_id = events::commands::create_event(app, space_ids[str(e, "space")], ids[str(e, "creator")], input,
                                                   str(e, "support"));
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
    if (auto r = seed_event_activity(app, *event_id, ids[str(e, "creator")], e); !r) return tl::unexpected(r.error());
  }
  std::vector<std::int64_t> story_ids;
  if (auto* st = doc.if_contains("stories"))
    if (auto r = seed_stories(app, st->as_object(), ids, space_ids, story_ids); !r) return tl::unexpected(r.error());
  if (auto* ac = doc.if_contains("actions"))
    if (auto r = seed_actions(app, ac->as_object(), ids, space_ids, story_ids); !r) return tl::unexpected(r.error());
  if (auto* iv = doc.if_contains("involvement"))
    if (auto r = seed_involvement(app, iv->as_object(), ids, space_ids); !r) return tl::unexpected(r.error());
  if (auto* eq = doc.if_contains("equality"))
    if (auto r = seed_equality(app, eq->as_object(), password); !r) return tl::unexpected(r.error());
  if (auto* cv = doc.if_contains("conversations"))
    if (auto r = seed_conversations(app, cv->as_object(), ids, space_ids); !r) return tl::unexpected(r.error());
  if (auto r = seed_people(app, ids, space_ids); !r) return tl::unexpected(r.error());
  if (auto* di = doc.if_contains("drop_in"))
    if (auto r = seed_drop_in(app, di->as_object(), ids, space_ids); !r) return tl::unexpected(r.error());
  if (auto r = seed_vision(app, ids, space_ids); !r) return tl::unexpected(r.error());
  if (doc.if_contains("conversations"))
    if (auto r = seed_library(app, ids, space_ids); !r) return tl::unexpected(r.error());
  return summary(app, doc);
}

}  // namespace hs::demo
