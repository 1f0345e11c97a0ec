#pragma once
// The decision page, shown again with a problem when answering or closing fails.
#include <optional>
#include <string>

#include "modules/decisions/form.hpp"
#include "modules/decisions/handlers/common.hpp"

namespace hs::decisions::handlers {

struct ShowState {
  const Error* error = nullptr;
  int status = 200;
  const BallotFields* typed = nullptr;  // the answer as typed, kept after an error
  const std::string* statement = nullptr;
  const std::string* code_typed = nullptr;  // a ballot code that did not match, kept
};

web::Response render_show(web::Context& c, const Space& s, std::int64_t id, const ShowState& state);

}  // namespace hs::decisions::handlers
