#include "modules/decisions/commands/support.hpp"

#include <map>
#include <mutex>

#include "core/crypto.hpp"
#include "core/view.hpp"
#include "modules/decisions/commands/commands.hpp"
#include "modules/decisions/form.hpp"
#include "modules/decisions/permissions.hpp"
#include "modules/spaces/module.hpp"
#include "services/services.hpp"

namespace hs::decisions {

namespace {

// What other modules registered with this server at start-up (Services::kept).
struct Subjects {
  std::mutex mu;
  std::map<std::string, SubjectHooks> hooks;
};

}  // namespace

void register_subject(Services& app, const std::string& subject_kind, SubjectHooks h) {
  auto& s = app.kept<Subjects>();
  std::lock_guard g(s.mu);
  s.hooks[subject_kind] = std::move(h);
}

namespace commands {

const SubjectHooks* subject_hooks(Services& app, const std::string& subject_kind) {
  auto& s = app.kept<Subjects>();
  std::lock_guard g(s.mu);
  auto it = s.hooks.find(subject_kind);
  return it == s.hooks.end() ? nullptr : &it->second;
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

std::string site_link(const Services& app, const std::string& path) { return app.link(path); }

std::string sha256(std::string_view text) { return crypto::sha256_hex(text); }

std::string when_text(const Services& app, std::int64_t t) {
  auto p = date_parts(t);
  return app.words->format(
      "decisions_when",
      {{"day", p.day}, {"month", app.words->t("spaces_month_" + p.month)}, {"year", p.year}, {"time", p.time}});
}

}  // namespace commands
}  // namespace hs::decisions
