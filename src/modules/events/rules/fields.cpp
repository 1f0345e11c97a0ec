#include "modules/events/rules/fields.hpp"

#include <algorithm>

#include "core/dates.hpp"
#include "core/lines.hpp"
#include "core/text.hpp"

namespace hs::events {
using namespace hs::text;

namespace {
bool fits(std::string_view s, std::size_t max) { return valid_utf8(s) && length(s) <= max; }
}  // namespace

std::optional<ItemKind> parse_kind(std::string_view s) {
  if (s == "talk") return ItemKind::talk;
  if (s == "poll") return ItemKind::poll;
  if (s == "qa") return ItemKind::qa;
  if (s == "cloud") return ItemKind::cloud;
  if (s == "horizons") return ItemKind::horizons;
  if (s == "opinions") return ItemKind::opinions;
  return std::nullopt;
}
std::string_view to_string(ItemKind k) {
  switch (k) {
    case ItemKind::talk: return "talk";
    case ItemKind::poll: return "poll";
    case ItemKind::qa: return "qa";
    case ItemKind::cloud: return "cloud";
    case ItemKind::horizons: return "horizons";
    case ItemKind::opinions: return "opinions";
  }
  return "talk";
}
std::optional<ItemState> parse_state(std::string_view s) {
  if (s == "waiting") return ItemState::waiting;
  if (s == "open") return ItemState::open;
  if (s == "closed") return ItemState::closed;
  return std::nullopt;
}
std::string_view to_string(ItemState s) {
  switch (s) {
    case ItemState::waiting: return "waiting";
    case ItemState::open: return "open";
    case ItemState::closed: return "closed";
  }
  return "waiting";
}

std::optional<std::int64_t> parse_local_datetime(std::string_view s) {
  // "YYYY-MM-DDTHH:MM", or with ":SS" when a browser adds seconds (they are dropped).
  if ((s.size() != 16 && s.size() != 19) || s[10] != 'T') return std::nullopt;
  auto digit = [](char c, char max) { return c >= '0' && c <= max; };
  if (s.size() == 19 && (s[16] != ':' || !digit(s[17], '5') || !digit(s[18], '9'))) return std::nullopt;
  auto day = dates::parse_day(s.substr(0, 10));
  auto clock = dates::parse_clock(s.substr(11, 5));
  if (!day || !clock) return std::nullopt;
  if (auto year = dates::civil(*day).year; year < 2000 || year > 2200) return std::nullopt;
  return *day + *clock;
}

std::string format_local_datetime(std::int64_t unix_seconds) {
  return dates::format(unix_seconds, dates::Style::minute);
}

std::string format_email_datetime(std::int64_t unix_seconds) {
  auto s = format_local_datetime(unix_seconds);
  if (s.size() > 10 && s[10] == 'T') s[10] = ' ';
  return s;
}

Result<EventFields> check_event(const EventInput& in, const std::vector<std::string>& languages) {
  Validation v;
  EventFields f;
  f.title = std::string(trim(in.title));
  f.description = std::string(trim(in.description));
  if (f.title.empty()) v.add("title", "events_title_missing");
  else if (!fits(f.title, 120) || has_control(f.title, false)) v.add("title", "events_title_too_long");
  if (!fits(f.description, 4000) || has_control(f.description, true))
    v.add("description", "events_description_too_long");
  auto s = parse_local_datetime(trim(in.starts));
  auto e = parse_local_datetime(trim(in.ends));
  if (!s) v.add("starts", "events_starts_invalid");
  if (!e) v.add("ends", "events_ends_invalid");
  else if (s && *e <= *s) v.add("ends", "events_ends_before_start");
  auto lang = trim(in.language);
  f.language = lang.empty() ? "en" : std::string(lang);
  if (std::find(languages.begin(), languages.end(), f.language) == languages.end())
    v.add("language", "events_language_unknown");
  if (!v.ok()) return fail(v.error());
  f.starts_at = *s;
  f.ends_at = *e;
  return f;
}

std::vector<std::string> lines_of(std::string_view text) { return text::lines(text); }

std::vector<Speaker> parse_speakers(std::string_view text) {
  std::vector<Speaker> out;
  for (const auto& line : lines_of(text)) {
    auto bar = line.find('|');
    Speaker s;
    s.name = std::string(trim(std::string_view(line).substr(0, bar)));
    if (bar != std::string::npos) s.about = std::string(trim(std::string_view(line).substr(bar + 1)));
    if (!s.name.empty()) out.push_back(std::move(s));
  }
  return out;
}

Result<ItemFields> check_item(const ItemInput& in) {
  Validation v;
  ItemFields f;
  auto kind = parse_kind(in.kind);
  if (!kind) v.add("kind", "events_kind_missing");
  else f.kind = *kind;
  f.title = std::string(trim(in.title));
  if (f.title.empty()) v.add("title", "events_item_title_missing");
  else if (!fits(f.title, 200) || has_control(f.title, false)) v.add("title", "events_item_title_too_long");
  f.summary = std::string(trim(in.summary));
  if (!fits(f.summary, 4000) || has_control(f.summary, true)) v.add("summary", "events_summary_too_long");
  f.speakers = std::string(trim(in.speakers));
  if (!fits(f.speakers, 2000) || has_control(f.speakers, true)) v.add("speakers", "events_speakers_too_long");
  f.key_messages = std::string(trim(in.key_messages));
  if (!fits(f.key_messages, 4000) || has_control(f.key_messages, true))
    v.add("key_messages", "events_key_messages_too_long");
  auto note = std::string(trim(in.content_note));
  if (!note.empty()) {
    if (!fits(note, 500) || has_control(note, true)) v.add("content_note", "events_content_note_too_long");
    f.content_note = note;
  }
  if (kind == ItemKind::poll) {
    f.options = lines_of(in.options);
    bool bad = false;
    for (const auto& o : f.options) bad = bad || !fits(o, 200) || has_control(o, false);
    if (f.options.size() < 2 || f.options.size() > 12) v.add("options", "events_options_count");
    else if (bad) v.add("options", "events_options_too_long");
    f.multiple = in.multiple;
  }
  // An opinion map's statements can wait for a facilitator, as a Q&A's questions can.
  if (kind == ItemKind::qa || kind == ItemKind::opinions) f.premoderate = in.premoderate;
  if (kind == ItemKind::cloud) {
    // A small whole number in [lo, hi]; empty: the default.
    auto number = [](std::string_view typed, std::int64_t dflt, std::int64_t lo,
                     std::int64_t hi) -> std::optional<std::int64_t> {
      auto m = trim(typed);
      if (m.empty()) return dflt;
      if (m.size() > 3 || m.find_first_not_of("0123456789") != std::string_view::npos) return std::nullopt;
      std::int64_t n = std::stoll(std::string(m));
      if (n < lo || n > hi) return std::nullopt;
      return n;
    };
    if (auto n = number(in.max_entries, 3, 1, 10)) f.max_entries = *n;
    else v.add("max_entries", "events_max_entries_invalid");
    if (auto n = number(in.max_chars, 40, 10, 80)) f.max_chars = *n;
    else v.add("max_chars", "events_max_chars_invalid");
  }
  if (!v.ok()) return fail(v.error());
  return f;
}

}  // namespace hs::events
