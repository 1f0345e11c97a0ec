#pragma once
// The library's use cases: each checks the permission against the person's role as the
// store has it now, applies the rules, saves, and records removals in the space's decision
// log in the same transaction. A file is written before its row and deleted if the row
// cannot be saved; a removed resource's file is deleted after the removal commits.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/error.hpp"
#include "modules/conversations/module.hpp"
#include "modules/library/files.hpp"
#include "modules/library/permissions.hpp"
#include "modules/library/records.hpp"
#include "modules/library/rules/resource.hpp"
#include "services/fwd.hpp"

namespace hs::store {
class Conn;
}

namespace hs::library::commands {

// A file sent with the form: its bytes and the name the browser gave (shown only).
struct FileIn {
  std::string_view bytes;
  std::string file_name;
};
// Adds a link or a file to the space's library. Field errors as check_resource says; the
// conversation must be one of the space's that this person may read.
Result<std::int64_t> add(Services& app, std::int64_t space_id, std::int64_t user_id, const ResourceInput& in,
                         const std::optional<FileIn>& file);
// The person who added it takes it out, or a facilitator does, with a reason when it is
// someone else's. The file is deleted; the step is in the decision log.
Result<void> remove(Services& app, std::int64_t space_id, std::int64_t resource_id, std::int64_t user_id,
                    const std::string& reason);

// --- reading
struct Shown {
  ResourceRow row;
  std::string added_by_name;  // "" once their account is gone
  bool yours = false;
  bool can_remove = false;
  std::optional<std::string> conversation_title;  // when this person may read it
};
struct Library {
  spaces::Subject subject;
  std::vector<Shown> resources;
  std::vector<std::pair<std::string, std::int64_t>> tags;
};
// The space's library as this person may see it (forbidden when not a member).
Result<Library> library(Services& app, std::int64_t space_id, std::int64_t user_id, const std::string& tag);
Result<Shown> resource(Services& app, std::int64_t space_id, std::int64_t resource_id, std::int64_t user_id);
// A file to download: not_found unless it is a shown file of this space and the person is
// a member.
struct Download {
  std::string bytes, media_type, disposition;
};
Result<Download> download(Services& app, std::int64_t space_id, std::int64_t resource_id, std::int64_t user_id);
// The space's conversations this person may read, for "where it came from".
struct ConversationChoice {
  std::int64_t id = 0;
  std::string title;
};
std::vector<ConversationChoice> conversations(Services& app, std::int64_t space_id, std::int64_t user_id);

// The space's search (conversations' search page): the resources still shown that hold
// every one of the query's terms, newest first, at most `limit`; nothing for someone who
// is not a member (commands/search.cpp).
std::vector<conversations::SearchFound> search(Services& app, std::int64_t space_id, std::int64_t user_id,
                                               const std::vector<std::string>& terms, int limit);

// --- a person's data
std::string export_person(Services& app, store::Conn& c, std::int64_t user_id);
// Their resources and their files go (the files once the rows are gone).
void erase_person(Services& app, store::Conn& c, std::int64_t user_id);

}  // namespace hs::library::commands
