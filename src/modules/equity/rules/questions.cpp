#include "modules/equity/rules/questions.hpp"

#include <algorithm>

#include "core/number.hpp"
#include "core/text.hpp"

namespace hs::equity {

const std::vector<Question>& questions() {
  static const std::vector<Question> all = {
      {"age", {"16_24", "25_34", "35_44", "45_54", "55_64", "65_74", "75_plus", "prefer_not"}, false},
      {"sex", {"female", "male", "prefer_not"}, false},
      {"gender", {"woman", "man", "non_binary", "other", "prefer_not"}, false},
      {"trans", {"no", "yes", "prefer_not"}, false},
      {"orientation", {"straight", "gay_lesbian", "bisexual", "other", "prefer_not"}, false},
      {"disability", {"yes_a_lot", "yes_a_little", "no", "prefer_not"}, false},
      {"ethnicity",
       {"white_scottish", "white_british", "white_irish", "white_polish", "white_other", "mixed", "asian", "african",
        "caribbean_black", "arab", "other", "prefer_not"},
       false},
      {"religion",
       {"none", "church_of_scotland", "roman_catholic", "other_christian", "muslim", "hindu", "buddhist", "sikh",
        "jewish", "other", "prefer_not"},
       false},
      {"caring", {"no", "up_to_19", "20_to_34", "35_or_more", "prefer_not"}, false},
      {"lived",
       {"gambling_harm", "homelessness", "addiction_recovery", "long_term_condition", "disability", "unpaid_caring",
        "mental_health", "justice", "prefer_not"},
       true},
  };
  return all;
}

const Question* question(std::string_view key) {
  for (const auto& q : questions())
    if (q.key == key) return &q;
  return nullptr;
}

Answers clean(const Answers& typed) {
  Answers out;
  for (const auto& [key, chosen] : typed) {
    const auto* q = question(key);
    if (!q) continue;
    std::vector<std::string> kept;
    for (auto option : q->options)  // in the question's order, each once
      if (std::find(chosen.begin(), chosen.end(), option) != chosen.end()) kept.emplace_back(option);
    if (kept.empty()) continue;
    if (std::find(kept.begin(), kept.end(), "prefer_not") != kept.end()) kept = {"prefer_not"};
    if (!q->multiple && kept.size() > 1) continue;  // two answers to a one-answer question: neither
    out.emplace(std::string(q->key), std::move(kept));
  }
  return out;
}

Counts count(const Question& q, const std::vector<Answers>& people) {
  Counts c;
  for (auto o : q.options) c.rows.emplace_back(o);
  c.rows.emplace_back("not_answered");
  c.counts.assign(c.rows.size(), 0);
  for (const auto& p : people) {
    auto it = p.find(std::string(q.key));
    if (it == p.end()) {
      ++c.counts.back();
      continue;
    }
    for (const auto& a : it->second)
      for (std::size_t i = 0; i < q.options.size(); ++i)
        if (q.options[i] == a) ++c.counts[i];
  }
  return c;
}

std::optional<std::int64_t> parse_share(std::string_view typed) {
  auto t = text::trim(typed);
  if (!t.empty() && t.back() == '%') t = text::trim(t.substr(0, t.size() - 1));
  if (t.empty() || t.size() > 6) return std::nullopt;
  auto dot = t.find('.');
  auto whole = number::whole(t.substr(0, dot));
  if (!whole) return std::nullopt;
  std::int64_t tenths = *whole * 10;
  if (dot != std::string_view::npos) {
    auto frac = t.substr(dot + 1);
    if (frac.size() != 1 || !number::whole(frac)) return std::nullopt;
    tenths += frac[0] - '0';
  }
  if (tenths < 0 || tenths > 1000) return std::nullopt;
  return tenths;
}

bool under_represented(std::int64_t count, std::int64_t answered, std::int64_t reference_per_mille) {
  if (answered <= 0 || reference_per_mille <= 0) return false;
  // count / answered < 0.8 * reference / 1000, in whole numbers
  return count * 1000 * 5 < answered * reference_per_mille * 4;
}

}  // namespace hs::equity
