#pragma once
// A conversation linked to an event, a decision, a story or an action of the same space,
// chosen on the conversation form or added afterwards by whoever started it or a
// facilitator. Items come through their modules' front doors, so a reader is only ever
// shown (and only offered) what they may see there: a withdrawn story or an action page
// they may not read is left out.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/error.hpp"
#include "services/fwd.hpp"

namespace hs::store {
class Conn;
}

namespace hs::conversations::links {

// kind: event | decision | story | action.
struct Item {
  std::string kind;
  std::int64_t id = 0;
  std::string title;
};
// "event:12" and the like, from the form's list.
std::optional<std::pair<std::string, std::int64_t>> parse(std::string_view value);
std::string value_of(const Item& i);

// What this person may see of the space, by kind in the order above, newest first.
std::vector<Item> choices(Services& app, std::int64_t space_id, std::int64_t user_id);
// The items this conversation is linked to that this person may see.
std::vector<Item> linked(Services& app, std::int64_t space_id, std::int64_t conversation_id, std::int64_t user_id);
// Field error "link" unless value is empty or one of choices(); the item when one is chosen.
Result<std::optional<Item>> check(Services& app, std::int64_t space_id, std::int64_t user_id, std::string_view value);
// Links the conversation to the item: the person who started it or a facilitator, and
// only to an item they may see. Linking twice is not an error.
Result<void> add(Services& app, std::int64_t space_id, std::int64_t conversation_id, std::int64_t user_id,
                 std::string_view value);
// Whether this person may add links to the conversation.
bool may_link(Services& app, std::int64_t conversation_id, std::int64_t user_id);

// Erasure: links the person added stay (they belong to the conversation), without them.
void erase_person(store::Conn& c, std::int64_t user_id);

}  // namespace hs::conversations::links
