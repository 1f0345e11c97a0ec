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
// Emails the person about the space's conversations with the one-click unsubscribe headers
// (RFC 8058) for that space; false (logged) when it could not be handed over.
bool send_email(Services& app, const std::string& to, const std::string& subject, const std::string& body,
                std::int64_t space_id, std::int64_t user_id);

}  // namespace hs::conversations::commands
