// How people are paid: their choice, bank details sealed for treasurers only, payment
// batches and their CSV, marking a batch paid; tax-year totals, hours for a recognition
// letter; the periodic erasure of old bank details; erasure and "download my data".
#include <algorithm>
#include <boost/json.hpp>
#include <map>

#include "core/csv.hpp"
#include "core/dates.hpp"
#include "core/view.hpp"
#include "modules/accounts/module.hpp"
#include "modules/involvement/commands/support.hpp"
#include "modules/involvement/rules/tax_year.hpp"
#include "services/services.hpp"
#include "store/db.hpp"

namespace hs::involvement::commands {

namespace {

std::string bank_text(const BankDetails& b) {
  boost::json::object o;
  o["name"] = b.name;
  o["sort_code"] = b.sort_code;
  o["account"] = b.account;
  return boost::json::serialize(o);
}

std::optional<BankDetails> bank_from(std::string_view text) {
  boost::system::error_code ec;
  auto v = boost::json::parse(text, ec);
  if (ec || !v.is_object()) return std::nullopt;
  const auto& o = v.as_object();
  auto str = [&](const char* k) -> std::string {
    auto it = o.find(k);
    return it != o.end() && it->value().is_string() ? std::string(it->value().as_string()) : std::string();
  };
  return BankDetails{str("name"), str("sort_code"), str("account")};
}

Result<void> treasurer_only(store::Conn& c, std::int64_t space_id, std::int64_t user_id) {
  if (!permissions::treasure(subject_at(c, space_id, user_id)))
    return fail(ErrorCode::forbidden, "involvement_not_treasurer");
  return {};
}

}  // namespace

std::optional<ChoiceRow> choice(Services& app, std::int64_t space_id, std::int64_t user_id) {
  return app.store->with([&](store::Conn& c) { return repo::choice(c, space_id, user_id); });
}

Result<void> set_choice(Services& app, std::int64_t space_id, std::int64_t user_id, const std::string& method,
                        const std::string& charity) {
  const auto now = app.clock->now();
  auto checked = check_choice(method, charity);
  if (!checked) return fail(checked.error());
  return app.store->write([&](store::Conn& c) -> Result<void> {
    if (!permissions::take_part(subject_at(c, space_id, user_id)))
      return fail(ErrorCode::forbidden, "involvement_not_member");
    auto before = repo::choice(c, space_id, user_id);
    repo::set_choice(c, space_id, user_id, {method, *checked, before ? before->guidance_at : now, now});
    // Bank details stay: claims sent before may still be paid by bank transfer. The person
    // removes them when they wish, and they go anyway the space's days after a last payment.
    return {};
  });
}

bool has_bank_details(Services& app, std::int64_t space_id, std::int64_t user_id) {
  return app.store->with([&](store::Conn& c) { return repo::bank_sealed(c, space_id, user_id).has_value(); });
}

Result<void> set_bank_details(Services& app, std::int64_t space_id, std::int64_t user_id, const std::string& name,
                              const std::string& sort_code, const std::string& account) {
  const auto now = app.clock->now();
  auto checked = check_bank_details(name, sort_code, account);
  if (!checked) return fail(checked.error());
  return app.store->write([&](store::Conn& c) -> Result<void> {
    if (!permissions::take_part(subject_at(c, space_id, user_id)))
      return fail(ErrorCode::forbidden, "involvement_not_member");
    repo::set_bank(c, space_id, user_id, crypto::seal(sealing_key(app, space_id), bank_text(*checked)), now);
    return {};
  });
}

Result<void> erase_bank_details(Services& app, std::int64_t space_id, std::int64_t user_id) {
  return app.store->write([&](store::Conn& c) -> Result<void> {
    repo::erase_bank(c, space_id, user_id);
    return {};
  });
}

Result<std::optional<BankDetails>> bank_details_for(Services& app, std::int64_t space_id, std::int64_t treasurer_id,
                                                    std::int64_t person_id) {
  return app.store->with([&](store::Conn& c) -> Result<std::optional<BankDetails>> {
    if (auto ok = treasurer_only(c, space_id, treasurer_id); !ok) return fail(ok.error());
    auto sealed = repo::bank_sealed(c, space_id, person_id);
    if (!sealed) return std::optional<BankDetails>{};
    auto plain = crypto::open(sealing_key(app, space_id), *sealed);
    if (!plain) return fail(ErrorCode::unavailable, "involvement_bank_unreadable");
    return bank_from(*plain);
  });
}

Result<BatchRow> make_batch(Services& app, std::int64_t space_id, std::int64_t user_id) {
  const auto now = app.clock->now();
  return app.store->write([&](store::Conn& c) -> Result<BatchRow> {
    if (auto ok = treasurer_only(c, space_id, user_id); !ok) return fail(ok.error());
    auto b = repo::make_batch(c, space_id, user_id, now);
    if (!b) return fail(ErrorCode::conflict, "involvement_batch_nothing");
    if (auto ok = record(app, c, space_id, "involvement.batch_made",
                         {{"batch", b->id}, {"claims", b->claim_count}, {"total_pence", b->total_pence}});
        !ok)
      return fail(ok.error());
    return *b;
  });
}

Result<std::vector<BatchRow>> batches(Services& app, std::int64_t space_id, std::int64_t user_id) {
  return app.store->with([&](store::Conn& c) -> Result<std::vector<BatchRow>> {
    if (auto ok = treasurer_only(c, space_id, user_id); !ok) return fail(ok.error());
    return repo::batches(c, space_id);
  });
}

Result<BatchView> batch_view(Services& app, std::int64_t space_id, std::int64_t batch_id, std::int64_t user_id,
                             bool with_names) {
  return app.store->with([&](store::Conn& c) -> Result<BatchView> {
    if (auto ok = treasurer_only(c, space_id, user_id); !ok) return fail(ok.error());
    auto b = repo::batch(c, batch_id);
    if (!b || b->space_id != space_id) return fail(ErrorCode::not_found, "involvement_batch_not_found");
    BatchView out;
    out.batch = *b;
    // One line a payee, method and charity: what the finance system pays.
    std::map<std::tuple<std::string, std::string, std::string>, std::size_t> at;
    const auto claims = repo::batch_claims(c, batch_id);
    std::map<std::int64_t, std::string> names;
    std::map<std::int64_t, BankDetails> banks;
    if (with_names) {
      std::vector<std::int64_t> people;
      for (const auto& k : claims)
        if (k.user_id) people.push_back(*k.user_id);
      std::sort(people.begin(), people.end());
      people.erase(std::unique(people.begin(), people.end()), people.end());
      names = accounts::display_names(app, c, people);
      const auto key = sealing_key(app, space_id);
      for (const auto& [id, sealed] : repo::bank_sealed_of(c, space_id, people))
        if (auto plain = crypto::open(key, sealed))
          if (auto b = bank_from(*plain)) banks.emplace(id, std::move(*b));
    }
    for (const auto& k : claims) {
      auto key = std::make_tuple(k.payee_ref, k.method, k.charity.value_or(""));
      auto it = at.find(key);
      if (it == at.end()) {
        BatchView::Line l;
        l.payee_ref = k.payee_ref;
        l.method = k.method;
        l.charity = k.charity;
        l.user_id = k.user_id;
        if (k.user_id) {
          if (auto n = names.find(*k.user_id); n != names.end()) l.name = n->second;
          if (auto b = banks.find(*k.user_id); b != banks.end() && k.method == "bank") l.bank = b->second;
        }
        it = at.emplace(key, out.lines.size()).first;
        out.lines.push_back(std::move(l));
      }
      auto& l = out.lines[it->second];
      l.pence += k.total_pence;
      l.time += k.time_pence;
      l.expenses += k.expenses_pence;
      l.claims.push_back(k.id);
    }
    return out;
  });
}

std::string batch_csv(Services& app, const BatchView& b) {
  const auto& w = *app.words;
  std::string out = csv::line({w.t("involvement_csv_payee"), w.t("involvement_csv_method"), w.t("involvement_csv_charity"),
                               w.t("involvement_csv_time"), w.t("involvement_csv_expenses"),
                               w.t("involvement_csv_amount"), w.t("involvement_csv_claims")});
  for (const auto& l : b.lines) {
    // A line of nothing to pay (time declined, no expenses) is recorded, not paid.
    if (l.pence == 0) continue;
    std::string refs;
    for (auto id : l.claims) refs += (refs.empty() ? "C" : " C") + std::to_string(id);
    out += csv::line({l.payee_ref, l.method, l.charity.value_or(""), plain_pounds(l.time), plain_pounds(l.expenses),
                      plain_pounds(l.pence), refs});
  }
  return out;
}

Result<void> mark_paid(Services& app, std::int64_t space_id, std::int64_t batch_id, std::int64_t user_id,
                       const std::string& day) {
  const auto now = app.clock->now();
  if (!dates::parse_day(day)) {
    Validation v;
    v.add("paid_day", "involvement_day_invalid");
    return fail(v.error());
  }
  std::vector<std::pair<std::int64_t, Pence>> told;
  std::optional<spaces::Space> space;
  auto r = app.store->write([&](store::Conn& c) -> Result<void> {
    if (auto ok = treasurer_only(c, space_id, user_id); !ok) return ok;
    auto b = repo::batch(c, batch_id);
    if (!b || b->space_id != space_id) return fail(ErrorCode::not_found, "involvement_batch_not_found");
    // The day it was paid is what tax-year statements count by: never ahead of today, nor
    // before the batch was made.
    if (day > day_of(now) || day < day_of(b->created_at)) {
      Validation v;
      v.add("paid_day", "involvement_paid_day_range");
      return fail(v.error());
    }
    if (!repo::mark_paid(c, batch_id, day, now)) return fail(ErrorCode::conflict, "involvement_batch_paid_already");
    repo::bank_paid(c, space_id, batch_id, now);
    std::map<std::int64_t, Pence> each;
    for (const auto& k : repo::batch_claims(c, batch_id))
      if (k.user_id) each[*k.user_id] += k.total_pence;
    told.assign(each.begin(), each.end());
    space = spaces::space_by_id(c, space_id);
    return record(app, c, space_id, "involvement.batch_paid",
                  {{"batch", batch_id}, {"paid_day", day}, {"claims", b->claim_count}, {"total_pence", b->total_pence}});
  });
  if (r && space)
    for (const auto& [person, pence] : told) {
      View v;
      v.set("space", space->name);
      v.set("amount", format_pounds(pence));
      v.set("day", day_in_words(app, day));
      v.set("link", app.link("/spaces/" + space->slug + "/involvement"));
      accounts::email_person(app, person, "involvement_email_paid_subject", {{"space", space->name}},
                             "involvement_paid", v);
    }
  return r;
}

std::vector<TaxYear> tax_years(Services& app, std::int64_t space_id, std::int64_t user_id) {
  auto paid = app.store->with([&](store::Conn& c) { return repo::paid_to(c, space_id, user_id); });
  std::map<int, TaxYear> years;
  for (const auto& p : paid) {
    auto y = tax_year_of(p.day);
    if (!y) continue;
    auto& t = years[*y];
    t.year = *y;
    if (p.method == "charity") t.given += p.time_pence;
    else t.time += p.time_pence;
    t.expenses += p.expenses_pence;
  }
  std::vector<TaxYear> out;
  for (auto it = years.rbegin(); it != years.rend(); ++it) out.push_back(it->second);  // newest first
  return out;
}

std::vector<std::pair<std::string, std::int64_t>> hours_by_kind(Services& app, std::int64_t space_id,
                                                                std::int64_t user_id, const std::string& from,
                                                                const std::string& to) {
  return app.store->with([&](store::Conn& c) { return repo::minutes_by_kind(c, space_id, user_id, from, to); });
}

int sweep(Services& app) {
  const auto now = app.clock->now();
  auto erased = app.store->write([&](store::Conn& c) -> Result<std::int64_t> {
    return repo::erase_stale_bank(c, now, kDefaultKeepDays);
  });
  return erased ? static_cast<int>(*erased) : 0;
}

void erase_person(store::Conn& c, std::int64_t user_id) { repo::erase_person(c, user_id); }

std::string export_person(Services& app, store::Conn& c, std::int64_t user_id) {
  namespace json = boost::json;
  json::array took_part;
  for (const auto& p : repo::participation_of(c, user_id)) {
    json::object o;
    o["space"] = p.space_id;
    o["day"] = p.day;
    o["kind"] = p.kind;
    o["minutes"] = p.minutes;
    o["what"] = p.what;
    took_part.push_back(std::move(o));
  }
  json::array claims;
  std::map<std::int64_t, bool> spaces_with_bank;
  for (const auto& k : repo::all_claims_of(c, user_id)) {
    json::object o;
    o["claim"] = "C" + std::to_string(k.id);
    o["space"] = k.space_id;
    o["state"] = k.state;
    o["day"] = k.day;
    o["minutes"] = k.minutes;
    o["time"] = plain_pounds(k.time_pence);
    o["expenses"] = plain_pounds(k.expenses_pence);
    o["total"] = plain_pounds(k.total_pence);
    o["method"] = k.method;
    if (k.charity) o["charity"] = *k.charity;
    if (k.question) o["question"] = *k.question;
    if (k.answer) o["answer"] = *k.answer;
    if (k.reason) o["reason"] = *k.reason;
    if (k.paid_day) o["paid_day"] = *k.paid_day;
    json::array lines;
    for (const auto& e : repo::expenses(c, k.id)) {
      json::object x;
      x["category"] = e.category;
      x["description"] = e.description;
      x["amount"] = plain_pounds(e.pence);
      lines.push_back(std::move(x));
    }
    o["expenses_lines"] = std::move(lines);
    claims.push_back(std::move(o));
    if (!spaces_with_bank.contains(k.space_id))
      spaces_with_bank[k.space_id] = repo::bank_sealed(c, k.space_id, user_id).has_value();
  }
  json::array bank;
  for (const auto& [space_id, held] : spaces_with_bank)
    if (held) {
      auto plain = crypto::open(sealing_key(app, space_id), *repo::bank_sealed(c, space_id, user_id));
      if (!plain) continue;
      json::object o;
      o["space"] = space_id;
      o["details"] = json::parse(*plain);
      bank.push_back(std::move(o));
    }
  json::object out;
  out["took_part"] = std::move(took_part);
  out["claims"] = std::move(claims);
  out["bank_details"] = std::move(bank);
  return json::serialize(out);
}

}  // namespace hs::involvement::commands
