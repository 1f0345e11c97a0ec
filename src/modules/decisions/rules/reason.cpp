#include "modules/decisions/rules/reason.hpp"

#include "core/text.hpp"
#include "modules/decisions/rules/errors.hpp"
#include "modules/decisions/rules/keys.hpp"

namespace hs::decisions {

Result<std::string> check_reason(std::string_view reason, bool required, std::string_view missing_key) {
  auto r = text::trim(reason);
  if (!text::valid_utf8(r) || text::has_control(r, true)) return field_error("reason", keys::kReasonInvalid);
  if (r.empty() && required) return field_error("reason", missing_key);
  if (text::length(r) > kReasonMax) return field_error("reason", keys::kReasonTooLong);
  return std::string(r);
}

}  // namespace hs::decisions
