#pragma once
// The reason a person gives with an answer: free text, sometimes required.
#include <cstddef>
#include <string>
#include <string_view>

#include "core/error.hpp"

namespace hs::decisions {

inline constexpr std::size_t kReasonMax = 2000;

// Trims the reason and checks it. missing_key is the message for a required reason that
// is blank (objections and blocks have their own, kinder wording). Field: reason.
Result<std::string> check_reason(std::string_view reason, bool required, std::string_view missing_key);

}  // namespace hs::decisions
