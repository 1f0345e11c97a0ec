#pragma once
// The terms of reference use cases.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/error.hpp"
#include "modules/decisions/module.hpp"
#include "modules/terms/repo.hpp"
#include "modules/terms/rules/diff.hpp"
#include "services/fwd.hpp"

namespace hs::store {
class Conn;
}

namespace hs::terms::commands {

struct AmendmentForm {
  std::string body, summary;
  std::string review_day, review_month, review_year;
  // How it will be decided: method (consent, consensus or majority), closing time,
  // quorum, results visibility, threshold, reasons, anonymity.
  decisions::ProposalFields decision;
};

struct Proposed {
  std::int64_t number = 0;
  std::int64_t proposal_id = 0;
};

// Records the new version as proposed and opens the decision on it, in one transaction,
// with both in the decision log. Field errors: body, summary, review, and the decision
// fields (method, closes_at, quorum, results, threshold).
Result<Proposed> propose_amendment(Services& app, std::int64_t space_id, std::int64_t user_id,
                                   const AmendmentForm& form);

// The decisions module's hooks for subject kind "terms_version".
decisions::SubjectHooks decision_hooks();

// --- reading ---------------------------------------------------------------------------
std::optional<repo::VersionRow> current(Services& app, std::int64_t space_id);
std::optional<repo::VersionRow> pending(Services& app, std::int64_t space_id);
std::optional<repo::VersionRow> version(Services& app, std::int64_t space_id, std::int64_t number);
std::vector<repo::VersionRow> versions(Services& app, std::int64_t space_id);

// A space's first terms start from this template (templates/terms/default_terms).
std::string template_text(Services& app, const std::string& space_name);

void erase_person(store::Conn& c, std::int64_t user_id);
std::string export_person(store::Conn& c, std::int64_t user_id);

}  // namespace hs::terms::commands
