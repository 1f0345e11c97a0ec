// A member adds a link or a file to the space's library. The file's type is read from its
// bytes (libmagic) and must be on the allow-list; its bytes go to disk under a random name
// before the row is saved, and are deleted again if the row is not.
#include "core/clock.hpp"
#include "modules/conversations/module.hpp"
#include "modules/library/commands/commands.hpp"
#include "modules/library/commands/support.hpp"
#include "modules/library/repo.hpp"
#include "services/services.hpp"
#include "store/db.hpp"

namespace hs::library::commands {

Result<std::int64_t> add(Services& app, std::int64_t space_id, std::int64_t user_id, const ResourceInput& in,
                         const std::optional<FileIn>& file) {
  auto who = app.store->with([&](store::Conn& c) { return subject_in(c, space_id, user_id); });
  if (!permissions::add_resource(who)) return fail(ErrorCode::forbidden, "library_not_member");
  std::optional<FileFacts> facts;
  if (file) {
    facts = FileFacts{static_cast<std::int64_t>(file->bytes.size()), ""};
    // Reading a file over the limit would be wasted work: it is refused either way.
    if (facts->size <= kMaxFileBytes) facts->media_type = sniff(file->bytes);
  }
  auto checked = check_resource(in, facts);
  if (!checked) return fail(checked.error());
  if (checked->conversation_id) {
    bool found = false;
    for (const auto& x : conversations::readable_conversations(app, space_id, user_id))
      if (x.id == *checked->conversation_id) found = true;
    if (!found) {
      Validation v;
      v.add("conversation", "library_conversation_invalid");
      return fail(v.error());
    }
  }
  const auto now = app.clock->now();
  ResourceRow row;
  row.space_id = space_id;
  row.added_by = user_id;
  row.title = checked->title;
  row.description = checked->description;
  row.tags = checked->tags;
  row.conversation_id = checked->conversation_id;
  row.state = "shown";
  row.created_at = row.updated_at = now;
  const auto& storage = app.kept<Storage>();
  if (checked->url) {
    row.kind = "link";
    row.url = checked->url;
  } else {
    row.kind = "file";
    auto name = save_file(storage, file->bytes);
    if (!name) return fail(name.error());
    row.stored_name = *name;
    row.file_name = file->file_name;
    row.media_type = std::string(checked->kind->media_type);
    row.size_bytes = facts->size;
  }
  try {
    auto id = app.store->write([&](store::Conn& c) -> Result<std::int64_t> {
      // The role again, inside the transaction: they may have left while the file was written.
      if (!permissions::add_resource(subject_in(c, space_id, user_id)))
        return fail(ErrorCode::forbidden, "library_not_member");
      return repo::insert(c, row);
    });
    if (!id && row.stored_name) delete_file(storage, *row.stored_name);
    return id;
  } catch (...) {
    if (row.stored_name) delete_file(storage, *row.stored_name);
    throw;
  }
}

}  // namespace hs::library::commands
