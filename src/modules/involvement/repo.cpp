#include "modules/involvement/repo.hpp"

#include "store/db.hpp"
#include "store/id_list.hpp"

namespace hs::involvement::repo {

namespace {

store::Value opt_id(const std::optional<std::int64_t>& v) { return v ? store::Value(*v) : store::Value(store::Null{}); }

constexpr const char* kOpportunity = R"(
id, space_id, title, description, kind, day, starts, minutes, how, place, places, expenses, support, support_other,
event_id, status, created_by, created_at)";

OpportunityRow opportunity_from(const store::Row& r) {
  OpportunityRow o;
  o.id = r.i64(0);
  o.space_id = r.i64(1);
  o.title = r.text(2);
  o.description = r.text(3);
  o.kind = r.text(4);
  o.day = r.text(5);
  o.starts = r.text(6);
  o.minutes = r.i64(7);
  o.how = r.text(8);
  o.place = r.text(9);
  o.places = r.i64(10);
  o.expenses = r.text(11);
  o.support = r.text(12);
  o.support_other = r.text(13);
  o.event_id = r.opt_i64(14);
  o.status = r.text(15);
  o.created_by = r.opt_i64(16);
  o.created_at = r.i64(17);
  return o;
}

constexpr const char* kInterest = "opportunity_id, user_id, note, status, reason, decided_at, created_at";

InterestRow interest_from(const store::Row& r) {
  InterestRow i;
  i.opportunity_id = r.i64(0);
  i.user_id = r.i64(1);
  i.note = r.text(2);
  i.status = r.text(3);
  i.reason = r.opt_text(4);
  i.decided_at = r.opt_i64(5);
  i.created_at = r.i64(6);
  return i;
}

constexpr const char* kParticipation =
    "id, space_id, user_id, opportunity_id, kind, day, minutes, what, source, confirmed_by, created_at";

ParticipationRow participation_from(const store::Row& r) {
  ParticipationRow p;
  p.id = r.i64(0);
  p.space_id = r.i64(1);
  p.user_id = r.i64(2);
  p.opportunity_id = r.opt_i64(3);
  p.kind = r.text(4);
  p.day = r.text(5);
  p.minutes = r.i64(6);
  p.what = r.text(7);
  p.source = r.text(8);
  p.confirmed_by = r.opt_i64(9);
  p.created_at = r.i64(10);
  return p;
}

constexpr const char* kClaim = R"(
id, space_id, user_id, payee_ref, participation_id, opportunity_id, advance, kind, day, minutes, unit, rate_pence,
time_pence, expenses_pence, total_pence, method, charity, state, question, answer, reason, decided_by, batch_id,
submitted_at, decided_at, paid_day, created_at, updated_at)";

ClaimRow claim_from(const store::Row& r) {
  ClaimRow c;
  c.id = r.i64(0);
  c.space_id = r.i64(1);
  c.user_id = r.opt_i64(2);
  c.payee_ref = r.text(3);
  c.participation_id = r.opt_i64(4);
  c.opportunity_id = r.opt_i64(5);
  c.advance = r.i64(6) != 0;
  c.kind = r.text(7);
  c.day = r.text(8);
  c.minutes = r.i64(9);
  c.unit = r.text(10);
  c.rate_pence = r.i64(11);
  c.time_pence = r.i64(12);
  c.expenses_pence = r.i64(13);
  c.total_pence = r.i64(14);
  c.method = r.text(15);
  c.charity = r.opt_text(16);
  c.state = r.text(17);
  c.question = r.opt_text(18);
  c.answer = r.opt_text(19);
  c.reason = r.opt_text(20);
  c.decided_by = r.opt_i64(21);
  c.batch_id = r.opt_i64(22);
  c.submitted_at = r.opt_i64(23);
  c.decided_at = r.opt_i64(24);
  c.paid_day = r.opt_text(25);
  c.created_at = r.i64(26);
  c.updated_at = r.i64(27);
  return c;
}

std::vector<ClaimRow> claims(const store::Rows& rows) {
  std::vector<ClaimRow> out;
  out.reserve(rows.size());
  for (const auto& r : rows) out.push_back(claim_from(r));
  return out;
}

std::string claim_select(const std::string& where) {
  return std::string("SELECT ") + kClaim + " FROM involvement_claims WHERE " + where;
}

constexpr const char* kBatch = "id, space_id, claim_count, total_pence, created_by, created_at, paid_day, paid_at";

BatchRow batch_from(const store::Row& r) {
  BatchRow b;
  b.id = r.i64(0);
  b.space_id = r.i64(1);
  b.claim_count = r.i64(2);
  b.total_pence = r.i64(3);
  b.created_by = r.opt_i64(4);
  b.created_at = r.i64(5);
  b.paid_day = r.opt_text(6);
  b.paid_at = r.opt_i64(7);
  return b;
}

// Claims that still count against a piece of time: any but withdrawn or refused.
constexpr const char* kLiveClaim = "state NOT IN ('withdrawn', 'refused')";

}  // namespace

// --- settings and the rate card

std::optional<std::int64_t> keep_days(store::Conn& c, std::int64_t space_id) {
  auto r = c.one("SELECT bank_keep_days FROM involvement_settings WHERE space_id = ?", space_id);
  if (!r) return std::nullopt;
  return r->i64(0);
}

void set_keep_days(store::Conn& c, std::int64_t space_id, std::int64_t days, std::int64_t now) {
  c.q(R"(INSERT INTO involvement_settings (space_id, bank_keep_days, updated_at) VALUES (?, ?, ?)
ON CONFLICT (space_id) DO UPDATE SET bank_keep_days = excluded.bank_keep_days, updated_at = excluded.updated_at)",
      space_id, days, now);
}

std::vector<RateRow> rates(store::Conn& c, std::int64_t space_id) {
  std::vector<RateRow> out;
  for (const auto& r : c.q(R"(SELECT id, space_id, kind, unit, pence, from_day, created_at FROM involvement_rates
WHERE space_id = ? ORDER BY kind, from_day)",
                           space_id)) {
    RateRow x;
    x.id = r.i64(0);
    x.space_id = r.i64(1);
    x.kind = r.text(2);
    x.unit = r.text(3);
    x.pence = r.i64(4);
    x.from_day = r.text(5);
    x.created_at = r.i64(6);
    out.push_back(std::move(x));
  }
  return out;
}

std::int64_t insert_rate(store::Conn& c, const RateRow& r) {
  return c.q(R"(INSERT INTO involvement_rates (space_id, kind, unit, pence, from_day, created_at)
VALUES (?, ?, ?, ?, ?, ?) RETURNING id)",
             r.space_id, r.kind, r.unit, r.pence, r.from_day, r.created_at)
      .at(0)
      .i64(0);
}

// --- opportunities

std::int64_t insert_opportunity(store::Conn& c, const OpportunityRow& o) {
  const store::Value args[] = {o.space_id, o.title,   o.description,   o.kind,          o.day,
                               o.starts,   o.minutes, o.how,           o.place,         o.places,
                               o.expenses, o.support, o.support_other, opt_id(o.event_id), o.status,
                               opt_id(o.created_by), o.created_at};
  return c
      .query(R"(INSERT INTO involvement_opportunities (space_id, title, description, kind, day, starts, minutes, how,
  place, places, expenses, support, support_other, event_id, status, created_by, created_at)
VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id)",
             args)
      .at(0)
      .i64(0);
}

std::optional<OpportunityRow> opportunity(store::Conn& c, std::int64_t id) {
  auto r = c.one(std::string("SELECT ") + kOpportunity + " FROM involvement_opportunities WHERE id = ?", id);
  if (!r) return std::nullopt;
  return opportunity_from(*r);
}

std::vector<OpportunityRow> opportunities(store::Conn& c, std::int64_t space_id) {
  std::vector<OpportunityRow> out;
  for (const auto& r : c.q(std::string("SELECT ") + kOpportunity +
                               " FROM involvement_opportunities WHERE space_id = ? ORDER BY day, starts, id",
                           space_id))
    out.push_back(opportunity_from(r));
  return out;
}

void set_opportunity_status(store::Conn& c, std::int64_t id, const std::string& status) {
  c.q("UPDATE involvement_opportunities SET status = ? WHERE id = ?", status, id);
}

void upsert_interest(store::Conn& c, std::int64_t opportunity_id, std::int64_t user_id, const std::string& note,
                     std::int64_t now) {
  c.q(R"(INSERT INTO involvement_interest (opportunity_id, user_id, note, status, created_at)
VALUES (?, ?, ?, 'interested', ?)
ON CONFLICT (opportunity_id, user_id) DO UPDATE SET note = excluded.note)",
      opportunity_id, user_id, note, now);
}

bool remove_interest(store::Conn& c, std::int64_t opportunity_id, std::int64_t user_id) {
  c.q("DELETE FROM involvement_interest WHERE opportunity_id = ? AND user_id = ?", opportunity_id, user_id);
  return c.changes() == 1;
}

std::vector<InterestRow> interest_in(store::Conn& c, std::int64_t opportunity_id) {
  std::vector<InterestRow> out;
  for (const auto& r : c.q(std::string("SELECT ") + kInterest +
                               " FROM involvement_interest WHERE opportunity_id = ? ORDER BY created_at, user_id",
                           opportunity_id))
    out.push_back(interest_from(r));
  return out;
}

std::optional<InterestRow> interest_of(store::Conn& c, std::int64_t opportunity_id, std::int64_t user_id) {
  auto r = c.one(std::string("SELECT ") + kInterest +
                     " FROM involvement_interest WHERE opportunity_id = ? AND user_id = ?",
                 opportunity_id, user_id);
  if (!r) return std::nullopt;
  return interest_from(*r);
}

bool decide_interest(store::Conn& c, std::int64_t opportunity_id, std::int64_t user_id, const std::string& status,
                     const std::string& reason, std::int64_t now) {
  c.q(R"(UPDATE involvement_interest SET status = ?, reason = ?, decided_at = ?
WHERE opportunity_id = ? AND user_id = ?)",
      status, reason, now, opportunity_id, user_id);
  return c.changes() == 1;
}

std::int64_t chosen_count(store::Conn& c, std::int64_t opportunity_id) {
  return c.q("SELECT COUNT(*) FROM involvement_interest WHERE opportunity_id = ? AND status = 'chosen'",
             opportunity_id)
      .at(0)
      .i64(0);
}

std::vector<std::pair<std::int64_t, std::int64_t>> interest_counts(store::Conn& c, std::int64_t space_id) {
  std::vector<std::pair<std::int64_t, std::int64_t>> out;
  for (const auto& r : c.q(R"(SELECT i.opportunity_id, COUNT(*) FROM involvement_interest i
JOIN involvement_opportunities o ON o.id = i.opportunity_id WHERE o.space_id = ? GROUP BY i.opportunity_id)",
                           space_id))
    out.emplace_back(r.i64(0), r.i64(1));
  return out;
}

std::vector<InterestRow> interests_of(store::Conn& c, std::int64_t space_id, std::int64_t user_id) {
  std::vector<InterestRow> out;
  for (const auto& r : c.q(R"(SELECT i.opportunity_id, i.user_id, i.note, i.status, i.reason, i.decided_at, i.created_at
FROM involvement_interest i JOIN involvement_opportunities o ON o.id = i.opportunity_id
WHERE o.space_id = ? AND i.user_id = ? ORDER BY o.day, o.id)",
                           space_id, user_id))
    out.push_back(interest_from(r));
  return out;
}

// --- who took part

std::optional<std::int64_t> insert_participation(store::Conn& c, const ParticipationRow& p) {
  const store::Value args[] = {p.space_id, p.user_id, opt_id(p.opportunity_id), p.kind, p.day, p.minutes, p.what,
                               p.source,   opt_id(p.confirmed_by), p.created_at};
  auto rows = c.query(R"(INSERT INTO involvement_participation (space_id, user_id, opportunity_id, kind, day, minutes,
  what, source, confirmed_by, created_at)
VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING RETURNING id)",
                      args);
  if (rows.empty()) return std::nullopt;
  return rows.front().i64(0);
}

std::optional<ParticipationRow> participation(store::Conn& c, std::int64_t id) {
  auto r = c.one(std::string("SELECT ") + kParticipation + " FROM involvement_participation WHERE id = ?", id);
  if (!r) return std::nullopt;
  return participation_from(*r);
}

std::vector<ParticipationRow> participation_in(store::Conn& c, std::int64_t opportunity_id) {
  std::vector<ParticipationRow> out;
  for (const auto& r : c.q(std::string("SELECT ") + kParticipation +
                               " FROM involvement_participation WHERE opportunity_id = ? ORDER BY id",
                           opportunity_id))
    out.push_back(participation_from(r));
  return out;
}

std::vector<ParticipationRow> unclaimed(store::Conn& c, std::int64_t space_id, std::int64_t user_id) {
  std::vector<ParticipationRow> out;
  for (const auto& r :
       c.q(std::string("SELECT ") + kParticipation + R"( FROM involvement_participation p
WHERE p.space_id = ? AND p.user_id = ? AND NOT EXISTS (
  SELECT 1 FROM involvement_claims k WHERE k.participation_id = p.id AND k.)" +
               kLiveClaim + ") ORDER BY p.day DESC, p.id DESC",
           space_id, user_id))
    out.push_back(participation_from(r));
  return out;
}

std::vector<std::pair<std::string, std::int64_t>> minutes_by_kind(store::Conn& c, std::int64_t space_id,
                                                                  std::int64_t user_id, const std::string& from_day,
                                                                  const std::string& to_day) {
  std::vector<std::pair<std::string, std::int64_t>> out;
  for (const auto& r : c.q(R"(SELECT kind, SUM(minutes) FROM involvement_participation
WHERE space_id = ? AND user_id = ? AND day >= ? AND day <= ? GROUP BY kind ORDER BY kind)",
                           space_id, user_id, from_day, to_day))
    out.emplace_back(r.text(0), r.i64(1));
  return out;
}

// --- claims

std::int64_t insert_claim(store::Conn& c, const ClaimRow& k) {
  const store::Value args[] = {k.space_id,
                               opt_id(k.user_id),
                               k.payee_ref,
                               opt_id(k.participation_id),
                               opt_id(k.opportunity_id),
                               static_cast<std::int64_t>(k.advance ? 1 : 0),
                               k.kind,
                               k.day,
                               k.minutes,
                               k.unit,
                               k.rate_pence,
                               k.time_pence,
                               k.expenses_pence,
                               k.total_pence,
                               k.method,
                               store::opt(k.charity),
                               k.state,
                               opt_id(k.submitted_at),
                               k.created_at,
                               k.updated_at};
  return c
      .query(R"(INSERT INTO involvement_claims (space_id, user_id, payee_ref, participation_id, opportunity_id, advance,
  kind, day, minutes, unit, rate_pence, time_pence, expenses_pence, total_pence, method, charity, state, submitted_at,
  created_at, updated_at)
VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id)",
             args)
      .at(0)
      .i64(0);
}

void insert_expense(store::Conn& c, const ExpenseRow& e) {
  c.q("INSERT INTO involvement_expenses (claim_id, category, description, pence) VALUES (?, ?, ?, ?)", e.claim_id,
      e.category, e.description, e.pence);
}

std::int64_t insert_receipt(store::Conn& c, const ReceiptRow& r, const std::string& sealed) {
  return c.q(R"(INSERT INTO involvement_receipts (claim_id, file_name, media_type, size, sealed, created_at)
VALUES (?, ?, ?, ?, ?, ?) RETURNING id)",
             r.claim_id, r.file_name, r.media_type, r.size, sealed, r.created_at)
      .at(0)
      .i64(0);
}

std::optional<ClaimRow> claim(store::Conn& c, std::int64_t id) {
  auto r = c.one(claim_select("id = ?"), id);
  if (!r) return std::nullopt;
  return claim_from(*r);
}

std::vector<ExpenseRow> expenses(store::Conn& c, std::int64_t claim_id) {
  std::vector<ExpenseRow> out;
  for (const auto& r : c.q(
           "SELECT id, claim_id, category, description, pence FROM involvement_expenses WHERE claim_id = ? ORDER BY id",
           claim_id))
    out.push_back({r.i64(0), r.i64(1), r.i64(4), r.text(2), r.text(3)});
  return out;
}

std::vector<ReceiptRow> receipts(store::Conn& c, std::int64_t claim_id) {
  std::vector<ReceiptRow> out;
  for (const auto& r : c.q(R"(SELECT id, claim_id, size, created_at, file_name, media_type FROM involvement_receipts
WHERE claim_id = ? ORDER BY id)",
                           claim_id))
    out.push_back({r.i64(0), r.i64(1), r.i64(2), r.i64(3), r.text(4), r.text(5)});
  return out;
}

std::optional<std::pair<ReceiptRow, std::string>> receipt(store::Conn& c, std::int64_t receipt_id) {
  auto r = c.one(R"(SELECT id, claim_id, size, created_at, file_name, media_type, sealed FROM involvement_receipts
WHERE id = ?)",
                 receipt_id);
  if (!r) return std::nullopt;
  return std::pair<ReceiptRow, std::string>{{r->i64(0), r->i64(1), r->i64(2), r->i64(3), r->text(4), r->text(5)},
                                            r->text(6)};
}

std::vector<ClaimRow> claims_of(store::Conn& c, std::int64_t space_id, std::int64_t user_id) {
  return claims(c.q(claim_select("space_id = ? AND user_id = ? ORDER BY id DESC"), space_id, user_id));
}

bool has_claimed(store::Conn& c, std::int64_t space_id, std::int64_t user_id) {
  return c.one("SELECT 1 FROM involvement_claims WHERE space_id = ? AND user_id = ? LIMIT 1", space_id, user_id)
      .has_value();
}

std::vector<ClaimRow> claims_page(store::Conn& c, std::int64_t space_id, const std::string& state,
                                  std::int64_t offset, std::int64_t limit) {
  if (state.empty())
    return claims(c.q(claim_select("space_id = ? ORDER BY id DESC LIMIT ? OFFSET ?"), space_id, limit, offset));
  return claims(
      c.q(claim_select("space_id = ? AND state = ? ORDER BY id DESC LIMIT ? OFFSET ?"), space_id, state, limit, offset));
}

std::vector<std::pair<std::string, std::int64_t>> claim_counts(store::Conn& c, std::int64_t space_id) {
  // Claims still moving are counted from the index; claims in batches (most of them, in
  // time) from their batches, whose claims are all "batched" until it is paid, then all
  // "paid": a page then costs the same however many claims were ever paid.
  std::vector<std::pair<std::string, std::int64_t>> out;
  for (const auto& r : c.q(R"(SELECT state, COUNT(*) FROM involvement_claims
WHERE space_id = ? AND state IN ('draft', 'submitted', 'queried', 'approved', 'refused', 'withdrawn')
GROUP BY state ORDER BY state)",
                           space_id))
    out.emplace_back(r.text(0), r.i64(1));
  auto b = c.q(R"(SELECT COALESCE(SUM(CASE WHEN paid_at IS NULL THEN claim_count ELSE 0 END), 0),
  COALESCE(SUM(CASE WHEN paid_at IS NULL THEN 0 ELSE claim_count END), 0)
FROM involvement_batches WHERE space_id = ?)",
               space_id);
  if (auto n = b.at(0).i64(0); n > 0) out.emplace_back("batched", n);
  if (auto n = b.at(0).i64(1); n > 0) out.emplace_back("paid", n);
  return out;
}

bool move_claim(store::Conn& c, std::int64_t id, const std::string& from, const ClaimChange& k, std::int64_t now) {
  const bool submitting = k.to == "submitted";
  const bool deciding = k.decided_by.has_value();
  const store::Value args[] = {k.to,
                               store::opt(k.question),
                               store::opt(k.answer),
                               store::opt(k.reason),
                               opt_id(k.decided_by),
                               deciding ? store::Value(now) : store::Value(store::Null{}),
                               submitting ? store::Value(now) : store::Value(store::Null{}),
                               now,
                               id,
                               from};
  c.query(R"(UPDATE involvement_claims SET state = ?, question = COALESCE(?, question), answer = COALESCE(?, answer),
  reason = COALESCE(?, reason), decided_by = COALESCE(?, decided_by), decided_at = COALESCE(?, decided_at),
  submitted_at = COALESCE(?, submitted_at), updated_at = ?
WHERE id = ? AND state = ?)",
          args);
  return c.changes() == 1;
}

// --- batches

std::optional<BatchRow> make_batch(store::Conn& c, std::int64_t space_id, std::int64_t user_id, std::int64_t now) {
  auto totals = c.q(R"(SELECT COUNT(*), COALESCE(SUM(total_pence), 0) FROM involvement_claims
WHERE space_id = ? AND state = 'approved')",
                    space_id);
  const auto count = totals.at(0).i64(0);
  if (count == 0) return std::nullopt;
  const auto total = totals.at(0).i64(1);
  auto id = c.q(R"(INSERT INTO involvement_batches (space_id, claim_count, total_pence, created_by, created_at)
VALUES (?, ?, ?, ?, ?) RETURNING id)",
                space_id, count, total, user_id, now)
                .at(0)
                .i64(0);
  c.q(R"(UPDATE involvement_claims SET state = 'batched', batch_id = ?, updated_at = ?
WHERE space_id = ? AND state = 'approved')",
      id, now, space_id);
  return batch(c, id);
}

std::optional<BatchRow> batch(store::Conn& c, std::int64_t id) {
  auto r = c.one(std::string("SELECT ") + kBatch + " FROM involvement_batches WHERE id = ?", id);
  if (!r) return std::nullopt;
  return batch_from(*r);
}

std::vector<BatchRow> batches(store::Conn& c, std::int64_t space_id) {
  std::vector<BatchRow> out;
  for (const auto& r : c.q(std::string("SELECT ") + kBatch + " FROM involvement_batches WHERE space_id = ? ORDER BY id DESC",
                           space_id))
    out.push_back(batch_from(r));
  return out;
}

std::vector<ClaimRow> batch_claims(store::Conn& c, std::int64_t batch_id) {
  return claims(c.q(claim_select("batch_id = ? ORDER BY payee_ref, id"), batch_id));
}

bool mark_paid(store::Conn& c, std::int64_t batch_id, const std::string& day, std::int64_t now) {
  c.q("UPDATE involvement_batches SET paid_day = ?, paid_at = ? WHERE id = ? AND paid_at IS NULL", day, now, batch_id);
  if (c.changes() != 1) return false;
  c.q(R"(UPDATE involvement_claims SET state = 'paid', paid_day = ?, updated_at = ?
WHERE batch_id = ? AND state = 'batched')",
      day, now, batch_id);
  return true;
}

// --- payment choice and bank details

std::optional<ChoiceRow> choice(store::Conn& c, std::int64_t space_id, std::int64_t user_id) {
  auto r = c.one(R"(SELECT method, charity, guidance_at, updated_at FROM involvement_choices
WHERE space_id = ? AND user_id = ?)",
                 space_id, user_id);
  if (!r) return std::nullopt;
  return ChoiceRow{r->text(0), r->opt_text(1), r->i64(2), r->i64(3)};
}

void set_choice(store::Conn& c, std::int64_t space_id, std::int64_t user_id, const ChoiceRow& k) {
  c.q(R"(INSERT INTO involvement_choices (space_id, user_id, method, charity, guidance_at, updated_at)
VALUES (?, ?, ?, ?, ?, ?)
ON CONFLICT (space_id, user_id) DO UPDATE SET method = excluded.method, charity = excluded.charity,
  updated_at = excluded.updated_at)",
      space_id, user_id, k.method, k.charity, k.guidance_at, k.updated_at);
}

std::optional<std::string> bank_sealed(store::Conn& c, std::int64_t space_id, std::int64_t user_id) {
  auto r = c.one("SELECT sealed FROM involvement_bank_details WHERE space_id = ? AND user_id = ?", space_id, user_id);
  if (!r) return std::nullopt;
  return r->text(0);
}

std::vector<std::pair<std::int64_t, std::string>> bank_sealed_of(store::Conn& c, std::int64_t space_id,
                                                                 const std::vector<std::int64_t>& user_ids) {
  std::vector<std::pair<std::int64_t, std::string>> out;
  store::for_id_slices(user_ids, {space_id}, [&](const std::string& in, const std::vector<store::Value>& args) {
    for (const auto& r :
         c.query("SELECT user_id, sealed FROM involvement_bank_details WHERE space_id = ? AND user_id IN " + in, args))
      out.emplace_back(r.i64(0), r.text(1));
  });
  return out;
}

void set_bank(store::Conn& c, std::int64_t space_id, std::int64_t user_id, const std::string& sealed,
              std::int64_t now) {
  c.q(R"(INSERT INTO involvement_bank_details (space_id, user_id, sealed, updated_at) VALUES (?, ?, ?, ?)
ON CONFLICT (space_id, user_id) DO UPDATE SET sealed = excluded.sealed, updated_at = excluded.updated_at)",
      space_id, user_id, sealed, now);
}

bool erase_bank(store::Conn& c, std::int64_t space_id, std::int64_t user_id) {
  c.q("DELETE FROM involvement_bank_details WHERE space_id = ? AND user_id = ?", space_id, user_id);
  return c.changes() == 1;
}

void bank_paid(store::Conn& c, std::int64_t space_id, std::int64_t batch_id, std::int64_t now) {
  c.q(R"(UPDATE involvement_bank_details SET last_paid_at = ?
WHERE space_id = ? AND user_id IN (SELECT user_id FROM involvement_claims WHERE batch_id = ? AND method = 'bank'))",
      now, space_id, batch_id);
}

std::int64_t erase_stale_bank(store::Conn& c, std::int64_t now, std::int64_t default_days) {
  c.q(R"(DELETE FROM involvement_bank_details
WHERE last_paid_at IS NOT NULL
  AND last_paid_at + 86400 * COALESCE((SELECT s.bank_keep_days FROM involvement_settings s
                                       WHERE s.space_id = involvement_bank_details.space_id), ?) < ?
  AND NOT EXISTS (SELECT 1 FROM involvement_claims k
                  WHERE k.space_id = involvement_bank_details.space_id
                    AND k.user_id = involvement_bank_details.user_id
                    AND k.state IN ('submitted', 'queried', 'approved', 'batched')))",
      default_days, now);
  return c.changes();
}

// --- paid

std::vector<Paid> paid_to(store::Conn& c, std::int64_t space_id, std::int64_t user_id) {
  std::vector<Paid> out;
  for (const auto& r : c.q(R"(SELECT paid_day, method, time_pence, expenses_pence FROM involvement_claims
WHERE space_id = ? AND user_id = ? AND state = 'paid' ORDER BY paid_day, id)",
                           space_id, user_id))
    out.push_back({r.text(0), r.text(1), r.i64(2), r.i64(3)});
  return out;
}

// --- erasure

void erase_person(store::Conn& c, std::int64_t user_id) {
  c.q("DELETE FROM involvement_bank_details WHERE user_id = ?", user_id);
  c.q("DELETE FROM involvement_choices WHERE user_id = ?", user_id);
  c.q("DELETE FROM involvement_interest WHERE user_id = ?", user_id);
  // What the organisation must keep stays (amounts, days, kinds, the pseudonym); what
  // the person wrote and sent goes.
  c.q(R"(DELETE FROM involvement_receipts WHERE claim_id IN (SELECT id FROM involvement_claims WHERE user_id = ?))",
      user_id);
  c.q(R"(UPDATE involvement_expenses SET description = '' WHERE claim_id IN
  (SELECT id FROM involvement_claims WHERE user_id = ?))",
      user_id);
  c.q(R"(UPDATE involvement_claims SET user_id = NULL, participation_id = NULL, charity = NULL, question = NULL,
  answer = NULL, reason = NULL WHERE user_id = ?)",
      user_id);
  c.q("DELETE FROM involvement_participation WHERE user_id = ?", user_id);
  // What they did for others stays, without them in it.
  c.q("UPDATE involvement_opportunities SET created_by = NULL WHERE created_by = ?", user_id);
  c.q("UPDATE involvement_participation SET confirmed_by = NULL WHERE confirmed_by = ?", user_id);
  c.q("UPDATE involvement_batches SET created_by = NULL WHERE created_by = ?", user_id);
  c.q("UPDATE involvement_claims SET decided_by = NULL WHERE decided_by = ?", user_id);
}

std::vector<ParticipationRow> participation_of(store::Conn& c, std::int64_t user_id) {
  std::vector<ParticipationRow> out;
  for (const auto& r : c.q(std::string("SELECT ") + kParticipation +
                               " FROM involvement_participation WHERE user_id = ? ORDER BY day, id",
                           user_id))
    out.push_back(participation_from(r));
  return out;
}

std::vector<ClaimRow> all_claims_of(store::Conn& c, std::int64_t user_id) {
  return claims(c.q(claim_select("user_id = ? ORDER BY id"), user_id));
}

}  // namespace hs::involvement::repo
