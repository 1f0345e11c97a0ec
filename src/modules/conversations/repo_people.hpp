#pragma once
// The SQL of people who can connect (migration 0043) and of the header's count: the
// conversations module's own, beside repo.hpp.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace hs::store {
class Conn;
}

namespace hs::conversations::repo {

// The unread notifications of a person, counted up to cap (the site header's count).
std::int64_t unread_capped(store::Conn& c, std::int64_t user_id, std::int64_t cap);

struct PersonRow {
  std::int64_t space_id = 0, user_id = 0;
  std::string name;
  std::optional<std::string> pronouns;
  std::string ask_sealed, areas_sealed;
  std::int64_t created_at = 0, updated_at = 0;
};
// The space's directory by name (at most limit).
std::vector<PersonRow> people_in(store::Conn& c, std::int64_t space_id, std::int64_t limit);
std::optional<PersonRow> person_entry(store::Conn& c, std::int64_t space_id, std::int64_t user_id);
void set_person(store::Conn& c, const PersonRow& row);
void remove_person(store::Conn& c, std::int64_t space_id, std::int64_t user_id);
std::vector<PersonRow> entries_of(store::Conn& c, std::int64_t user_id);

struct ContactRow {
  std::int64_t id = 0, space_id = 0, from_id = 0, to_id = 0;
  std::string from_name, body_sealed;
  std::optional<std::string> answer_sealed;
  std::int64_t created_at = 0;
  std::optional<std::int64_t> answered_at;
};
std::int64_t insert_contact(store::Conn& c, const ContactRow& row);
std::optional<ContactRow> contact(store::Conn& c, std::int64_t id);
// Keeps the answer once: false when it was answered already.
bool answer_contact(store::Conn& c, std::int64_t id, const std::string& answer_sealed, std::int64_t now);
std::int64_t sent_since(store::Conn& c, std::int64_t from_id, std::int64_t since);
bool unanswered_to(store::Conn& c, std::int64_t from_id, std::int64_t to_id);
// The person's messages sent or received in the space, newest first.
std::vector<ContactRow> contacts_in(store::Conn& c, std::int64_t space_id, std::int64_t user_id, std::int64_t limit);
// Every message the person sent or received (their data).
std::vector<ContactRow> contacts_of(store::Conn& c, std::int64_t user_id);
// Erasure: their entries and every message they sent or received.
void erase_people(store::Conn& c, std::int64_t user_id);

}  // namespace hs::conversations::repo
