#include "modules/actions/repo.hpp"

#include "store/db.hpp"
#include "store/id_list.hpp"

namespace hs::actions::repo {

namespace {

constexpr const char* kColumns = R"(
id, space_id, source_kind, story_id, organisation_id, title, details, status, due_on, raised_by, created_at,
updated_at, decision_id, theme_id)";

constexpr const char* kInsert = R"(
INSERT INTO actions (space_id, source_kind, story_id, organisation_id, title, details, status, due_on, raised_by,
  created_at, updated_at, decision_id, theme_id)
VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id)";
constexpr const char* kSetStatus = "UPDATE actions SET status = ?, updated_at = ? WHERE id = ? AND status = ?";
constexpr const char* kInsertUpdate = R"(
INSERT INTO action_updates (action_id, status, text, link, by_user, created_at) VALUES (?, ?, ?, ?, ?, ?))";
constexpr const char* kUpdateColumns = "u.id, u.action_id, u.status, u.text, u.link, u.by_user, u.created_at";
constexpr const char* kPublic = "SELECT page_public FROM action_settings WHERE space_id = ?";
constexpr const char* kSetPublic = R"(
INSERT INTO action_settings (space_id, page_public, updated_at) VALUES (?, ?, ?)
ON CONFLICT (space_id) DO UPDATE SET page_public = excluded.page_public, updated_at = excluded.updated_at)";
constexpr const char* kClaim = R"(
INSERT INTO action_reminders (action_id, kind, reminder_key, sent_at) VALUES (?, ?, ?, ?)
ON CONFLICT (action_id, kind, reminder_key) DO NOTHING)";
constexpr const char* kEraseRaised = "UPDATE actions SET raised_by = NULL WHERE raised_by = ?";
constexpr const char* kEraseUpdates = "UPDATE action_updates SET by_user = NULL WHERE by_user = ?";
constexpr const char* kChangedStories = R"(
SELECT DISTINCT story_id FROM actions
WHERE space_id = ? AND story_id IS NOT NULL AND status IN ('planned', 'made'))";
// WHERE for a page of the space's actions, with its arguments.
std::string filtered(const Filter& f, std::int64_t space_id, std::vector<store::Value>& args) {
  std::string where = "space_id = ?";
  args.emplace_back(space_id);
  if (!f.status.empty()) {
    where += " AND status = ?";
    args.emplace_back(f.status);
  }
  if (f.organisation_id > 0) {
    where += " AND organisation_id = ?";
    args.emplace_back(f.organisation_id);
  }
  return where;
}

store::Value opt_id(const std::optional<std::int64_t>& v) { return v ? store::Value(*v) : store::Value(store::Null{}); }

std::string select(const char* where) { return std::string("SELECT ") + kColumns + " FROM actions WHERE " + where; }

ActionRow from(const store::Row& r) {
  ActionRow a;
  a.id = r.i64(0);
  a.space_id = r.i64(1);
  a.source_kind = r.text(2);
  a.story_id = r.opt_i64(3);
  a.organisation_id = r.i64(4);
  a.title = r.text(5);
  a.details = r.text(6);
  a.status = r.text(7);
  a.due_on = r.opt_text(8);
  a.raised_by = r.opt_i64(9);
  a.created_at = r.i64(10);
  a.updated_at = r.i64(11);
  a.decision_id = r.opt_i64(12);
  a.theme_id = r.opt_i64(13);
  return a;
}

UpdateRow update_from(const store::Row& r) {
  UpdateRow u;
  u.id = r.i64(0);
  u.action_id = r.i64(1);
  u.status = r.text(2);
  u.text = r.text(3);
  u.link = r.opt_text(4);
  u.by_user = r.opt_i64(5);
  u.created_at = r.i64(6);
  return u;
}

std::vector<ActionRow> many(const store::Rows& rows) {
  std::vector<ActionRow> out;
  out.reserve(rows.size());
  for (const auto& r : rows) out.push_back(from(r));
  return out;
}

std::vector<UpdateRow> many_updates(const store::Rows& rows) {
  std::vector<UpdateRow> out;
  out.reserve(rows.size());
  for (const auto& r : rows) out.push_back(update_from(r));
  return out;
}

}  // namespace

std::int64_t insert_action(store::Conn& c, const ActionRow& a) {
  const store::Value args[] = {a.space_id,
                               a.source_kind,
                               opt_id(a.story_id),
                               a.organisation_id,
                               a.title,
                               a.details,
                               a.status,
                               store::opt(a.due_on),
                               opt_id(a.raised_by),
                               a.created_at,
                               a.updated_at,
                               opt_id(a.decision_id),
                               opt_id(a.theme_id)};
  return c.query(kInsert, args).at(0).i64(0);
}

std::optional<ActionRow> action(store::Conn& c, std::int64_t id) {
  auto r = c.one(select("id = ?"), id);
  if (!r) return std::nullopt;
  return from(*r);
}

bool set_status(store::Conn& c, std::int64_t id, const std::string& from, const std::string& to, std::int64_t now) {
  c.q(kSetStatus, to, now, id, from);
  return c.changes() == 1;
}

std::vector<ActionRow> actions_in(store::Conn& c, std::int64_t space_id) {
  return many(c.q(select("space_id = ? ORDER BY created_at DESC, id DESC"), space_id));
}

std::int64_t count_in(store::Conn& c, std::int64_t space_id, const Filter& f) {
  std::vector<store::Value> args;
  const auto where = filtered(f, space_id, args);
  return c.query("SELECT COUNT(*) FROM actions WHERE " + where, args).at(0).i64(0);
}

// The page's ids first, from the index alone (space_id, [status | organisation_id,]
// created_at, id: on SQLite every index ends in the rowid, on PostgreSQL migration 0029
// adds it), then those rows: a late page (OFFSET 9,950 at 10,000 actions) then skips
// index entries, not rows read and sorted.
std::vector<ActionRow> page_in(store::Conn& c, std::int64_t space_id, const Filter& f, std::int64_t offset,
                               std::int64_t limit) {
  std::vector<store::Value> args;
  const auto where = filtered(f, space_id, args);
  args.emplace_back(limit);
  args.emplace_back(offset);
  const auto in_page = "id IN (SELECT id FROM actions WHERE " + where +
                       " ORDER BY created_at DESC, id DESC LIMIT ? OFFSET ?) ORDER BY created_at DESC, id DESC";
  return many(c.query(select(in_page.c_str()), args));
}

std::vector<std::int64_t> changed_story_ids(store::Conn& c, std::int64_t space_id) {
  std::vector<std::int64_t> out;
  for (const auto& r : c.q(kChangedStories, space_id)) out.push_back(r.i64(0));
  return out;
}

std::vector<ActionRow> from_stories(store::Conn& c, std::int64_t space_id, const std::vector<std::int64_t>& story_ids) {
  std::vector<ActionRow> out;
  store::for_id_slices(story_ids, {space_id}, [&](const std::string& in, const std::vector<store::Value>& args) {
    const auto where = "space_id = ? AND story_id IN " + in + " ORDER BY id";
    for (auto& a : many(c.query(select(where.c_str()), args))) out.push_back(std::move(a));
  });
  return out;
}

std::vector<UpdateRow> updates_of(store::Conn& c, const std::vector<std::int64_t>& action_ids) {
  std::vector<UpdateRow> out;
  store::for_id_slices(action_ids, {}, [&](const std::string& in, const std::vector<store::Value>& args) {
    const auto sql = std::string("SELECT ") + kUpdateColumns + " FROM action_updates u WHERE u.action_id IN " + in +
                     " ORDER BY u.id";
    for (auto& u : many_updates(c.query(sql, args))) out.push_back(std::move(u));
  });
  return out;
}

void insert_update(store::Conn& c, std::int64_t action_id, const std::string& status, const std::string& text,
                   const std::optional<std::string>& link, std::optional<std::int64_t> by_user, std::int64_t now) {
  const store::Value args[] = {action_id, status, text, store::opt(link), opt_id(by_user), now};
  c.query(kInsertUpdate, args);
}

std::vector<UpdateRow> updates(store::Conn& c, std::int64_t action_id) {
  return many_updates(
      c.q(std::string("SELECT ") + kUpdateColumns + " FROM action_updates u WHERE u.action_id = ? ORDER BY u.id",
          action_id));
}

std::vector<UpdateRow> updates_in(store::Conn& c, std::int64_t space_id) {
  return many_updates(c.q(std::string("SELECT ") + kUpdateColumns +
                              " FROM action_updates u JOIN actions a ON a.id = u.action_id WHERE a.space_id = ? "
                              "ORDER BY u.id",
                          space_id));
}

bool page_public(store::Conn& c, std::int64_t space_id) {
  auto r = c.one(kPublic, space_id);
  return r && r->i64(0) != 0;
}

void set_page_public(store::Conn& c, std::int64_t space_id, bool on, std::int64_t now) {
  c.q(kSetPublic, space_id, on, now);
}

std::vector<ActionRow> open_actions(store::Conn& c) {
  return many(c.q(select("status NOT IN ('made', 'not_changing') ORDER BY id")));
}

bool claim_reminder(store::Conn& c, std::int64_t action_id, const std::string& kind, const std::string& key,
                    std::int64_t now) {
  c.q(kClaim, action_id, kind, key, now);
  return c.changes() == 1;
}

void erase_person(store::Conn& c, std::int64_t user_id) {
  c.q(kEraseRaised, user_id);
  c.q(kEraseUpdates, user_id);
}

std::vector<ActionRow> raised_by(store::Conn& c, std::int64_t user_id) {
  return many(c.q(select("raised_by = ? ORDER BY id"), user_id));
}

std::vector<UpdateRow> updates_by(store::Conn& c, std::int64_t user_id) {
  return many_updates(c.q(
      std::string("SELECT ") + kUpdateColumns + " FROM action_updates u WHERE u.by_user = ? ORDER BY u.id", user_id));
}

}  // namespace hs::actions::repo
