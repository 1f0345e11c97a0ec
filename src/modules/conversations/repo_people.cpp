#include "modules/conversations/repo_people.hpp"

#include "store/db.hpp"

namespace hs::conversations::repo {

namespace {

constexpr const char* kPersonColumns =
    "space_id, user_id, name, pronouns, ask_sealed, areas_sealed, created_at, updated_at FROM conversation_people";
constexpr const char* kContactColumns =
    "id, space_id, from_id, to_id, from_name, body_sealed, answer_sealed, created_at, answered_at "
    "FROM conversation_contacts";

PersonRow person_from(const store::Row& r) {
  return {r.i64(0), r.i64(1), r.text(2), r.opt_text(3), r.text(4), r.text(5), r.i64(6), r.i64(7)};
}

ContactRow contact_from(const store::Row& r) {
  return {r.i64(0),  r.i64(1),      r.i64(2), r.i64(3), r.text(4), r.text(5), r.opt_text(6),
          r.i64(7), r.opt_i64(8)};
}

}  // namespace

// An index-only count (conversation_notifications_by_user: user_id, read_at, id) that stops
// at the cap, so a person with thousands unread costs no more than one with a hundred.
std::int64_t unread_capped(store::Conn& c, std::int64_t user_id, std::int64_t cap) {
  return c
      .one(R"(SELECT count(*) FROM (SELECT 1 FROM conversation_notifications
WHERE user_id = ? AND read_at IS NULL LIMIT ?) x)",
           user_id, cap)
      ->i64(0);
}

std::vector<PersonRow> people_in(store::Conn& c, std::int64_t space_id, std::int64_t limit) {
  std::vector<PersonRow> out;
  for (const auto& r :
       c.q(std::string("SELECT ") + kPersonColumns + " WHERE space_id = ? ORDER BY lower(name), user_id LIMIT ?",
           space_id, limit))
    out.push_back(person_from(r));
  return out;
}

std::optional<PersonRow> person_entry(store::Conn& c, std::int64_t space_id, std::int64_t user_id) {
  auto r = c.one(std::string("SELECT ") + kPersonColumns + " WHERE space_id = ? AND user_id = ?", space_id, user_id);
  if (!r) return std::nullopt;
  return person_from(*r);
}

void set_person(store::Conn& c, const PersonRow& p) {
  c.q(R"(INSERT INTO conversation_people (space_id, user_id, name, pronouns, ask_sealed, areas_sealed, created_at,
  updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)
ON CONFLICT (space_id, user_id) DO UPDATE SET name = excluded.name, pronouns = excluded.pronouns,
  ask_sealed = excluded.ask_sealed, areas_sealed = excluded.areas_sealed, updated_at = excluded.updated_at)",
      p.space_id, p.user_id, p.name, p.pronouns, p.ask_sealed, p.areas_sealed, p.created_at, p.updated_at);
}

void remove_person(store::Conn& c, std::int64_t space_id, std::int64_t user_id) {
  c.q("DELETE FROM conversation_people WHERE space_id = ? AND user_id = ?", space_id, user_id);
}

std::vector<PersonRow> entries_of(store::Conn& c, std::int64_t user_id) {
  std::vector<PersonRow> out;
  for (const auto& r : c.q(std::string("SELECT ") + kPersonColumns + " WHERE user_id = ? ORDER BY space_id", user_id))
    out.push_back(person_from(r));
  return out;
}

std::int64_t insert_contact(store::Conn& c, const ContactRow& x) {
  return c
      .one(R"(INSERT INTO conversation_contacts (space_id, from_id, to_id, from_name, body_sealed, created_at)
VALUES (?, ?, ?, ?, ?, ?) RETURNING id)",
           x.space_id, x.from_id, x.to_id, x.from_name, x.body_sealed, x.created_at)
      ->i64(0);
}

std::optional<ContactRow> contact(store::Conn& c, std::int64_t id) {
  auto r = c.one(std::string("SELECT ") + kContactColumns + " WHERE id = ?", id);
  if (!r) return std::nullopt;
  return contact_from(*r);
}

bool answer_contact(store::Conn& c, std::int64_t id, const std::string& answer_sealed, std::int64_t now) {
  c.q("UPDATE conversation_contacts SET answer_sealed = ?, answered_at = ? WHERE id = ? AND answered_at IS NULL",
      answer_sealed, now, id);
  return c.changes() == 1;
}

std::int64_t sent_since(store::Conn& c, std::int64_t from_id, std::int64_t since) {
  return c.one("SELECT count(*) FROM conversation_contacts WHERE from_id = ? AND created_at > ?", from_id, since)
      ->i64(0);
}

bool unanswered_to(store::Conn& c, std::int64_t from_id, std::int64_t to_id) {
  return c
      .one("SELECT 1 FROM conversation_contacts WHERE from_id = ? AND to_id = ? AND answered_at IS NULL", from_id,
           to_id)
      .has_value();
}

std::vector<ContactRow> contacts_in(store::Conn& c, std::int64_t space_id, std::int64_t user_id, std::int64_t limit) {
  std::vector<ContactRow> out;
  for (const auto& r : c.q(std::string("SELECT ") + kContactColumns +
                               " WHERE space_id = ? AND (from_id = ? OR to_id = ?) ORDER BY id DESC LIMIT ?",
                           space_id, user_id, user_id, limit))
    out.push_back(contact_from(r));
  return out;
}

std::vector<ContactRow> contacts_of(store::Conn& c, std::int64_t user_id) {
  std::vector<ContactRow> out;
  for (const auto& r :
       c.q(std::string("SELECT ") + kContactColumns + " WHERE from_id = ? OR to_id = ? ORDER BY id", user_id, user_id))
    out.push_back(contact_from(r));
  return out;
}

void erase_people(store::Conn& c, std::int64_t user_id) {
  c.q("DELETE FROM conversation_people WHERE user_id = ?", user_id);
  c.q("DELETE FROM conversation_contacts WHERE from_id = ? OR to_id = ?", user_id, user_id);
}

}  // namespace hs::conversations::repo
