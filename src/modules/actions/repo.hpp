#pragma once
// The only place the actions module's SQL lives. Functions take a connection, so the
// caller decides the transaction.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace hs::store {
class Conn;
}

namespace hs::actions::repo {

struct ActionRow {
  std::int64_t id = 0;
  std::int64_t space_id = 0;
  std::string source_kind;
  std::optional<std::int64_t> story_id, decision_id, theme_id;
  std::int64_t organisation_id = 0;
  std::string title, details, status;
  std::optional<std::string> due_on;
  std::optional<std::int64_t> raised_by;
  std::int64_t created_at = 0, updated_at = 0;
};

struct UpdateRow {
  std::int64_t id = 0;
  std::int64_t action_id = 0;
  std::string status, text;
  std::optional<std::string> link;
  std::optional<std::int64_t> by_user;
  std::int64_t created_at = 0;
};

std::int64_t insert_action(store::Conn& c, const ActionRow& a);
std::optional<ActionRow> action(store::Conn& c, std::int64_t id);
// Only while its status is still `from`: false when someone moved it meanwhile.
bool set_status(store::Conn& c, std::int64_t id, const std::string& from, const std::string& to, std::int64_t now);
std::vector<ActionRow> actions_in(store::Conn& c, std::int64_t space_id);  // newest first
// A page of the space's actions, newest first, narrowed by status and by the owning
// organisation when they are given; and how many there are in all.
struct Filter {
  std::string status;                // "" for any
  std::int64_t organisation_id = 0;  // 0 for any
};
std::int64_t count_in(store::Conn& c, std::int64_t space_id, const Filter& f);
std::vector<ActionRow> page_in(store::Conn& c, std::int64_t space_id, const Filter& f, std::int64_t offset,
                               std::int64_t limit);
// The ids of the stories with an action that has a change planned or made (for the figures).
std::vector<std::int64_t> changed_story_ids(store::Conn& c, std::int64_t space_id);
// The space's actions raised from these stories, oldest first (for the storytellers' page).
std::vector<ActionRow> from_stories(store::Conn& c, std::int64_t space_id, const std::vector<std::int64_t>& story_ids);
void insert_update(store::Conn& c, std::int64_t action_id, const std::string& status, const std::string& text,
                   const std::optional<std::string>& link, std::optional<std::int64_t> by_user, std::int64_t now);
std::vector<UpdateRow> updates(store::Conn& c, std::int64_t action_id);  // oldest first
// Every update of the space's actions, oldest first (for pages and exports in one read).
std::vector<UpdateRow> updates_in(store::Conn& c, std::int64_t space_id);
// Every update of these actions, oldest first, a few hundred actions a read.
std::vector<UpdateRow> updates_of(store::Conn& c, const std::vector<std::int64_t>& action_ids);

bool page_public(store::Conn& c, std::int64_t space_id);
void set_page_public(store::Conn& c, std::int64_t space_id, bool on, std::int64_t now);

// Open actions in every space, for the reminders.
std::vector<ActionRow> open_actions(store::Conn& c);
// Claims a reminder; false when it was already sent.
bool claim_reminder(store::Conn& c, std::int64_t action_id, const std::string& kind, const std::string& key,
                    std::int64_t now);

// Erasure: the person stays on no action or update (the actions themselves stay: they
// are the organisation's, not the person's).
void erase_person(store::Conn& c, std::int64_t user_id);
// What the person raised or recorded, for "download my data".
std::vector<ActionRow> raised_by(store::Conn& c, std::int64_t user_id);
std::vector<UpdateRow> updates_by(store::Conn& c, std::int64_t user_id);

}  // namespace hs::actions::repo
