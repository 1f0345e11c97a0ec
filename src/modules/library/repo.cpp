#include "modules/library/repo.hpp"

#include <unordered_map>

#include "store/db.hpp"

namespace hs::library::repo {

namespace {

constexpr const char* kColumns = R"(r.id, r.space_id, r.added_by, r.kind, r.title, r.description, r.url, r.stored_name,
r.file_name, r.media_type, r.size_bytes, r.conversation_id, r.state, r.remove_reason, r.created_at, r.updated_at)";

ResourceRow from(const store::Row& r) {
  ResourceRow x;
  x.id = r.i64(0);
  x.space_id = r.i64(1);
  x.added_by = r.opt_i64(2);
  x.kind = r.text(3);
  x.title = r.text(4);
  x.description = r.text(5);
  x.url = r.opt_text(6);
  x.stored_name = r.opt_text(7);
  x.file_name = r.opt_text(8);
  x.media_type = r.opt_text(9);
  x.size_bytes = r.opt_i64(10);
  x.conversation_id = r.opt_i64(11);
  x.state = r.text(12);
  x.remove_reason = r.opt_text(13);
  x.created_at = r.i64(14);
  x.updated_at = r.i64(15);
  return x;
}

store::Value opt_id(const std::optional<std::int64_t>& v) { return v ? store::Value(*v) : store::Value(store::Null{}); }

std::vector<std::string> tags_of(store::Conn& c, std::int64_t id) {
  std::vector<std::string> out;
  for (const auto& r : c.q("SELECT tag FROM library_tags WHERE resource_id = ? ORDER BY tag", id))
    out.push_back(r.text(0));
  return out;
}

// Tags for many resources in one read.
void attach_tags(store::Conn& c, std::int64_t space_id, std::vector<ResourceRow>& rows) {
  if (rows.empty()) return;
  std::unordered_map<std::int64_t, ResourceRow*> by_id;
  for (auto& r : rows) by_id[r.id] = &r;
  for (const auto& t : c.q(R"(SELECT t.resource_id, t.tag FROM library_tags t
JOIN library_resources r ON r.id = t.resource_id
WHERE r.space_id = ? AND r.state = 'shown' ORDER BY t.tag)",
                           space_id))
    if (auto it = by_id.find(t.i64(0)); it != by_id.end()) it->second->tags.push_back(t.text(1));
}

}  // namespace

std::int64_t insert(store::Conn& c, const ResourceRow& r) {
  auto id = c.one(R"(INSERT INTO library_resources (space_id, added_by, kind, title, description, url, stored_name,
file_name, media_type, size_bytes, conversation_id, state, remove_reason, created_at, updated_at)
VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id)",
                  r.space_id, opt_id(r.added_by), r.kind, r.title, r.description, r.url, r.stored_name,
                  r.file_name, r.media_type, opt_id(r.size_bytes), opt_id(r.conversation_id), r.state,
                  r.remove_reason, r.created_at, r.updated_at)
                ->i64(0);
  for (const auto& t : r.tags) c.q("INSERT INTO library_tags (resource_id, tag) VALUES (?, ?)", id, t);
  return id;
}

std::optional<ResourceRow> resource(store::Conn& c, std::int64_t id) {
  auto r = c.one(std::string("SELECT ") + kColumns + " FROM library_resources r WHERE r.id = ?", id);
  if (!r) return std::nullopt;
  auto x = from(*r);
  x.tags = tags_of(c, id);
  return x;
}

std::vector<ResourceRow> shown_in(store::Conn& c, std::int64_t space_id, const std::string& tag) {
  std::vector<ResourceRow> out;
  const std::string base = std::string("SELECT ") + kColumns + " FROM library_resources r ";
  auto rows = tag.empty()
                  ? c.q(base + "WHERE r.space_id = ? AND r.state = 'shown' ORDER BY r.created_at DESC, r.id DESC",
                        space_id)
                  : c.q(base + R"(WHERE r.space_id = ? AND r.state = 'shown'
AND EXISTS (SELECT 1 FROM library_tags t WHERE t.resource_id = r.id AND t.tag = ?)
ORDER BY r.created_at DESC, r.id DESC)",
                        space_id, tag);
  for (const auto& r : rows) out.push_back(from(r));
  attach_tags(c, space_id, out);
  return out;
}

std::vector<std::pair<std::string, std::int64_t>> tags_in(store::Conn& c, std::int64_t space_id) {
  std::vector<std::pair<std::string, std::int64_t>> out;
  for (const auto& r : c.q(R"(SELECT t.tag, COUNT(*) FROM library_tags t
JOIN library_resources r ON r.id = t.resource_id
WHERE r.space_id = ? AND r.state = 'shown' GROUP BY t.tag ORDER BY t.tag)",
                           space_id))
    out.emplace_back(r.text(0), r.i64(1));
  return out;
}

void set_removed(store::Conn& c, std::int64_t id, const std::optional<std::string>& reason, std::int64_t now) {
  c.q(R"(UPDATE library_resources SET state = 'removed', remove_reason = ?, stored_name = NULL, size_bytes = NULL,
updated_at = ? WHERE id = ?)",
      reason, now, id);
}

std::vector<ResourceRow> added_by(store::Conn& c, std::int64_t user_id) {
  std::vector<ResourceRow> out;
  for (const auto& r :
       c.q(std::string("SELECT ") + kColumns + " FROM library_resources r WHERE r.added_by = ? ORDER BY r.id", user_id)) {
    out.push_back(from(r));
    out.back().tags = tags_of(c, out.back().id);
  }
  return out;
}

void delete_added_by(store::Conn& c, std::int64_t user_id) {
  c.q("DELETE FROM library_tags WHERE resource_id IN (SELECT id FROM library_resources WHERE added_by = ?)", user_id);
  c.q("DELETE FROM library_resources WHERE added_by = ?", user_id);
}

std::int64_t count(store::Conn& c) { return c.one("SELECT COUNT(*) FROM library_resources")->i64(0); }

}  // namespace hs::library::repo
