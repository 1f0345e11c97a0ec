// GET /spaces/{slug}/audit/head, .../proof/inclusion, .../proof/consistency: JSON for
// auditors' tools. Hashes are lower-case hex; an inclusion proof carries the entry, so
// the leaf hash can be recomputed rather than trusted.
#include "modules/audit/commands/commands.hpp"
#include "modules/audit/handlers/common.hpp"
#include "modules/audit/handlers/handlers.hpp"
#include "modules/audit/rules/canonical.hpp"

namespace hs::audit::handlers {

using web::Context;
using web::Response;

namespace {

void append_hex_list(std::string& out, const std::vector<std::string>& hashes) {
  out += '[';
  for (std::size_t i = 0; i < hashes.size(); ++i) {
    if (i) out += ',';
    canonical::append_string(out, hashes[i]);
  }
  out += ']';
}

Response proof_error(Context& c, const Error& e) {
  return json_error(c, e.code == ErrorCode::invalid ? 400 : 404, e.message_key);
}

}  // namespace

Response head_show(Context& c) {
  auto a = json_access(c);
  if (!a.loaded) return std::move(a.refusal);
  auto head = commands::latest_head(c.app, a.loaded->space.id);
  if (!head) return json_error(c, 404, "audit_no_head");
  return json(200, head_json(*head));
}

Response inclusion_show(Context& c) {
  auto a = json_access(c);
  if (!a.loaded) return std::move(a.refusal);
  auto seq = query_int(c, "seq");
  if (!seq) return json_error(c, 400, "audit_proof_bad_seq");
  std::optional<std::int64_t> size;
  if (!c.query_param("size").empty() && !(size = query_int(c, "size")))
    return json_error(c, 400, "audit_proof_bad_size");
  auto p = commands::inclusion_proof(c.app, a.loaded->space.id, *seq, size);
  if (!p) return proof_error(c, p.error());
  std::string body = "{\"entry\":" + p->entry + ",\"leaf_hash\":";
  canonical::append_string(body, p->leaf);
  body += ",\"path\":";
  append_hex_list(body, p->path);
  body += ",\"root\":";
  canonical::append_string(body, p->root);
  body += ",\"seq\":" + std::to_string(p->seq) + ",\"size\":" + std::to_string(p->size) + "}";
  return json(200, std::move(body));
}

Response consistency_show(Context& c) {
  auto a = json_access(c);
  if (!a.loaded) return std::move(a.refusal);
  auto from = query_int(c, "from");
  if (!from) return json_error(c, 400, "audit_proof_bad_from");
  std::optional<std::int64_t> to;
  if (!c.query_param("to").empty() && !(to = query_int(c, "to"))) return json_error(c, 400, "audit_proof_bad_size");
  auto p = commands::consistency_proof(c.app, a.loaded->space.id, *from, to);
  if (!p) return proof_error(c, p.error());
  std::string body = "{\"from\":" + std::to_string(p->from) + ",\"from_root\":";
  canonical::append_string(body, p->from_root);
  body += ",\"proof\":";
  append_hex_list(body, p->proof);
  body += ",\"to\":" + std::to_string(p->to) + ",\"to_root\":";
  canonical::append_string(body, p->to_root);
  body += '}';
  return json(200, std::move(body));
}

}  // namespace hs::audit::handlers
