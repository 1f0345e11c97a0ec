// Equality answers and reports. A person's answers live under a pseudonym (a keyed hash of
// their account id with a key derived from the site's master key) and are sealed with
// another; reports open the answers of a space's members in memory and publish only
// suppressed counts.
#include <boost/json.hpp>

#include <algorithm>
#include <thread>

#include "core/crypto.hpp"
#include "core/csv.hpp"
#include "modules/equity/commands/commands.hpp"
#include "modules/equity/permissions.hpp"
#include "modules/equity/repo.hpp"
#include "modules/spaces/module.hpp"
#include "services/services.hpp"
#include "store/db.hpp"

namespace hs::equity::commands {

namespace json = boost::json;

namespace {

crypto::Key pseudonym_key(const Services& app) { return crypto::derive(app.master_key, 401, "eqpseudo"); }

std::string pseudonym(const crypto::Key& key, std::int64_t user_id) {
  return crypto::to_hex(crypto::hmac_sha256(key, std::to_string(user_id)));
}

std::string pseudonym(const Services& app, std::int64_t user_id) { return pseudonym(pseudonym_key(app), user_id); }

crypto::Key sealing(const Services& app) { return crypto::derive(app.master_key, 402, "eqsealed"); }

std::string to_text(const Mine& m) {
  json::object o;
  json::object a;
  for (const auto& [q, chosen] : m.answers) {
    json::array list;
    for (const auto& x : chosen) list.emplace_back(x);
    a[q] = std::move(list);
  }
  o["answers"] = std::move(a);
  o["groups"] = m.groups;
  return json::serialize(o);
}

Mine from_text(std::string_view text) {
  Mine m;
  boost::system::error_code ec;
  auto v = json::parse(text, ec);
  if (ec || !v.is_object()) return m;
  const auto& o = v.as_object();
  if (auto* a = o.if_contains("answers"); a && a->is_object())
    for (const auto& [q, list] : a->as_object()) {
      if (!list.is_array()) continue;
      std::vector<std::string> chosen;
      for (const auto& x : list.as_array())
        if (x.is_string()) chosen.emplace_back(x.as_string());
      m.answers.emplace(std::string(q), std::move(chosen));
    }
  if (auto* g = o.if_contains("groups"); g && g->is_bool()) m.groups = g->as_bool();
  m.answers = clean(m.answers);
  m.any = true;
  return m;
}

spaces::Subject subject_at(store::Conn& c, std::int64_t space_id, std::int64_t user_id) {
  spaces::Subject s;
  s.signed_in = user_id > 0;
  s.role = user_id > 0 ? spaces::role_in(c, space_id, user_id) : spaces::Role::none;
  return s;
}

}  // namespace

namespace {

// What a report counts, before suppression: how many people answered anything, and per
// question the count of each option and of those who answered it.
struct Tallies {
  std::int64_t people = 0;
  std::vector<std::vector<std::int64_t>> tally;
  std::vector<std::int64_t> answered;
};

Tallies count_answers(Services& app, const std::vector<std::int64_t>& user_ids) {
  std::vector<std::string> names;
  names.reserve(user_ids.size());
  const auto key_of_names = pseudonym_key(app);  // derived once, not once a person
  for (auto id : user_ids) names.push_back(pseudonym(key_of_names, id));
  auto sealed = app.store->with([&](store::Conn& c) { return repo::sealed_answers_of(c, names); });
  // Counted as each answer is opened, straight from its JSON: no map a person (a report over
  // 100,000 people opens 70,000 of them). What save() stored is already cleaned; an answer
  // the questions do not know is skipped all the same.
  const auto& qs = questions();
  auto empty = [&] {
    Tallies t;
    t.tally.resize(qs.size());
    t.answered.assign(qs.size(), 0);
    for (std::size_t i = 0; i < qs.size(); ++i) t.tally[i].assign(qs[i].options.size(), 0);
    return t;
  };
  const auto key = sealing(app);
  // Opening and reading the answers in [from, to) into t.
  auto count = [&](std::size_t from, std::size_t to, Tallies& t) {
    for (std::size_t k = from; k < to; ++k) {
      auto plain = crypto::open(key, sealed[k]);
      if (!plain) continue;
      boost::system::error_code ec;
      json::monotonic_resource scratch;
      auto v = json::parse(*plain, ec, &scratch);
      if (ec || !v.is_object()) continue;
      const auto* a = v.as_object().if_contains("answers");
      if (!a || !a->is_object() || a->as_object().empty()) continue;
      bool any = false;
      for (std::size_t i = 0; i < qs.size(); ++i) {
        const auto* list = a->as_object().if_contains(qs[i].key);
        if (!list || !list->is_array() || list->as_array().empty()) continue;
        if (!qs[i].multiple && list->as_array().size() > 1) continue;
        bool counted = false;
        for (const auto& x : list->as_array()) {
          if (!x.is_string()) continue;
          const std::string_view chosen(x.as_string());
          for (std::size_t j = 0; j < qs[i].options.size(); ++j)
            if (qs[i].options[j] == chosen) {
              ++t.tally[i][j];
              counted = true;
            }
        }
        if (counted) {
          ++t.answered[i];
          any = true;
        }
      }
      t.people += any;
    }
  };
  // A large group's answers are opened on two threads (each half counted apart, then added):
  // opening is most of a report's time, and a report is rare enough to take a second core.
  Tallies t = empty();
  constexpr std::size_t kParallelFrom = 4000;
  if (sealed.size() < kParallelFrom || std::thread::hardware_concurrency() < 2) {
    count(0, sealed.size(), t);
  } else {
    Tallies other = empty();
    const auto half = sealed.size() / 2;
    std::thread second([&] { count(half, sealed.size(), other); });
    count(0, half, t);
    second.join();
    t.people += other.people;
    for (std::size_t i = 0; i < qs.size(); ++i) {
      t.answered[i] += other.answered[i];
      for (std::size_t j = 0; j < t.tally[i].size(); ++j) t.tally[i][j] += other.tally[i][j];
    }
  }
  return t;
}

// Kept counts as text ({"people":N,"tally":[[..],..],"answered":[..]}), and back; nothing
// when they do not fit today's questions (a question added since).
std::string tallies_text(const Tallies& t) {
  json::object o;
  o["people"] = t.people;
  json::array tally;
  for (const auto& q : t.tally) tally.push_back(json::value_from(q));
  o["tally"] = std::move(tally);
  o["answered"] = json::value_from(t.answered);
  return json::serialize(o);
}

std::optional<Tallies> tallies_of(std::string_view text) {
  boost::system::error_code ec;
  auto v = json::parse(text, ec);
  if (ec || !v.is_object()) return std::nullopt;
  try {
    Tallies t;
    t.people = v.at("people").as_int64();
    for (const auto& q : v.at("tally").as_array()) t.tally.push_back(json::value_to<std::vector<std::int64_t>>(q));
    t.answered = json::value_to<std::vector<std::int64_t>>(v.at("answered"));
    const auto& qs = questions();
    if (t.tally.size() != qs.size() || t.answered.size() != qs.size()) return std::nullopt;
    for (std::size_t i = 0; i < qs.size(); ++i)
      if (t.tally[i].size() != qs[i].options.size()) return std::nullopt;
    return t;
  } catch (const std::exception&) {
    return std::nullopt;
  }
}

// The report of these counts (members: how many people were asked); references: the space's
// reference population, if any (an event's report has none).
Result<Report> report_of(const Tallies& t, std::int64_t members,
                         const std::vector<std::tuple<std::string, std::string, std::int64_t>>& refs) {
  Report r;
  r.members = members;
  r.people = t.people;
  if (r.people < kMinimumPeople) return fail(ErrorCode::conflict, "equity_too_few");
  const auto& qs = questions();
  for (std::size_t qi = 0; qi < qs.size(); ++qi) {
    const auto& q = qs[qi];
    Counts counts;
    for (auto o : q.options) counts.rows.emplace_back(o);
    counts.rows.emplace_back("not_answered");
    counts.counts = t.tally[qi];
    counts.counts.push_back(r.people - t.answered[qi]);
    Table table{counts.counts.size(), 1, counts.counts};
    auto cells = suppress(table);
    QuestionReport qr;
    qr.key = std::string(q.key);
    qr.withheld = !publishable(table, cells);
    qr.answered = r.people - counts.counts.back();
    for (std::size_t i = 0; i < cells.size(); ++i) {
      Row row;
      row.option = counts.rows[i];
      row.shown = cells[i];
      for (const auto& [rq, ra, pm] : refs)
        if (rq == q.key && ra == row.option) row.reference_per_mille = pm;
      // Compared only where the count is shown: a hidden one says nothing either way.
      if (row.reference_per_mille && !cells[i].hidden && row.option != "not_answered")
        row.under = under_represented(cells[i].count, qr.answered, *row.reference_per_mille);
      qr.rows.push_back(std::move(row));
    }
    r.questions.push_back(std::move(qr));
  }
  return r;
}

// Who the members are, as a keyed hash of their sorted ids: the kept counts' other key.
std::string members_fingerprint(const Services& app, std::vector<std::int64_t> ids) {
  std::sort(ids.begin(), ids.end());
  std::string text;
  text.reserve(ids.size() * 7);
  for (auto id : ids) text += std::to_string(id) + ",";
  return crypto::keyed_hash_hex(crypto::derive(app.master_key, 403, "eqmember"), text);
}

// The answers stored under a pseudonym (none: empty), inside the caller's transaction.
Answers answers_under(const Services& app, store::Conn& c, const std::string& name) {
  if (auto kept = repo::sealed_answers(c, name))
    if (auto plain = crypto::open(sealing(app), *kept)) return from_text(*plain).answers;
  return {};
}

// One person's answers added to (sign 1) or taken from (sign -1) kept counts, by the rules
// count_answers reads them with.
void add_answers(Tallies& t, const Answers& answers, int sign) {
  const auto& qs = questions();
  bool any = false;
  for (std::size_t i = 0; i < qs.size(); ++i) {
    auto it = answers.find(std::string(qs[i].key));
    if (it == answers.end() || it->second.empty()) continue;
    if (!qs[i].multiple && it->second.size() > 1) continue;
    bool counted = false;
    for (const auto& chosen : it->second)
      for (std::size_t j = 0; j < qs[i].options.size(); ++j)
        if (qs[i].options[j] == chosen) {
          t.tally[i][j] += sign;
          counted = true;
        }
    if (counted) {
      t.answered[i] += sign;
      any = true;
    }
  }
  if (any) t.people += sign;
}

// After a person's answers change (inside that write): the kept counts of each space they
// are a member of take the change in, and every kept count that was current moves to the
// new generation, so an ordinary change does not make the next report open every answer.
void carry_kept_counts(Services& app, store::Conn& c, std::int64_t user_id, std::int64_t before,
                       const Answers& old_answers, const Answers& new_answers) {
  const auto now = repo::generation(c);
  const auto key = sealing(app);
  for (const auto& k : repo::all_kept_counts(c)) {
    if (k.generation != before) continue;  // already stale: the next report counts afresh
    std::string sealed = k.sealed;
    if (spaces::is_member(spaces::role_in(c, k.space_id, user_id))) {
      auto plain = crypto::open(key, k.sealed);
      auto t = plain ? tallies_of(*plain) : std::nullopt;
      if (!t) continue;
      add_answers(*t, old_answers, -1);
      add_answers(*t, new_answers, 1);
      sealed = crypto::seal(key, tallies_text(*t));
    }
    repo::keep_counts(c, k.space_id, now, k.members, sealed);
  }
}

}  // namespace

Mine mine(Services& app, std::int64_t user_id) {
  auto sealed = app.store->with([&](store::Conn& c) { return repo::sealed_answers(c, pseudonym(app, user_id)); });
  if (!sealed) return {};
  auto plain = crypto::open(sealing(app), *sealed);
  if (!plain) return {};
  return from_text(*plain);
}

Result<void> save(Services& app, std::int64_t user_id, const Answers& answers, bool groups) {
  if (user_id <= 0) return fail(ErrorCode::unauthenticated, "equity_sign_in");
  Mine m;
  m.answers = clean(answers);
  m.groups = groups;
  if (m.answers.empty() && !groups) return forget(app, user_id);
  const auto sealed = crypto::seal(sealing(app), to_text(m));
  return app.store->write([&](store::Conn& c) -> Result<void> {
    const auto name = pseudonym(app, user_id);
    const auto before = repo::generation(c);
    const auto old = answers_under(app, c, name);
    repo::set_answers(c, name, sealed);
    carry_kept_counts(app, c, user_id, before, old, m.answers);
    return {};
  });
}

std::map<std::int64_t, Answers> grouping_answers(Services& app, store::Conn& c,
                                                 const std::vector<std::int64_t>& user_ids) {
  const auto key_of_names = pseudonym_key(app);
  std::vector<std::string> names;
  std::map<std::string, std::int64_t> who;
  for (auto id : user_ids) {
    names.push_back(pseudonym(key_of_names, id));
    who.emplace(names.back(), id);
  }
  std::map<std::int64_t, Answers> out;
  const auto key = sealing(app);
  for (const auto& [name, sealed] : repo::sealed_answers_by(c, names)) {
    auto plain = crypto::open(key, sealed);
    if (!plain) continue;
    auto m = from_text(*plain);
    if (m.groups && !m.answers.empty()) out.emplace(who[name], std::move(m.answers));
  }
  return out;
}

Result<void> forget(Services& app, std::int64_t user_id) {
  return app.store->write([&](store::Conn& c) -> Result<void> {
    const auto name = pseudonym(app, user_id);
    const auto before = repo::generation(c);
    const auto old = answers_under(app, c, name);
    if (repo::delete_answers(c, name)) carry_kept_counts(app, c, user_id, before, old, {});
    return {};
  });
}

Result<Report> space_report(Services& app, std::int64_t space_id, std::int64_t user_id) {
  std::vector<std::int64_t> members;
  std::vector<std::tuple<std::string, std::string, std::int64_t>> refs;
  auto gate = app.store->with([&](store::Conn& c) -> Result<void> {
    if (!permissions::view_report(subject_at(c, space_id, user_id)))
      return fail(ErrorCode::forbidden, "equity_not_allowed");
    for (const auto& m : spaces::members(c, space_id))
      if (spaces::is_member(m.role)) members.push_back(m.user_id);
    refs = repo::references(c, space_id);
    return {};
  });
  if (!gate) return fail(gate.error());
  // The counts kept from the last report, while nobody's answers and none of the members
  // have changed since; else counted afresh (and kept). The generation is read before the
  // answers are, so counts made while an answer changes are kept as already stale.
  const auto fingerprint = members_fingerprint(app, members);
  const auto key = sealing(app);
  std::optional<Tallies> tallies;
  const auto generation = app.store->with([&](store::Conn& c) {
    const auto g = repo::generation(c);
    if (auto kept = repo::kept_counts(c, space_id, g, fingerprint))
      if (auto plain = crypto::open(key, *kept)) tallies = tallies_of(*plain);
    return g;
  });
  if (!tallies) {
    tallies = count_answers(app, members);
    const auto sealed = crypto::seal(key, tallies_text(*tallies));
    (void)app.store->write([&](store::Conn& c) -> Result<void> {
      repo::keep_counts(c, space_id, generation, fingerprint, sealed);
      return {};
    });
  }
  return report_of(*tallies, static_cast<std::int64_t>(members.size()), refs);
}

Result<Report> people_report(Services& app, const std::vector<std::int64_t>& user_ids) {
  return report_of(count_answers(app, user_ids), static_cast<std::int64_t>(user_ids.size()), {});
}

std::string report_csv(Services& app, const Report& r) {
  const auto& w = *app.words;
  std::string out = csv::line({w.t("equity_csv_question"), w.t("equity_csv_answer"), w.t("equity_csv_people"),
                               w.t("equity_csv_reference")});
  for (const auto& q : r.questions)
    for (const auto& row : q.rows) {
      std::string people;
      if (q.withheld) people = w.t("equity_withheld_short");
      else if (row.shown.hidden) people = row.shown.primary ? w.t("equity_fewer_than_5") : w.t("equity_hidden");
      else people = std::to_string(row.shown.count);
      std::string ref;
      if (row.reference_per_mille)
        ref = std::to_string(*row.reference_per_mille / 10) + "." + std::to_string(*row.reference_per_mille % 10) + "%";
      out += csv::line({w.t("equity_q_" + q.key), w.t("equity_a_" + q.key + "_" + row.option), people, ref});
    }
  out += csv::line({w.t("equity_csv_total"), "", std::to_string(r.people), ""});
  return out;
}

Result<void> set_reference(Services& app, std::int64_t space_id, std::int64_t user_id, const std::string& question,
                           const std::vector<std::pair<std::string, std::string>>& typed) {
  const auto* q = equity::question(question);
  if (!q) return fail(ErrorCode::not_found, "equity_not_found");
  Validation v;
  std::vector<std::pair<std::string, std::int64_t>> shares;
  std::int64_t sum = 0;
  for (const auto& [option, text] : typed) {
    if (text.empty()) continue;
    if (std::find(q->options.begin(), q->options.end(), option) == q->options.end()) continue;
    auto share = parse_share(text);
    if (!share) {
      v.add("share_" + option, "equity_share_invalid");
      continue;
    }
    sum += *share;
    shares.emplace_back(option, *share);
  }
  if (v.ok() && sum > 1000) v.add("share_" + (shares.empty() ? std::string() : shares.front().first), "equity_share_sum");
  if (!v.ok()) return fail(v.error());
  return app.store->write([&](store::Conn& c) -> Result<void> {
    if (!permissions::set_reference(subject_at(c, space_id, user_id)))
      return fail(ErrorCode::forbidden, "equity_not_steward");
    repo::set_references(c, space_id, question, shares);
    return {};
  });
}

std::vector<std::pair<std::string, std::int64_t>> reference_of(Services& app, std::int64_t space_id,
                                                               const std::string& question) {
  std::vector<std::pair<std::string, std::int64_t>> out;
  for (const auto& [q, a, pm] : app.store->with([&](store::Conn& c) { return repo::references(c, space_id); }))
    if (q == question) out.emplace_back(a, pm);
  return out;
}

void erase_person(Services& app, store::Conn& c, std::int64_t user_id) {
  repo::delete_answers(c, pseudonym(app, user_id));
}

std::string export_person(Services& app, store::Conn& c, std::int64_t user_id) {
  auto sealed = repo::sealed_answers(c, pseudonym(app, user_id));
  if (!sealed) return "{}";
  auto plain = crypto::open(sealing(app), *sealed);
  return plain ? *plain : std::string("{}");
}

}  // namespace hs::equity::commands
