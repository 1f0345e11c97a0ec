// People who can connect (commands/people.hpp says how addresses stay private).
#include "modules/conversations/commands/people.hpp"

#include <boost/json.hpp>

#include "core/clock.hpp"
#include "core/crypto.hpp"
#include "core/view.hpp"
#include "modules/accounts/module.hpp"
#include "modules/conversations/commands/support.hpp"
#include "modules/conversations/repo_people.hpp"
#include "modules/spaces/module.hpp"
#include "store/db.hpp"

namespace hs::conversations::commands {

namespace {

constexpr std::int64_t kDirectoryMax = 1000;
constexpr std::int64_t kDay = 24 * 60 * 60;

// Words in the directory and in messages are sealed at rest (migration 0043).
crypto::Key words_key(const Services& app) { return crypto::derive(app.master_key, 1702, "convppl-"); }
std::string seal(const Services& app, const std::string& s) { return crypto::seal(words_key(app), s); }
std::string unseal(const Services& app, const std::string& s) {
  return crypto::open(words_key(app), s).value_or(std::string());
}

std::string join_lines(const std::vector<std::string>& v) {
  std::string out;
  for (const auto& s : v) out += (out.empty() ? "" : "\n") + s;
  return out;
}

DirectoryEntry entry_from(const Services& app, const repo::PersonRow& r) {
  return {r.user_id, r.name, r.pronouns, unseal(app, r.ask_sealed), split_areas(unseal(app, r.areas_sealed))};
}

bool member(store::Conn& c, std::int64_t space_id, std::int64_t user_id) {
  return user_id > 0 && permissions::view_conversations(reader_in(c, space_id, user_id, std::nullopt).subject);
}

// How the person is named in the space: their directory name there, else their account's.
std::string name_in(Services& app, store::Conn& c, std::int64_t space_id, std::int64_t user_id) {
  if (auto e = repo::person_entry(c, space_id, user_id)) return e->name;
  return accounts::display_name(app, c, user_id);
}

std::string space_link(Services& app, store::Conn& c, std::int64_t space_id, const std::string& rest) {
  auto s = spaces::space_by_id(c, space_id);
  return app.link("/spaces/" + (s ? s->slug : std::string()) + "/conversations/people" + rest);
}

}  // namespace

Result<Directory> directory(Services& app, std::int64_t space_id, std::int64_t user_id) {
  return app.store->with([&](store::Conn& c) -> Result<Directory> {
    if (!member(c, space_id, user_id)) return fail(ErrorCode::not_found, "conversations_not_found");
    Directory d;
    for (const auto& r : repo::people_in(c, space_id, kDirectoryMax)) {
      // Someone who has left the space is not listed (their entry waits until they return).
      if (!member(c, space_id, r.user_id)) continue;
      d.people.push_back(entry_from(app, r));
      if (r.user_id == user_id) d.mine = d.people.back();
    }
    return d;
  });
}

std::optional<DirectoryEntry> own_entry(Services& app, std::int64_t space_id, std::int64_t user_id) {
  return app.store->with([&](store::Conn& c) -> std::optional<DirectoryEntry> {
    auto r = repo::person_entry(c, space_id, user_id);
    if (!r) return std::nullopt;
    return entry_from(app, *r);
  });
}

Result<DirectoryEntry> person(Services& app, std::int64_t space_id, std::int64_t user_id, std::int64_t person_id) {
  return app.store->with([&](store::Conn& c) -> Result<DirectoryEntry> {
    if (!member(c, space_id, user_id) || !member(c, space_id, person_id))
      return fail(ErrorCode::not_found, "conversations_people_not_found");
    auto r = repo::person_entry(c, space_id, person_id);
    if (!r) return fail(ErrorCode::not_found, "conversations_people_not_found");
    return entry_from(app, *r);
  });
}

Result<void> opt_in(Services& app, std::int64_t space_id, std::int64_t user_id, const EntryInput& in) {
  const auto now = app.clock->now();
  return app.store->write([&](store::Conn& c) -> Result<void> {
    if (!member(c, space_id, user_id)) return fail(ErrorCode::not_found, "conversations_not_found");
    auto f = validate_entry(in);
    if (!f) return fail(f.error());
    repo::PersonRow r;
    r.space_id = space_id;
    r.user_id = user_id;
    r.name = f->name;
    r.pronouns = f->pronouns;
    r.ask_sealed = seal(app, f->ask_me_about);
    r.areas_sealed = seal(app, join_lines(f->areas));
    r.created_at = r.updated_at = now;
    repo::set_person(c, r);
    return {};
  });
}

Result<void> opt_out(Services& app, std::int64_t space_id, std::int64_t user_id) {
  return app.store->write([&](store::Conn& c) -> Result<void> {
    if (user_id <= 0) return fail(ErrorCode::not_found, "conversations_not_found");
    repo::remove_person(c, space_id, user_id);
    return {};
  });
}

Result<std::int64_t> get_in_touch(Services& app, std::int64_t space_id, std::int64_t from_id, std::int64_t to_id,
                                  const std::string& body) {
  const auto now = app.clock->now();
  std::string from_name, space_name, link, people_link, sent_words;
  auto r = app.store->write([&](store::Conn& c) -> Result<std::int64_t> {
    if (!member(c, space_id, from_id) || !member(c, space_id, to_id) || from_id == to_id ||
        !repo::person_entry(c, space_id, to_id))
      return fail(ErrorCode::not_found, "conversations_people_not_found");
    auto words = validate_contact(body);
    if (!words) return fail(words.error());
    switch (contact_allowed(static_cast<int>(repo::sent_since(c, from_id, now - kDay)),
                            repo::unanswered_to(c, from_id, to_id))) {
      case ContactLimit::waiting_for_answer: return fail(ErrorCode::rate_limited, "conversations_people_wait");
      case ContactLimit::too_many_today: return fail(ErrorCode::rate_limited, "conversations_people_too_many");
      case ContactLimit::ok: break;
    }
    repo::ContactRow x;
    x.space_id = space_id;
    x.from_id = from_id;
    x.to_id = to_id;
    x.from_name = name_in(app, c, space_id, from_id);
    x.body_sealed = seal(app, *words);
    x.created_at = now;
    const auto id = repo::insert_contact(c, x);
    from_name = x.from_name;
    sent_words = *words;
    if (auto s = spaces::space_by_id(c, space_id)) space_name = s->name;
    link = space_link(app, c, space_id, "/messages/" + std::to_string(id));
    people_link = space_link(app, c, space_id, "");
    return id;
  });
  if (r) {
    View v;
    v.set("person", from_name);
    v.set("space", space_name);
    v.set("words", sent_words);
    v.set("link", link);
    v.set("people_link", people_link);
    accounts::email_person(app, to_id, "conversations_people_email_contact_subject",
                           {{"person", from_name}, {"space", space_name}}, "conversations_people_contact", v);
  }
  return r;
}

namespace {

Message message_from(Services& app, store::Conn& c, const repo::ContactRow& x, std::int64_t viewer) {
  Message m;
  m.id = x.id;
  m.from_id = x.from_id;
  m.to_id = x.to_id;
  m.from_name = x.from_name;
  m.to_name = name_in(app, c, x.space_id, x.to_id);
  m.body = unseal(app, x.body_sealed);
  if (x.answer_sealed) m.answer = unseal(app, *x.answer_sealed);
  m.created_at = x.created_at;
  m.answered_at = x.answered_at;
  m.sent_by_viewer = x.from_id == viewer;
  return m;
}

}  // namespace

Result<Message> message(Services& app, std::int64_t space_id, std::int64_t message_id, std::int64_t user_id) {
  return app.store->with([&](store::Conn& c) -> Result<Message> {
    auto x = repo::contact(c, message_id);
    if (!x || x->space_id != space_id || user_id <= 0 || (x->from_id != user_id && x->to_id != user_id) ||
        !member(c, space_id, user_id))
      return fail(ErrorCode::not_found, "conversations_people_message_not_found");
    auto m = message_from(app, c, *x, user_id);
    if (x->answered_at) {
      m.from_email = accounts::contact_email(app, c, x->from_id);
      m.to_email = accounts::contact_email(app, c, x->to_id);
    }
    return m;
  });
}

Result<void> answer(Services& app, std::int64_t space_id, std::int64_t message_id, std::int64_t user_id,
                    const std::string& body) {
  const auto now = app.clock->now();
  std::optional<Message> sent;
  std::string space_name, link;
  auto r = app.store->write([&](store::Conn& c) -> Result<void> {
    auto x = repo::contact(c, message_id);
    if (!x || x->space_id != space_id || user_id <= 0 || (x->from_id != user_id && x->to_id != user_id) ||
        !member(c, space_id, user_id))
      return fail(ErrorCode::not_found, "conversations_people_message_not_found");
    if (x->to_id != user_id) return fail(ErrorCode::forbidden, "conversations_people_not_yours");
    auto words = validate_contact(body);
    if (!words) return fail(words.error());
    if (!repo::answer_contact(c, message_id, seal(app, *words), now))
      return fail(ErrorCode::conflict, "conversations_people_answered_already");
    auto m = message_from(app, c, *x, user_id);
    m.answer = *words;
    m.from_email = accounts::contact_email(app, c, x->from_id);
    m.to_email = accounts::contact_email(app, c, x->to_id);
    sent = std::move(m);
    if (auto s = spaces::space_by_id(c, space_id)) space_name = s->name;
    link = space_link(app, c, space_id, "/messages/" + std::to_string(message_id));
    return {};
  });
  if (r && sent) {
    // To the sender: the answer and the recipient's address. To the recipient: the
    // sender's address. Neither is sent when an account has no verified address.
    View to_sender;
    to_sender.set("person", sent->to_name);
    to_sender.set("space", space_name);
    to_sender.set("words", *sent->answer);
    to_sender.set("email", sent->to_email.value_or(""));
    to_sender.set("has_email", sent->to_email.has_value());
    to_sender.set("link", link);
    accounts::email_person(app, sent->from_id, "conversations_people_email_answer_subject",
                           {{"person", sent->to_name}}, "conversations_people_answer", to_sender);
    View to_recipient;
    to_recipient.set("person", sent->from_name);
    to_recipient.set("space", space_name);
    to_recipient.set("email", sent->from_email.value_or(""));
    to_recipient.set("has_email", sent->from_email.has_value());
    to_recipient.set("link", link);
    accounts::email_person(app, sent->to_id, "conversations_people_email_answered_subject",
                           {{"person", sent->from_name}}, "conversations_people_answered", to_recipient);
  }
  return r;
}

std::vector<Message> messages(Services& app, std::int64_t space_id, std::int64_t user_id) {
  return app.store->with([&](store::Conn& c) {
    std::vector<Message> out;
    if (!member(c, space_id, user_id)) return out;
    for (const auto& x : repo::contacts_in(c, space_id, user_id, 200)) out.push_back(message_from(app, c, x, user_id));
    return out;
  });
}

void erase_people(store::Conn& c, std::int64_t user_id) { repo::erase_people(c, user_id); }

std::string export_people(Services& app, store::Conn& c, std::int64_t user_id) {
  namespace json = boost::json;
  json::array entries;
  for (const auto& r : repo::entries_of(c, user_id)) {
    auto e = entry_from(app, r);
    json::object x;
    x["space"] = r.space_id;
    x["name"] = e.name;
    if (e.pronouns) x["pronouns"] = *e.pronouns;
    x["ask_me_about"] = e.ask_me_about;
    json::array areas;
    for (const auto& a : e.areas) areas.push_back(json::value(a));
    x["areas"] = std::move(areas);
    x["at"] = r.updated_at;
    entries.push_back(std::move(x));
  }
  json::array sent, received;
  for (const auto& r : repo::contacts_of(c, user_id)) {
    json::object x;
    x["space"] = r.space_id;
    x["message"] = unseal(app, r.body_sealed);
    if (r.answer_sealed) x["answer"] = unseal(app, *r.answer_sealed);
    x["at"] = r.created_at;
    if (r.answered_at) x["answered_at"] = *r.answered_at;
    if (r.from_id == user_id) {
      x["to"] = name_in(app, c, r.space_id, r.to_id);
      sent.push_back(std::move(x));
    } else {
      x["from"] = r.from_name;
      received.push_back(std::move(x));
    }
  }
  json::object out;
  out["directory_entries"] = std::move(entries);
  out["messages_sent"] = std::move(sent);
  out["messages_received"] = std::move(received);
  return json::serialize(out);
}

}  // namespace hs::conversations::commands
