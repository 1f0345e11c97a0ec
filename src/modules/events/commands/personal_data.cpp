// A member's part in events, for erasure and "download my data". Anonymous
// participants have no account: their records carry only a hashed cookie token, which
// nobody can turn back into a person, and go with the event.
#include <boost/json.hpp>

#include "modules/events/commands/commands.hpp"
#include "modules/events/module.hpp"
#include "modules/events/personal_repo.hpp"
#include "modules/events/repo.hpp"
#include "services/services.hpp"
#include "store/db.hpp"

namespace hs::events {

namespace {
// What other modules registered with this server at start-up (Services::kept).
struct Erasers {
  std::vector<ParticipantEraser> all;
};
}  // namespace

void add_participant_eraser(Services& app, ParticipantEraser eraser) {
  app.kept<Erasers>().all.push_back(std::move(eraser));
}

std::vector<std::int64_t> participant_ids_of(store::Conn& c, std::int64_t user_id) {
  return repo::participant_ids_of_user(c, user_id);
}

}  // namespace hs::events

namespace hs::events::commands {

namespace json = boost::json;

void erase_person(Services& app, store::Conn& c, std::int64_t user_id) {
  repo::erase_registrations(c, user_id);
  const auto ids = repo::participant_ids_of_user(c, user_id);
  if (!ids.empty())
    for (const auto& eraser : app.kept<Erasers>().all) eraser(c, ids);
  // What they gave stays (a word in a cloud, an answer in a poll's count, a question the
  // panel may have answered) but no longer leads to them.
  repo::untie_person(c, user_id);
}

namespace {

json::array contributions(const std::vector<repo::Contribution>& rows, const char* text_key, bool question) {
  json::array out;
  for (const auto& r : rows) {
    json::object o;
    o["event"] = r.event;
    o["address"] = "/events/" + std::to_string(r.event_id);
    o["activity"] = r.item;
    o[text_key] = r.text;
    o["at"] = r.at;
    if (question) {
      o["anonymous"] = r.anonymous;
      o["status"] = r.status;
    }
    out.push_back(std::move(o));
  }
  return out;
}

}  // namespace

std::string export_person(store::Conn& c, std::int64_t user_id) {
  json::array regs;
  for (const auto& r : repo::registrations_of(c, user_id)) {
    json::object o;
    o["event"] = r.title;
    o["address"] = "/events/" + std::to_string(r.event_id);
    o["starts_at"] = r.starts_at;
    o["registered_at"] = r.registered_at;
    regs.push_back(std::move(o));
  }
  json::array taking_part;
  for (const auto& t : repo::taking_part_of(c, user_id)) {
    json::object o;
    o["event"] = t.event;
    o["address"] = "/events/" + std::to_string(t.event_id);
    o["joined_at"] = t.joined_at;
    o["stepped_out_at"] = t.stepped_out_at ? json::value(*t.stepped_out_at) : json::value(nullptr);
    taking_part.push_back(std::move(o));
  }
  json::object out;
  out["registrations"] = std::move(regs);
  out["taking_part"] = std::move(taking_part);
  out["words"] = contributions(repo::words_of(c, user_id), "text", false);
  out["questions"] = contributions(repo::questions_of(c, user_id), "question", true);
  out["poll_answers"] = contributions(repo::poll_answers_of(c, user_id), "option", false);
  out["questions_upvoted"] = contributions(repo::upvotes_of(c, user_id), "question", false);
  // Added with the speaking queues (migration 0032): turns the person had, and how long.
  json::array turns;
  for (const auto& t : repo::turns_of(c, user_id)) {
    json::object o;
    o["event"] = t.event;
    o["address"] = "/events/" + std::to_string(t.event_id);
    o["where"] = t.in_group ? "breakout group" : "main room";
    o["started_at"] = t.started_at;
    o["seconds"] = t.seconds ? json::value(*t.seconds) : json::value(nullptr);
    turns.push_back(std::move(o));
  }
  out["turns_speaking"] = std::move(turns);
  return json::serialize(out);
}

}  // namespace hs::events::commands
