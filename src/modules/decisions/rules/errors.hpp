#pragma once
// How the decision rules say no: an Error carrying one of the keys in keys.hpp, and for
// form input the field it belongs to, so the page can put the message beside it.
#include <string>
#include <string_view>

#include "core/error.hpp"

namespace hs::decisions {

// A problem with one field a person filled in.
inline tl::unexpected<Error> field_error(std::string_view field, std::string_view key) {
  return fail(Error{ErrorCode::invalid, std::string(key), {{std::string(field), std::string(key)}}});
}

// A request that cannot be done now, whatever was typed (e.g. voting after closing).
inline tl::unexpected<Error> refuse(ErrorCode code, std::string_view key) { return fail(code, std::string(key)); }

}  // namespace hs::decisions
