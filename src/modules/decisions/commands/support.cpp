#include "modules/decisions/commands/support.hpp"

#include <map>
#include <mutex>

#include "core/crypto.hpp"
#include "modules/decisions/commands/commands.hpp"
#include "modules/decisions/form.hpp"
#include "modules/decisions/permissions.hpp"
#include "modules/spaces/module.hpp"
#include "web/app.hpp"
#include "web/links.hpp"
#include "web/render.hpp"

namespace hs::decisions {

namespace {

std::mutex& hooks_mutex() {
  static std::mutex m;
  return m;
}
std::map<std::string, SubjectHooks>& hooks() {
  static std::map<std::string, SubjectHooks> h;
  return h;
}

}  // namespace

void register_subject(const std::string& subject_kind, SubjectHooks h) {
  std::lock_guard g(hooks_mutex());
  hooks()[subject_kind] = std::move(h);
}

namespace commands {

const SubjectHooks* subject_hooks(const std::string& subject_kind) {
  std::lock_guard g(hooks_mutex());
  auto it = hooks().find(subject_kind);
  return it == hooks().end() ? nullptr : &it->second;
}

spaces::Subject subject_in(store::Conn& c, std::int64_t space_id, std::int64_t user_id) {
  spaces::Subject s;
  s.signed_in = user_id > 0;
  s.role = spaces::role_in(c, space_id, user_id);
  return s;
}

std::int64_t eligible_now(store::Conn& c, std::int64_t space_id) {
  std::int64_t n = 0;
  for (const auto& m : spaces::members(c, space_id))
    if (permissions::votes(m.role)) ++n;
  return n;
}

std::string site_link(const web::App& app, const std::string& path) { return web::site_link(app, path); }

std::string sha256(std::string_view text) { return crypto::sha256_hex(text); }

std::string when_text(const web::App& app, std::int64_t t) {
  auto p = date_parts(t);
  return app.renderer->format(
      "decisions_when",
      {{"day", p.day}, {"month", app.renderer->t("spaces_month_" + p.month)}, {"year", p.year}, {"time", p.time}});
}

}  // namespace commands
}  // namespace hs::decisions
