#include "modules/breakouts/rules/round.hpp"

#include <algorithm>
#include <charconv>
#include <map>

#include "core/lines.hpp"
#include "core/text.hpp"

namespace hs::breakouts {

namespace {

constexpr std::size_t kPromptsMax = 5, kPromptMax = 300, kNoteMax = 500, kCsvLinesMax = 5000;

std::optional<std::int64_t> number(std::string_view s) {
  s = text::trim(s);
  std::int64_t v = 0;
  auto [p, ec] = std::from_chars(s.data(), s.data() + s.size(), v);
  if (s.empty() || ec != std::errc() || p != s.data() + s.size()) return std::nullopt;
  return v;
}

// One CSV record's fields; false when a quote is left open.
bool fields_of(std::string_view line, std::vector<std::string>& out) {
  out.clear();
  std::string cur;
  bool quoted = false;
  for (std::size_t i = 0; i < line.size(); ++i) {
    char ch = line[i];
    if (quoted) {
      if (ch == '"' && i + 1 < line.size() && line[i + 1] == '"') cur += '"', ++i;
      else if (ch == '"') quoted = false;
      else cur += ch;
    } else if (ch == '"') {
      quoted = true;
    } else if (ch == ',') {
      out.push_back(std::string(text::trim(cur)));
      cur.clear();
    } else {
      cur += ch;
    }
  }
  out.push_back(std::string(text::trim(cur)));
  return !quoted;
}

}  // namespace

std::optional<Mode> parse_mode(std::string_view s) {
  if (s == "balanced") return Mode::balanced;
  if (s == "manual") return Mode::manual;
  if (s == "self_select") return Mode::self_select;
  if (s == "csv") return Mode::csv;
  return std::nullopt;
}

std::string_view to_string(Mode m) {
  switch (m) {
    case Mode::balanced: return "balanced";
    case Mode::manual: return "manual";
    case Mode::self_select: return "self_select";
    case Mode::csv: return "csv";
  }
  return "balanced";
}

std::optional<RoundState> parse_round_state(std::string_view s) {
  if (s == "planning") return RoundState::planning;
  if (s == "running") return RoundState::running;
  if (s == "ended") return RoundState::ended;
  return std::nullopt;
}

std::string_view to_string(RoundState s) {
  switch (s) {
    case RoundState::planning: return "planning";
    case RoundState::running: return "running";
    case RoundState::ended: return "ended";
  }
  return "planning";
}

Result<RoundFields> check_round(const RoundInput& in) {
  Validation v;
  RoundFields f;
  for (auto& line : text::lines(in.prompts)) {
    if (!text::valid_utf8(line) || text::has_control(line, false) || text::length(line) > kPromptMax) {
      v.add("prompts", "breakouts_prompt_too_long");
      break;
    }
    f.prompts.push_back(std::move(line));
  }
  if (f.prompts.empty()) v.add("prompts", "breakouts_prompts_required");
  else if (f.prompts.size() > kPromptsMax) v.add("prompts", "breakouts_prompts_too_many");

  auto lo = number(in.min_size), hi = number(in.max_size);
  if (!lo || *lo < 2 || *lo > 20) v.add("min_size", "breakouts_size_invalid");
  if (!hi || *hi < 2 || *hi > 20) v.add("max_size", "breakouts_size_invalid");
  else if (lo && *lo >= 2 && *lo <= 20 && *hi < *lo) v.add("max_size", "breakouts_size_order");
  if (lo) f.min_size = *lo;
  if (hi) f.max_size = *hi;

  auto d = number(in.duration);
  if (!d || *d < 1 || *d > 180) v.add("duration", "breakouts_duration_invalid");
  else f.duration_minutes = *d;

  auto note = text::trim(in.content_note);
  if (!note.empty()) {
    if (!text::valid_utf8(note) || text::has_control(note, true) || text::length(note) > kNoteMax)
      v.add("content_note", "breakouts_content_note_too_long");
    else f.content_note = std::string(note);
  }
  if (auto apart = parse_pairs(in.keep_apart)) f.keep_apart = std::move(*apart);
  else v.add("keep_apart", "breakouts_pairs_invalid");
  if (auto together = parse_pairs(in.keep_together)) f.keep_together = std::move(*together);
  else v.add("keep_together", "breakouts_pairs_invalid");
  if (!text::trim(in.groups).empty()) {
    auto g = number(in.groups);
    if (!g || *g < 1 || *g > 500) v.add("groups", "breakouts_groups_invalid");
    else f.group_count = *g;
  }
  if (!parse_attributes(in.attributes)) v.add("attributes", "breakouts_attributes_invalid");
  else f.attributes = std::string(text::trim(in.attributes));
  f.space_history = in.space_history;
  f.equality = in.equality;
  f.auto_end = in.auto_end;
  auto m = parse_mode(in.mode.empty() ? "balanced" : in.mode);
  if (!m) v.add("mode", "breakouts_mode_invalid");
  else f.mode = *m;
  if (!v.ok()) return fail(v.error());
  return f;
}

CsvPlan parse_csv_places(std::string_view text) {
  CsvPlan plan;
  std::size_t start = 0, line_no = 0;
  std::vector<std::string> fields;
  while (start < text.size()) {
    auto nl = text.find('\n', start);
    std::string_view line = text.substr(start, nl == std::string_view::npos ? std::string_view::npos : nl - start);
    start = nl == std::string_view::npos ? text.size() : nl + 1;
    ++line_no;
    if (line_no > kCsvLinesMax) {
      plan.problems.push_back({line_no, "breakouts_csv_too_long"});
      break;
    }
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    if (line_no == 1 && line.starts_with("\xEF\xBB\xBF")) line.remove_prefix(3);  // a spreadsheet's BOM
    if (text::trim(line).empty()) continue;
    if (!text::valid_utf8(line) || !fields_of(line, fields) || fields.size() != 2) {
      plan.problems.push_back({line_no, "breakouts_csv_line_invalid"});
      continue;
    }
    if (line_no == 1 && !number(fields[1])) continue;  // a header
    auto g = number(fields[1]);
    if (fields[0].empty()) plan.problems.push_back({line_no, "breakouts_csv_name_missing"});
    else if (!g || *g < 1 || *g > 1000) plan.problems.push_back({line_no, "breakouts_csv_group_invalid"});
    else plan.places.push_back({fields[0], *g, line_no});
  }
  return plan;
}

std::optional<NamePairs> parse_pairs(std::string_view text) {
  NamePairs out;
  std::vector<std::string> fields;
  for (const auto& line : text::lines(text)) {
    if (!text::valid_utf8(line) || text::has_control(line, false) || !fields_of(line, fields) || fields.size() != 2 ||
        fields[0].empty() || fields[1].empty() || text::lower_ascii(fields[0]) == text::lower_ascii(fields[1]) ||
        text::length(fields[0]) > 80 || text::length(fields[1]) > 80)
      return std::nullopt;
    out.emplace_back(fields[0], fields[1]);
    if (out.size() > 500) return std::nullopt;
  }
  return out;
}

std::optional<std::vector<PersonDetails>> parse_attributes(std::string_view text) {
  std::vector<PersonDetails> out;
  std::vector<std::string> fields;
  for (const auto& line : text::lines(text)) {
    if (!text::valid_utf8(line) || text::has_control(line, false) || !fields_of(line, fields) || fields.size() < 2 ||
        fields[0].empty() || out.size() >= 2000)
      return std::nullopt;
    PersonDetails p{fields[0], {}};
    for (std::size_t i = 1; i < fields.size(); ++i) {
      const auto& f = fields[i];
      if (f.empty() || text::length(f) > 80) return std::nullopt;
      auto colon = f.find(':');
      if (colon == std::string::npos) {
        p.attributes[text::lower_ascii(f)] = "yes";
      } else {
        auto key = text::lower_ascii(text::trim(std::string_view(f).substr(0, colon)));
        auto value = std::string(text::trim(std::string_view(f).substr(colon + 1)));
        if (key.empty() || value.empty() || key == "host" || key == "joined_as") return std::nullopt;
        p.attributes[key] = value;
      }
    }
    if (p.attributes.count("host") || p.attributes.count("joined_as")) return std::nullopt;
    out.push_back(std::move(p));
  }
  return out;
}

std::string format_pairs(const NamePairs& pairs) {
  auto field = [](const std::string& s) {
    if (s.find_first_of(",\"") == std::string::npos) return s;
    std::string q = "\"";
    for (char ch : s) q += ch == '"' ? std::string("\"\"") : std::string(1, ch);
    return q + "\"";
  };
  std::string out;
  for (const auto& [a, b] : pairs) out += field(a) + ", " + field(b) + "\n";
  return out;
}

std::int64_t seconds_left(std::int64_t ends_at, std::int64_t now) { return std::max<std::int64_t>(0, ends_at - now); }

std::string clock_text(std::int64_t seconds) {
  seconds = std::max<std::int64_t>(0, seconds);
  const auto s = seconds % 60;
  return std::to_string(seconds / 60) + (s < 10 ? ":0" : ":") + std::to_string(s);
}

bool due_to_end(std::optional<std::int64_t> ends_at, bool auto_end, std::int64_t now) {
  return auto_end && ends_at && now >= *ends_at + kBringBackSeconds;
}

std::vector<std::string> told_apart(const std::vector<std::string>& names) {
  std::map<std::string, int> seen;
  std::vector<std::string> out;
  out.reserve(names.size());
  for (const auto& n : names) {
    const int k = ++seen[text::lower_ascii(n)];
    out.push_back(k == 1 ? n : n + " (" + std::to_string(k) + ")");
  }
  return out;
}

}  // namespace hs::breakouts
