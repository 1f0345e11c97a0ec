#include "modules/audit/head.hpp"

#include "modules/audit/rules/canonical.hpp"

namespace hs::audit {

std::string head_json(const SignedHead& h) {
  std::string out = "{\"public_key\":";
  canonical::append_string(out, h.public_key);
  out += ",\"root\":";
  canonical::append_string(out, h.root);
  out += ",\"signature\":";
  canonical::append_string(out, h.signature);
  out += ",\"size\":" + std::to_string(h.size);
  out += ",\"space\":" + std::to_string(h.space_id);
  out += ",\"timestamp\":" + std::to_string(h.timestamp);
  out += '}';
  return out;
}

}  // namespace hs::audit
