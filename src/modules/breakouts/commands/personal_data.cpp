// A member's part in breakouts: the groups they were placed in and the notes they
// signed. Erasure takes them out of every group (so no list of who met whom shows them)
// and leaves their named notes as anonymous ones, as the group's record.
#include <boost/json.hpp>

#include "modules/breakouts/commands/commands.hpp"
#include "modules/breakouts/repo.hpp"
#include "store/db.hpp"

namespace hs::breakouts::commands {

void erase_participants(store::Conn& c, const std::vector<std::int64_t>& participant_ids) {
  for (auto id : participant_ids) repo::forget_participant(c, id);
}

namespace {
namespace json = boost::json;

// What a place and a note share: which event's breakouts, which round and group.
template <class Row>
json::object in_group(const Row& r) {
  json::object o;
  o["event"] = r.event;
  o["address"] = "/events/" + std::to_string(r.event_id) + "/breakouts";
  o["round"] = r.round;
  o["group"] = r.group;
  return o;
}
}  // namespace

std::string export_person(store::Conn& c, std::int64_t user_id) {
  json::array places;
  for (const auto& p : repo::places_of_user(c, user_id)) {
    auto o = in_group(p);
    o["host"] = p.host;
    places.push_back(std::move(o));
  }
  json::array notes;
  for (const auto& n : repo::notes_of_user(c, user_id)) {
    auto o = in_group(n);
    o["for_group"] = n.for_group;
    o["note"] = n.body;
    o["created_at"] = n.created_at;
    notes.push_back(std::move(o));
  }
  json::object out;
  out["places"] = std::move(places);
  out["named_notes"] = std::move(notes);
  return json::serialize(out);
}

}  // namespace hs::breakouts::commands
