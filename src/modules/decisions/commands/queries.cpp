// Reads for pages, and erasure and export. An anonymous poll's answers are never opened
// here while it is open, except the viewer's own, through the ballot code their browser
// holds (so they can see and change it).
#include <boost/json.hpp>

#include "core/view.hpp"
#include "modules/accounts/module.hpp"
#include "modules/decisions/commands/anonymity.hpp"
#include "modules/decisions/commands/commands.hpp"
#include "modules/decisions/commands/support.hpp"
#include "modules/decisions/policy.hpp"
#include "modules/decisions/rules/keys.hpp"
#include "modules/spaces/module.hpp"
#include "services/services.hpp"
#include "store/db.hpp"

namespace hs::decisions::commands {

std::optional<Loaded> load(Services& app, std::int64_t space_id, std::int64_t proposal_id, std::int64_t viewer,
                           const std::optional<std::string>& code) {
  return app.store->with([&](store::Conn& c) -> std::optional<Loaded> {
    auto row = repo::proposal(c, space_id, proposal_id);
    if (!row) return std::nullopt;
    Loaded l;
    l.row = std::move(*row);
    l.settings = settings_of(l.row);
    l.options = repo::options(c, proposal_id);
    l.closed = l.row.closed_at.has_value();
    l.eligible = l.closed ? l.row.eligible.value_or(0) : eligible_now(c, space_id);
    l.turnout = l.closed ? l.row.turnout.value_or(0) : repo::voter_count(c, proposal_id);
    l.has_voted = viewer > 0 && repo::has_voted(c, proposal_id, viewer);
    if (l.row.proposer_id) l.proposer_name = accounts::display_name(app, c, *l.row.proposer_id);
    if (l.row.closed_by) l.closer_name = accounts::display_name(app, c, *l.row.closed_by);
    const Phase phase = l.closed ? Phase::closed : Phase::open;

    std::vector<KeyedBallot> keyed;
    if (!l.row.anonymous) {
      for (const auto& b : repo::named_ballots(c, proposal_id)) {
        StoredBallot sb{b.choice, b.reason, b.revision};
        std::string who = b.user_id ? std::to_string(*b.user_id) : "erased:" + std::to_string(keyed.size());
        keyed.push_back({VoterKey{who}, sb, b.cast_at});
        l.named.push_back({b.user_id ? accounts::display_name(app, c, *b.user_id) : std::string(), sb, b.cast_at});
        if (b.user_id && *b.user_id == viewer) l.mine = sb;
      }
      l.tally = tally(l.settings, phase, proposal_id, l.options.size(), keyed, l.eligible);
    } else if (l.closed) {
      for (const auto& b : repo::anonymous_ballots(c, proposal_id)) {
        StoredBallot sb{b.choice, b.reason, b.revision};
        keyed.push_back({VoterKey{b.pseudonym}, sb, 0});
        l.anonymous.push_back(sb);
      }
      l.tally = tally(l.settings, phase, proposal_id, l.options.size(), keyed, l.eligible);
    } else if (l.has_voted) {
      auto key = anonymity::ballot_key(app, c, proposal_id);
      if (key && code) {
        const auto p = anonymity::pseudonym(proposal_id, *code);
        if (auto sealed = repo::open_ballot_of(c, proposal_id, p)) l.mine = anonymity::open_ballot(*key, p, *sealed);
        if (l.mine) l.code = code;
      }
      if (key && !l.mine)
        if (auto legacy = repo::sealed_ballot_of(c, proposal_id, viewer))
          l.mine = anonymity::open_legacy_ballot(*key, viewer, *legacy);
    }
    if (l.row.subject_kind != "general" && l.row.subject_id) {
      const auto* hooks = subject_hooks(app, l.row.subject_kind);
      if (hooks && hooks->describe) l.subject = hooks->describe(app, c, *l.row.subject_id);
    }
    if (!l.closed && closes_early(l.settings, app.clock->now())) {
      CloseCheck check{l.turnout, l.eligible, !l.row.anonymous && objection_stands(l.settings.method, keyed)};
      l.may_close_early = may_close_early(l.settings, check);
    }
    return l;
  });
}

std::vector<repo::ProposalCard> list(Services& app, std::int64_t space_id, std::int64_t viewer) {
  return app.store->with([&](store::Conn& c) { return repo::proposals_in_space(c, space_id, viewer); });
}

std::string results_csv(Services& app, const Loaded& l) {
  if (!l.tally) return {};
  auto table = results_table(*l.tally, l.options);
  return to_csv(table, [&](std::string_view column) {
    return app.words->t(std::string(keys::kCsvPrefix) + std::string(column));
  });
}

void erase_person(store::Conn& c, std::int64_t user_id) { repo::erase_person(c, user_id); }

std::string export_person(store::Conn& c, std::int64_t user_id) {
  namespace json = boost::json;
  auto address = [&](std::int64_t space_id) {
    auto s = spaces::space_by_id(c, space_id);
    return s ? "/spaces/" + s->slug : std::string();
  };
  json::array proposed;
  for (const auto& p : repo::proposed_by(c, user_id)) {
    json::object o;
    o["space"] = address(p.space_id);
    o["title"] = p.title;
    o["opened_at"] = p.created_at;
    proposed.push_back(std::move(o));
  }
  json::array answers;
  for (const auto& a : repo::named_answers_of(c, user_id)) {
    json::object o;
    o["space"] = address(a.space_id);
    o["proposal"] = a.title;
    o["answer"] = a.choice;
    o["reason"] = a.reason;
    o["answered_at"] = a.cast_at;
    answers.push_back(std::move(o));
  }
  json::array anonymous;
  for (const auto& t : repo::anonymous_polls_of(c, user_id)) {
    json::object o;
    o["space"] = address(t.space_id);
    o["proposal"] = t.title;
    anonymous.push_back(std::move(o));
  }
  json::object out;
  out["proposals_opened"] = std::move(proposed);
  out["named_answers"] = std::move(answers);
  // Only that the person took part: the answers of anonymous polls are kept apart from
  // everybody, the person included.
  out["anonymous_polls_taken_part_in"] = std::move(anonymous);
  return json::serialize(out);
}

}  // namespace hs::decisions::commands
