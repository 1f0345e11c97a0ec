#pragma once
// People who can connect: a space's opt-in directory and "get in touch" through Humanspace.
//
// How addresses stay private: a message goes from the sender to Humanspace, which emails
// the recipient the words and a link to the message's page (signing in). Neither address
// is in that email or on any page. The recipient may answer there, once: Humanspace then
// emails the answer to the sender with the recipient's address, emails the recipient the
// sender's address, and the page shows each the other's address from then on. Answering is
// the recipient's choice to share; sending was the sender's (the form says so). Someone
// who does not answer stays private, and the sender waits for an answer before writing to
// the same person again (rules/people.hpp has the limits).
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/error.hpp"
#include "modules/conversations/rules/people.hpp"
#include "services/fwd.hpp"

namespace hs::store {
class Conn;
}

namespace hs::conversations::commands {

struct DirectoryEntry {
  std::int64_t user_id = 0;
  std::string name;
  std::optional<std::string> pronouns;
  std::string ask_me_about;
  std::vector<std::string> areas;
};
struct Directory {
  std::vector<DirectoryEntry> people;   // everyone who opted in, by name (the viewer too)
  std::optional<DirectoryEntry> mine;   // the viewer's own entry
};
// Members of the space only (else not_found: others see nothing of it).
Result<Directory> directory(Services& app, std::int64_t space_id, std::int64_t user_id);
// The person's entry when they opted in, for the form.
std::optional<DirectoryEntry> own_entry(Services& app, std::int64_t space_id, std::int64_t user_id);
// The entry of someone to get in touch with (not_found unless both are members and they opted in).
Result<DirectoryEntry> person(Services& app, std::int64_t space_id, std::int64_t user_id, std::int64_t person_id);
Result<void> opt_in(Services& app, std::int64_t space_id, std::int64_t user_id, const EntryInput& in);
// Opting out deletes the entry.
Result<void> opt_out(Services& app, std::int64_t space_id, std::int64_t user_id);

// Sends a message (emailed after commit); rate_limited past the limits.
Result<std::int64_t> get_in_touch(Services& app, std::int64_t space_id, std::int64_t from_id, std::int64_t to_id,
                                  const std::string& body);
struct Message {
  std::int64_t id = 0, from_id = 0, to_id = 0;
  std::string from_name, to_name, body;
  std::optional<std::string> answer;
  std::int64_t created_at = 0;
  std::optional<std::int64_t> answered_at;
  bool sent_by_viewer = false;
  // Only once answered: each person's address, for the other.
  std::optional<std::string> from_email, to_email;
};
// A message as its sender or recipient sees it; not_found for anyone else.
Result<Message> message(Services& app, std::int64_t space_id, std::int64_t message_id, std::int64_t user_id);
// The recipient's answer (once); emails both after commit.
Result<void> answer(Services& app, std::int64_t space_id, std::int64_t message_id, std::int64_t user_id,
                    const std::string& body);
// The person's messages in the space, sent and received, newest first (without addresses).
std::vector<Message> messages(Services& app, std::int64_t space_id, std::int64_t user_id);

// The person's data.
void erase_people(store::Conn& c, std::int64_t user_id);
std::string export_people(Services& app, store::Conn& c, std::int64_t user_id);

}  // namespace hs::conversations::commands
