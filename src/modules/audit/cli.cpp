// `humanspace audit export|verify|sign|send-digests|synthetic`. Words come from messages/en/audit.txt.
#include <chrono>
#include <fstream>
#include <iostream>
#include <iterator>
#include <random>
#include <sstream>

#include "modules/audit/commands/commands.hpp"
#include "modules/audit/module.hpp"
#include "modules/audit/rules/merkle.hpp"
#include "modules/audit/verify.hpp"
#include "modules/spaces/module.hpp"
#include "services/services.hpp"
#include "store/db.hpp"
#include "web/render.hpp"

namespace hs::audit {

namespace {

using Args = std::vector<std::pair<std::string, std::string>>;

int complain(const services::Words& r, const std::string& key, const Args& args = {}) {
  std::cerr << "humanspace: " << r.format(key, args) << "\n";
  return 1;
}

std::optional<commands::SpaceRef> find_space(Services& app, const std::string& slug) {
  // The operator's command line sees every space, private ones included.
  auto s = app.store->with([&](store::Conn& c) -> std::optional<spaces::Space> {
    auto id = spaces::space_id_by_slug(c, slug);
    return id ? spaces::space_by_id(c, *id) : std::nullopt;
  });
  if (!s) return std::nullopt;
  return commands::SpaceRef{s->id, s->slug, s->name};
}

std::optional<std::string> read_file(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return std::nullopt;
  std::string data;
  in.seekg(0, std::ios::end);
  const auto size = in.tellg();
  if (size > 0) {
    data.resize(static_cast<std::size_t>(size));
    in.seekg(0);
    in.read(data.data(), size);
  }
  if (!in && !in.eof()) return std::nullopt;
  return data;
}

std::string fixed(double v, int decimals) {
  std::ostringstream s;
  s.setf(std::ios::fixed);
  s.precision(decimals);
  s << v;
  return s.str();
}

double seconds_since(std::chrono::steady_clock::time_point t0) {
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
}

}  // namespace

int export_cli(Services& app, const std::string& space_slug, const std::string& out_path) {
  const auto& r = *app.words;
  auto space = find_space(app, space_slug);
  if (!space) return complain(r, "audit_cli_no_space", {{"space", space_slug}});
  Result<void> result;
  if (out_path.empty()) {
    result = commands::write_export(app, *space, std::cout);
    std::cout.flush();
  } else {
    std::ofstream out(out_path, std::ios::binary | std::ios::trunc);
    if (!out) return complain(r, "audit_cli_cannot_write", {{"file", out_path}});
    result = commands::write_export(app, *space, out);
    out.close();
    if (result && !out) return complain(r, "audit_cli_cannot_write", {{"file", out_path}});
  }
  if (!result) return complain(r, result.error().message_key, {{"space", space_slug}});
  if (!out_path.empty()) std::cout << r.format("audit_cli_exported", {{"file", out_path}}) << "\n";
  return 0;
}

int verify_cli(const std::string& export_path, const std::string& head_path) {
  web::Renderer r("en");
  auto data = read_file(export_path);
  if (!data) return complain(r, "audit_cli_cannot_read", {{"file", export_path}});
  std::optional<std::string> head;
  if (!head_path.empty()) {
    head = read_file(head_path);
    if (!head) return complain(r, "audit_cli_cannot_read", {{"file", head_path}});
  }
  const auto v = verify_export(*data, head);
  if (!v.ok) {
    std::cout << r.t("audit_cli_not_verified") << " " << r.format(v.message_key, v.args) << "\n";
    return 1;
  }
  std::cout << r.format(v.message_key, v.args) << "\n";
  if (v.heads == 0) std::cout << r.t("audit_verify_no_heads") << "\n";
  else if (v.unsigned_entries > 0)
    std::cout << r.format("audit_verify_unsigned", {{"count", std::to_string(v.unsigned_entries)}}) << "\n";
  return 0;
}

int sign_cli(Services& app, const std::string& space_slug) {
  const auto& r = *app.words;
  auto space = find_space(app, space_slug);
  if (!space) return complain(r, "audit_cli_no_space", {{"space", space_slug}});
  auto head = commands::sign_head(app, space->id);
  if (!head) return complain(r, head.error().message_key);
  std::cout << head_json(*head) << "\n";
  return 0;
}

int send_digests_cli(Services& app) {
  const auto sent = commands::send_digests(app);
  std::cout << app.words->format("audit_digest_cli_sent", {{"count", std::to_string(sent)}}) << "\n";
  return 0;
}

int synthetic_cli(Services& app, const std::string& space_slug, std::int64_t count, std::int64_t batch,
                  std::int64_t proofs) {
  const auto& r = *app.words;
  auto space = find_space(app, space_slug);
  if (!space) return complain(r, "audit_cli_no_space", {{"space", space_slug}});
  if (batch < 1) batch = 1;

  const auto t0 = std::chrono::steady_clock::now();
  for (std::int64_t done = 0; done < count;) {
    const auto n = std::min(batch, count - done);
    auto ok = app.store->write([&](store::Conn& c) -> Result<void> {
      for (std::int64_t i = 0; i < n; ++i) {
        const auto k = done + i;
        auto seq = commands::append(app, c, space->id, "synthetic.note",
                                    {{"n", k},
                                     {"person", commands::person_commitment(app, space->id, k % 997 + 1)},
                                     {"outcome", k % 3 == 0 ? "agreed" : "not agreed"},
                                     {"counted", k % 2 == 0}});
        if (!seq) return tl::unexpected(seq.error());
      }
      return {};
    });
    if (!ok) return complain(r, ok.error().message_key);
    done += n;
  }
  const double append_s = seconds_since(t0);
  if (count > 0)
    std::cout << r.format("audit_synthetic_appended", {{"count", std::to_string(count)},
                                                       {"seconds", fixed(append_s, 2)},
                                                       {"rate", fixed(count / append_s, 0)},
                                                       {"batch", std::to_string(batch)}})
              << "\n";

  auto head = commands::sign_head(app, space->id);
  if (!head) return complain(r, head.error().message_key);
  std::cout << r.format("audit_synthetic_signed", {{"size", std::to_string(head->size)}, {"root", head->root}}) << "\n";
  if (proofs <= 0 || head->size == 0) return 0;

  const auto root = *merkle::from_hex(head->root);
  std::mt19937_64 rng(42);
  std::uniform_int_distribution<std::int64_t> pick(0, head->size - 1);
  std::size_t most = 0, bad = 0;
  const auto t1 = std::chrono::steady_clock::now();
  for (std::int64_t i = 0; i < proofs; ++i) {
    auto p = commands::inclusion_proof(app, space->id, pick(rng), head->size);
    if (!p) return complain(r, p.error().message_key);
    std::vector<merkle::Hash> path;
    for (const auto& h : p->path) path.push_back(*merkle::from_hex(h));
    most = std::max(most, path.size());
    if (!merkle::verify_inclusion(static_cast<std::uint64_t>(p->seq), static_cast<std::uint64_t>(p->size),
                                  merkle::leaf_hash(p->entry), path, root))
      ++bad;
  }
  const double proof_us = seconds_since(t1) * 1e6 / static_cast<double>(proofs);
  std::cout << r.format("audit_synthetic_inclusion", {{"size", std::to_string(head->size)},
                                                      {"proofs", std::to_string(proofs)},
                                                      {"micros", fixed(proof_us, 0)},
                                                      {"hashes", std::to_string(most)}})
            << "\n";

  const auto from = head->size / 2 + 1;
  const auto t2 = std::chrono::steady_clock::now();
  auto cp = commands::consistency_proof(app, space->id, from, head->size);
  const double cons_us = seconds_since(t2) * 1e6;
  if (!cp) return complain(r, cp.error().message_key);
  std::vector<merkle::Hash> cproof;
  for (const auto& h : cp->proof) cproof.push_back(*merkle::from_hex(h));
  if (cp->to_root != head->root ||
      !merkle::verify_consistency(static_cast<std::uint64_t>(from), static_cast<std::uint64_t>(head->size),
                                  *merkle::from_hex(cp->from_root), root, cproof))
    ++bad;
  std::cout << r.format("audit_synthetic_consistency", {{"from", std::to_string(from)},
                                                        {"size", std::to_string(head->size)},
                                                        {"micros", fixed(cons_us, 0)},
                                                        {"hashes", std::to_string(cp->proof.size())}})
            << "\n";
  if (bad) return complain(r, "audit_synthetic_bad_proofs", {{"count", std::to_string(bad)}});
  return 0;
}

}  // namespace hs::audit
