// What members see of the library: its resources with who added them and the
// conversation each came from (when the reader may read it), its tags, and a file to
// download.
#include <map>

#include "modules/accounts/module.hpp"
#include "modules/conversations/module.hpp"
#include "modules/library/commands/commands.hpp"
#include "modules/library/commands/support.hpp"
#include "modules/library/repo.hpp"
#include "services/services.hpp"
#include "store/db.hpp"

namespace hs::library::commands {

spaces::Subject subject_in(store::Conn& c, std::int64_t space_id, std::int64_t user_id) {
  spaces::Subject s;
  s.signed_in = user_id > 0;
  s.role = user_id > 0 ? spaces::role_in(c, space_id, user_id) : spaces::Role::none;
  if (auto space = spaces::space_by_id(c, space_id))
    s.visibility = spaces::parse_visibility(space->visibility).value_or(spaces::Visibility::private_space);
  return s;
}

namespace {

std::vector<Shown> shown(Services& app, store::Conn& c, const spaces::Subject& who, std::int64_t user_id,
                         std::vector<ResourceRow> rows, const std::map<std::int64_t, std::string>& titles) {
  std::vector<std::int64_t> people;
  for (const auto& r : rows)
    if (r.added_by) people.push_back(*r.added_by);
  auto names = accounts::display_names(app, c, people);
  std::vector<Shown> out;
  for (auto& r : rows) {
    Shown s;
    s.yours = r.added_by && *r.added_by == user_id;
    s.can_remove = permissions::remove_resource(who, s.yours);
    if (r.added_by)
      if (auto it = names.find(*r.added_by); it != names.end()) s.added_by_name = it->second;
    if (r.conversation_id)
      if (auto it = titles.find(*r.conversation_id); it != titles.end()) s.conversation_title = it->second;
    s.row = std::move(r);
    out.push_back(std::move(s));
  }
  return out;
}

std::map<std::int64_t, std::string> titles(Services& app, std::int64_t space_id, std::int64_t user_id) {
  std::map<std::int64_t, std::string> out;
  for (auto& x : conversations::readable_conversations(app, space_id, user_id)) out[x.id] = std::move(x.title);
  return out;
}

}  // namespace

Result<Library> library(Services& app, std::int64_t space_id, std::int64_t user_id, const std::string& tag) {
  auto who = app.store->with([&](store::Conn& c) { return subject_in(c, space_id, user_id); });
  if (!permissions::view_library(who)) return fail(ErrorCode::not_found, "library_not_found");
  auto t = titles(app, space_id, user_id);
  return app.store->with([&](store::Conn& c) {
    Library l;
    l.subject = who;
    l.resources = shown(app, c, who, user_id, repo::shown_in(c, space_id, tag), t);
    l.tags = repo::tags_in(c, space_id);
    return l;
  });
}

Result<Shown> resource(Services& app, std::int64_t space_id, std::int64_t resource_id, std::int64_t user_id) {
  auto t = titles(app, space_id, user_id);
  return app.store->with([&](store::Conn& c) -> Result<Shown> {
    auto who = subject_in(c, space_id, user_id);
    auto row = repo::resource(c, resource_id);
    if (!row || row->space_id != space_id || row->state != "shown" || !permissions::view_library(who))
      return fail(ErrorCode::not_found, "library_not_found");
    std::vector<ResourceRow> rows{std::move(*row)};
    return std::move(shown(app, c, who, user_id, std::move(rows), t).front());
  });
}

Result<Download> download(Services& app, std::int64_t space_id, std::int64_t resource_id, std::int64_t user_id) {
  auto row = app.store->with([&](store::Conn& c) -> std::optional<ResourceRow> {
    if (!permissions::view_library(subject_in(c, space_id, user_id))) return std::nullopt;
    auto r = repo::resource(c, resource_id);
    if (!r || r->space_id != space_id || r->state != "shown" || r->kind != "file" || !r->stored_name ||
        !r->media_type)
      return std::nullopt;
    return r;
  });
  if (!row) return fail(ErrorCode::not_found, "library_not_found");
  // Served as the type it was found to be when it was taken, and only a type still on the
  // allow-list.
  const auto* kind = allowed_kind(*row->media_type);
  if (!kind) return fail(ErrorCode::not_found, "library_not_found");
  auto bytes = read_file(app.kept<Storage>(), *row->stored_name);
  if (!bytes) return fail(ErrorCode::not_found, "library_file_missing");
  return Download{std::move(*bytes), std::string(kind->media_type),
                  content_disposition(row->file_name.value_or(""), kind->extension)};
}

std::vector<ConversationChoice> conversations(Services& app, std::int64_t space_id, std::int64_t user_id) {
  std::vector<ConversationChoice> out;
  for (auto& x : conversations::readable_conversations(app, space_id, user_id)) out.push_back({x.id, std::move(x.title)});
  return out;
}

}  // namespace hs::library::commands
