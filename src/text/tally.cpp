#include "text/tally.hpp"

#include <algorithm>
#include <tuple>

#include "text/language.hpp"
#include "text/normalise.hpp"

namespace hs::text {

Tally::Tally(hs::text::Stemmer stemmer, hs::text::Vocabulary vocabulary, EntryRules rules)
    : stemmer_(std::move(stemmer)), vocabulary_(std::move(vocabulary)), rules_(rules) {}

Result<std::string> Tally::add(std::string_view entry_id, std::string_view text) {
  auto form = validate_entry(text, rules_);
  if (!form) return fail(form.error());
  auto words = hs::text::split_words(hs::text::normalise(*form));
  std::vector<std::string> stems;
  std::string key;
  for (const auto& w : words) {
    stems.push_back(stemmer_.stem(w));
    if (!key.empty()) key += ' ';
    key += stems.back();
  }
  if (key.empty()) key = hs::text::normalise(*form);

  std::string id(entry_id);
  if (auto it = entries_.find(id); it != entries_.end()) {
    remove(it->second);
    entries_.erase(it);
  }
  ++seq_;
  auto& g = raw_[key];
  if (g.count == 0) {
    g.first_seen = seq_;
    g.profane =
        vocabulary_.profane(words, stems) || vocabulary_.disguised(text, stemmer_);  // as typed: "@ss" tidies to "ss"
    g.stop = vocabulary_.all_stop_words(words);
  }
  ++g.count;
  auto& f = g.forms[*form];
  if (f.count == 0) f.first_seen = seq_;
  ++f.count;
  entries_.emplace(std::move(id), Entry{key, std::move(*form)});
  return key;
}

void Tally::remove(const Entry& e) {
  auto g = raw_.find(e.key);
  if (g == raw_.end()) return;
  auto f = g->second.forms.find(e.form);
  if (f != g->second.forms.end() && --f->second.count == 0) g->second.forms.erase(f);
  if (--g->second.count == 0) raw_.erase(g);
}

bool Tally::withdraw(std::string_view entry_id) {
  auto it = entries_.find(std::string(entry_id));
  if (it == entries_.end()) return false;
  remove(it->second);
  entries_.erase(it);
  return true;
}

std::optional<std::string> Tally::key_of(std::string_view entry_id) const {
  auto it = entries_.find(std::string(entry_id));
  if (it == entries_.end()) return std::nullopt;
  return it->second.key;
}

std::string Tally::resolve(std::string_view key) const {
  auto it = moderation_.merged_into.find(std::string(key));
  return it == moderation_.merged_into.end() ? std::string(key) : it->second;
}

void Tally::hide(std::string_view key) { moderation_.visibility[resolve(key)] = Moderation::Visibility::hidden; }

void Tally::restore(std::string_view key) { moderation_.visibility[resolve(key)] = Moderation::Visibility::shown; }

Result<void> Tally::merge(std::string_view from, std::string_view into) {
  std::string source(from), target = resolve(into);
  if (resolve(source) == target || source == target) return fail(ErrorCode::invalid, "wordcloud_merge_same");
  // Keep the map flat: whatever was merged into `source` now goes to `target` too.
  for (auto& [k, t] : moderation_.merged_into)
    if (t == source) t = target;
  moderation_.merged_into[source] = target;
  return {};
}

void Tally::unmerge(std::string_view key) { moderation_.merged_into.erase(std::string(key)); }

Result<void> Tally::rename(std::string_view key, std::string_view text) {
  auto target = resolve(key);
  if (text.empty()) {
    moderation_.renamed.erase(target);
    return {};
  }
  auto form = validate_entry(text, rules_);
  if (!form) return fail(form.error());
  moderation_.renamed[target] = std::move(*form);
  return {};
}

std::vector<Group> Tally::groups() const {
  struct Agg {
    std::int64_t count = 0;
    std::uint64_t first_seen = UINT64_MAX;
    bool profane = false;
    bool stop = true;
    std::map<std::string, Form> forms;
    std::vector<std::string> merged;
  };
  std::map<std::string, Agg> by_target;
  for (const auto& [key, raw] : raw_) {
    auto target = resolve(key);
    auto& a = by_target[target];
    a.count += raw.count;
    a.first_seen = std::min(a.first_seen, raw.first_seen);
    a.profane = a.profane || raw.profane;
    a.stop = a.stop && raw.stop;
    if (key != target) a.merged.push_back(key);
    for (const auto& [text, f] : raw.forms) {
      auto& into = a.forms[text];
      into.first_seen = into.count == 0 ? f.first_seen : std::min(into.first_seen, f.first_seen);
      into.count += f.count;
    }
  }

  std::vector<std::pair<std::uint64_t, Group>> out;
  for (auto& [target, a] : by_target) {
    Group g;
    g.key = target;
    g.count = a.count;
    g.merged = std::move(a.merged);
    if (auto r = moderation_.renamed.find(target); r != moderation_.renamed.end()) {
      g.shown_text = r->second;
    } else {
      const std::pair<const std::string, Form>* best = nullptr;
      for (const auto& f : a.forms)
        if (!best || f.second.count > best->second.count ||
            (f.second.count == best->second.count && f.second.first_seen < best->second.first_seen))
          best = &f;
      g.shown_text = best->first;
    }
    auto v = moderation_.visibility.find(target);
    if (v != moderation_.visibility.end())
      g.status = v->second == Moderation::Visibility::hidden ? GroupStatus::hidden : GroupStatus::shown;
    else if (a.profane) g.status = GroupStatus::held;
    else if (a.stop) g.status = GroupStatus::stop_word;
    out.emplace_back(a.first_seen, std::move(g));
  }
  std::sort(out.begin(), out.end(), [](const auto& x, const auto& y) {
    return std::tie(y.second.count, x.first, x.second.key) < std::tie(x.second.count, y.first, y.second.key);
  });
  std::vector<Group> groups;
  groups.reserve(out.size());
  for (auto& [seen, g] : out) groups.push_back(std::move(g));
  return groups;
}

Result<Tally> make_tally(std::string_view language, EntryRules rules, std::string_view extra_stop_words,
                         const hs::text::EventWords& event_words) {
  auto stemmer = hs::text::Stemmer::make(language);
  if (!stemmer) return fail(stemmer.error());
  auto vocabulary = hs::text::shipped_vocabulary(language, *stemmer, extra_stop_words, event_words);
  if (!vocabulary) return fail(vocabulary.error());
  return Tally(std::move(*stemmer), std::move(*vocabulary), rules);
}

}  // namespace hs::text
