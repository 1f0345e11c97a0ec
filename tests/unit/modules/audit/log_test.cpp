// The decision log on a real SQLite store: appending, proofs from storage (checked
// against the in-memory tree), signed heads, and the offline verifier catching every
// kind of tampering with an export, naming the first entry that fails.
#include <gtest/gtest.h>
#include <unistd.h>

#include <atomic>
#include <filesystem>
#include <sstream>
#include <thread>

#include "../../support/sqlite_app.hpp"
#include "core/crypto.hpp"
#include "modules/audit/commands/commands.hpp"
#include "modules/audit/module.hpp"
#include "modules/audit/rules/merkle.hpp"
#include "modules/audit/signing.hpp"
#include "modules/audit/verify.hpp"
#include "store/db.hpp"
#include "web/app.hpp"
#include "web/render.hpp"

namespace hs::audit {

namespace {

class AuditLog : public test_support::SqliteApp {
 protected:
  // A space row, as the spaces module would have made it.
  std::int64_t space(const std::string& slug) {
    return store_->with([&](store::Conn& c) {
      return c
          .one(
              "INSERT INTO spaces (slug, name, kind, purpose, visibility, code_of_conduct, created_at, "
              "updated_at) VALUES (?, ?, 'forum', 'Purpose', 'listed', 'Be kind', 0, 0) RETURNING id",
              slug, "Saltmarsh Carers Forum " + slug)
          ->i64(0);
    });
  }

  void append_many(std::int64_t space_id, int count) {
    for (int i = 0; i < count; ++i) {
      auto r = store_->write([&](store::Conn& c) {
        return append(app_, c, space_id, "vote.cast",
                      {{"proposal", std::int64_t{i / 10}},
                       {"person", person_commitment(app_, space_id, 100 + i % 7)},
                       {"choice", i % 2 ? "for" : "against – with a note"}});
      });
      ASSERT_TRUE(r.has_value());
      ASSERT_EQ(*r, static_cast<std::int64_t>(existing_[space_id]++));
      clock_.advance(30);
    }
  }

  std::string export_of(std::int64_t space_id) {
    std::ostringstream out;
    auto r = commands::write_export(app_, {space_id, "saltmarsh", "Saltmarsh Carers Forum"}, out);
    EXPECT_TRUE(r.has_value());
    return out.str();
  }

  // An export of 100 entries with heads signed at 30, 70 and 100.
  std::string hundred(std::int64_t space_id) {
    append_many(space_id, 30);
    EXPECT_TRUE(sign_head(app_, space_id).has_value());
    clock_.advance(60);
    append_many(space_id, 40);
    EXPECT_TRUE(sign_head(app_, space_id).has_value());
    clock_.advance(60);
    append_many(space_id, 30);
    EXPECT_TRUE(sign_head(app_, space_id).has_value());
    return export_of(space_id);
  }

  std::map<std::int64_t, std::int64_t> existing_;
};

std::vector<std::string> lines_of(const std::string& text) {
  std::vector<std::string> out;
  std::istringstream in(text);
  for (std::string line; std::getline(in, line);) out.push_back(line);
  return out;
}

std::string join(const std::vector<std::string>& lines) {
  std::string out;
  for (const auto& l : lines) out += l + "\n";
  return out;
}

// The export puts the header on line 0 and entry i on line i + 1, each line but the
// last ending with a comma.
std::string& entry_line(std::vector<std::string>& lines, int seq) {
  return lines.at(static_cast<std::size_t>(seq) + 1);
}

std::string without_comma(std::string s) {
  if (!s.empty() && s.back() == ',') s.pop_back();
  return s;
}
std::string with_comma(std::string s) { return without_comma(std::move(s)) + ","; }

void expect_fails_at(const Verdict& v, std::int64_t seq, const std::string& key) {
  EXPECT_FALSE(v.ok);
  EXPECT_EQ(v.message_key, key);
  ASSERT_TRUE(v.entry.has_value()) << v.message_key;
  EXPECT_EQ(*v.entry, seq);
}

}  // namespace

TEST_F(AuditLog, AnUntouchedExportVerifies) {
  const auto id = space("saltmarsh");
  const auto text = hundred(id);
  auto v = verify_export(text);
  EXPECT_TRUE(v.ok) << v.message_key;
  EXPECT_EQ(v.entries, 100);
  EXPECT_EQ(v.heads, 3);
  EXPECT_EQ(v.unsigned_entries, 0);
  EXPECT_EQ(v.space_id, id);
  // People appear as commitments only.
  EXPECT_NE(text.find(person_commitment(app_, id, 101)), std::string::npos);
}

TEST_F(AuditLog, EveryFlippedByteInAnEntryIsCaughtThere) {
  const auto id = space("saltmarsh");
  auto lines = lines_of(hundred(id));
  const std::string original = entry_line(lines, 45);
  // Readable, meaningful change: a different choice recorded.
  {
    auto l = lines;
    auto at = entry_line(l, 45).find("\"choice\":\"") + 10;
    entry_line(l, 45)[at] ^= 0x01;
    expect_fails_at(verify_export(join(l)), 45, "audit_verify_entry_changed");
  }
  // Every other single-bit flip anywhere in the line is caught too, at this entry (or,
  // for the comma after it, at the next one).
  for (std::size_t i = 0; i < original.size(); ++i) {
    for (unsigned char bit : {0x01, 0x20}) {
      auto l = lines;
      entry_line(l, 45)[i] = static_cast<char>(original[i] ^ bit);
      auto v = verify_export(join(l));
      ASSERT_FALSE(v.ok) << "byte " << i << " of entry 45 flipped by " << int(bit) << " went unnoticed";
      ASSERT_TRUE(v.entry.has_value()) << v.message_key;
      EXPECT_TRUE(*v.entry == 45 || (i == original.size() - 1 && *v.entry == 46))
          << "byte " << i << ": named " << *v.entry << " (" << v.message_key << ")";
    }
  }
}

TEST_F(AuditLog, DeletedReorderedAndInsertedEntriesAreNamed) {
  const auto id = space("saltmarsh");
  const auto lines = lines_of(hundred(id));
  {
    auto l = lines;
    l.erase(l.begin() + 46);  // entry 45
    expect_fails_at(verify_export(join(l)), 45, "audit_verify_entry_order");
  }
  {
    auto l = lines;
    std::swap(entry_line(l, 45), entry_line(l, 46));
    expect_fails_at(verify_export(join(l)), 45, "audit_verify_entry_order");
  }
  {
    auto l = lines;
    l.insert(l.begin() + 61, with_comma(entry_line(l, 20)));  // a copy of entry 20 at position 60
    expect_fails_at(verify_export(join(l)), 60, "audit_verify_entry_order");
  }
  {
    // A made-up entry numbered to fit, with a correct hash of its own: the numbering
    // after it no longer fits.
    auto l = lines;
    auto forged = *canonical::entry_text({id, 60, 1'800'001'000}, "vote.cast", {{"choice", "for"}});
    l.insert(l.begin() + 61,
             "{\"entry\":" + forged + ",\"leaf\":\"" + merkle::to_hex(merkle::leaf_hash(forged)) + "\"},");
    expect_fails_at(verify_export(join(l)), 61, "audit_verify_entry_order");
  }
}

TEST_F(AuditLog, ARewrittenEntryWithARecomputedHashFailsAgainstTheSignedHead) {
  const auto id = space("saltmarsh");
  auto lines = lines_of(hundred(id));
  // Entry 50 is rewritten and every number that could give it away is recomputed.
  auto forged = *canonical::entry_text({id, 50, 1'800'001'000}, "vote.cast", {{"choice", "for"}});
  entry_line(lines, 50) = "{\"entry\":" + forged + ",\"leaf\":\"" + merkle::to_hex(merkle::leaf_hash(forged)) + "\"},";
  auto v = verify_export(join(lines));
  // Heads were signed at 30, 70 and 100: the change lies in entries 30 to 69.
  expect_fails_at(v, 30, "audit_verify_head_root");
  EXPECT_EQ(std::count(v.args.begin(), v.args.end(), std::pair<std::string, std::string>{"to", "69"}), 1);
}

TEST_F(AuditLog, ALogCutShortIsCaughtAgainstTheSignedHead) {
  const auto id = space("saltmarsh");
  auto lines = lines_of(hundred(id));
  // Drop entries 80 to 99, keeping the JSON well formed.
  lines.erase(lines.begin() + 81, lines.begin() + 101);
  entry_line(lines, 79) = without_comma(entry_line(lines, 79));
  expect_fails_at(verify_export(join(lines)), 80, "audit_verify_cut_short");
}

TEST_F(AuditLog, AHeadKeptFromEarlierCatchesALogCutShortWithItsHeadsRemoved) {
  const auto id = space("saltmarsh");
  append_many(id, 40);
  auto kept = sign_head(app_, id);
  ASSERT_TRUE(kept.has_value());
  auto lines = lines_of(export_of(id));
  // Cut to 25 entries and remove every head from the export.
  lines.erase(lines.begin() + 26, lines.begin() + 41);
  entry_line(lines, 24) = without_comma(entry_line(lines, 24));
  auto text = join(lines);
  auto heads_at = text.find("],\"heads\":[");
  text = text.substr(0, heads_at) + "],\"heads\":[]}\n";
  auto alone = verify_export(text);
  EXPECT_TRUE(alone.ok) << alone.message_key;  // nothing in it vouches for its end
  EXPECT_EQ(alone.heads, 0);
  expect_fails_at(verify_export(text, head_json(*kept)), 25, "audit_verify_given_head_cut_short");
}

TEST_F(AuditLog, ARewrittenLogReSignedWithANewKeyFailsAgainstAKeptHead) {
  const auto id = space("saltmarsh");
  append_many(id, 20);
  auto kept = sign_head(app_, id);
  ASSERT_TRUE(kept.has_value());
  const auto text = export_of(id);
  EXPECT_TRUE(verify_export(text, head_json(*kept)).ok);
  // Someone replaces the key and re-signs: the kept head names the old key...
  auto other = signing::generate();
  auto rekeyed = text;
  rekeyed.replace(rekeyed.find(kept->public_key), kept->public_key.size(), other.public_hex);
  auto v = verify_export(rekeyed, head_json(*kept));
  EXPECT_FALSE(v.ok);
  // (the export's own heads fail first: they were signed with the old key)
  EXPECT_EQ(v.message_key, "audit_verify_head_signature");
  // ...and without the key in the kept head, its signature no longer checks out.
  auto bare = kept->public_key;
  auto kept_json = head_json(*kept);
  kept_json.replace(kept_json.find(bare), bare.size(), other.public_hex);
  auto heads_at = rekeyed.find("],\"heads\":[");
  auto no_heads = rekeyed.substr(0, heads_at) + "],\"heads\":[]}\n";
  EXPECT_EQ(verify_export(no_heads, kept_json).message_key, "audit_verify_given_head_signature");
}

TEST_F(AuditLog, SignaturesFailUnderTheWrongKey) {
  const auto id = space("saltmarsh");
  const auto text = hundred(id);
  auto key_at = text.find("\"public_key\":\"") + 14;
  auto wrong = text;
  wrong.replace(key_at, 64, signing::generate().public_hex);
  auto v = verify_export(wrong);
  EXPECT_FALSE(v.ok);
  EXPECT_EQ(v.message_key, "audit_verify_head_signature");
  // A head whose size was edited no longer matches its signature.
  auto edited = text;
  auto head_at = edited.find("\"size\":70,\"space\"");
  ASSERT_NE(head_at, std::string::npos);
  edited.replace(head_at, 9, "\"size\":71");
  EXPECT_EQ(verify_export(edited).message_key, "audit_verify_head_signature");
}

TEST_F(AuditLog, AFileThatIsNotAnExportIsRefusedPlainly) {
  EXPECT_EQ(verify_export("").message_key, "audit_verify_not_json");
  EXPECT_EQ(verify_export("{\"entries\":[],\"heads\":[]}").message_key, "audit_verify_not_export");
  const auto id = space("saltmarsh");
  auto text = hundred(id);
  auto cut = verify_export(text.substr(0, text.size() / 2));
  EXPECT_EQ(cut.message_key, "audit_verify_entry_unreadable");
  ASSERT_TRUE(cut.entry.has_value());
  EXPECT_GT(*cut.entry, 30);
}

TEST_F(AuditLog, ProofsFromStorageMatchTheTreeInMemory) {
  const auto id = space("saltmarsh");
  append_many(id, 300);  // crosses many stored 16-leaf subtrees
  std::vector<merkle::Hash> leaves;
  store_->with([&](store::Conn& c) {
    for (const auto& hex : repo::leaves(c, id, 0, 300)) leaves.push_back(*merkle::from_hex(hex));
    return 0;
  });
  ASSERT_EQ(leaves.size(), 300u);
  for (std::int64_t size : {1, 2, 15, 16, 17, 31, 32, 33, 100, 255, 256, 257, 300}) {
    auto d = std::span<const merkle::Hash>(leaves).first(static_cast<std::size_t>(size));
    for (std::int64_t seq = 0; seq < size; seq += (size > 40 ? 7 : 1)) {
      auto p = commands::inclusion_proof(app_, id, seq, size);
      ASSERT_TRUE(p.has_value());
      EXPECT_EQ(p->root, merkle::to_hex(merkle::root(d)));
      std::vector<merkle::Hash> path;
      for (const auto& h : p->path) path.push_back(*merkle::from_hex(h));
      EXPECT_EQ(path, merkle::inclusion_proof(d, static_cast<std::uint64_t>(seq))) << seq << " in " << size;
      EXPECT_EQ(merkle::leaf_hash(p->entry), leaves[static_cast<std::size_t>(seq)]);
    }
    for (std::int64_t from = 0; from <= size; from += (size > 40 ? 13 : 1)) {
      auto p = commands::consistency_proof(app_, id, from, size);
      ASSERT_TRUE(p.has_value());
      std::vector<merkle::Hash> proof;
      for (const auto& h : p->proof) proof.push_back(*merkle::from_hex(h));
      EXPECT_EQ(proof, merkle::consistency_proof(d, static_cast<std::uint64_t>(from))) << from << " to " << size;
      EXPECT_TRUE(merkle::verify_consistency(static_cast<std::uint64_t>(from), static_cast<std::uint64_t>(size),
                                             *merkle::from_hex(p->from_root), merkle::root(d), proof));
    }
  }
  EXPECT_FALSE(commands::inclusion_proof(app_, id, 300, 300).has_value());
  EXPECT_FALSE(commands::inclusion_proof(app_, id, 5, 301).has_value());
  EXPECT_FALSE(commands::inclusion_proof(app_, id, 5, 5).has_value());
  EXPECT_FALSE(commands::consistency_proof(app_, id, 10, 9).has_value());
}

TEST_F(AuditLog, SigningTwiceWithoutNewEntriesGivesTheSameHead) {
  const auto id = space("saltmarsh");
  append_many(id, 3);
  auto a = sign_head(app_, id);
  clock_.advance(3600);
  auto b = sign_head(app_, id);
  ASSERT_TRUE(a && b);
  EXPECT_EQ(a->timestamp, b->timestamp);
  EXPECT_EQ(a->signature, b->signature);
  EXPECT_TRUE(signing::verify(a->public_key, canonical::head_text(id, a->size, a->root, a->timestamp), a->signature));
}

TEST_F(AuditLog, LogsOfDifferentSpacesAreSeparateAndCommitmentsDoNotLinkPeople) {
  const auto a = space("saltmarsh");
  const auto b = space("estuary");
  append_many(a, 5);
  append_many(b, 2);
  auto ha = sign_head(app_, a), hb = sign_head(app_, b);
  ASSERT_TRUE(ha && hb);
  EXPECT_EQ(ha->size, 5);
  EXPECT_EQ(hb->size, 2);
  EXPECT_NE(ha->public_key, hb->public_key);
  EXPECT_EQ(person_commitment(app_, a, 9), person_commitment(app_, a, 9));
  EXPECT_NE(person_commitment(app_, a, 9), person_commitment(app_, b, 9));
  EXPECT_NE(person_commitment(app_, a, 9), person_commitment(app_, a, 10));
  EXPECT_EQ(person_commitment(app_, a, 9).size(), 64u);
  // An entry of space b pasted into a's export is caught.
  auto text_a = export_of(a);
  auto lines_b = lines_of(export_of(b));
  auto lines_a = lines_of(text_a);
  entry_line(lines_a, 1) = with_comma(entry_line(lines_b, 1));
  expect_fails_at(verify_export(join(lines_a)), 1, "audit_verify_entry_space");
}

TEST_F(AuditLog, AnUnacceptableEntryIsRefusedAndWritesNothing) {
  const auto id = space("saltmarsh");
  append_many(id, 1);
  auto r = store_->write([&](store::Conn& c) { return append(app_, c, id, "Bad Kind", {}); });
  ASSERT_FALSE(r.has_value());
  EXPECT_EQ(r.error().message_key, "audit_entry_invalid");
  auto next = store_->write([&](store::Conn& c) { return append(app_, c, id, "vote.cast", {}); });
  ASSERT_TRUE(next.has_value());
  EXPECT_EQ(*next, 1);
}

TEST_F(AuditLog, AppendsFromTwoConnectionsAtOnceMakeOneUnbrokenLog) {
  const auto id = space("saltmarsh");
  auto writer = [&](int who) {
    for (int i = 0; i < 40; ++i) {
      auto r = store_->write([&](store::Conn& c) {
        return append(app_, c, id, "vote.cast", {{"writer", std::int64_t{who}}, {"n", std::int64_t{i}}});
      });
      ASSERT_TRUE(r.has_value());
    }
  };
  std::thread a(writer, 1), b(writer, 2);
  a.join();
  b.join();
  ASSERT_TRUE(sign_head(app_, id).has_value());
  auto v = verify_export(export_of(id));
  EXPECT_TRUE(v.ok) << v.message_key;
  EXPECT_EQ(v.entries, 80);
}

// --- Finding 6: a duplicate key fools the verifier ------------------------------------

TEST_F(AuditLog, AKeyGivenTwiceAnywhereMakesTheExportUnreadable) {
  const auto id = space("saltmarsh");
  const auto text = hundred(id);
  ASSERT_TRUE(verify_export(text).ok);
  // A second "entries" array with one outcome changed, appended at the end: jq, Node and
  // Python read this one, so it must not pass for the first.
  const auto entries_at = text.find("\"entries\":[");
  const auto entries_end = text.find("\n],\"heads\":[");
  ASSERT_NE(entries_at, std::string::npos);
  auto forged = text.substr(entries_at, entries_end + 2 - entries_at);
  forged.replace(forged.find("\"choice\":\"for\""), 14, "\"choice\":\"FOR\"");
  auto doubled = text;
  doubled.insert(doubled.rfind('}'), "," + forged);
  auto v = verify_export(doubled);
  EXPECT_FALSE(v.ok);
  EXPECT_EQ(v.message_key, "audit_verify_duplicate_key");
  EXPECT_EQ(std::count(v.args.begin(), v.args.end(), std::pair<std::string, std::string>{"key", "entries"}), 1);

  // Inside an entry, inside a head, and in the top-level object: each is caught.
  auto lines = lines_of(text);
  {
    auto l = lines;
    auto& e = entry_line(l, 7);
    e.insert(e.find("\"seq\":7"), "\"seq\":8,");
    auto in_entry = verify_export(join(l));
    EXPECT_EQ(in_entry.message_key, "audit_verify_duplicate_key");
    ASSERT_TRUE(in_entry.entry.has_value());
    EXPECT_EQ(*in_entry.entry, 7);
  }
  {
    auto t = text;
    t.insert(t.find("{\"root\":") + 1, "\"size\":1,");
    EXPECT_EQ(verify_export(t).message_key, "audit_verify_duplicate_key");
  }
  {
    auto t = text;
    t.insert(1, "\"format\":\"humanspace-audit-export/1\",");
    EXPECT_EQ(verify_export(t).message_key, "audit_verify_duplicate_key");
  }
  // A head kept from earlier is read as strictly.
  auto kept = sign_head(app_, id);
  ASSERT_TRUE(kept.has_value());
  auto kept_json = head_json(*kept);
  EXPECT_TRUE(verify_export(text, kept_json).ok);
  kept_json.insert(1, "\"size\":3,");
  EXPECT_EQ(verify_export(text, kept_json).message_key, "audit_verify_given_head_malformed");
  EXPECT_FALSE(recanonicalize("{\"a\":1,\"b\":{\"c\":1,\"c\":2}}").has_value());
  EXPECT_EQ(recanonicalize("{\"b\":{\"c\":1,\"d\":2},\"a\":1}"), "{\"a\":1,\"b\":{\"c\":1,\"d\":2}}");
}

TEST_F(AuditLog, ObjectsWithManyKeysAreCheckedForDuplicatesToo) {
  std::string many = "{";
  for (int i = 0; i < 200; ++i) many += (i ? ",\"k" : "\"k") + std::to_string(i) + "\":" + std::to_string(i);
  EXPECT_TRUE(recanonicalize(many + "}").has_value());
  EXPECT_FALSE(recanonicalize(many + ",\"k150\":0}").has_value());
  EXPECT_FALSE(recanonicalize(many + ",\"k3\":0}").has_value());
}

// --- Finding 7: a log cut short in the database still verified ------------------------

namespace {

// What someone with the database can do: remove the newest entries and lower the size.
void cut_short(store::Store& s, std::int64_t space_id, std::int64_t keep) {
  s.with([&](store::Conn& c) {
    c.q("DELETE FROM audit_entries WHERE space_id = ? AND seq >= ?", space_id, keep);
    c.q("UPDATE audit_logs SET size = ? WHERE space_id = ?", keep, space_id);
    return 0;
  });
}

}  // namespace

TEST_F(AuditLog, ALogCutShortInTheDatabaseFailsItsExportAndCannotBeSigned) {
  const auto id = space("saltmarsh");
  append_many(id, 65);
  ASSERT_TRUE(sign_head(app_, id).has_value());
  cut_short(*store_, id, 54);

  auto v = verify_export(export_of(id));
  expect_fails_at(v, 54, "audit_verify_cut_short");
  // The page's own check runs the same verifier on the same export.
  auto run = commands::verify_log(app_, {id, "saltmarsh", "Saltmarsh Carers Forum"});
  ASSERT_TRUE(run.has_value());
  EXPECT_EQ(run->verdict.message_key, "audit_verify_cut_short");
  auto s = commands::summary(app_, id, 5);
  EXPECT_EQ(s.size, 54);
  ASSERT_TRUE(s.head.has_value());
  EXPECT_EQ(s.head->size, 65);
  EXPECT_FALSE(s.matches_head);
  EXPECT_EQ(commands::latest_head(app_, id)->size, 65);

  // Removing the head rows too does not help: the log's row keeps the largest head.
  store_->with([&](store::Conn& c) { return c.q("DELETE FROM audit_heads WHERE space_id = ?", id).size(); });
  expect_fails_at(verify_export(export_of(id)), 54, "audit_verify_cut_short");

  // Nor will the server sign the shorter log, now or after it has grown back.
  auto refused = sign_head(app_, id);
  ASSERT_FALSE(refused.has_value());
  EXPECT_EQ(refused.error().message_key, "audit_log_cut_short_refused");
}

TEST_F(AuditLog, AnExportTakenWhileHeadsAreSignedNeverShowsAHeadBeyondItsEntries) {
  const auto id = space("saltmarsh");
  append_many(id, 5);
  std::atomic<bool> done{false};
  std::thread writer([&] {
    for (int i = 0; i < 60; ++i) {
      auto r = store_->write([&](store::Conn& c) -> Result<std::int64_t> {
        auto seq = append(app_, c, id, "vote.cast", {{"n", std::int64_t{i}}});
        if (!seq) return seq;
        if (auto h = sign_head(app_, c, id); !h) return fail(h.error());
        return seq;
      });
      ASSERT_TRUE(r.has_value());
    }
    done = true;
  });
  int exports = 0;
  while (!done || exports == 0) {
    auto v = verify_export(export_of(id));
    ASSERT_TRUE(v.ok) << v.message_key;
    ++exports;
  }
  writer.join();
}

// --- Finding 8: the unsigned tail could be laundered ----------------------------------

TEST_F(AuditLog, TheSignerSignsEveryLogThatGrewAndOnlyThose) {
  const auto a = space("saltmarsh");
  const auto b = space("estuary");
  const auto quiet = space("millpond");
  append_many(a, 3);
  append_many(b, 20);
  append_many(quiet, 2);
  ASSERT_TRUE(sign_head(app_, quiet).has_value());
  commands::PendingSigner signer(app_);
  EXPECT_EQ(signer.run(), 2);
  EXPECT_EQ(signer.run(), 0);
  EXPECT_EQ(commands::latest_head(app_, a)->size, 3);
  EXPECT_EQ(commands::latest_head(app_, b)->size, 20);
  append_many(a, 1);
  EXPECT_EQ(signer.run(), 1);
  EXPECT_EQ(commands::latest_head(app_, a)->size, 4);
  auto v = verify_export(export_of(a));
  EXPECT_TRUE(v.ok) << v.message_key;
  EXPECT_EQ(v.unsigned_entries, 0);
}

TEST_F(AuditLog, AnEntryRewrittenUnderASignedHeadIsNeverSigned) {
  const auto id = space("saltmarsh");
  append_many(id, 20);  // one stored 16-leaf subtree, and four leaves after it
  ASSERT_TRUE(sign_head(app_, id).has_value());
  // Rewrite entry 18 in the database, leaf recomputed, and let the log grow.
  auto forged = *canonical::entry_text({id, 18, 1'800'000'600}, "vote.cast", {{"choice", "for"}});
  store_->with([&](store::Conn& c) {
    return c
        .q("UPDATE audit_entries SET entry = ?, leaf = ? WHERE space_id = ? AND seq = 18", forged,
           merkle::to_hex(merkle::leaf_hash(forged)), id)
        .size();
  });
  append_many(id, 1);
  auto refused = sign_head(app_, id);
  ASSERT_FALSE(refused.has_value());
  EXPECT_EQ(refused.error().message_key, "audit_log_rewritten_refused");
  commands::PendingSigner signer(app_);
  EXPECT_EQ(signer.run(), 0);
  EXPECT_FALSE(commands::summary(app_, id, 1).matches_head);
  // The only head is the one at 20: nothing before it is vouched for separately.
  expect_fails_at(verify_export(export_of(id)), 0, "audit_verify_head_root");
}

TEST_F(AuditLog, AnAuditorIsToldHowTheLogComparesWithTheHeadTheySawLast) {
  const auto id = space("saltmarsh");
  const auto auditor = store_->with([&](store::Conn& c) {
    return c.one("INSERT INTO users (display_name, created_at) VALUES ('Auditor', 0) RETURNING id")->i64(0);
  });
  using O = commands::SeenCheck::Outcome;
  EXPECT_EQ(commands::check_seen_head(app_, id, auditor).outcome, O::none);
  append_many(id, 10);
  ASSERT_TRUE(sign_head(app_, id).has_value());
  auto first = commands::check_seen_head(app_, id, auditor);
  EXPECT_EQ(first.outcome, O::first);
  EXPECT_EQ(first.size, 10);
  EXPECT_EQ(commands::check_seen_head(app_, id, auditor).outcome, O::same);
  append_many(id, 25);
  ASSERT_TRUE(sign_head(app_, id).has_value());
  auto grown = commands::check_seen_head(app_, id, auditor);
  EXPECT_EQ(grown.outcome, O::grown);
  EXPECT_EQ(grown.seen_size, 10);
  EXPECT_EQ(grown.size, 35);
  EXPECT_EQ(commands::check_seen_head(app_, id, auditor).outcome, O::same);

  // The largest head is put back to an earlier one (and its rows removed): an alarm,
  // and it keeps showing.
  store_->with([&](store::Conn& c) {
    c.q("DELETE FROM audit_heads WHERE space_id = ? AND size > 10", id);
    c.q("UPDATE audit_logs SET head_size = 10, head_root = (SELECT root FROM audit_heads WHERE space_id = ? AND "
        "size = 10) WHERE space_id = ?",
        id, id);
    return 0;
  });
  auto smaller = commands::check_seen_head(app_, id, auditor);
  EXPECT_EQ(smaller.outcome, O::smaller);
  EXPECT_EQ(smaller.seen_size, 35);
  EXPECT_EQ(smaller.size, 10);
  EXPECT_EQ(commands::check_seen_head(app_, id, auditor).outcome, O::smaller);
}

TEST_F(AuditLog, AnAuditorIsWarnedWhenTheLogWasRewrittenSinceTheySawIt) {
  const auto id = space("saltmarsh");
  const auto auditor = store_->with([&](store::Conn& c) {
    return c.one("INSERT INTO users (display_name, created_at) VALUES ('Auditor', 0) RETURNING id")->i64(0);
  });
  using O = commands::SeenCheck::Outcome;
  append_many(id, 5);
  ASSERT_TRUE(sign_head(app_, id).has_value());
  EXPECT_EQ(commands::check_seen_head(app_, id, auditor).outcome, O::first);
  // Entry 3 rewritten, and a new head signed by someone holding the key over it.
  auto forged = *canonical::entry_text({id, 3, 1'800'000'600}, "vote.cast", {{"choice", "for"}});
  store_->with([&](store::Conn& c) {
    return c
        .q("UPDATE audit_entries SET entry = ?, leaf = ? WHERE space_id = ? AND seq = 3", forged,
           merkle::to_hex(merkle::leaf_hash(forged)), id)
        .size();
  });
  append_many(id, 2);
  store_->with([&](store::Conn& c) {
    return c.q("UPDATE audit_logs SET head_size = 0, head_root = NULL WHERE space_id = ?", id).size();
  });
  ASSERT_TRUE(sign_head(app_, id).has_value());  // the server no longer knows better
  auto v = commands::check_seen_head(app_, id, auditor);
  EXPECT_EQ(v.outcome, O::inconsistent);
  EXPECT_EQ(v.seen_size, 5);
  EXPECT_EQ(commands::check_seen_head(app_, id, auditor).outcome, O::inconsistent);
}

}  // namespace hs::audit
