// Answering a proposal, and changing one's answer until it closes. Named polls keep the
// answer with the person. Anonymous polls record only that the person answered; the
// answer goes, sealed and padded to one length, under a pseudonym that only the
// person's ballot code opens (see anonymity.hpp), and all of the proposal's answers are
// rewritten in pseudonym order so that no storage order tells who came first. The
// copies this leaves behind are scrubbed after commit. The decision log
// records that a commitment to the person answered – in named polls also an objection
// or block with a hash of its reason; in anonymous polls nothing about the answer, as
// even "objected at 14:02" would tell on someone.
#include <algorithm>

#include "modules/audit/module.hpp"
#include "modules/decisions/commands/anonymity.hpp"
#include "modules/decisions/commands/commands.hpp"
#include "modules/decisions/commands/support.hpp"
#include "modules/decisions/rules/errors.hpp"
#include "modules/decisions/permissions.hpp"
#include "modules/decisions/rules/keys.hpp"
#include "store/db.hpp"
#include "store/scrub.hpp"
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

// Where a person's answer lives: for anonymous polls, their code and pseudonym.
struct Slot {
  std::optional<StoredBallot> current;  // the answer as it stands
  std::string code, pseudonym;          // anonymous polls only
  std::optional<crypto::Key> key;       // anonymous polls only
};

// Finds the person's answer. In an anonymous poll someone who has answered must bring
// the code their answer is under (a person answering for the first time gets a new
// one); answers sealed beside the person before migration 0009 move under a new code.
Result<Slot> find_slot(web::App& app, store::Conn& c, const Open& o, std::int64_t user_id,
                       const std::optional<std::string>& code) {
  Slot slot;
  if (!o.row.anonymous) {
    if (auto b = repo::named_ballot_of(c, o.row.id, user_id)) slot.current = StoredBallot{b->choice, b->reason, b->revision};
    return slot;
  }
  slot.key = anonymity::ballot_key(app, c, o.row.id);
  if (!slot.key) return fail(ErrorCode::unavailable, "decisions_ballot_key_missing");
  const bool answered = repo::has_voted(c, o.row.id, user_id);
  if (answered && code) {
    auto p = anonymity::pseudonym(o.row.id, *code);
    if (auto sealed = repo::open_ballot_of(c, o.row.id, p)) {
      slot.current = anonymity::open_ballot(*slot.key, p, *sealed);
      if (!slot.current) return fail(ErrorCode::unavailable, "decisions_ballot_key_missing");
      slot.code = *code;
      slot.pseudonym = std::move(p);
      return slot;
    }
  }
  if (answered) {
    auto legacy = repo::sealed_ballot_of(c, o.row.id, user_id);
    if (!legacy) return field_error("ballot_code", code ? "decisions_code_wrong" : "decisions_code_needed");
    slot.current = anonymity::open_legacy_ballot(*slot.key, user_id, *legacy);
    if (!slot.current) return fail(ErrorCode::unavailable, "decisions_ballot_key_missing");
  }
  slot.code = anonymity::new_code();
  slot.pseudonym = anonymity::pseudonym(o.row.id, slot.code);
  return slot;
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

Result<void> save(web::App& app, store::Conn& c, const Open& o, std::int64_t user_id, const Slot& slot,
                  const StoredBallot& b, bool withdrew) {
  const auto now = app.clock->now();
  if (o.row.anonymous) {
    auto rows = repo::open_ballots(c, o.row.id);
    std::erase_if(rows, [&](const auto& r) { return r.pseudonym == slot.pseudonym; });
    rows.push_back({slot.pseudonym, anonymity::seal_ballot(*slot.key, slot.pseudonym, b)});
    repo::replace_open_ballots(c, o.row.id, std::move(rows));
    repo::record_voter(c, o.row.id, user_id, std::nullopt);  // also empties a copy from before 0009
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

// After an anonymous answer: the rows the rewrite deleted must not linger in the files.
Result<Answered> scrubbed(web::App& app, Result<Answered> r) {
  if (r && r->code) store::scrub(*app.store, repo::kAnonymityTables);
  return r;
}

}  // namespace

Result<Answered> cast(web::App& app, std::int64_t space_id, std::int64_t proposal_id, std::int64_t user_id,
                      const BallotFields& fields, const std::optional<std::string>& code) {
  return scrubbed(app, app.store->write([&](store::Conn& c) -> Result<Answered> {
    auto o = open_for_answer(app, c, space_id, proposal_id, user_id);
    if (!o) return fail(o.error());
    auto parsed = parse_ballot(o->settings, o->options, fields);
    if (!parsed) return fail(parsed.error());
    auto slot = find_slot(app, c, *o, user_id, code);
    if (!slot) return fail(slot.error());
    auto b = through_rules(*o, slot->current, *parsed, false, app.clock->now());
    if (!b) return fail(b.error());
    if (auto ok = save(app, c, *o, user_id, *slot, *b, false); !ok) return fail(ok.error());
    return Answered{o->row.anonymous ? std::optional(slot->code) : std::nullopt, o->row.closes_at};
  }));
}

Result<Answered> withdraw_objection(web::App& app, std::int64_t space_id, std::int64_t proposal_id,
                                    std::int64_t user_id, const std::string& reason,
                                    const std::optional<std::string>& code) {
  return scrubbed(app, app.store->write([&](store::Conn& c) -> Result<Answered> {
    auto o = open_for_answer(app, c, space_id, proposal_id, user_id);
    if (!o) return fail(o.error());
    if (o->settings.method != Method::consent) return fail(ErrorCode::conflict, std::string(keys::kObjectionNone));
    auto slot = find_slot(app, c, *o, user_id, code);
    if (!slot) return fail(slot.error());
    auto b = through_rules(*o, slot->current, StoredBallot{"consent", reason, o->row.revision}, true, app.clock->now());
    if (!b) return fail(b.error());
    if (auto ok = save(app, c, *o, user_id, *slot, *b, true); !ok) return fail(ok.error());
    return Answered{o->row.anonymous ? std::optional(slot->code) : std::nullopt, o->row.closes_at};
  }));
}

Result<std::string> check_code(web::App& app, std::int64_t space_id, std::int64_t proposal_id, std::int64_t user_id,
                               std::string_view typed) {
  auto code = anonymity::normalise_code(typed);
  if (!code) return field_error("ballot_code", typed.empty() ? "decisions_code_needed" : "decisions_code_wrong");
  return app.store->with([&](store::Conn& c) -> Result<std::string> {
    auto row = repo::proposal(c, space_id, proposal_id);
    if (!row || !row->anonymous) return fail(ErrorCode::not_found, "decisions_not_found");
    if (!repo::has_voted(c, proposal_id, user_id) ||
        !repo::open_ballot_of(c, proposal_id, anonymity::pseudonym(proposal_id, *code)))
      return field_error("ballot_code", "decisions_code_wrong");
    return *code;
  });
}

}  // namespace hs::decisions::commands
