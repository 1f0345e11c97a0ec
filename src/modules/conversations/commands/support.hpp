#pragma once
// What the conversations commands share.
#include <cstdint>
#include <string_view>

#include "core/error.hpp"
#include "modules/conversations/commands/commands.hpp"
#include "services/services.hpp"

namespace hs::conversations::commands {

// Appends to the space's decision log: ids and choices only, never words or people.
Result<void> record(Services& app, store::Conn& c, std::int64_t space_id, std::string_view kind,
                    const services::AuditFields& data);
permissions::PostFacts facts_of(const repo::PostRow& p);
// The post, its reader and facts, when this person may see it at all (else not_found).
struct Found {
  repo::PostRow post;
  permissions::Reader reader;
  permissions::PostFacts facts;
};
Result<Found> find_post(store::Conn& c, std::int64_t post_id, std::int64_t user_id);

}  // namespace hs::conversations::commands
