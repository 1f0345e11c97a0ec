#pragma once
// The library's SQL, and the only place it lives.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "modules/library/records.hpp"

namespace hs::store {
class Conn;
}

namespace hs::library::repo {

std::int64_t insert(store::Conn& c, const ResourceRow& r);
// A resource with its tags.
std::optional<ResourceRow> resource(store::Conn& c, std::int64_t id);
// The space's resources that are shown, newest first, with their tags; only those tagged
// `tag` when it is not empty.
std::vector<ResourceRow> shown_in(store::Conn& c, std::int64_t space_id, const std::string& tag);
// The tags used by the space's shown resources, each with how many carry it, by name.
std::vector<std::pair<std::string, std::int64_t>> tags_in(store::Conn& c, std::int64_t space_id);
// Takes a file away: state removed, the reason kept, the stored name and size cleared.
void set_removed(store::Conn& c, std::int64_t id, const std::optional<std::string>& reason, std::int64_t now);
// What a person added, every state (for "download my data" and erasure).
std::vector<ResourceRow> added_by(store::Conn& c, std::int64_t user_id);
void delete_added_by(store::Conn& c, std::int64_t user_id);
std::int64_t count(store::Conn& c);

}  // namespace hs::library::repo
