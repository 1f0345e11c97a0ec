// Opening a proposal: its text, options and settings are checked and fixed, an
// anonymous poll gets its ballot key, and the decision log records the opening (texts as
// hashes: the log keeps no member's words, which could hold personal data).
#include "core/text.hpp"
#include "modules/audit/module.hpp"
#include "modules/decisions/commands/anonymity.hpp"
#include "modules/decisions/commands/commands.hpp"
#include "modules/decisions/commands/support.hpp"
#include "modules/decisions/permissions.hpp"
#include "modules/decisions/policy.hpp"
#include "modules/decisions/rules/proposal.hpp"
#include "services/services.hpp"
#include "store/db.hpp"

namespace hs::decisions {

namespace {

void take(Validation& v, const Error& e) {
  if (e.fields.empty()) v.add("", e.message_key);
  for (const auto& f : e.fields) v.add(f.field, f.message_key);
}

}  // namespace

Result<std::int64_t> open_proposal(Services& app, store::Conn& c, const NewProposal& in) {
  const auto now = app.clock->now();
  Validation v;
  auto text = validate_proposal(in.title, in.details);
  if (!text) take(v, text.error());
  auto options = validate_options(in.settings.method, in.options);
  if (!options) take(v, options.error());
  if (auto ok = validate_settings(in.settings, now); !ok) take(v, ok.error());
  if (!v.ok()) return fail(v.error());

  const Settings s = settings_for_opening(in.settings);
  repo::ProposalRow row;
  row.space_id = in.space_id;
  row.proposer_id = in.proposer_id;
  row.title = text->title;
  row.details = text->details;
  row.method = std::string(to_string(s.method));
  row.closes_at = s.closes_at;
  row.quorum_percent = s.quorum_percent;
  row.results = std::string(to_string(s.results));
  row.reasons_required = s.reasons_required;
  row.anonymous = s.anonymous;
  row.threshold = std::string(to_string(s.threshold));
  row.dots_per_person = s.method == Method::dot_vote ? s.dots_per_person : 0;
  row.revision = 1;
  row.subject_kind = in.subject_kind;
  row.subject_id = in.subject_id;
  row.created_at = now;
  const auto id = repo::insert_proposal(c, row);
  std::vector<std::string> option_hashes;
  for (std::size_t i = 0; i < options->size(); ++i) {
    repo::insert_option(c, id, static_cast<std::int64_t>(i), (*options)[i]);
    option_hashes.push_back(commands::sha256((*options)[i]));
  }
  if (s.anonymous) repo::insert_ballot_key(c, id, commands::anonymity::new_sealed_key(app, id));

  audit::Fields f = {{"proposal", id},
                     {"person", audit::person_commitment(app, in.space_id, in.proposer_id)},
                     {"method", row.method},
                     {"title_sha256", commands::sha256(row.title)},
                     {"details_sha256", commands::sha256(row.details)},
                     {"option_sha256", option_hashes},
                     {"closes_at", s.closes_at},
                     {"quorum_percent", std::int64_t{s.quorum_percent}},
                     {"results", row.results},
                     {"reasons_required", s.reasons_required},
                     {"anonymous", s.anonymous},
                     {"subject_kind", in.subject_kind}};
  if (s.method == Method::majority) f.emplace_back("threshold", row.threshold);
  if (s.method == Method::dot_vote) f.emplace_back("dots_per_person", std::int64_t{s.dots_per_person});
  if (in.subject_id) f.emplace_back("subject_id", *in.subject_id);
  if (auto logged = audit::append(app, c, in.space_id, "decision.opened", f); !logged) return fail(logged.error());
  return id;
}

namespace commands {

Settings settings_of(const repo::ProposalRow& p) {
  Settings s;
  s.method = parse_method(p.method).value_or(Method::consent);
  s.closes_at = p.closes_at;
  s.quorum_percent = p.quorum_percent;
  s.results = parse_visibility(p.results).value_or(ResultsVisibility::after_close);
  s.reasons_required = p.reasons_required;
  s.anonymous = p.anonymous;
  s.threshold = parse_threshold(p.threshold).value_or(Threshold::simple_majority);
  s.dots_per_person = p.dots_per_person;
  return settings_for_opening(s);
}

Result<std::int64_t> open(Services& app, std::int64_t space_id, std::int64_t proposer_id, const ParsedProposal& p) {
  return app.store->write([&](store::Conn& c) -> Result<std::int64_t> {
    if (!permissions::open_proposal(subject_in(c, space_id, proposer_id)))
      return fail(ErrorCode::forbidden, "decisions_not_allowed");
    NewProposal n;
    n.space_id = space_id;
    n.proposer_id = proposer_id;
    n.title = p.text.title;
    n.details = p.text.details;
    n.settings = p.settings;
    n.options = p.options;
    return open_proposal(app, c, n);
  });
}

}  // namespace commands
}  // namespace hs::decisions
