#include "core/text.hpp"
#include "core/view.hpp"
#include "modules/events/commands/commands.hpp"
#include "modules/events/repo.hpp"
#include "modules/events/rules/join_code.hpp"
#include "modules/spaces/module.hpp"
#include "services/services.hpp"
#include "store/db.hpp"
#include "text/language.hpp"

namespace hs::events::commands {

std::string default_support_text(Services& app) {
  std::string out;
  for (int i = 1; i <= 5; ++i) {
    if (!out.empty()) out += "\n\n";
    out += app.words->t("support_default_" + std::to_string(i));
  }
  return out;
}

std::string starting_support_text(Services& app, std::int64_t space_id) {
  auto own = spaces::event_support_default(app, space_id);
  return own && !own->empty() ? *own : default_support_text(app);
}

Result<std::int64_t> create_event(Services& app, std::int64_t space_id, std::int64_t user_id, const EventInput& in,
                                  const std::string& support_text) {
  auto f = check_event(in, hs::text::languages());
  auto support = std::string(text::trim(support_text));
  const bool support_ok =
      text::valid_utf8(support) && text::length(support) <= 2000 && !text::has_control(support, true);
  if (!f || !support_ok) {
    Error e = f ? Error{ErrorCode::invalid, "common_fix_errors", {}} : f.error();
    if (!support_ok) e.fields.push_back({"support_text", "events_support_too_long"});
    return fail(e);
  }
  if (support.empty()) support = starting_support_text(app, space_id);
  // 31^6 codes: a clash is rare, and the unique index catches it; try a few times.
  for (int attempt = 0; attempt < 5; ++attempt) {
    auto code = crypto::random_from(kJoinAlphabet, kJoinCodeLength);
    try {
      return app.store->write([&](store::Conn& c) -> Result<std::int64_t> {
        auto id = repo::insert_event(c, space_id, *f, code, user_id, app.clock->now());
        repo::set_support(c, id, support);
        return id;
      });
    } catch (const store::StoreError& e) {
      if (!e.unique()) throw;
    }
  }
  return fail(ErrorCode::unavailable, "events_code_exhausted");
}

Result<Joined> join_event(Services& app, const std::string& typed_code, const std::string& nickname,
                          const std::string& existing_token) {
  auto nick = check_nickname(nickname);
  auto code = normalise_join_code(typed_code);
  Validation v;
  if (!code) v.add("code", "events_code_invalid");
  if (!nick) v.add("nickname", "events_nickname_too_long");
  if (!v.ok()) return fail(v.error());
  Joined j;
  j.token = crypto::random_token();
  auto r = app.store->write([&](store::Conn& c) -> Result<std::int64_t> {
    auto id = repo::event_id_by_code(c, *code);
    if (!id) return fail(Error{ErrorCode::not_found, "common_fix_errors", {{"code", "events_code_unknown"}}});
    std::optional<std::string> nk;
    if (!nick->empty()) nk = *nick;
    if (!existing_token.empty() && existing_token.size() < 100) {
      auto p = repo::participant_by_token(c, crypto::sha256_hex(existing_token));
      if (p && p->event_id == *id) {
        if (nk) repo::set_nickname(c, p->id, *nk);
        j.token = existing_token;
        return *id;
      }
    }
    repo::insert_participant(c, *id, crypto::sha256_hex(j.token), std::nullopt, nk, app.clock->now());
    return *id;
  });
  if (!r) return fail(r.error());
  j.event_id = *r;
  return j;
}

}  // namespace hs::events::commands
