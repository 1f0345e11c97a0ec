#include "modules/terms/rules/diff.hpp"

#include <dtl/dtl.hpp>

#include "core/text.hpp"

namespace hs::terms {

namespace {

std::vector<std::string> content_lines(std::string_view s) {
  std::vector<std::string> out;
  std::size_t start = 0;
  while (start <= s.size()) {
    auto nl = s.find('\n', start);
    auto line = s.substr(start, nl == std::string_view::npos ? std::string_view::npos : nl - start);
    auto end = line.find_last_not_of(" \t\r");
    if (end != std::string_view::npos) out.emplace_back(line.substr(0, end + 1));
    if (nl == std::string_view::npos) break;
    start = nl + 1;
  }
  return out;
}

using Edit = std::pair<std::string, dtl::elemInfo>;

std::vector<Edit> edits(const std::vector<std::string>& a, const std::vector<std::string>& b) {
  dtl::Diff<std::string, std::vector<std::string>> d(a, b);
  if (a.size() + b.size() > 4000) d.onHuge();
  d.compose();
  return d.getSes().getSequence();
}

Change change_of(const dtl::elemInfo& info) {
  if (info.type == dtl::SES_ADD) return Change::added;
  if (info.type == dtl::SES_DELETE) return Change::removed;
  return Change::same;
}

// Word-level segments of a changed line, with neighbouring tokens of the same kind
// joined. Removed words come before the added words that replace them.
std::vector<Segment> word_segments(const std::string& from, const std::string& to, std::size_t& kept_chars) {
  std::vector<Segment> out;
  kept_chars = 0;
  std::vector<Segment> pending_removed, pending_added;
  auto push = [&](Change ch, const std::string& t) {
    if (!out.empty() && out.back().change == ch) out.back().text += t;
    else out.push_back({ch, t});
  };
  auto flush = [&] {
    for (auto& s : pending_removed) push(s.change, s.text);
    for (auto& s : pending_added) push(s.change, s.text);
    pending_removed.clear();
    pending_added.clear();
  };
  for (const auto& [tok, info] : edits(tokens(from), tokens(to))) {
    auto ch = change_of(info);
    if (ch == Change::same) {
      flush();
      push(ch, tok);
      kept_chars += tok.find_first_not_of(' ') == std::string::npos ? 0 : tok.size();
    } else {
      (ch == Change::removed ? pending_removed : pending_added).push_back({ch, tok});
    }
  }
  flush();
  // A space on its own between two changes reads better inside the change.
  for (std::size_t i = 1; i + 1 < out.size(); ++i)
    if (out[i].change == Change::same && out[i].text.find_first_not_of(' ') == std::string::npos &&
        out[i - 1].change != Change::same && out[i + 1].change != Change::same)
      out[i].change = out[i + 1].change;
  std::vector<Segment> merged;
  for (auto& s : out) {
    if (!merged.empty() && merged.back().change == s.change) merged.back().text += s.text;
    else merged.push_back(std::move(s));
  }
  // Spaces at the edges of a change belong to the unchanged text beside it, so that a
  // change reads as just the words that changed.
  for (std::size_t i = 0; i < merged.size(); ++i) {
    auto& seg = merged[i];
    if (seg.change == Change::same) continue;
    auto end = seg.text.find_last_not_of(" \t");
    if (end != std::string::npos && end + 1 < seg.text.size() && i + 1 < merged.size() &&
        merged[i + 1].change == Change::same) {
      merged[i + 1].text.insert(0, seg.text.substr(end + 1));
      seg.text.erase(end + 1);
    }
    auto begin = seg.text.find_first_not_of(" \t");
    if (begin != std::string::npos && begin > 0 && i > 0 && merged[i - 1].change == Change::same) {
      merged[i - 1].text += seg.text.substr(0, begin);
      seg.text.erase(0, begin);
    }
  }
  return merged;
}

// Two lines are shown as one changed line when at least a third of their text is kept;
// otherwise as a line removed and a line added, which reads better.
bool similar(std::size_t kept, const std::string& a, const std::string& b) {
  return kept * 3 >= std::max(a.size(), b.size());
}

}  // namespace

std::vector<std::string> tokens(std::string_view line) {
  std::vector<std::string> out;
  std::size_t i = 0;
  while (i < line.size()) {
    bool space = line[i] == ' ' || line[i] == '\t';
    std::size_t j = i;
    while (j < line.size() && (line[j] == ' ' || line[j] == '\t') == space) ++j;
    out.emplace_back(line.substr(i, j - i));
    i = j;
  }
  return out;
}

TextDiff diff_texts(std::string_view from, std::string_view to, std::size_t context) {
  TextDiff out;
  std::vector<DiffLine> all;
  std::vector<std::string> removed, added;
  auto flush = [&] {
    std::size_t pairs = std::min(removed.size(), added.size());
    for (std::size_t i = 0; i < removed.size() || i < added.size(); ++i) {
      if (i < pairs) {
        std::size_t kept = 0;
        auto segments = word_segments(removed[i], added[i], kept);
        if (similar(kept, removed[i], added[i])) {
          all.push_back({DiffLine::Kind::changed, {}, std::move(segments), 0});
          continue;
        }
        all.push_back({DiffLine::Kind::removed, removed[i], {}, 0});
        all.push_back({DiffLine::Kind::added, added[i], {}, 0});
        continue;
      }
      if (i < removed.size()) all.push_back({DiffLine::Kind::removed, removed[i], {}, 0});
      if (i < added.size()) all.push_back({DiffLine::Kind::added, added[i], {}, 0});
    }
    out.removed += removed.size();
    out.added += added.size();
    removed.clear();
    added.clear();
  };
  for (const auto& [line, info] : edits(content_lines(from), content_lines(to))) {
    switch (change_of(info)) {
      case Change::same:
        flush();
        all.push_back({DiffLine::Kind::same, line, {}, 0});
        break;
      case Change::removed: removed.push_back(line); break;
      case Change::added: added.push_back(line); break;
    }
  }
  flush();

  // Fold unchanged lines further than `context` from any change.
  const std::size_t n = all.size();
  std::vector<bool> keep(n, false);
  for (std::size_t i = 0; i < n; ++i) {
    if (all[i].kind == DiffLine::Kind::same) continue;
    std::size_t lo = i >= context ? i - context : 0;
    std::size_t hi = std::min(n, i + context + 1);
    for (std::size_t k = lo; k < hi; ++k) keep[k] = true;
  }
  for (std::size_t i = 0; i < n;) {
    if (keep[i] || all[i].kind != DiffLine::Kind::same) {
      out.lines.push_back(std::move(all[i]));
      ++i;
      continue;
    }
    std::size_t j = i;
    while (j < n && !keep[j] && all[j].kind == DiffLine::Kind::same) ++j;
    out.lines.push_back({DiffLine::Kind::folded, {}, {}, j - i});
    i = j;
  }
  return out;
}

}  // namespace hs::terms
