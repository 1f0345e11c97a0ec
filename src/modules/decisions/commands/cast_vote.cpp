// Answering a proposal, and changing one's answer until it closes. Named polls keep the
// answer with the person. Anonymous polls record only that the person answered; the
// answer goes, sealed and padded to one length, under a pseudonym that only the
// person's ballot code opens (see anonymity.hpp), and all of the proposal's answers are
// rewritten in pseudonym order so that no storage order tells who came first. The
// decision log records that a commitment to the person answered – in named polls also
// an objection or block with a hash of its reason; in anonymous polls nothing about the
// answer, as even "objected at 14:02" would tell on someone.
//
// An anonymous answer is acknowledged only once no earlier state of the poll's rows is
// left in the database's files: two states side by side show which sealed row changed
// as which turnout row appeared. So the write-ahead log is emptied before the answer
// (else it is refused, nothing written) and after it (else the answer is undone and
// refused). See store/scrub.hpp and docs/governance.md.
#include <algorithm>
#include <chrono>
#include <stdexcept>

#include "modules/audit/module.hpp"
#include "modules/decisions/commands/anonymity.hpp"
#include "modules/decisions/commands/commands.hpp"
#include "modules/decisions/commands/support.hpp"
#include "modules/decisions/methods/descriptor.hpp"
#include "modules/decisions/permissions.hpp"
#include "modules/decisions/rules/errors.hpp"
#include "modules/decisions/rules/keys.hpp"
#include "services/services.hpp"
#include "store/db.hpp"
#include "store/scrub.hpp"

namespace hs::decisions::commands {

namespace {

struct Open {
  repo::ProposalRow row;
  Settings settings;
  std::size_t options = 0;
};

// The proposal, locked, if it is open and the person may answer.
Result<Open> open_for_answer(Services& app, store::Conn& c, std::int64_t space_id, std::int64_t proposal_id,
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
Result<Slot> find_slot(Services& app, store::Conn& c, const Open& o, std::int64_t user_id,
                       const std::optional<std::string>& code) {
  Slot slot;
  if (!o.row.anonymous) {
    if (auto b = repo::named_ballot_of(c, o.row.id, user_id))
      slot.current = StoredBallot{b->choice, b->reason, b->revision};
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

Result<void> save(Services& app, store::Conn& c, const Open& o, std::int64_t user_id, const Slot& slot,
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
  const char* kind =
      withdrew ? "decision.objection_withdrawn" : descriptor(o.settings.method).objection_entry(b.choice);
  if (!kind) return {};
  audit::Fields f = {{"proposal", o.row.id}, {"person", person}};
  if (!withdrew) f.emplace_back("reason_sha256", sha256(b.reason));
  if (auto ok = audit::append(app, c, o.row.space_id, kind, f); !ok) return fail(ok.error());
  return {};
}

// How long an answer waits for readers to let go of the write-ahead log, before it and
// after it; a person waits at most about twice this before being told to try again.
constexpr std::chrono::milliseconds kScrubPatience{2500};

// What an anonymous answer replaced, so that it can be put back.
struct Before {
  std::int64_t proposal_id = 0, space_id = 0, user_id = 0;
  std::string pseudonym;
  std::optional<std::string> sealed;         // the row under the pseudonym, if any
  bool answered = false;                     // had a turnout row
  std::optional<std::string> legacy_sealed;  // an answer sealed in the turnout row (before 0009)
};

Before remember(store::Conn& c, const Open& o, std::int64_t user_id, const Slot& slot) {
  Before b{o.row.id,
           o.row.space_id,
           user_id,
           slot.pseudonym,
           repo::open_ballot_of(c, o.row.id, slot.pseudonym),
           repo::has_voted(c, o.row.id, user_id),
           repo::sealed_ballot_of(c, o.row.id, user_id)};
  return b;
}

// Puts back the person's row and turnout as they were. Only theirs: others may have
// answered since. The log says the answer was undone, so that its "answered" entries
// still add up to the turnout.
void undo(Services& app, const Before& b) {
  auto r = app.store->write([&](store::Conn& c) -> Result<void> {
    if (!repo::lock_open(c, b.proposal_id)) return fail(ErrorCode::conflict, std::string(keys::kClosed));
    auto rows = repo::open_ballots(c, b.proposal_id);
    std::erase_if(rows, [&](const auto& r) { return r.pseudonym == b.pseudonym; });
    if (b.sealed) rows.push_back({b.pseudonym, *b.sealed});
    repo::replace_open_ballots(c, b.proposal_id, std::move(rows));
    if (!b.answered) repo::forget_voter(c, b.proposal_id, b.user_id);
    else if (b.legacy_sealed) repo::record_voter(c, b.proposal_id, b.user_id, b.legacy_sealed);
    audit::Fields f = {{"proposal", b.proposal_id}, {"person", audit::person_commitment(app, b.space_id, b.user_id)}};
    if (auto ok = audit::append(app, c, b.space_id, "decision.answer_undone", f); !ok) return fail(ok.error());
    return {};
  });
  // Closed meanwhile: the answer was counted and the state before it is gone with the
  // open rows; nothing to put back.
  if (!r && r.error().code != ErrorCode::conflict) throw std::runtime_error("undoing an answer failed");
  store::scrub(*app.store, repo::kAnonymityTables, std::chrono::milliseconds(0));
}

Error not_kept() { return Error::of(ErrorCode::unavailable, "decisions_answer_not_kept"); }

// Runs an answer (f, in its own write transaction) under the rule above. f fills in
// what it replaced. Named polls just run.
template <class F>
Result<Answered> kept_apart(Services& app, std::int64_t space_id, std::int64_t proposal_id, F&& f) {
  const bool anonymous = app.store->with([&](store::Conn& c) {
    auto row = repo::proposal(c, space_id, proposal_id);
    return row && row->anonymous;
  });
  std::optional<Before> before;
  if (!anonymous) return app.store->write([&](store::Conn& c) { return f(c, before); });
  if (!store::scrub(*app.store, repo::kAnonymityTables, kScrubPatience)) return fail(not_kept());
  auto r = app.store->write([&](store::Conn& c) { return f(c, before); });
  if (!r || !r->code || !before) return r;
  if (store::scrub(*app.store, repo::kAnonymityTables, kScrubPatience)) return r;
  undo(app, *before);
  return fail(not_kept());
}

}  // namespace

Result<Answered> cast(Services& app, std::int64_t space_id, std::int64_t proposal_id, std::int64_t user_id,
                      const BallotFields& fields, const std::optional<std::string>& code) {
  return kept_apart(app, space_id, proposal_id, [&](store::Conn& c, std::optional<Before>& before) -> Result<Answered> {
    auto o = open_for_answer(app, c, space_id, proposal_id, user_id);
    if (!o) return fail(o.error());
    auto parsed = parse_ballot(o->settings, o->options, fields);
    if (!parsed) return fail(parsed.error());
    auto slot = find_slot(app, c, *o, user_id, code);
    if (!slot) return fail(slot.error());
    auto b = descriptor(o->settings.method)
                 .apply_answer(o->settings, o->row.revision, slot->current, *parsed, false, app.clock->now());
    if (!b) return fail(b.error());
    if (o->row.anonymous) before = remember(c, *o, user_id, *slot);
    if (auto ok = save(app, c, *o, user_id, *slot, *b, false); !ok) return fail(ok.error());
    return Answered{o->row.anonymous ? std::optional(slot->code) : std::nullopt, o->row.closes_at};
  });
}

Result<Answered> withdraw_objection(Services& app, std::int64_t space_id, std::int64_t proposal_id,
                                    std::int64_t user_id, const std::string& reason,
                                    const std::optional<std::string>& code) {
  return kept_apart(app, space_id, proposal_id, [&](store::Conn& c, std::optional<Before>& before) -> Result<Answered> {
    auto o = open_for_answer(app, c, space_id, proposal_id, user_id);
    if (!o) return fail(o.error());
    if (o->settings.method != Method::consent) return fail(ErrorCode::conflict, std::string(keys::kObjectionNone));
    auto slot = find_slot(app, c, *o, user_id, code);
    if (!slot) return fail(slot.error());
    const StoredBallot consenting{"consent", reason, o->row.revision};
    auto b = descriptor(o->settings.method)
                 .apply_answer(o->settings, o->row.revision, slot->current, consenting, true, app.clock->now());
    if (!b) return fail(b.error());
    if (o->row.anonymous) before = remember(c, *o, user_id, *slot);
    if (auto ok = save(app, c, *o, user_id, *slot, *b, true); !ok) return fail(ok.error());
    return Answered{o->row.anonymous ? std::optional(slot->code) : std::nullopt, o->row.closes_at};
  });
}

Result<std::string> check_code(Services& app, std::int64_t space_id, std::int64_t proposal_id, std::int64_t user_id,
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
