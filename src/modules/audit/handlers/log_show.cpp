// GET /spaces/{slug}/audit: what the log is, its public key and largest signed head, an
// alarm when the stored log no longer matches that head, for an auditor how the log
// compares with the head they saw last time, how to check it, and the newest entries.
// POST /spaces/{slug}/audit/head: sign it now.
// GET /spaces/{slug}/audit/export: the whole log, for `humanspace audit verify`.
#include <sstream>

#include "core/dates.hpp"
#include "modules/audit/commands/commands.hpp"
#include "modules/audit/handlers/common.hpp"
#include "modules/audit/handlers/handlers.hpp"
#include "modules/audit/permissions.hpp"
#include "modules/audit/verify.hpp"
#include "web/render.hpp"

namespace hs::audit::handlers {

using web::Context;
using web::Response;
using web::View;

namespace {

constexpr std::int64_t kRecent = 20;

// Hex in groups of eight, so a person can compare a key by eye, a group at a time.
std::string grouped(const std::string& hex) {
  std::string out;
  for (std::size_t i = 0; i < hex.size(); i += 8) {
    if (i) out += ' ';
    out += hex.substr(i, 8);
  }
  return out;
}

// What this auditor is told about the log against the head they saw last time.
void add_seen_head(Context& c, View& v, std::int64_t space_id) {
  using O = commands::SeenCheck::Outcome;
  const auto seen = commands::check_seen_head(c.app, space_id, c.viewer->user_id);
  const std::vector<std::pair<std::string, std::string>> args = {
      {"seen", std::to_string(seen.seen_size)}, {"size", std::to_string(seen.size)}, {"root", grouped(seen.seen_root)}};
  std::string key;
  switch (seen.outcome) {
    case O::none: return;
    case O::first: key = "audit_seen_first"; break;
    case O::same: key = "audit_seen_same"; break;
    case O::grown: key = "audit_seen_grown"; break;
    case O::smaller: key = "audit_seen_smaller"; break;
    case O::inconsistent: key = "audit_seen_inconsistent"; break;
  }
  View item;
  item.set("message", c.app.renderer->format(key, args));
  item.set("alarm", seen.outcome == O::smaller || seen.outcome == O::inconsistent);
  v.set("seen", std::move(item));
}

}  // namespace

Response log_show(Context& c) {
  auto l = load_space(c);
  if (!l) return not_found(c);
  if (!permissions::view_log(l->subject)) return denied(c);
  return render_log_page(c, *l, [&](View& v) {
    if (c.query_param("notice") == "signed") v.set("notice", c.t("audit_notice_signed"));
    if (c.query_param("notice") == "finding") v.set("notice", c.t("audit_notice_finding"));
    if (c.query_param("notice") == "digest_on") v.set("notice", c.t("audit_digest_notice_on"));
    if (c.query_param("notice") == "digest_off") v.set("notice", c.t("audit_digest_notice_off"));
  });
}

Response render_log_page(Context& c, const Loaded& loaded, const std::function<void(View&)>& extra, int status) {
  const Loaded* l = &loaded;
  auto s = commands::summary(c.app, l->space.id, kRecent);

  View v = c.view("audit_title");
  v.set("page_title", c.app.renderer->format("audit_page_title", {{"space", l->space.name}}));
  View space;
  space.set("slug", l->space.slug);
  space.set("name", l->space.name);
  v.set("space", std::move(space));
  // The feed link carries the reader's own key, so a feed reader can follow it without
  // signing in (see feed_key).
  std::string feed = "/spaces/" + l->space.slug + "/audit/heads.atom";
  if (c.viewer) feed += "?key=" + feed_key(c.app, l->space.id, c.viewer->user_id);
  v.set("feed_url", feed);
  v.set("size", s.size);
  v.set("has_entries", s.size > 0);
  if (s.public_key) v.set("public_key", grouped(*s.public_key));
  if (s.head) {
    View head;
    head.set("summary", c.app.renderer->format("audit_head_value", {{"size", std::to_string(s.head->size)},
                                                                    {"time", utc_time(s.head->timestamp)}}));
    head.set("root", grouped(s.head->root));
    if (s.size > s.head->size)
      head.set("unsigned",
               c.app.renderer->format("audit_head_unsigned", {{"count", std::to_string(s.size - s.head->size)}}));
    v.set("head", std::move(head));
  }
  if (s.head && !s.matches_head) {
    // The database lost or changed entries a signature vouched for: say so to everyone
    // who can read the log, before anything else.
    const auto head_size = std::to_string(s.head->size);
    v.set("alarm", s.size < s.head->size
                       ? c.app.renderer->format("audit_alarm_cut_short",
                                                {{"size", std::to_string(s.size)}, {"head_size", head_size}})
                       : c.app.renderer->format("audit_alarm_rewritten", {{"head_size", head_size}}));
  }
  if (s.head && c.viewer && permissions::compare_heads(l->subject)) add_seen_head(c, v, l->space.id);
  v.set("can_sign", permissions::sign_head(l->subject) && s.size > 0);
  View entries = View::list();
  for (const auto& e : s.recent) {
    View item;
    item.set("seq", e.seq);
    auto info = entry_info(e.entry).value_or(EntryInfo{e.seq, 0, ""});
    item.set("kind", info.kind);
    item.set("time", utc_time(info.at));
    item.set("iso", dates::format(info.at, dates::Style::rfc3339));
    entries.push(std::move(item));
  }
  v.set("entries", std::move(entries));
  v.set("more_entries", s.size > kRecent);
  v.set("can_verify", permissions::run_verification(l->subject) && s.size > 0);
  if (c.viewer && permissions::email_heads(l->subject)) {
    View digest;
    digest.set("on", commands::digest_on(c.app, l->space.id, c.viewer->user_id));
    v.set("digest", std::move(digest));
  }
  add_findings(c, v, *l);
  if (extra) extra(v);
  return c.page("audit/show", v, status);
}

Response head_sign(Context& c) {
  auto l = load_space(c);
  if (!l) return not_found(c);
  if (!permissions::sign_head(l->subject)) return denied(c);
  auto r = commands::sign_head(c.app, l->space.id);
  if (!r) return c.error_page(r.error());
  return c.redirect("/spaces/" + l->space.slug + "/audit?notice=signed");
}

Response export_download(Context& c) {
  auto l = load_space(c);
  if (!l) return not_found(c);
  if (!permissions::view_log(l->subject)) return denied(c);
  std::ostringstream out;
  auto r = commands::write_export(c.app, {l->space.id, l->space.slug, l->space.name}, out);
  if (!r) return c.error_page(r.error());
  Response res;
  res.body = std::move(out).str();
  res.set("Content-Type", "application/json; charset=utf-8");
  res.set("Content-Disposition", "attachment; filename=\"" + l->space.slug + "-decision-log.json\"");
  res.set("Cache-Control", "no-store");
  return res;
}

}  // namespace hs::audit::handlers
