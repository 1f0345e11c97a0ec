// Closing a proposal: the count from the rules decides the outcome, the closer states
// what was decided, and the decision log records the outcome with everything an auditor
// needs to recount it – the answers themselves (choices only, sorted, so that no order
// links them to anybody) and hashes of the reasons – then signs the log.
//
// Anonymous polls are finished here, in the same transaction: every sealed answer is
// opened and written to decision_anonymous_ballots under a fresh pseudonym (an HMAC of
// the open one under a random salt that is never stored) in pseudonym order; the open
// rows (and any sealed copies from before migration 0009) are deleted, as is the ballot
// key; after commit the deleted rows are scrubbed from the files.
#include <spdlog/spdlog.h>

#include <algorithm>
#include <chrono>

#include "core/text.hpp"
#include "modules/audit/module.hpp"
#include "modules/decisions/commands/anonymity.hpp"
#include "modules/decisions/commands/commands.hpp"
#include "modules/decisions/commands/support.hpp"
#include "modules/decisions/permissions.hpp"
#include "modules/decisions/policy.hpp"
#include "modules/decisions/rules/errors.hpp"
#include "modules/decisions/rules/keys.hpp"
#include "modules/decisions/rules/results_csv.hpp"
#include "services/services.hpp"
#include "store/db.hpp"
#include "store/scrub.hpp"

namespace hs::decisions::commands {

namespace {

constexpr std::size_t kStatementMax = 5000;
// Beyond this the log records a hash of the sorted answers instead of the answers.
constexpr std::size_t kBallotListMax = 40 * 1024;

Result<std::string> check_statement(const std::string& statement) {
  auto s = text::trim(statement);
  if (!text::valid_utf8(s) || text::has_control(s, true))
    return field_error("statement", "decisions_statement_invalid");
  if (s.empty()) return field_error("statement", "decisions_statement_required");
  if (text::length(s) > kStatementMax) return field_error("statement", "decisions_statement_too_long");
  return std::string(s);
}

struct Answers {
  std::vector<KeyedBallot> keyed;
  std::vector<repo::AnonymousBallotRow> anonymous;  // to write, in pseudonym order
};

Result<Answers> gather(Services& app, store::Conn& c, const repo::ProposalRow& p) {
  Answers a;
  if (!p.anonymous) {
    for (const auto& b : repo::named_ballots(c, p.id)) {
      auto who = b.user_id ? std::to_string(*b.user_id) : "erased:" + std::to_string(a.keyed.size());
      a.keyed.push_back({VoterKey{who}, StoredBallot{b.choice, b.reason, b.revision}, b.cast_at});
    }
    return a;
  }
  auto key = anonymity::ballot_key(app, c, p.id);
  if (!key) return fail(ErrorCode::unavailable, "decisions_ballot_key_missing");
  // A random salt that lives only in this function: afterwards no one can relate the
  // closing pseudonyms to the open ones.
  crypto::Key salt{};
  auto raw_salt = crypto::from_base64url(crypto::random_token(salt.size()));
  std::copy(raw_salt->begin(), raw_salt->end(), salt.begin());
  for (const auto& row : repo::open_ballots(c, p.id)) {
    auto b = anonymity::open_ballot(*key, row.pseudonym, row.sealed);
    if (!b) return fail(ErrorCode::unavailable, "decisions_ballot_key_missing");
    a.anonymous.push_back({anonymity::closing_pseudonym(salt, row.pseudonym), b->choice, b->reason, b->revision});
  }
  for (const auto& row : repo::sealed_ballots(c, p.id)) {  // sealed before migration 0009
    auto b = anonymity::open_legacy_ballot(*key, row.user_id, row.sealed);
    if (!b) return fail(ErrorCode::unavailable, "decisions_ballot_key_missing");
    a.anonymous.push_back({anonymity::closing_pseudonym(salt, std::to_string(row.user_id) + "\n" + row.sealed),
                           b->choice, b->reason, b->revision});
  }
  std::fill(salt.begin(), salt.end(), 0);
  std::sort(a.anonymous.begin(), a.anonymous.end(),
            [](const auto& x, const auto& y) { return x.pseudonym < y.pseudonym; });
  for (const auto& b : a.anonymous) a.keyed.push_back({VoterKey{b.pseudonym}, {b.choice, b.reason, b.revision}, 0});
  return a;
}

audit::Fields closing_entry(const repo::ProposalRow& p, const Tally& t, const Answers& a,
                            const std::vector<std::string>& options, const std::string& person,
                            const std::string& statement, std::int64_t eligible, std::int64_t turnout, bool early) {
  std::vector<std::string> choices, reasons;
  std::size_t total = 0;
  for (const auto& b : a.keyed) {
    choices.push_back(b.ballot.choice);
    total += b.ballot.choice.size() + 3;
    if (!b.ballot.reason.empty()) reasons.push_back(sha256(b.ballot.reason));
  }
  std::sort(choices.begin(), choices.end());
  std::sort(reasons.begin(), reasons.end());
  audit::Fields f = {{"proposal", p.id},
                     {"person", person},
                     {"outcome", std::string(to_string(t.outcome))},
                     {"statement_sha256", sha256(statement)},
                     {"eligible", eligible},
                     {"turnout", turnout},
                     {"quorum_required", t.quorum.required},
                     {"quorum_met", t.quorum.met},
                     {"closed_early", early},
                     {"results_sha256", sha256(to_csv(results_table(t, options)))}};
  if (total + reasons.size() * 67 <= kBallotListMax) {
    f.emplace_back("ballots", choices);
    f.emplace_back("reason_sha256", reasons);
  } else {
    std::string joined;
    for (const auto& ch : choices) joined += ch + "\n";
    std::string joined_reasons;
    for (const auto& r : reasons) joined_reasons += r + "\n";
    f.emplace_back("ballots_sha256", sha256(joined));
    f.emplace_back("reasons_sha256", sha256(joined_reasons));
  }
  return f;
}

}  // namespace

Result<Outcome> close(Services& app, std::int64_t space_id, std::int64_t proposal_id, std::int64_t closer_id,
                      const std::string& statement_in) {
  bool anonymous = false;
  auto r = app.store->write([&](store::Conn& c) -> Result<Outcome> {
    auto p = repo::proposal(c, space_id, proposal_id);
    if (!p) return fail(ErrorCode::not_found, "decisions_not_found");
    if (!repo::lock_open(c, proposal_id)) return fail(ErrorCode::conflict, std::string(keys::kClosed));
    const bool is_proposer = p->proposer_id && *p->proposer_id == closer_id;
    if (!permissions::close_proposal(subject_in(c, space_id, closer_id), is_proposer))
      return fail(ErrorCode::forbidden, "decisions_not_allowed");
    auto statement = check_statement(statement_in);
    if (!statement) return fail(statement.error());

    const auto now = app.clock->now();
    const Settings s = settings_of(*p);
    auto answers = gather(app, c, *p);
    if (!answers) return fail(answers.error());
    const auto eligible = eligible_now(c, space_id);
    // Anonymous: every answer given counts, also one whose giver has since been erased
    // (nobody can find it to remove it, as with a paper ballot in the box).
    const auto turnout = p->anonymous ? std::max<std::int64_t>(repo::voter_count(c, proposal_id),
                                                               static_cast<std::int64_t>(answers->anonymous.size()))
                                      : repo::voter_count(c, proposal_id);
    CloseCheck check{turnout, eligible, !p->anonymous && objection_stands(s.method, answers->keyed)};
    if (auto ok = check_close(Phase::open, s, now, check); !ok) return fail(ok.error());
    const bool early = closes_early(s, now);

    const auto options = repo::options(c, proposal_id);
    const Tally t = tally(s, Phase::closed, proposal_id, options.size(), answers->keyed, eligible);

    if (p->anonymous) {
      anonymous = true;
      for (const auto& b : answers->anonymous) repo::insert_anonymous_ballot(c, proposal_id, b);
      repo::delete_open_ballots(c, proposal_id);
      repo::clear_sealed_ballots(c, proposal_id);
      repo::delete_ballot_key(c, proposal_id);
    }
    repo::ProposalRow closed = *p;
    closed.closed_at = now;
    closed.closed_by = closer_id;
    closed.outcome = std::string(to_string(t.outcome));
    closed.outcome_statement = *statement;
    closed.eligible = eligible;
    closed.turnout = turnout;
    closed.closed_early = early;
    repo::close_proposal(c, closed);

    if (p->subject_kind != "general" && p->subject_id) {
      const auto* hooks = subject_hooks(app, p->subject_kind);
      if (hooks && hooks->on_close) {
        Closed info{
            proposal_id, space_id, *p->subject_id, t.outcome == Outcome::passed, std::string(to_string(t.outcome)),
            now};
        if (auto ok = hooks->on_close(app, c, info); !ok) return fail(ok.error());
      }
    }
    const auto person = audit::person_commitment(app, space_id, closer_id);
    auto entry = closing_entry(*p, t, *answers, options, person, *statement, eligible, turnout, early);
    if (auto ok = audit::append(app, c, space_id, "decision.closed", entry); !ok) return fail(ok.error());
    if (auto head = audit::sign_head(app, c, space_id); !head) return fail(head.error());
    return t.outcome;
  });
  // The open rows and the key are gone; their older copies must not stay in the files.
  // Closing is not undone when readers keep the log busy: the next anonymous answer or
  // closing empties it (nothing at rest then links answers to people, see
  // docs/governance.md).
  if (r && anonymous && !store::scrub(*app.store, repo::kAnonymityTables, std::chrono::seconds(5)))
    spdlog::warn("decisions: the write-ahead log could not be emptied after closing proposal {}", proposal_id);
  return r;
}

}  // namespace hs::decisions::commands
