// A person's spaces data: erased with their account, and included in "download my data".
#include <boost/json.hpp>

#include "modules/spaces/commands/commands.hpp"
#include "modules/spaces/repo.hpp"
#include "store/db.hpp"

namespace hs::spaces::commands {

void erase_person(store::Conn& c, std::int64_t user_id) { repo::erase_person(c, user_id); }

std::string export_person(store::Conn& c, std::int64_t user_id) {
  namespace json = boost::json;
  json::array memberships;
  for (const auto& m : repo::memberships_of(c, user_id)) {
    json::object o;
    o["space"] = m.space_name;
    o["address"] = "/spaces/" + m.space_slug;
    o["role"] = m.role;
    o["joined_at"] = m.joined_at;
    if (m.code_accepted_at) o["code_of_conduct_accepted_at"] = *m.code_accepted_at;
    else o["code_of_conduct_accepted_at"] = nullptr;
    memberships.push_back(std::move(o));
  }
  json::array requests;
  for (const auto& r : repo::requests_of(c, user_id)) {
    json::object o;
    o["space"] = r.space_name;
    o["address"] = "/spaces/" + r.space_slug;
    o["status"] = r.status;
    if (r.message) o["message"] = *r.message;
    else o["message"] = nullptr;
    o["asked_at"] = r.created_at;
    if (r.decided_at) o["decided_at"] = *r.decided_at;
    else o["decided_at"] = nullptr;
    requests.push_back(std::move(o));
  }
  json::object out;
  out["memberships"] = std::move(memberships);
  out["join_requests"] = std::move(requests);
  return json::serialize(out);
}

}  // namespace hs::spaces::commands
