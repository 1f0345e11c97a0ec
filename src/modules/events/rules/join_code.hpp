#pragma once
// Join codes: short, read aloud and typed on a phone, so no characters that look alike
// (no 0/O, 1/I/L). Pure.
#include <optional>
#include <string>
#include <string_view>

namespace hs::events {

inline constexpr std::string_view kJoinAlphabet = "ABCDEFGHJKMNPQRSTUVWXYZ23456789";
inline constexpr std::size_t kJoinCodeLength = 6;

// Whether a code has the right length and only alphabet characters.
bool valid_join_code(std::string_view code);
// What a person typed, made comparable: spaces and dashes dropped, letters upper-cased,
// and the look-alikes people type read as what they meant (O→0 is not in the alphabet,
// so o/O stays invalid rather than guessed). Nothing when it cannot be a code.
std::optional<std::string> normalise_join_code(std::string_view typed);

}  // namespace hs::events
