// Answering a proposal, and changing one's answer until it closes. Named polls keep the
// answer with the person; anonymous polls seal it (padded to one length) in the person's
// turnout row under the proposal's ballot key, and nothing else. The decision log
// records that a commitment to the person answered – in named polls also an objection
// or block with a hash of its reason; in anonymous polls nothing about the answer, as
// even "objected at 14:02" would tell on someone.
#include "modules/audit/module.hpp"
#include "modules/decisions/commands/anonymity.hpp"
#include "modules/decisions/commands/commands.hpp"
#include "modules/decisions/commands/support.hpp"
#include "modules/decisions/permissions.hpp"
#include "modules/decisions/rules/keys.hpp"
#include "store/db.hpp"
#include "web/app.hpp"

namespace hs::decisions::commands {

namespace {

struct Open {
  repo::ProposalRow row;
  Settings settings;
  std::size_t options = 0;
};

// The proposal, locked, if it is open and the person may answer.
Result<Open> open_for_answer(web::App& app, store::Conn& c, std::int64_t space_id, std::int64_t proposal_id,
                             std::int64_t user_id) {
  auto row = repo::proposal(c, space_id, proposal_id);
  if (!row) return fail(ErrorCode::not_found, "decisions_not_found");
  if (!repo::lock_open(c, proposal_id)) return fail(ErrorCode::conflict, std::string(keys::kClosed));
  if (!permissions::vote(subject_in(c, space_id, user_id))) return fail(ErrorCode::forbidden, "decisions_not_allowed");
  Open o{std::move(*row), {}, 0};
  o.settings = settings_of(o.row);
  if (auto ok = check_may_respond(Phase::open, o.settings, app.clock->now()); !ok) return fail(ok.error());
  o.options = repo::options(c, proposal_id).size();
  return o;
}

// The person's answer as it stands, for the consent and consensus state machines.
std::optional<StoredBallot> current_answer(web::App& app, store::Conn& c, const Open& o, std::int64_t user_id) {
  if (!o.row.anonymous) {
    auto b = repo::named_ballot_of(c, o.row.id, user_id);
    if (!b) return std::nullopt;
    return StoredBallot{b->choice, b->reason, b->revision};
  }
  auto key = anonymity::ballot_key(app, c, o.row.id);
  auto sealed = repo::sealed_ballot_of(c, o.row.id, user_id);
  if (!key || !sealed) return std::nullopt;
  return anonymity::open_ballot(*key, user_id, *sealed);
}

// Runs the answer through the rules' state machine for consent and consensus, which
// check reasons (objections and blocks always need one) and whether a withdrawal makes
// sense. Returns the answer as the state machine left it.
Result<StoredBallot> through_rules(const Open& o, const std::optional<StoredBallot>& current, const StoredBallot& next,
                                   bool withdraw, std::int64_t now) {
  const VoterKey me{"me"};
  if (o.settings.method == Method::consent) {
    ConsentState state;
    state.revision = o.row.revision;
    if (current)
      if (auto stance = decode_consent(current->choice))
        state.responses[me] = {*stance, current->reason, current->revision, 0};
    ConsentEvent e;
    e.action = withdraw ? ConsentAction::withdraw
                        : (next.choice == "object" ? ConsentAction::object : ConsentAction::consent);
    e.voter = me;
    e.reason = next.reason;
    e.at = now;
    auto step = apply(state, e, o.settings);
    if (!step) return fail(step.error());
    const auto& r = step->state.responses.at(me);
    return StoredBallot{std::string(encode(r.stance)), r.reason, r.revision};
  }
  if (o.settings.method == Method::consensus) {
    ConsensusState state;
    state.revision = o.row.revision;
    ConsensusEvent e;
    e.action = ConsensusAction::respond;
    e.voter = me;
    e.position = parse_position(next.choice).value_or(Position::agree);
    e.reason = next.reason;
    e.at = now;
    auto step = apply(state, e, o.settings);
    if (!step) return fail(step.error());
    const auto& r = step->state.responses.at(me);
    return StoredBallot{std::string(to_string(r.position)), r.reason, r.revision};
  }
  StoredBallot b = next;
  b.revision = o.row.revision;
  return b;
}

Result<void> save(web::App& app, store::Conn& c, const Open& o, std::int64_t user_id, const StoredBallot& b,
                  bool withdrew) {
  const auto now = app.clock->now();
  if (o.row.anonymous) {
    auto key = anonymity::ballot_key(app, c, o.row.id);
    if (!key) return fail(ErrorCode::unavailable, "decisions_ballot_key_missing");
    repo::record_voter(c, o.row.id, user_id, anonymity::seal_ballot(*key, user_id, b));
  } else {
    repo::upsert_named_ballot(c, o.row.id, user_id, b.choice, b.reason, b.revision, now);
    repo::record_voter(c, o.row.id, user_id, std::nullopt);
  }
  const auto person = audit::person_commitment(app, o.row.space_id, user_id);
  audit::Fields answered = {{"proposal", o.row.id}, {"person", person}};
  if (auto ok = audit::append(app, c, o.row.space_id, "decision.answered", answered); !ok) return fail(ok.error());
  if (o.row.anonymous) return {};
  const char* kind = nullptr;
  if (withdrew) kind = "decision.objection_withdrawn";
  else if (o.settings.method == Method::consent && b.choice == "object") kind = "decision.objected";
  else if (o.settings.method == Method::consensus && b.choice == "block") kind = "decision.blocked";
  if (!kind) return {};
  audit::Fields f = {{"proposal", o.row.id}, {"person", person}};
  if (!withdrew) f.emplace_back("reason_sha256", sha256(b.reason));
  if (auto ok = audit::append(app, c, o.row.space_id, kind, f); !ok) return fail(ok.error());
  return {};
}

}  // namespace

Result<void> cast(web::App& app, std::int64_t space_id, std::int64_t proposal_id, std::int64_t user_id,
                  const BallotFields& fields) {
  return app.store->write([&](store::Conn& c) -> Result<void> {
    auto o = open_for_answer(app, c, space_id, proposal_id, user_id);
    if (!o) return fail(o.error());
    auto parsed = parse_ballot(o->settings, o->options, fields);
    if (!parsed) return fail(parsed.error());
    auto current = current_answer(app, c, *o, user_id);
    auto b = through_rules(*o, current, *parsed, false, app.clock->now());
    if (!b) return fail(b.error());
    return save(app, c, *o, user_id, *b, false);
  });
}

Result<void> withdraw_objection(web::App& app, std::int64_t space_id, std::int64_t proposal_id,
                                std::int64_t user_id, const std::string& reason) {
  return app.store->write([&](store::Conn& c) -> Result<void> {
    auto o = open_for_answer(app, c, space_id, proposal_id, user_id);
    if (!o) return fail(o.error());
    if (o->settings.method != Method::consent) return fail(ErrorCode::conflict, std::string(keys::kObjectionNone));
    auto current = current_answer(app, c, *o, user_id);
    auto b = through_rules(*o, current, StoredBallot{"consent", reason, o->row.revision}, true, app.clock->now());
    if (!b) return fail(b.error());
    return save(app, c, *o, user_id, *b, true);
  });
}

}  // namespace hs::decisions::commands
