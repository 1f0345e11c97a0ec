// Claims for time and expenses: made by the person, with receipts sealed; decided by a
// treasurer who is not the claimant; seen by nobody else.
#include <set>

#include "core/dates.hpp"
#include "core/text.hpp"
#include "core/view.hpp"
#include "modules/accounts/module.hpp"
#include "modules/involvement/commands/support.hpp"
#include "modules/involvement/rules/rates.hpp"
#include "services/services.hpp"
#include "store/db.hpp"

namespace hs::involvement::commands {

namespace {

std::optional<Rate> rate_at(store::Conn& c, std::int64_t space_id, const std::string& kind, const std::string& day) {
  std::vector<Rate> card;
  for (const auto& r : repo::rates(c, space_id))
    card.push_back({r.kind, parse_unit(r.unit).value_or(Unit::hourly), r.pence, r.from_day});
  return rate_on(card, kind, day);
}

struct Told {
  std::int64_t user_id = 0, claim_id = 0;
  std::string state, text, space_name, slug;
};

void tell_claimant(Services& app, const Told& t) {
  View v;
  v.set("space", t.space_name);
  v.set("claim", "C" + std::to_string(t.claim_id));
  v.set("state", app.words->t("involvement_state_" + t.state));
  if (!t.text.empty()) v.set("text", t.text);
  else v.set("text", false);
  v.set("queried", t.state == "queried");
  v.set("link", app.link("/spaces/" + t.slug + "/involvement/claims/" + std::to_string(t.claim_id)));
  accounts::email_person(app, t.user_id, "involvement_email_claim_subject",
                         {{"claim", "C" + std::to_string(t.claim_id)},
                          {"state", app.words->t("involvement_state_" + t.state)}},
                         "involvement_claim_moved", v);
}

}  // namespace

Result<std::int64_t> make_claim(Services& app, std::int64_t space_id, std::int64_t user_id, const ClaimInput& in) {
  const auto now = app.clock->now();
  std::vector<std::int64_t> treasurers;
  std::optional<spaces::Space> space;
  // What can be checked without the store first: the expense lines and the receipts' bytes.
  auto lines = check_expenses(in.expenses);
  Error problems = lines ? Validation{}.error() : lines.error();
  std::vector<std::pair<std::string, const NewReceipt*>> receipts;  // media type, receipt
  for (const auto& r : in.receipts) {
    const std::string field = "expense_" + std::to_string(r.line) + "_receipt";
    if (r.bytes.size() > kMaxReceiptBytes) {
      problems.fields.push_back({field, "involvement_receipt_too_big"});
      continue;
    }
    auto type = sniff_receipt(r.bytes);
    if (!type) {
      problems.fields.push_back({field, "involvement_receipt_type"});
      continue;
    }
    receipts.emplace_back(*type, &r);
  }
  if (!lines || !problems.fields.empty()) return fail(problems);
  auto made = app.store->write([&](store::Conn& c) -> Result<std::int64_t> {
    auto s = subject_at(c, space_id, user_id);
    if (!permissions::take_part(s)) return fail(ErrorCode::forbidden, "involvement_not_member");
    auto chosen = repo::choice(c, space_id, user_id);
    if (!chosen) return fail(ErrorCode::conflict, "involvement_choice_first");
    ClaimRow k;
    k.space_id = space_id;
    k.user_id = user_id;
    k.payee_ref = payee_ref(app, space_id, user_id);
    k.method = chosen->method;
    k.charity = chosen->charity;
    k.state = "submitted";
    k.submitted_at = now;
    k.created_at = now;
    k.updated_at = now;
    if (in.participation_id) {
      auto p = repo::participation(c, *in.participation_id);
      bool open = false;
      if (p && p->user_id == user_id && p->space_id == space_id)
        for (const auto& u : repo::unclaimed(c, space_id, user_id)) open = open || u.id == p->id;
      if (!open) return fail(ErrorCode::conflict, "involvement_time_claimed");
      auto rate = rate_at(c, space_id, p->kind, p->day);
      if (!rate) return fail(ErrorCode::conflict, "involvement_no_rate");
      k.participation_id = p->id;
      k.opportunity_id = p->opportunity_id;
      k.kind = p->kind;
      k.day = p->day;
      k.minutes = p->minutes;
      k.unit = std::string(unit_name(rate->unit));
      k.rate_pence = rate->pence;
      // Declining payment is for time: expenses are still repaid, so nobody is out of pocket.
      k.time_pence = k.method == "decline" ? 0 : fee(*rate, p->minutes);
    } else if (in.opportunity_id) {
      auto o = repo::opportunity(c, *in.opportunity_id);
      auto i = o ? repo::interest_of(c, o->id, user_id) : std::nullopt;
      if (!o || o->space_id != space_id || !i || i->status != "chosen")
        return fail(ErrorCode::not_found, "involvement_opportunity_not_found");
      k.advance = true;
      k.opportunity_id = o->id;
      k.kind = o->kind;
      k.day = o->day;
      k.unit = "fixed";
      if (lines->empty()) {
        Validation need;
        need.add("expense_1_category", "involvement_advance_needs_expense");
        return fail(need.error());
      }
    } else {
      return fail(ErrorCode::invalid, "involvement_claim_for_nothing");
    }
    for (const auto& e : *lines) k.expenses_pence += e.pence;
    k.total_pence = k.time_pence + k.expenses_pence;
    if (k.total_pence > 100 * kMaxPence) return fail(ErrorCode::invalid, "involvement_claim_too_big");
    const auto id = repo::insert_claim(c, k);
    for (const auto& e : *lines) repo::insert_expense(c, {0, id, e.pence, e.category, e.description});
    const auto key = sealing_key(app, space_id);
    for (const auto& [type, r] : receipts) {
      ReceiptRow row{0, id, static_cast<std::int64_t>(r->bytes.size()), now, r->file_name, type};
      repo::insert_receipt(c, row, crypto::seal(key, r->bytes));
    }
    if (auto ok = record(app, c, space_id, "involvement.claim_submitted", {{"claim", id}, {"advance", k.advance}}); !ok)
      return fail(ok.error());
    for (const auto& m : spaces::members(c, space_id))
      if (m.role == spaces::Role::treasurer && m.user_id != user_id) treasurers.push_back(m.user_id);
    space = spaces::space_by_id(c, space_id);
    return id;
  });
  // The treasurers hear there is a claim to look at: its number and a link, nothing more.
  if (made && space)
    for (auto t : treasurers) {
      View v;
      v.set("space", space->name);
      v.set("claim", "C" + std::to_string(*made));
      v.set("link", app.link("/spaces/" + space->slug + "/involvement/claims/" + std::to_string(*made)));
      accounts::email_person(app, t, "involvement_email_new_claim_subject", {{"space", space->name}},
                             "involvement_new_claim", v);
    }
  return made;
}

Result<ClaimView> claim_view(Services& app, std::int64_t space_id, std::int64_t claim_id, std::int64_t user_id) {
  return app.store->with([&](store::Conn& c) -> Result<ClaimView> {
    auto k = repo::claim(c, claim_id);
    if (!k || k->space_id != space_id) return fail(ErrorCode::not_found, "involvement_claim_not_found");
    auto s = subject_at(c, space_id, user_id);
    ClaimView v;
    v.mine = user_id > 0 && k->user_id && *k->user_id == user_id && permissions::view(s);
    v.treasurer = permissions::treasure(s);
    // Nobody else learns the claim exists.
    if (!v.mine && !v.treasurer) return fail(ErrorCode::not_found, "involvement_claim_not_found");
    v.claim = *k;
    v.expenses = repo::expenses(c, claim_id);
    v.receipts = repo::receipts(c, claim_id);
    if (k->user_id) v.claimant = accounts::display_name(app, c, *k->user_id);
    if (k->participation_id) {
      if (auto p = repo::participation(c, *k->participation_id)) v.what = p->what;
    } else if (k->opportunity_id) {
      if (auto o = repo::opportunity(c, *k->opportunity_id)) v.what = o->title;
    }
    return v;
  });
}

Result<ClaimState> move(Services& app, std::int64_t claim_id, std::int64_t user_id, const std::string& move_name,
                        const std::string& text) {
  const auto now = app.clock->now();
  auto m = parse_claim_move(move_name);
  if (!m || *m == ClaimMove::batch || *m == ClaimMove::pay || *m == ClaimMove::submit)
    return fail(ErrorCode::invalid, "involvement_claim_move_refused");
  if (text::length(text) > 2000) {
    Validation v;
    v.add("text", "involvement_text_long");
    return fail(v.error());
  }
  std::optional<Told> told;
  auto r = app.store->write([&](store::Conn& c) -> Result<ClaimState> {
    auto k = repo::claim(c, claim_id);
    if (!k) return fail(ErrorCode::not_found, "involvement_claim_not_found");
    auto s = subject_at(c, k->space_id, user_id);
    Mover who{user_id > 0 && k->user_id && *k->user_id == user_id && permissions::view(s), permissions::treasure(s)};
    if (!who.claimant && !who.treasurer) return fail(ErrorCode::not_found, "involvement_claim_not_found");
    auto from = parse_claim_state(k->state);
    if (!from) return fail(ErrorCode::conflict, "involvement_claim_move_refused");
    auto to = move_claim(*from, *m, who, text);
    if (!to) return fail(to.error());
    repo::ClaimChange change;
    change.to = std::string(claim_state_name(*to));
    const std::string said(text::trim(text));
    switch (*m) {
      case ClaimMove::query: change.question = said; break;
      case ClaimMove::refuse: change.reason = said; break;
      case ClaimMove::answer: change.answer = said; break;
      default: break;
    }
    if (*m == ClaimMove::approve || *m == ClaimMove::query || *m == ClaimMove::refuse) change.decided_by = user_id;
    if (!repo::move_claim(c, claim_id, k->state, change, now))
      return fail(ErrorCode::conflict, "involvement_claim_moved_meanwhile");
    audit::Fields entry = {{"claim", claim_id}};
    if (*m == ClaimMove::approve || *m == ClaimMove::refuse)
      entry.emplace_back("commitment", claim_commitment(app, *k, change.to));
    if (auto ok = record(app, c, k->space_id, "involvement.claim_" + change.to, entry); !ok) return fail(ok.error());
    if (k->user_id && (*m == ClaimMove::approve || *m == ClaimMove::query || *m == ClaimMove::refuse)) {
      auto space = spaces::space_by_id(c, k->space_id);
      if (space) told = Told{*k->user_id, claim_id, change.to, said, space->name, space->slug};
    }
    return *to;
  });
  if (r && told) tell_claimant(app, *told);
  return r;
}

Result<ReceiptFile> receipt(Services& app, std::int64_t space_id, std::int64_t claim_id, std::int64_t receipt_id,
                            std::int64_t user_id) {
  auto view = claim_view(app, space_id, claim_id, user_id);
  if (!view) return fail(view.error());
  auto found = app.store->with([&](store::Conn& c) { return repo::receipt(c, receipt_id); });
  if (!found || found->first.claim_id != claim_id) return fail(ErrorCode::not_found, "involvement_claim_not_found");
  auto bytes = crypto::open(sealing_key(app, space_id), found->second);
  if (!bytes) return fail(ErrorCode::unavailable, "involvement_receipt_unreadable");
  return ReceiptFile{found->first.file_name, found->first.media_type, std::move(*bytes)};
}

std::vector<ClaimRow> my_claims(Services& app, std::int64_t space_id, std::int64_t user_id) {
  return app.store->with([&](store::Conn& c) { return repo::claims_of(c, space_id, user_id); });
}

std::vector<ParticipationRow> unclaimed(Services& app, std::int64_t space_id, std::int64_t user_id) {
  return app.store->with([&](store::Conn& c) { return repo::unclaimed(c, space_id, user_id); });
}

std::vector<InterestRow> my_interests(Services& app, std::int64_t space_id, std::int64_t user_id) {
  return app.store->with([&](store::Conn& c) { return repo::interests_of(c, space_id, user_id); });
}

Result<ClaimsPage> claims_page(Services& app, std::int64_t space_id, std::int64_t user_id, const std::string& state,
                               std::int64_t page) {
  if (!state.empty() && !parse_claim_state(state)) return fail(ErrorCode::not_found, "involvement_claim_not_found");
  return app.store->with([&](store::Conn& c) -> Result<ClaimsPage> {
    if (!permissions::treasure(subject_at(c, space_id, user_id)))
      return fail(ErrorCode::forbidden, "involvement_not_treasurer");
    ClaimsPage out;
    for (const auto& [st, n] : repo::claim_counts(c, space_id)) {
      out.counts[st] = n;
      if (state.empty() || st == state) out.total += n;
    }
    const auto offset = std::max<std::int64_t>(0, page - 1) * kClaimsPerPage;
    out.claims = repo::claims_page(c, space_id, state, offset, kClaimsPerPage);
    std::vector<std::int64_t> people;
    for (const auto& k : out.claims)
      if (k.user_id) people.push_back(*k.user_id);
    out.names = accounts::display_names(app, c, people);
    return out;
  });
}

}  // namespace hs::involvement::commands
