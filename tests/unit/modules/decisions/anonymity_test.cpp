// An anonymous poll, end to end on a real store (SQLite; PostgreSQL too when
// HS_TEST_PG_URL is set): members answer in a known order, one changes their answer
// (which needs their ballot code), the poll closes – and we try to link answers back to
// the people who gave them, while the poll is open (holding the database AND the
// master key, so every sealed answer can be opened) and after it closes: through every
// table (values, row order, hidden row ids and, on PostgreSQL, the transaction ids rows
// carry), the raw SQLite files, the CSV export, the decision log and the log output.
// Every attempt must fail. docs/governance.md lists what this cannot rule out.
#include "modules/decisions/commands/anonymity.hpp"

#include <spdlog/sinks/ostream_sink.h>
#include <spdlog/spdlog.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <set>
#include <sstream>

#include "governance_fixture.hpp"
#include "modules/audit/module.hpp"
#include "modules/decisions/commands/commands.hpp"
#include "modules/decisions/repo.hpp"

namespace hs::decisions {

namespace {

struct Voter {
  std::int64_t id = 0;
  std::string name, email, commitment;
  std::string choice, reason;  // the answer that counts
  std::string code;            // their ballot code, which only they hold
};

struct Table {
  std::string name;
  std::vector<std::string> columns;
  std::vector<std::vector<std::string>> rows;  // NULL as ""
};

class Anonymity : public hs::testing::GovernanceTest {
 protected:
  std::vector<std::string> strings(const std::string& sql, const std::string& arg = "") {
    std::vector<std::string> out;
    store_->with([&](store::Conn& c) {
      for (const auto& r : arg.empty() ? c.q(sql) : c.q(sql, arg)) out.push_back(r.text(0));
      return 0;
    });
    return out;
  }

  std::vector<Table> dump() {
    auto names = postgres() ? strings(
                                  "SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' "
                                  "AND table_type = 'BASE TABLE'")
                            : strings(
                                  "SELECT name FROM sqlite_master WHERE type = 'table' "
                                  "AND name NOT LIKE 'sqlite_%'");
    std::vector<Table> out;
    for (const auto& n : names) {
      Table t;
      t.name = n;
      t.columns = postgres() ? strings(
                                   "SELECT column_name FROM information_schema.columns WHERE table_name = ? "
                                   "ORDER BY ordinal_position",
                                   n)
                             : strings("SELECT name FROM pragma_table_info(?)", n);
      store_->with([&](store::Conn& c) {
        for (const auto& r : c.q("SELECT * FROM " + n)) {
          std::vector<std::string> cells;
          for (std::size_t i = 0; i < r.size(); ++i) cells.push_back(r.text(i));
          t.rows.push_back(std::move(cells));
        }
        return 0;
      });
      out.push_back(std::move(t));
    }
    return out;
  }

  static bool has(const std::string& hay, const std::string& needle) {
    return !needle.empty() && hay.find(needle) != std::string::npos;
  }

  // Which voters' own answers a text holds.
  std::set<std::int64_t> answers_in(const std::string& text, const std::vector<Voter>& voters) {
    std::set<std::int64_t> out;
    for (const auto& v : voters)
      if (has(text, v.reason) || has(text, "\"" + v.choice + "\"") || text == v.choice) out.insert(v.id);
    return out;
  }

  // Which voters a row names: by id in a column that holds people, or by commitment,
  // name or email anywhere in it.
  std::set<std::int64_t> people_in(const Table& t, const std::vector<std::string>& row,
                                   const std::vector<Voter>& voters) {
    static const std::set<std::string> kPersonColumns = {"user_id",    "proposer_id", "closed_by", "proposed_by",
                                                         "created_by", "used_by",     "decided_by"};
    std::set<std::int64_t> out;
    for (std::size_t i = 0; i < row.size(); ++i) {
      for (const auto& v : voters) {
        if (i < t.columns.size() && kPersonColumns.count(t.columns[i]) && row[i] == std::to_string(v.id))
          out.insert(v.id);
        if (has(row[i], v.commitment) || has(row[i], v.name) || has(row[i], v.email)) out.insert(v.id);
      }
      if (t.name == "users" && i < t.columns.size() && t.columns[i] == "id")
        for (const auto& v : voters)
          if (row[i] == std::to_string(v.id)) out.insert(v.id);
    }
    return out;
  }

  // No row may tie some people to some (not all) answers: a row with every answer is a
  // count, not a link.
  void expect_no_row_links(const std::vector<Table>& tables, const std::vector<Voter>& voters,
                           const std::string& when) {
    for (const auto& t : tables) {
      for (const auto& row : t.rows) {
        std::set<std::int64_t> answers;
        for (const auto& cell : row)
          for (auto id : answers_in(cell, voters)) answers.insert(id);
        if (answers.empty() || answers.size() == voters.size()) continue;
        EXPECT_TRUE(people_in(t, row, voters).empty())
            << when << ": a row of " << t.name << " holds both a person and their answer";
      }
    }
  }

  std::string everything(const std::vector<Table>& tables) {
    std::string all;
    for (const auto& t : tables)
      for (const auto& row : t.rows)
        for (const auto& cell : row) all += cell + "\x1f";
    return all;
  }

  // Every byte of the SQLite database and its write-ahead log.
  std::string sqlite_files() {
    std::string out;
    const auto path = std::filesystem::path(url_.substr(7));
    for (auto p : {path, std::filesystem::path(path.string() + "-wal")}) {
      std::ifstream in(p, std::ios::binary);
      out += std::string(std::istreambuf_iterator<char>(in), {});
    }
    return out;
  }
};

TEST_P(Anonymity, NoTableExportLogEntryOrOutputLinksAnAnswerToItsVoter) {
  std::ostringstream log;
  auto sink = std::make_shared<spdlog::sinks::ostream_sink_mt>(log);
  spdlog::default_logger()->sinks().push_back(sink);
  const auto old_level = spdlog::get_level();
  spdlog::set_level(spdlog::level::trace);

  const std::vector<std::string> names = {"Orla Quince", "Tamsin Vey", "Ifeoma Drake", "Bram Holloway",
                                          "Sunniva Arkwright"};
  std::vector<Voter> voters;
  for (std::size_t i = 0; i < names.size(); ++i) {
    Voter v;
    v.name = names[i];
    v.email = "voter" + std::to_string(i) + "@lanternlane.example";
    v.id = person(v.name, v.email);
    voters.push_back(v);
  }
  const auto space_id = space("quay", voters[0].id);
  join(space_id, voters[1].id, "facilitator");
  for (std::size_t i = 2; i < voters.size(); ++i) join(space_id, voters[i].id, "member");
  for (auto& v : voters) v.commitment = audit::person_commitment(app_, space_id, v.id);

  ParsedProposal p;
  p.text = {"Where should we meet in spring?", "Score each place from 0 to 5."};
  p.settings.method = Method::score;
  p.settings.closes_at = clock_.now() + 3 * 24 * 3600;
  p.settings.anonymous = true;
  p.settings.results = ResultsVisibility::after_voting;  // asked for; anonymous polls refuse it
  p.options = {"Harbour room", "Library", "Online", "Church hall", "Garden"};
  auto id = commands::open(app_, space_id, voters[0].id, p);
  ASSERT_TRUE(id.has_value()) << id.error().message_key;

  // Voter i gives option i a 5 and the next a 2: every answer is different.
  auto vector_for = [](std::size_t i, int high, int next) {
    std::string s;
    for (std::size_t o = 0; o < 5; ++o) {
      if (o) s += ',';
      s += std::to_string(o == i ? high : (o == (i + 1) % 5 ? next : 0));
    }
    return s;
  };
  auto fields = [](const std::string& choice, const std::string& reason) {
    BallotFields f;
    std::istringstream in(choice);
    for (std::string part; std::getline(in, part, ',');) f.scores.push_back(part);
    f.reason = reason;
    return f;
  };
  auto cast = [&](std::size_t i, const std::string& choice, const std::string& reason) {
    auto r = commands::cast(app_, space_id, *id, voters[i].id, fields(choice, reason),
                            voters[i].code.empty() ? std::nullopt : std::optional(voters[i].code));
    ASSERT_TRUE(r.has_value()) << r.error().message_key;
    ASSERT_TRUE(r->code.has_value());
    if (!voters[i].code.empty()) {
      EXPECT_EQ(*r->code, voters[i].code) << "a change keeps the code";
    }
    voters[i].code = *r->code;
    clock_.advance(97);
  };
  for (std::size_t i = 0; i < voters.size(); ++i) {
    voters[i].choice = vector_for(i, 5, 2);
    voters[i].reason = "reason of voter " + std::to_string(i) + " " + crypto::random_token(6);
  }
  const std::string first_choice_of_4 = vector_for(4, 4, 1);
  const std::string first_reason_of_4 = "first thoughts " + crypto::random_token(6);
  for (std::size_t i : {3, 0, 4, 1, 2}) {
    if (i == 4) cast(i, first_choice_of_4, first_reason_of_4);
    else cast(i, voters[i].choice, voters[i].reason);
  }
  // The sealed first answer of voter 4, to look for in the files once it is replaced.
  const auto first_sealed_of_4 = [&] {
    return store_->with([&](store::Conn& c) {
      return *repo::open_ballot_of(c, *id, commands::anonymity::pseudonym(*id, voters[4].code));
    });
  }();
  EXPECT_EQ(voters[4].code.size(), 20u);
  EXPECT_NE(voters[4].code, voters[3].code);

  // Changing an answer needs the code: without it, or with someone else's, nothing changes.
  {
    auto no_code = commands::cast(app_, space_id, *id, voters[4].id, fields(voters[4].choice, voters[4].reason));
    ASSERT_FALSE(no_code.has_value());
    ASSERT_FALSE(no_code.error().fields.empty());
    EXPECT_EQ(no_code.error().fields.front().field, "ballot_code");
    auto typo = voters[4].code;
    typo[0] = typo[0] == 'A' ? 'B' : 'A';
    auto wrong = commands::cast(app_, space_id, *id, voters[4].id, fields(voters[4].choice, voters[4].reason), typo);
    ASSERT_FALSE(wrong.has_value());
    EXPECT_EQ(wrong.error().fields.front().message_key, "decisions_code_wrong");
    auto check =
        commands::check_code(app_, space_id, *id, voters[4].id, commands::anonymity::display_code(voters[4].code));
    ASSERT_TRUE(check.has_value());
    EXPECT_EQ(*check, voters[4].code);
    EXPECT_FALSE(commands::check_code(app_, space_id, *id, voters[4].id, "not a code").has_value());
    auto before = commands::load(app_, space_id, *id, voters[4].id, voters[4].code);
    ASSERT_TRUE(before && before->mine);
    EXPECT_EQ(before->mine->reason, first_reason_of_4);
  }
  cast(4, voters[4].choice, voters[4].reason);  // changes their mind, with their code

  // While open: nobody sees results, each person sees only their own answer, and only
  // with their code.
  auto mine = commands::load(app_, space_id, *id, voters[2].id, voters[2].code);
  ASSERT_TRUE(mine.has_value());
  EXPECT_EQ(mine->settings.results, ResultsVisibility::after_close);
  EXPECT_FALSE(mine->tally.has_value());
  EXPECT_TRUE(commands::results_csv(app_, *mine).empty());
  ASSERT_TRUE(mine->mine.has_value());
  EXPECT_EQ(mine->mine->choice, voters[2].choice);
  EXPECT_EQ(mine->turnout, 5);
  auto without = commands::load(app_, space_id, *id, voters[2].id);
  ASSERT_TRUE(without.has_value());
  EXPECT_TRUE(without->has_voted);
  EXPECT_FALSE(without->mine.has_value()) << "an answer opened without its code";
  auto others = commands::load(app_, space_id, *id, voters[2].id, voters[3].code);
  ASSERT_TRUE(others.has_value());
  ASSERT_TRUE(others->mine.has_value());  // a code opens its answer for whoever holds it
  EXPECT_EQ(others->mine->choice, voters[3].choice);

  // While open, with the database AND the master key: every sealed answer can be
  // opened, but nothing ties one to a person. The turnout rows hold no answer, the
  // answers' rows hold no person, their storage order is pseudonym order and (on
  // PostgreSQL) they share one transaction id; and no pseudonym can be recomputed from
  // anything the server holds.
  {
    const auto pid = std::to_string(*id);
    for (const auto& s : strings("SELECT sealed_ballot FROM decision_voters WHERE proposal_id = ?", pid))
      EXPECT_TRUE(s.empty()) << "an answer sealed beside its voter";
    auto key = store_->with([&](store::Conn& c) { return commands::anonymity::ballot_key(app_, c, *id); });
    ASSERT_TRUE(key.has_value());
    auto rows = store_->with([&](store::Conn& c) { return repo::open_ballots(c, *id); });
    ASSERT_EQ(rows.size(), 5u);
    Table opened{"opened", {"pseudonym", "choice", "reason"}, {}};
    std::multiset<std::string> choices;
    for (const auto& r : rows) {
      auto b = commands::anonymity::open_ballot(*key, r.pseudonym, r.sealed);
      ASSERT_TRUE(b.has_value());
      choices.insert(b->choice);
      opened.rows.push_back({r.pseudonym, b->choice, b->reason});
      EXPECT_EQ(r.sealed.size(), rows.front().sealed.size()) << "sealed answers differ in length";
    }
    std::multiset<std::string> given;
    for (const auto& v : voters) given.insert(v.choice);
    EXPECT_EQ(choices, given);
    expect_no_row_links({opened}, voters, "opened with the master key");
    std::set<std::string> pseudonyms;
    for (const auto& r : rows) pseudonyms.insert(r.pseudonym);
    for (const auto& v : voters) {
      EXPECT_FALSE(pseudonyms.count(crypto::to_hex(crypto::hmac_sha256(*key, "voter:" + std::to_string(v.id)))));
      EXPECT_FALSE(pseudonyms.count(crypto::sha256_hex(std::to_string(v.id))));
      EXPECT_FALSE(pseudonyms.count(v.commitment));
    }
    const std::string in_storage_order = std::string("SELECT pseudonym FROM decision_open_ballots ") +
                                         "WHERE proposal_id = ? ORDER BY " + (postgres() ? "ctid" : "rowid");
    auto stored = strings(in_storage_order, pid);
    EXPECT_TRUE(std::is_sorted(stored.begin(), stored.end())) << "storage order follows the order of answering";
    if (postgres()) {
      auto xids = strings("SELECT xmin::text FROM decision_open_ballots WHERE proposal_id = ?", pid);
      EXPECT_EQ(std::set<std::string>(xids.begin(), xids.end()).size(), 1u)
          << "open answers carry the transaction ids of their answering";
    } else {
      // The replaced first answer of voter 4 is gone from the files, write-ahead log too.
      // (A sealed answer spans several pages, so look for pieces of it.)
      auto files = sqlite_files();
      for (std::size_t at = 0; at + 40 <= first_sealed_of_4.size(); at += 500)
        EXPECT_EQ(files.find(first_sealed_of_4.substr(at, 40)), std::string::npos)
            << "a replaced answer lingers in the files (piece at " << at << ")";
    }
  }

  // While open, a copy of the database alone holds no answer in the clear, and every
  // sealed answer has the same length whatever it says.
  {
    auto tables = dump();
    auto all = everything(tables);
    for (const auto& v : voters) {
      EXPECT_FALSE(has(all, v.reason)) << "a reason is readable while the poll is open";
      EXPECT_FALSE(has(all, "\"" + v.choice + "\"")) << "an answer is readable while the poll is open";
    }
    EXPECT_FALSE(has(all, first_reason_of_4));
    auto lengths = strings("SELECT sealed_ballot FROM decision_voters WHERE proposal_id = ?", std::to_string(*id));
    ASSERT_EQ(lengths.size(), 5u);
    for (const auto& s : lengths) EXPECT_EQ(s.size(), lengths.front().size());
    expect_no_row_links(tables, voters, "open");
  }

  clock_.advance(4 * 24 * 3600);
  auto closed = commands::close(app_, space_id, *id, voters[1].id, "We will meet in the harbour room.");
  ASSERT_TRUE(closed.has_value()) << closed.error().message_key;

  auto tables = dump();
  auto all = everything(tables);
  const auto pid = std::to_string(*id);

  // The key is gone, and so are the sealed copies.
  EXPECT_TRUE(strings("SELECT key_sealed FROM decision_ballot_keys WHERE proposal_id = ?", pid).empty());
  EXPECT_TRUE(strings("SELECT pseudonym FROM decision_open_ballots WHERE proposal_id = ?", pid).empty());
  for (const auto& s : strings("SELECT sealed_ballot FROM decision_voters WHERE proposal_id = ?", pid))
    EXPECT_TRUE(s.empty());
  // The answer given first and then changed is nowhere.
  EXPECT_FALSE(has(all, first_reason_of_4));
  EXPECT_FALSE(has(all, "\"" + first_choice_of_4 + "\""));

  // The answers table holds answers and a pseudonym: no person, no time, no number.
  auto columns = postgres() ? strings(
                                  "SELECT column_name FROM information_schema.columns WHERE table_name = ? "
                                  "ORDER BY ordinal_position",
                                  "decision_anonymous_ballots")
                            : strings("SELECT name FROM pragma_table_info(?)", "decision_anonymous_ballots");
  EXPECT_EQ(columns, (std::vector<std::string>{"proposal_id", "pseudonym", "choice", "reason", "revision"}));

  // Rows were written in pseudonym order, all at once: the order they are stored in
  // (SQLite's hidden rowid, PostgreSQL's physical order) says nothing of who answered
  // first, and on PostgreSQL they share the closing transaction's id, which no
  // "answered" entry carries and which no turnout row carries alone.
  const std::string in_storage_order = std::string("SELECT pseudonym FROM decision_anonymous_ballots ") +
                                       "WHERE proposal_id = ? ORDER BY " + (postgres() ? "ctid" : "rowid");
  auto stored = strings(in_storage_order, pid);
  ASSERT_EQ(stored.size(), 5u);
  EXPECT_TRUE(std::is_sorted(stored.begin(), stored.end()));
  if (postgres()) {
    auto ballot_xids = strings("SELECT xmin::text FROM decision_anonymous_ballots WHERE proposal_id = ?", pid);
    std::set<std::string> distinct(ballot_xids.begin(), ballot_xids.end());
    EXPECT_EQ(distinct.size(), 1u);
    // The closing transaction empties every turnout row's sealed copy, so they may all
    // share it – all of them, which singles nobody out.
    auto voter_xids = strings("SELECT xmin::text FROM decision_voters WHERE proposal_id = ?", pid);
    auto sharing = std::count_if(voter_xids.begin(), voter_xids.end(), [&](auto& x) { return distinct.count(x) > 0; });
    EXPECT_TRUE(sharing == 0 || sharing == static_cast<long>(voter_xids.size()))
        << "a ballot shares a transaction with some turnout rows but not others";
    for (const auto& x : strings("SELECT xmin::text FROM audit_entries WHERE entry LIKE '%decision.answered%' "
                                 "AND entry LIKE ?",
                                 "%\"proposal\":" + pid + "%"))
      EXPECT_FALSE(distinct.count(x)) << "a ballot shares a transaction with an \"answered\" entry";
  }

  // The pseudonyms cannot be recomputed from anything that is left: not from the master
  // key, not from the decision log's commitments, not from a plain hash of the id, not
  // even from the voters' own codes.
  std::set<std::string> pseudonyms(stored.begin(), stored.end());
  for (const auto& v : voters) {
    EXPECT_FALSE(pseudonyms.count(commands::anonymity::pseudonym(*id, v.code)));
    auto from_master = crypto::to_hex(crypto::hmac_sha256(
        crypto::derive(app_.master_key, static_cast<std::uint64_t>(*id), "decballt"), "voter:" + std::to_string(v.id)));
    EXPECT_FALSE(pseudonyms.count(from_master));
    EXPECT_FALSE(pseudonyms.count(v.commitment));
    EXPECT_FALSE(pseudonyms.count(crypto::sha256_hex(std::to_string(v.id))));
  }

  // Every table, row by row.
  expect_no_row_links(tables, voters, "closed");

  // The count is right: every final answer is there once.
  std::multiset<std::string> counted;
  for (const auto& c : strings("SELECT choice FROM decision_anonymous_ballots WHERE proposal_id = ?", pid))
    counted.insert(c);
  std::multiset<std::string> given;
  for (const auto& v : voters) given.insert(v.choice);
  EXPECT_EQ(counted, given);

  // The results page and the CSV: counts, option names and reasons without names.
  auto after = commands::load(app_, space_id, *id, voters[2].id, voters[2].code);
  ASSERT_TRUE(after && after->tally);
  auto csv = commands::results_csv(app_, *after);
  EXPECT_NE(csv.find("Harbour room"), std::string::npos);
  for (const auto& v : voters) {
    EXPECT_FALSE(has(csv, v.name));
    EXPECT_FALSE(has(csv, v.email));
    EXPECT_FALSE(has(csv, v.commitment));
    EXPECT_FALSE(has(csv, v.reason));
    EXPECT_FALSE(has(csv, v.choice));
  }
  EXPECT_TRUE(after->named.empty());
  EXPECT_FALSE(after->mine.has_value());

  // The decision log: "answered" entries name a commitment and nothing of the answer;
  // the closing entry lists the answers sorted, with no person beside any of them.
  auto entries = strings("SELECT entry FROM audit_entries ORDER BY seq");
  int answered = 0;
  for (const auto& e : entries) {
    if (e.find("\"kind\":\"decision.answered\"") != std::string::npos) {
      ++answered;
      EXPECT_TRUE(answers_in(e, voters).empty());
      EXPECT_EQ(e.find("objected"), std::string::npos);
    }
    if (e.find("\"kind\":\"decision.closed\"") != std::string::npos) {
      std::vector<std::size_t> at;
      std::vector<std::string> sorted;
      for (const auto& v : voters) sorted.push_back(v.choice);
      std::sort(sorted.begin(), sorted.end());
      for (const auto& c : sorted) at.push_back(e.find("\"" + c + "\""));
      EXPECT_TRUE(std::is_sorted(at.begin(), at.end())) << "the closing entry lists answers in a telling order";
      for (const auto& v : voters) EXPECT_FALSE(has(e, v.reason));
    }
  }
  EXPECT_EQ(answered, 6);

  // The log output.
  spdlog::default_logger()->flush();
  auto& sinks = spdlog::default_logger()->sinks();
  sinks.erase(std::remove(sinks.begin(), sinks.end(), sink), sinks.end());
  spdlog::set_level(old_level);
  for (const auto& v : voters) {
    EXPECT_FALSE(has(log.str(), v.reason));
    EXPECT_FALSE(has(log.str(), v.choice));
  }
}

INSTANTIATE_TEST_SUITE_P(Engines, Anonymity, ::testing::Values("sqlite", "postgres"), hs::testing::engine_name);

}  // namespace

}  // namespace hs::decisions
