#pragma once
// The library: a space's members share links and files (PDF, images, office documents up
// to 25 MB) with a title, a description, tags and, if they like, the conversation it came
// from. A file's type is read from its bytes and checked against an allow-list; files are
// stored on disk under random names and only ever downloaded as attachments, by members.
// Whoever added a resource may take it out; a facilitator may, with a reason that goes in
// the space's decision log.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/error.hpp"
#include "services/fwd.hpp"

namespace hs::web {
class App;
}

namespace hs::library {

// Routes under /spaces/{slug}/library: the list, new, {id}/download, {id}/remove. Files go
// in <data_dir>/library. Also erasure and "download my data".
void register_module(web::App& app);

// For the demo seed, with the same checks as the pages: a link (url set) or a file (bytes
// and its name). tags: comma-separated. conversation_id: 0 for none.
struct NewResource {
  std::string title, description, tags, url;
  std::string_view bytes;
  std::string file_name;
  std::int64_t conversation_id = 0;
};
Result<std::int64_t> add_resource(Services& app, std::int64_t space_id, std::int64_t user_id, const NewResource& r);

// How many resources there are (for the start-up summary).
std::int64_t total(Services& app);

}  // namespace hs::library
