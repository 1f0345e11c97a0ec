// Gathering what the groups said into themes. Every theme keeps links to its notes;
// notes are never edited here, only placed, so nothing anyone said is lost or silently
// rewritten. A first grouping can be suggested by rules/synthesis and accepted as is.
#include <algorithm>

#include "core/embedded.hpp"
#include "core/text.hpp"
#include "modules/breakouts/commands/commands.hpp"
#include "modules/breakouts/permissions.hpp"
#include "modules/breakouts/repo.hpp"
#include "modules/breakouts/rules/synthesis.hpp"
#include "services/services.hpp"
#include "store/db.hpp"

namespace hs::breakouts::commands {

namespace {

constexpr std::size_t kTitleMax = 120;

Result<std::string> check_title(const std::string& in) {
  auto t = std::string(text::trim(in));
  if (t.empty())
    return fail(
        Error{ErrorCode::invalid, "breakouts_theme_title_required", {{"title", "breakouts_theme_title_required"}}});
  if (!text::valid_utf8(t) || text::has_control(t, false) || text::length(t) > kTitleMax)
    return fail(
        Error{ErrorCode::invalid, "breakouts_theme_title_too_long", {{"title", "breakouts_theme_title_too_long"}}});
  return t;
}

template <class T, class F>
Result<T> run(Services& app, const Access& a, F&& f) {
  if (!permissions::run_rounds(a.standing)) return fail(ErrorCode::forbidden, "events_forbidden");
  return app.store->write([&](store::Conn& c) -> Result<T> { return f(c); });
}

bool theme_in(store::Conn& c, std::int64_t event_id, std::int64_t theme_id) {
  auto ts = repo::themes_of(c, event_id);
  return std::any_of(ts.begin(), ts.end(), [&](const auto& t) { return t.id == theme_id; });
}

Result<std::vector<Suggested>> compute(Services& app, const Access& a) {
  std::vector<breakouts::Note> input;
  for (const auto& n : notes_of_event(app, a.event.id))
    if (!n.theme_id) input.push_back({n.id, n.body});
  SynthesisOptions options;
  // Sentence-length notes have their own filler words; none of them is a theme.
  options.extra_stop_words =
      std::string(embedded::get("resources/breakouts/synthesis-stopwords-" + a.event.language + ".txt"));
  auto s = suggest_themes(input, a.event.language, options);
  if (!s) return fail(s.error());
  std::vector<Suggested> out;
  for (const auto& t : s->themes) out.push_back({t.title, t.note_ids, t.other});
  return out;
}

}  // namespace

std::map<std::int64_t, std::int64_t> named_notes_in_group(Services& app, std::int64_t group_id) {
  std::map<std::int64_t, std::int64_t> out;
  for (const auto& n : app.store->with([&](store::Conn& c) { return repo::notes_of_group(c, group_id); }))
    if (n.participant_id) ++out[*n.participant_id];
  return out;
}

Themes themes(Services& app, std::int64_t event_id) {
  Themes out;
  auto notes = notes_of_event(app, event_id);
  auto rows = app.store->with([&](store::Conn& c) { return repo::themes_of(c, event_id); });
  for (const auto& t : rows) out.themes.push_back({t, {}});
  for (auto& n : notes) {
    auto it = std::find_if(out.themes.begin(), out.themes.end(),
                           [&](const auto& t) { return n.theme_id && t.theme.id == *n.theme_id; });
    if (it != out.themes.end()) it->notes.push_back(std::move(n));
    else out.loose.push_back(std::move(n));
  }
  return out;
}

Result<std::vector<Suggested>> suggest(Services& app, const Access& a) {
  if (!permissions::run_rounds(a.standing)) return fail(ErrorCode::forbidden, "events_forbidden");
  return compute(app, a);
}

Result<std::int64_t> accept_suggestion(Services& app, const Access& a) {
  if (!permissions::run_rounds(a.standing)) return fail(ErrorCode::forbidden, "events_forbidden");
  auto s = compute(app, a);
  if (!s) return fail(s.error());
  return run<std::int64_t>(app, a, [&](store::Conn& c) -> Result<std::int64_t> {
    std::int64_t made = 0;
    for (const auto& t : *s) {
      if (t.other || t.note_ids.empty()) continue;  // those stay "not in a theme yet"
      auto id = repo::insert_theme(c, a.event.id, t.title.empty() ? std::string("…") : t.title);
      for (auto note : t.note_ids) repo::place_note(c, note, id);
      ++made;
    }
    return made;
  });
}

Result<std::int64_t> add_theme(Services& app, const Access& a, const std::string& title_in) {
  auto title = check_title(title_in);
  if (!title) return fail(title.error());
  return run<std::int64_t>(
      app, a, [&](store::Conn& c) -> Result<std::int64_t> { return repo::insert_theme(c, a.event.id, *title); });
}

Result<bool> rename_theme(Services& app, const Access& a, std::int64_t theme_id, const std::string& title_in) {
  auto title = check_title(title_in);
  if (!title) return fail(title.error());
  return run<bool>(app, a, [&](store::Conn& c) -> Result<bool> {
    if (!repo::rename_theme(c, a.event.id, theme_id, *title))
      return fail(ErrorCode::not_found, "breakouts_theme_not_found");
    return true;
  });
}

Result<bool> remove_theme(Services& app, const Access& a, std::int64_t theme_id) {
  return run<bool>(app, a, [&](store::Conn& c) -> Result<bool> {
    if (!repo::delete_theme(c, a.event.id, theme_id)) return fail(ErrorCode::not_found, "breakouts_theme_not_found");
    return true;
  });
}

Result<bool> move_theme(Services& app, const Access& a, std::int64_t theme_id, int direction) {
  return run<bool>(app, a, [&](store::Conn& c) -> Result<bool> {
    auto ts = repo::themes_of(c, a.event.id);
    auto it = std::find_if(ts.begin(), ts.end(), [&](const auto& t) { return t.id == theme_id; });
    if (it == ts.end()) return fail(ErrorCode::not_found, "breakouts_theme_not_found");
    const auto i = static_cast<std::ptrdiff_t>(it - ts.begin());
    const auto j = i + direction;
    if (j < 0 || j >= static_cast<std::ptrdiff_t>(ts.size())) return false;  // already first or last
    std::swap(ts[i], ts[j]);
    for (std::size_t k = 0; k < ts.size(); ++k) repo::set_theme_position(c, ts[k].id, static_cast<std::int64_t>(k + 1));
    return true;
  });
}

Result<bool> place_note(Services& app, const Access& a, std::int64_t note_id, std::int64_t theme_id) {
  return run<bool>(app, a, [&](store::Conn& c) -> Result<bool> {
    if (!repo::note_in_event(c, a.event.id, note_id)) return fail(ErrorCode::not_found, "breakouts_note_not_found");
    if (theme_id != 0 && !theme_in(c, a.event.id, theme_id))
      return fail(Error{ErrorCode::invalid, "breakouts_theme_not_found", {{"theme", "breakouts_theme_not_found"}}});
    repo::place_note(c, note_id, theme_id ? std::optional(theme_id) : std::nullopt);
    return true;
  });
}

}  // namespace hs::breakouts::commands
