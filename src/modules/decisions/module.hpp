#pragma once
// Equal-power decisions: proposals decided by consent, consensus, majority, ranked
// choice, score, dot vote or a meeting-time poll; named or anonymous; every step in the
// space's decision log. See docs/governance.md.
#include <chrono>
#include <cstdint>
#include <functional>
#include <optional>
#include <span>
#include <string>
#include <thread>
#include <vector>

#include "core/error.hpp"
#include "modules/decisions/form.hpp"          // ProposalFields, default_fields, parse_proposal
#include "modules/decisions/rules/keys.hpp"    // message keys, e.g. keys::kMethodUnknown
#include "modules/decisions/rules/method.hpp"  // Method, parse_method, decides_proposal
#include "modules/decisions/rules/settings.hpp"
#include "modules/spaces/module.hpp"
#include "services/fwd.hpp"

namespace hs {
class View;
}
namespace hs::web {
class App;
class Context;
using View = ::hs::View;
}  // namespace hs::web
namespace hs::store {
class Conn;
}

namespace hs::decisions {

// Routes: /spaces/{slug}/decisions, .../decisions/new, .../decisions/{id},
// .../decisions/{id}/vote, .../decisions/{id}/withdraw, .../decisions/{id}/close,
// .../decisions/{id}/results.csv.
void register_module(web::App& app);

// --- for other modules (e.g. terms of reference) ------------------------------------

// A proposal another module opens about something of its own: subject_kind names it
// (lower-case letters and '_'), subject_id is that module's id.
struct NewProposal {
  std::int64_t space_id = 0;
  std::int64_t proposer_id = 0;
  std::string title;
  std::string details;
  Settings settings;
  std::vector<std::string> options;
  std::string subject_kind = "general";
  std::optional<std::int64_t> subject_id;
};

// Opens a proposal inside the caller's transaction (checks the text, options and
// settings, appends decision.opened to the log). Field errors use the form names of
// /decisions/new: title, details, method, options, closes_at, quorum, dots.
Result<std::int64_t> open_proposal(Services& app, store::Conn& c, const NewProposal& p);

// What another module learns when a decision about its subject closes.
struct Closed {
  std::int64_t proposal_id = 0;
  std::int64_t space_id = 0;
  std::int64_t subject_id = 0;
  bool passed = false;
  std::string outcome;  // Outcome code, e.g. "passed", "objections_stand"
  std::int64_t closed_at = 0;
};
// Runs inside the closing transaction; an error undoes the closing.
using CloseHook = std::function<Result<void>(Services&, store::Conn&, const Closed&)>;
// A link from the decision's page to what it is about.
struct SubjectLink {
  std::string text;
  std::string href;
};
using DescribeHook = std::function<std::optional<SubjectLink>(Services&, store::Conn&, std::int64_t subject_id)>;
struct SubjectHooks {
  CloseHook on_close;
  DescribeHook describe;
};
// Call from register_module, before serving. One set of hooks per subject kind.
void register_subject(Services& app, const std::string& subject_kind, SubjectHooks hooks);

// --- for "you said, we did" (actions): a decision as an action's source ---------------

// The title only when this person may see the space's decisions (its members).
struct DecisionRef {
  std::int64_t id = 0;
  bool readable = false;
  std::string title;
};
// Inside the caller's read or transaction. Nothing when the space has no such decision.
std::optional<DecisionRef> decision_ref(store::Conn& c, std::int64_t space_id, std::int64_t decision_id,
                                        const spaces::Subject& subject);
// The space's decisions this person may see, newest first.
std::vector<DecisionRef> decisions_of(store::Conn& c, std::int64_t space_id, const spaces::Subject& subject);
// Many at once, each as decision_ref says, in one read whatever the number (for a page of
// actions). Ids that name none of the space's decisions are left out.
std::vector<DecisionRef> decision_refs(store::Conn& c, std::int64_t space_id, const std::vector<std::int64_t>& ids,
                                       const spaces::Subject& subject);

// --- reminders -------------------------------------------------------------------------

struct SweepReport {
  int closing_soon = 0;  // proposals whose "closes soon" reminders went out
  int due = 0;           // proposals whose "time to close" notice went out
};
// Sends what is due: members who have not answered are reminded 24 hours before a
// proposal closes; the proposer and facilitators are told when the closing time has
// come. Each goes out once per proposal, even with several servers sweeping at once.
SweepReport sweep(Services& app);

// Calls `task` every `every` on its own thread until the returned thread is destroyed
// (stop requested and joined), e.g. for the reminder sweeps of `humanspace serve`.
// Exceptions are logged, never let out.
std::jthread start_periodic(std::function<void()> task, std::chrono::seconds every);

// Whether a role answers the space's decisions (members, facilitators, stewards; not
// auditors, who watch the record).
bool may_vote(spaces::Role role);

// For another module's page that opens a decision through its own form (terms'
// amendments): the decision fields as the form posted them, and the fields' view for
// templates/decisions/_form_fields with only the given methods offered.
namespace handlers {
ProposalFields fields_from(web::Context& c);
void add_form_view(web::Context& c, web::View& v, const ProposalFields& f, std::span<const Method> methods);
}  // namespace handlers

}  // namespace hs::decisions
