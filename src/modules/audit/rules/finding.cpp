#include "modules/audit/rules/finding.hpp"

#include <algorithm>

#include "core/crypto.hpp"
#include "core/text.hpp"
#include "modules/audit/rules/canonical.hpp"

namespace hs::audit::rules {

bool valid_outcome(std::string_view outcome) {
  return std::find(kOutcomes.begin(), kOutcomes.end(), outcome) != kOutcomes.end();
}

Result<FindingInput> check_finding(FindingInput in) {
  Validation v;
  if (in.title.empty()) v.add("title", "audit_finding_title_missing");
  else if (!text::valid_utf8(in.title) || text::has_control(in.title, false))
    v.add("title", "audit_finding_title_invalid");
  else if (text::length(in.title) > kFindingTitleMax) v.add("title", "audit_finding_title_long");
  if (in.body.empty()) v.add("body", "audit_finding_body_missing");
  else if (!text::valid_utf8(in.body) || text::has_control(in.body, true)) v.add("body", "audit_finding_body_invalid");
  else if (text::length(in.body) > kFindingBodyMax) v.add("body", "audit_finding_body_long");
  if (!valid_outcome(in.outcome)) v.add("outcome", "audit_finding_outcome_missing");
  if (!v.ok()) return fail(v.error());
  return in;
}

std::string finding_digest(std::string_view title, std::string_view body) {
  std::string json = "{\"body\":";
  canonical::append_string(json, body);
  json += ",\"title\":";
  canonical::append_string(json, title);
  json += '}';
  return crypto::sha256_hex(json);
}

}  // namespace hs::audit::rules
