#include "modules/events/rules/cloud.hpp"

#include "text/language.hpp"

namespace hs::events {

namespace {
const char* status_name(text::GroupStatus s) {
  switch (s) {
    case text::GroupStatus::held: return "held";
    case text::GroupStatus::hidden: return "hidden";
    case text::GroupStatus::stop_word: return "stop_word";
    case text::GroupStatus::shown: break;
  }
  return "shown";
}
}  // namespace

std::vector<CloudDecision> to_decisions(const text::Moderation& m) {
  std::vector<CloudDecision> out;
  for (const auto& [k, v] : m.merged_into) out.push_back({"merged", k, v});
  for (const auto& [k, v] : m.visibility)
    out.push_back({"visibility", k, v == text::Moderation::Visibility::hidden ? "hidden" : "shown"});
  for (const auto& [k, v] : m.renamed) out.push_back({"renamed", k, v});
  return out;
}

text::Moderation from_decisions(const std::vector<CloudDecision>& rows) {
  text::Moderation m;
  for (const auto& r : rows) {
    if (r.kind == "merged") m.merged_into[r.key] = r.value;
    else if (r.kind == "visibility")
      m.visibility[r.key] =
          r.value == "hidden" ? text::Moderation::Visibility::hidden : text::Moderation::Visibility::shown;
    else if (r.kind == "renamed") m.renamed[r.key] = r.value;
  }
  return m;
}

Result<text::Tally> build_tally(std::string_view language, std::int64_t max_chars,
                                const std::vector<CloudEntry>& entries, const std::vector<CloudDecision>& decisions,
                                const hs::text::EventWords& words) {
  text::EntryRules rules;
  rules.max_chars = static_cast<std::size_t>(max_chars > 0 ? max_chars : 40);
  auto t = text::make_tally(language.empty() ? "en" : language, rules, {}, words);
  if (!t) return fail(t.error());
  for (const auto& e : entries) (void)t->add(std::to_string(e.id), e.body);
  t->set_moderation(from_decisions(decisions));
  return t;
}

std::vector<CloudCount> all_groups(const text::Tally& t) {
  std::vector<CloudCount> out;
  for (const auto& g : t.groups()) out.push_back({g.shown_text, g.count, g.key, status_name(g.status)});
  return out;
}

std::vector<CloudCount> shown_groups(const std::vector<CloudCount>& all) {
  std::vector<CloudCount> out;
  for (const auto& g : all)
    if (g.status == "shown") out.push_back(g);
  return out;
}

Result<std::string> check_entry(const std::string& text, std::int64_t already, std::int64_t max,
                                std::int64_t max_chars) {
  text::EntryRules rules;
  rules.max_chars = static_cast<std::size_t>(max_chars > 0 ? max_chars : 40);
  auto form = text::validate_entry(text, rules);
  if (!form) {
    auto e = form.error();
    auto key = e.fields.empty() ? e.message_key : e.fields.front().message_key;
    if (key == "wordcloud_entry_empty") key = "events_entry_missing";
    else if (key == "wordcloud_entry_too_long") key = "events_entry_too_long";
    return fail(Error{ErrorCode::invalid, "common_fix_errors", {{"entry", key}}});
  }
  if (already >= max) return fail(Error{ErrorCode::conflict, "common_fix_errors", {{"entry", "events_entry_limit"}}});
  return *form;
}

}  // namespace hs::events
