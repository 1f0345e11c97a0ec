// The demo community's shared vision (resources/demo/vision.json), played through the same
// commands as the pages: a Three Horizons board on gambling harm taken through every
// stage to done (notes named and anonymous, a merge, a hidden note, H2 sorted, the dot
// vote), and an opinion map answered by twenty of the space's members in two groups with
// common ground.
#include <boost/json.hpp>

#include <algorithm>
#include <map>
#include <vector>

#include "core/embedded.hpp"
#include "modules/spaces/module.hpp"
#include "modules/vision/module.hpp"
#include "services/services.hpp"
#include "store/db.hpp"

namespace hs::demo {

namespace json = boost::json;

namespace {

std::string text_of(const json::value& v) { return v.is_string() ? std::string(v.as_string()) : std::string(); }

Result<bool> seed_board(Services& app, const json::object& b, std::int64_t space_id, std::int64_t facilitator,
                        std::int64_t anyone, std::map<std::string, std::int64_t>& ids) {
  auto board = vision::create_board(app, space_id, facilitator, text_of(b.at("title")),
                                    static_cast<int>(b.at("dots_per_person").as_int64()));
  if (!board) return tl::unexpected(board.error());
  std::map<std::string, std::int64_t> notes;
  const auto& by_horizon = b.at("notes").as_object();
  // The stages in order; the notes of each horizon added while it is open.
  for (const char* stage : {"h1", "h3", "h2"}) {
    if (std::string(stage) != "h1")
      if (auto r = vision::move_stage(app, space_id, *board, facilitator, stage); !r) return tl::unexpected(r.error());
    for (const auto& n : by_horizon.at(stage).as_array()) {
      const auto& a = n.as_array();
      const auto author = text_of(a.at(2));
      const bool anonymous = author.empty() || !ids.count(author);
      auto id =
          vision::add_note(app, space_id, *board, anonymous ? anyone : ids.at(author), text_of(a.at(1)), anonymous);
      if (!id) return tl::unexpected(id.error());
      notes[text_of(a.at(0))] = *id;
    }
  }
  for (const auto& m : b.at("merges").as_array())
    if (auto r = vision::merge(app, space_id, *board, facilitator, notes.at(text_of(m.as_array().at(0))),
                               notes.at(text_of(m.as_array().at(1))));
        !r)
      return tl::unexpected(r.error());
  for (const auto& h : b.at("hidden").as_array())
    if (auto r = vision::hide(app, space_id, *board, facilitator, notes.at(text_of(h.as_array().at(0))),
                              text_of(h.as_array().at(1)));
        !r)
      return tl::unexpected(r.error());
  if (auto r = vision::move_stage(app, space_id, *board, facilitator, "sort"); !r) return tl::unexpected(r.error());
  for (const auto& [horizon, keys] : b.at("sort").as_object())
    for (const auto& k : keys.as_array())
      if (auto r = vision::move_note(app, space_id, *board, facilitator, notes.at(text_of(k)), std::string(horizon));
          !r)
        return tl::unexpected(r.error());
  if (auto r = vision::move_stage(app, space_id, *board, facilitator, "vote"); !r) return tl::unexpected(r.error());
  for (const auto& d : b.at("dots").as_array())
    if (auto r = vision::dot(app, space_id, *board, ids.at(text_of(d.as_array().at(0))),
                             notes.at(text_of(d.as_array().at(1))));
        !r)
      return tl::unexpected(r.error());
  if (auto r = vision::move_stage(app, space_id, *board, facilitator, "done"); !r) return tl::unexpected(r.error());
  return true;
}

// The map's answers come from the space's members who take part, in the order they
// joined the demo (their accounts' order): one string of + - 0 . per person.
Result<bool> seed_map(Services& app, const json::object& m, std::int64_t space_id, std::int64_t facilitator) {
  auto map = vision::create_map(app, space_id, facilitator, text_of(m.at("question")), false);
  if (!map) return tl::unexpected(map.error());
  std::vector<std::int64_t> statements;
  for (const auto& s : m.at("statements").as_array()) {
    auto id = vision::add_statement(app, space_id, *map, facilitator, text_of(s));
    if (!id) return tl::unexpected(id.error());
    statements.push_back(*id);
  }
  std::vector<std::int64_t> people;
  app.store->with([&](store::Conn& c) {
    for (const auto& who : spaces::members(c, space_id))
      if (who.role == spaces::Role::member || who.role == spaces::Role::facilitator ||
          who.role == spaces::Role::steward)
        people.push_back(who.user_id);
    return 0;
  });
  std::sort(people.begin(), people.end());
  const auto& votes = m.at("votes").as_array();
  if (people.size() < votes.size()) return fail(ErrorCode::conflict, "vision_members_only");
  for (std::size_t p = 0; p < votes.size(); ++p) {
    const auto row = text_of(votes[p]);
    for (std::size_t s = 0; s < row.size() && s < statements.size(); ++s) {
      if (row[s] == '.') continue;
      const int vote = row[s] == '+' ? 1 : row[s] == '-' ? -1 : 0;
      if (auto r = vision::answer(app, space_id, *map, people[p], statements[s], vote); !r)
        return tl::unexpected(r.error());
    }
  }
  return true;
}

}  // namespace

Result<bool> seed_vision(Services& app, std::map<std::string, std::int64_t>& ids,
                         std::map<std::string, std::int64_t>& space_ids) {
  auto doc = json::parse(embedded::get("resources/demo/vision.json")).as_object();
  const auto& b = doc.at("board").as_object();
  const auto space_id = space_ids[text_of(b.at("space"))];
  // The space's facilitator runs both; its steward's account posts the anonymous notes
  // (none of which keeps who posted it).
  std::int64_t facilitator = 0, anyone = 0;
  app.store->with([&](store::Conn& c) {
    for (const auto& who : spaces::members(c, space_id)) {
      if (who.role == spaces::Role::facilitator && !facilitator) facilitator = who.user_id;
      if (who.role == spaces::Role::steward && !anyone) anyone = who.user_id;
    }
    return 0;
  });
  if (!facilitator || !anyone) return fail(ErrorCode::not_found, "vision_not_facilitator");
  if (auto r = seed_board(app, b, space_id, facilitator, anyone, ids); !r) return r;
  const auto& m = doc.at("opinion_map").as_object();
  return seed_map(app, m, space_ids[text_of(m.at("space"))], facilitator);
}

}  // namespace hs::demo
