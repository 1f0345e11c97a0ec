#include <boost/json.hpp>

#include <cmath>
#include <iostream>
#include <iterator>
#include <map>

#include "core/text.hpp"
#include "modules/breakouts/module.hpp"
#include "modules/breakouts/rules/assign.hpp"

namespace hs::breakouts {
namespace {

namespace json = boost::json;

constexpr std::size_t kMaxPeople = 100'000;
constexpr std::size_t kMaxPairs = 100'000;
constexpr std::size_t kMaxText = 200;
constexpr std::int64_t kMaxRounds = 100;
constexpr std::int64_t kMaxSize = 1'000;

// An error with the place in the input it concerns, e.g. "people[3].id".
Error at(std::string key, std::string field) {
  Error e = Error::of(ErrorCode::invalid, std::move(key));
  e.fields.push_back({std::move(field), e.message_key});
  return e;
}

// Ids keep their JSON form; the lookup key tells "1" (string) from 1 (number).
std::optional<std::string> id_key(const json::value& v) {
  if (v.is_string()) {
    const auto& s = v.get_string();
    if (s.empty() || s.size() > kMaxText || !hs::text::valid_utf8(std::string_view(s.data(), s.size())))
      return std::nullopt;
    return "s" + std::string(s);
  }
  if (v.is_int64()) return "n" + std::to_string(v.get_int64());
  if (v.is_uint64()) return "n" + std::to_string(v.get_uint64());
  return std::nullopt;
}

std::optional<std::int64_t> integer(const json::value* v) {
  if (!v || !v->is_int64()) return std::nullopt;
  return v->get_int64();
}

}  // namespace

Result<std::string> plan_json(std::string_view text) {
  boost::system::error_code ec;
  json::value doc = json::parse(json::string_view(text.data(), text.size()), ec);
  if (ec) return fail(at("breakouts_input_invalid", "json"));
  const json::object* root = doc.if_object();
  if (!root) return fail(at("breakouts_input_invalid", "json"));

  PlanInput in;
  std::vector<json::value> ids;
  std::map<std::string, int> index;
  const json::value* people = root->if_contains("people");
  if (!people || !people->is_array() || people->get_array().size() > kMaxPeople)
    return fail(at("breakouts_input_invalid", "people"));
  for (const auto& item : people->get_array()) {
    const std::string where = "people[" + std::to_string(ids.size()) + "]";
    const json::object* o = item.if_object();
    if (!o) return fail(at("breakouts_input_invalid", where));
    const json::value* id = o->if_contains("id");
    auto key = id ? id_key(*id) : std::nullopt;
    if (!key) return fail(at("breakouts_input_invalid", where + ".id"));
    if (!index.emplace(*key, static_cast<int>(ids.size())).second)
      return fail(at("breakouts_id_duplicate", where + ".id"));
    Person p;
    if (const json::value* attrs = o->if_contains("attributes")) {
      if (!attrs->is_object()) return fail(at("breakouts_input_invalid", where + ".attributes"));
      for (const auto& [k, v] : attrs->get_object()) {
        if (!v.is_string() || k.empty() || k.size() > kMaxText || v.get_string().size() > kMaxText ||
            !hs::text::valid_utf8(std::string_view(k.data(), k.size())) ||
            !hs::text::valid_utf8(std::string_view(v.get_string().data(), v.get_string().size())))
          return fail(at("breakouts_input_invalid", where + ".attributes." + std::string(k)));
        p.attributes[std::string(k)] = std::string(v.get_string());
      }
    }
    in.people.push_back(std::move(p));
    ids.push_back(*id);
  }

  const json::value* size = root->if_contains("group_size");
  const json::object* so = size ? size->if_object() : nullptr;
  auto lo = so ? integer(so->if_contains("min")) : std::nullopt;
  auto hi = so ? integer(so->if_contains("max")) : std::nullopt;
  if (!lo || !hi || *lo < 1 || *hi < *lo || *hi > kMaxSize) return fail(at("breakouts_sizes_invalid", "group_size"));
  in.min_size = static_cast<int>(*lo);
  in.max_size = static_cast<int>(*hi);

  auto rounds = integer(root->if_contains("rounds"));
  if (!rounds || *rounds < 1 || *rounds > kMaxRounds) return fail(at("breakouts_rounds_invalid", "rounds"));
  in.rounds = static_cast<int>(*rounds);

  if (const json::value* seed = root->if_contains("seed")) {
    if (seed->is_int64() && seed->get_int64() >= 0) in.seed = static_cast<std::uint64_t>(seed->get_int64());
    else if (seed->is_uint64()) in.seed = seed->get_uint64();
    else return fail(at("breakouts_input_invalid", "seed"));
  }

  if (const json::value* spread = root->if_contains("spread")) {
    if (!spread->is_array()) return fail(at("breakouts_input_invalid", "spread"));
    for (const auto& k : spread->get_array()) {
      if (!k.is_string() || k.get_string().empty()) return fail(at("breakouts_input_invalid", "spread"));
      in.spread.emplace_back(k.get_string());
    }
  }

  auto pairs = [&](const char* name, std::vector<std::pair<int, int>>& out) -> Result<void> {
    const json::value* v = root->if_contains(name);
    if (!v) return {};
    if (!v->is_array() || v->get_array().size() > kMaxPairs) return fail(at("breakouts_input_invalid", name));
    std::size_t i = 0;
    for (const auto& pr : v->get_array()) {
      const std::string where = std::string(name) + "[" + std::to_string(i++) + "]";
      const json::array* a = pr.if_array();
      if (!a || a->size() != 2) return fail(at("breakouts_input_invalid", where));
      auto ka = id_key((*a)[0]), kb = id_key((*a)[1]);
      if (!ka || !kb || !index.contains(*ka) || !index.contains(*kb) || *ka == *kb)
        return fail(at("breakouts_person_unknown", where));
      out.emplace_back(index[*ka], index[*kb]);
    }
    return {};
  };
  if (auto r = pairs("keep_apart", in.keep_apart); !r) return fail(r.error());
  if (auto r = pairs("keep_together", in.keep_together); !r) return fail(r.error());

  auto plan = plan_groups(in);
  if (!plan) return fail(plan.error());

  json::array rounds_out;
  for (const auto& groups : plan->rounds) {
    json::array gs;
    for (const auto& g : groups) {
      json::array members;
      for (int p : g) members.push_back(ids[p]);
      gs.push_back(std::move(members));
    }
    rounds_out.push_back(json::object{{"groups", std::move(gs)}});
  }
  json::object spread_out;
  for (const auto& [k, dev] : plan->figures.attribute_spread) spread_out[k] = std::round(dev * 100) / 100;
  json::object out{{"rounds", std::move(rounds_out)},
                   {"figures", json::object{{"repeat_meetings", plan->figures.repeat_meetings},
                                            {"attribute_spread", std::move(spread_out)},
                                            {"violations", plan->figures.violations}}}};
  return json::serialize(out) + "\n";
}

int plan_cli(std::istream& in, std::ostream& out, std::ostream& err) {
  std::string text{std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
  auto r = plan_json(text);
  if (!r) {
    err << r.error().message_key;
    if (!r.error().fields.empty()) err << " (" << r.error().fields.front().field << ")";
    err << "\n";
    return 1;
  }
  out << *r;
  return 0;
}

}  // namespace hs::breakouts
