#include "modules/spaces/repo.hpp"

#include "store/db.hpp"

namespace hs::spaces::repo {

namespace {

constexpr const char* kSpaceForViewer = R"(
SELECT s.id, s.slug, s.name, s.kind, s.purpose, s.visibility, s.code_of_conduct,
       m.role, r.status, r.created_at, r.decided_at,
       (SELECT COUNT(*) FROM memberships c WHERE c.space_id = s.id),
       (SELECT COUNT(*) FROM join_requests p WHERE p.space_id = s.id AND p.status = 'pending')
FROM spaces s
LEFT JOIN memberships m ON m.space_id = s.id AND m.user_id = ?
LEFT JOIN join_requests r
       ON r.id = (SELECT MAX(q.id) FROM join_requests q WHERE q.space_id = s.id AND q.user_id = ?)
WHERE s.slug = ?)";

constexpr const char* kSpaceById =
    "SELECT id, slug, name, kind, purpose, visibility, code_of_conduct FROM spaces WHERE id = ?";

constexpr const char* kSpaceIdBySlug = "SELECT id FROM spaces WHERE slug = ?";
constexpr const char* kEventSupportDefault = "SELECT event_support_default FROM spaces WHERE id = ?";
constexpr const char* kSetEventSupportDefault = "UPDATE spaces SET event_support_default = ? WHERE id = ?";

constexpr const char* kListedSpaces = R"(
SELECT s.id, s.slug, s.name, s.kind, s.purpose, s.visibility, COUNT(c.user_id)
FROM spaces s LEFT JOIN memberships c ON c.space_id = s.id
WHERE s.visibility = 'listed'
GROUP BY s.id, s.slug, s.name, s.kind, s.purpose, s.visibility
ORDER BY s.name, s.id)";

constexpr const char* kSpacesOf = R"(
SELECT s.id, s.slug, s.name, s.kind, s.purpose, s.visibility, m.role
FROM memberships m JOIN spaces s ON s.id = m.space_id
WHERE m.user_id = ?
ORDER BY s.name, s.id)";

constexpr const char* kSlugsLike = "SELECT slug FROM spaces WHERE slug = ? OR slug LIKE ?";

constexpr const char* kSlugTaken = "SELECT 1 FROM spaces WHERE slug = ? AND id <> ?";

constexpr const char* kInsertSpace = R"(
INSERT INTO spaces (slug, name, kind, purpose, visibility, code_of_conduct, created_by, created_at, updated_at)
VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id)";

constexpr const char* kUpdateSpace = R"(
UPDATE spaces SET slug = ?, name = ?, kind = ?, purpose = ?, visibility = ?, code_of_conduct = ?, updated_at = ?
WHERE id = ?)";

constexpr const char* kLockSpace = "UPDATE spaces SET updated_at = updated_at WHERE id = ?";

constexpr const char* kRoleOf = "SELECT role FROM memberships WHERE space_id = ? AND user_id = ?";

constexpr const char* kCountStewards = "SELECT COUNT(*) FROM memberships WHERE space_id = ? AND role = 'steward'";

constexpr const char* kAddMember = R"(
INSERT INTO memberships (space_id, user_id, role, code_accepted_at, joined_at) VALUES (?, ?, ?, ?, ?)
ON CONFLICT (space_id, user_id) DO NOTHING)";

constexpr const char* kSetRole = "UPDATE memberships SET role = ? WHERE space_id = ? AND user_id = ?";

constexpr const char* kRemoveMember = "DELETE FROM memberships WHERE space_id = ? AND user_id = ?";

constexpr const char* kMembers = R"(
SELECT u.id, u.display_name, u.pronouns, m.role
FROM memberships m JOIN users u ON u.id = m.user_id
WHERE m.space_id = ?
ORDER BY u.display_name, u.id)";

constexpr const char* kDeciders =
    "SELECT user_id FROM memberships WHERE space_id = ? AND role IN ('facilitator', 'steward') ORDER BY user_id";

constexpr const char* kElevated =
    "SELECT 1 FROM memberships WHERE user_id = ? AND role IN ('facilitator', 'auditor', 'steward') LIMIT 1";

constexpr const char* kLatestRequest =
    "SELECT status, decided_at FROM join_requests WHERE space_id = ? AND user_id = ? ORDER BY id DESC LIMIT 1";

constexpr const char* kInsertRequest = R"(
INSERT INTO join_requests (space_id, user_id, message, status, code_accepted_at, created_at)
VALUES (?, ?, ?, 'pending', ?, ?) RETURNING id)";

constexpr const char* kPendingRequests = R"(
SELECT r.id, r.user_id, u.display_name, u.pronouns, r.message, r.status, r.created_at
FROM join_requests r JOIN users u ON u.id = r.user_id
WHERE r.space_id = ? AND r.status = 'pending'
ORDER BY r.created_at, r.id)";

constexpr const char* kRequestInSpace = R"(
SELECT r.id, r.user_id, u.display_name, u.pronouns, r.message, r.status, r.created_at
FROM join_requests r JOIN users u ON u.id = r.user_id
WHERE r.space_id = ? AND r.id = ?)";

constexpr const char* kSetRequestStatus = R"(
UPDATE join_requests SET status = ?, decided_at = ?, decided_by = ? WHERE id = ? AND status = 'pending')";

constexpr const char* kApprovePendingOf = R"(
UPDATE join_requests SET status = 'approved', decided_at = ?
WHERE space_id = ? AND user_id = ? AND status = 'pending')";

constexpr const char* kInsertInvitation = R"(
INSERT INTO invitations (space_id, token_hash, email_sealed, created_by, created_at, expires_at)
VALUES (?, ?, ?, ?, ?, ?) RETURNING id)";

constexpr const char* kInvitations = R"(
SELECT i.id, i.space_id, i.email_sealed, i.created_at, i.expires_at, i.used_at, c.display_name, u.display_name
FROM invitations i
LEFT JOIN users c ON c.id = i.created_by
LEFT JOIN users u ON u.id = i.used_by
WHERE i.space_id = ?
ORDER BY i.created_at DESC, i.id DESC
LIMIT 100)";

constexpr const char* kInvitationByHash = R"(
SELECT i.id, i.space_id, i.email_sealed, i.created_at, i.expires_at, i.used_at
FROM invitations i WHERE i.token_hash = ?)";

constexpr const char* kUseInvitation =
    "UPDATE invitations SET used_by = ?, used_at = ? WHERE id = ? AND used_at IS NULL";

// Erasure: what was about the person goes; others' records keep their facts without them.
constexpr const char* kEraseMemberships = "DELETE FROM memberships WHERE user_id = ?";
constexpr const char* kEraseRequests = "DELETE FROM join_requests WHERE user_id = ?";
constexpr const char* kEraseInvitationsUsed = "DELETE FROM invitations WHERE used_by = ?";
constexpr const char* kForgetInviter = "UPDATE invitations SET created_by = NULL WHERE created_by = ?";
constexpr const char* kForgetDecider = "UPDATE join_requests SET decided_by = NULL WHERE decided_by = ?";
constexpr const char* kForgetCreator = "UPDATE spaces SET created_by = NULL WHERE created_by = ?";

constexpr const char* kMembershipsOf = R"(
SELECT s.name, s.slug, m.role, m.joined_at, m.code_accepted_at
FROM memberships m JOIN spaces s ON s.id = m.space_id
WHERE m.user_id = ? ORDER BY m.joined_at, s.id)";

constexpr const char* kRequestsOf = R"(
SELECT s.name, s.slug, r.status, r.message, r.created_at, r.decided_at
FROM join_requests r JOIN spaces s ON s.id = r.space_id
WHERE r.user_id = ? ORDER BY r.created_at, r.id)";

SpaceRow space_row(const store::Row& r) {
  return SpaceRow{r.i64(0), r.text(1), r.text(2), r.text(3), r.text(4), r.text(5), r.text(6)};
}

RequestRow request_row(const store::Row& r) {
  return RequestRow{r.i64(0), r.i64(1), r.text(2), r.opt_text(3), r.opt_text(4), r.text(5), r.i64(6)};
}

}  // namespace

std::optional<SpaceForViewer> space_for_viewer(store::Conn& c, const std::string& slug, std::int64_t viewer) {
  auto r = c.one(kSpaceForViewer, viewer, viewer, slug);
  if (!r) return std::nullopt;
  SpaceForViewer v;
  v.space = space_row(*r);
  v.role = r->text(7);
  v.request_status = r->text(8);
  v.request_created_at = r->i64(9);
  v.request_decided_at = r->i64(10);
  v.members = r->i64(11);
  v.pending_requests = r->i64(12);
  return v;
}

std::optional<std::string> event_support_default(store::Conn& c, std::int64_t space_id) {
  auto r = c.one(kEventSupportDefault, space_id);
  if (!r) return std::nullopt;
  return r->opt_text(0);
}

void set_event_support_default(store::Conn& c, std::int64_t space_id, const std::optional<std::string>& text) {
  c.q(kSetEventSupportDefault, text, space_id);
}

std::optional<SpaceRow> space_by_id(store::Conn& c, std::int64_t id) {
  auto r = c.one(kSpaceById, id);
  if (!r) return std::nullopt;
  return space_row(*r);
}

std::optional<std::int64_t> space_id_by_slug(store::Conn& c, const std::string& slug) {
  auto r = c.one(kSpaceIdBySlug, slug);
  if (!r) return std::nullopt;
  return r->i64(0);
}

std::vector<SpaceCard> listed_spaces(store::Conn& c) {
  std::vector<SpaceCard> out;
  for (const auto& r : c.q(kListedSpaces))
    out.push_back(SpaceCard{r.i64(0), r.text(1), r.text(2), r.text(3), r.text(4), r.text(5), r.i64(6), ""});
  return out;
}

std::vector<SpaceCard> spaces_of(store::Conn& c, std::int64_t user_id) {
  std::vector<SpaceCard> out;
  for (const auto& r : c.q(kSpacesOf, user_id))
    out.push_back(SpaceCard{r.i64(0), r.text(1), r.text(2), r.text(3), r.text(4), r.text(5), 0, r.text(6)});
  return out;
}

std::vector<std::string> slugs_like(store::Conn& c, const std::string& base) {
  std::vector<std::string> out;
  for (const auto& r : c.q(kSlugsLike, base, base + "-%")) out.push_back(r.text(0));
  return out;
}

bool slug_taken(store::Conn& c, const std::string& slug, std::int64_t except_space) {
  return c.one(kSlugTaken, slug, except_space).has_value();
}

std::int64_t insert_space(store::Conn& c, const std::string& slug, const std::string& name, const std::string& kind,
                          const std::string& purpose, const std::string& visibility, const std::string& code,
                          std::int64_t created_by, std::int64_t now) {
  return c.one(kInsertSpace, slug, name, kind, purpose, visibility, code, created_by, now, now)->i64(0);
}

void update_space(store::Conn& c, std::int64_t id, const std::string& slug, const std::string& name,
                  const std::string& kind, const std::string& purpose, const std::string& visibility,
                  const std::string& code, std::int64_t now) {
  c.q(kUpdateSpace, slug, name, kind, purpose, visibility, code, now, id);
}

void lock_space(store::Conn& c, std::int64_t space_id) { c.q(kLockSpace, space_id); }

std::string role_of(store::Conn& c, std::int64_t space_id, std::int64_t user_id) {
  auto r = c.one(kRoleOf, space_id, user_id);
  return r ? r->text(0) : std::string();
}

std::int64_t count_stewards(store::Conn& c, std::int64_t space_id) { return c.one(kCountStewards, space_id)->i64(0); }

bool add_member(store::Conn& c, std::int64_t space_id, std::int64_t user_id, const std::string& role,
                std::optional<std::int64_t> code_accepted_at, std::int64_t now) {
  store::Value accepted = code_accepted_at ? store::Value(*code_accepted_at) : store::Value(store::Null{});
  const store::Value args[] = {space_id, user_id, role, accepted, now};
  c.query(kAddMember, args);
  return c.changes() > 0;
}

void set_role(store::Conn& c, std::int64_t space_id, std::int64_t user_id, const std::string& role) {
  c.q(kSetRole, role, space_id, user_id);
}

void remove_member(store::Conn& c, std::int64_t space_id, std::int64_t user_id) {
  c.q(kRemoveMember, space_id, user_id);
}

std::vector<MemberRow> members(store::Conn& c, std::int64_t space_id) {
  std::vector<MemberRow> out;
  for (const auto& r : c.q(kMembers, space_id)) out.push_back(MemberRow{r.i64(0), r.text(1), r.opt_text(2), r.text(3)});
  return out;
}

std::vector<std::pair<std::int64_t, std::string>> member_roles(store::Conn& c, std::int64_t space_id) {
  std::vector<std::pair<std::int64_t, std::string>> out;
  for (const auto& r : c.q("SELECT user_id, role FROM memberships WHERE space_id = ?", space_id))
    out.emplace_back(r.i64(0), r.text(1));
  return out;
}

std::vector<std::int64_t> deciders(store::Conn& c, std::int64_t space_id) {
  std::vector<std::int64_t> out;
  for (const auto& r : c.q(kDeciders, space_id)) out.push_back(r.i64(0));
  return out;
}

bool holds_elevated_role(store::Conn& c, std::int64_t user_id) { return c.one(kElevated, user_id).has_value(); }

std::optional<LatestRequest> latest_request(store::Conn& c, std::int64_t space_id, std::int64_t user_id) {
  auto r = c.one(kLatestRequest, space_id, user_id);
  if (!r) return std::nullopt;
  return LatestRequest{r->text(0), r->i64(1)};
}

std::int64_t insert_request(store::Conn& c, std::int64_t space_id, std::int64_t user_id,
                            const std::optional<std::string>& message, std::int64_t now) {
  return c.one(kInsertRequest, space_id, user_id, message, now, now)->i64(0);
}

std::vector<RequestRow> pending_requests(store::Conn& c, std::int64_t space_id) {
  std::vector<RequestRow> out;
  for (const auto& r : c.q(kPendingRequests, space_id)) out.push_back(request_row(r));
  return out;
}

std::optional<RequestRow> request_in_space(store::Conn& c, std::int64_t space_id, std::int64_t id) {
  auto r = c.one(kRequestInSpace, space_id, id);
  if (!r) return std::nullopt;
  return request_row(*r);
}

bool set_request_status(store::Conn& c, std::int64_t id, const std::string& status, std::int64_t decided_by,
                        std::int64_t now) {
  c.q(kSetRequestStatus, status, now, decided_by, id);
  return c.changes() > 0;
}

void approve_pending_of(store::Conn& c, std::int64_t space_id, std::int64_t user_id, std::int64_t now) {
  c.q(kApprovePendingOf, now, space_id, user_id);
}

std::int64_t insert_invitation(store::Conn& c, std::int64_t space_id, const std::string& token_hash,
                               const std::optional<std::string>& email_sealed, std::int64_t created_by,
                               std::int64_t now, std::int64_t expires_at) {
  return c.one(kInsertInvitation, space_id, token_hash, email_sealed, created_by, now, expires_at)->i64(0);
}

std::vector<InvitationRow> invitations(store::Conn& c, std::int64_t space_id) {
  std::vector<InvitationRow> out;
  for (const auto& r : c.q(kInvitations, space_id))
    out.push_back(
        InvitationRow{r.i64(0), r.i64(1), r.opt_text(2), r.i64(3), r.i64(4), r.opt_i64(5), r.text(6), r.text(7)});
  return out;
}

std::optional<InvitationRow> invitation_by_hash(store::Conn& c, const std::string& token_hash) {
  auto r = c.one(kInvitationByHash, token_hash);
  if (!r) return std::nullopt;
  return InvitationRow{r->i64(0), r->i64(1), r->opt_text(2), r->i64(3), r->i64(4), r->opt_i64(5), "", ""};
}

bool use_invitation(store::Conn& c, std::int64_t id, std::int64_t user_id, std::int64_t now) {
  c.q(kUseInvitation, user_id, now, id);
  return c.changes() > 0;
}

void erase_person(store::Conn& c, std::int64_t user_id) {
  c.q(kEraseMemberships, user_id);
  c.q(kEraseRequests, user_id);
  c.q(kEraseInvitationsUsed, user_id);
  c.q(kForgetInviter, user_id);
  c.q(kForgetDecider, user_id);
  c.q(kForgetCreator, user_id);
}

std::vector<MembershipExport> memberships_of(store::Conn& c, std::int64_t user_id) {
  std::vector<MembershipExport> out;
  for (const auto& r : c.q(kMembershipsOf, user_id))
    out.push_back(MembershipExport{r.text(0), r.text(1), r.text(2), r.i64(3), r.opt_i64(4)});
  return out;
}

std::vector<RequestExport> requests_of(store::Conn& c, std::int64_t user_id) {
  std::vector<RequestExport> out;
  for (const auto& r : c.q(kRequestsOf, user_id))
    out.push_back(RequestExport{r.text(0), r.text(1), r.text(2), r.opt_text(3), r.i64(4), r.opt_i64(5)});
  return out;
}

}  // namespace hs::spaces::repo
