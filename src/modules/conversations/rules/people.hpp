#pragma once
// People who can connect: what a member's entry in the space's opt-in directory holds (the
// name and pronouns they want shown, what to ask them about, the areas they are happy to
// talk about; never a job title), a "get in touch" message, and how often one may be sent.
// Pure.
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/error.hpp"

namespace hs::conversations {

inline constexpr std::size_t kPersonNameMax = 80;
inline constexpr std::size_t kPronounsMax = 40;
inline constexpr std::size_t kAskMax = 500;
inline constexpr std::size_t kAreaMax = 80;
inline constexpr std::size_t kAreasMax = 12;
inline constexpr std::size_t kContactMax = 2000;

struct EntryInput {
  std::string name, pronouns, ask_me_about, areas;  // areas: one a line (or separated by commas)
};
struct EntryFields {
  std::string name;
  std::optional<std::string> pronouns;
  std::string ask_me_about;
  std::vector<std::string> areas;  // trimmed, none empty, no repeats, in the order typed
};
// Invalid with each field's key (conversations_people_name_required, ...).
Result<EntryFields> validate_entry(const EntryInput& in);
// The areas as typed into one line each.
std::vector<std::string> split_areas(std::string_view typed);

// A message's or an answer's words: trimmed, 1 to kContactMax characters.
Result<std::string> validate_contact(std::string_view body);

// How many messages a person may send in any 24 hours, and that they wait for an answer
// before writing to the same person again: a directory is not a mailing list.
inline constexpr int kContactsPerDay = 5;
enum class ContactLimit { ok, too_many_today, waiting_for_answer };
ContactLimit contact_allowed(int sent_last_day, bool unanswered_to_same_person);

}  // namespace hs::conversations
