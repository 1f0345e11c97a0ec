// Taking part in a breakout round: picking a group, writing notes, asking for help; and
// what the pages read.
#include <algorithm>

#include "core/clock.hpp"
#include "core/number.hpp"
#include "core/text.hpp"
#include "core/view.hpp"
#include "modules/accounts/module.hpp"
#include "modules/breakouts/commands/commands.hpp"
#include "modules/breakouts/commands/support.hpp"
#include "modules/breakouts/permissions.hpp"
#include "modules/events/module.hpp"
#include "services/services.hpp"
#include "store/db.hpp"

namespace hs::breakouts::commands {

namespace {

constexpr std::size_t kNoteMax = 2000;

Note note_of(Services& app, store::Conn& c, const repo::NoteRow& n) {
  Note out{n.id, n.group_number, n.round_number, n.created_at, std::nullopt, n.for_group, n.body, n.theme_id};
  if (n.participant_id) out.author = person_name(app, c, n.user_id, n.nickname, *n.participant_id);
  return out;
}

}  // namespace

std::string person_name(Services& app, store::Conn& c, std::optional<std::int64_t> user_id,
                        const std::optional<std::string>& nickname, std::int64_t participant_id) {
  if (user_id) return accounts::display_name(app, c, *user_id);
  if (nickname && !nickname->empty()) return *nickname;
  return app.words->format("breakouts_guest", {{"number", std::to_string(participant_id)}});
}

Result<bool> choose_group(Services& app, const Access& a, std::int64_t round_id, std::int64_t group_id) {
  return on_round<bool>(
      app, a.event.id, round_id, permissions::take_part(a.standing),
      [&](store::Conn& c, const repo::RoundRow& round) -> Result<bool> {
        if (round.state == "ended") return fail(ErrorCode::conflict, "breakouts_round_ended");
        auto groups = repo::groups_of(c, round_id);
        if (std::none_of(groups.begin(), groups.end(), [&](const auto& g) { return g.id == group_id; }))
          return fail(Error{ErrorCode::invalid, "breakouts_group_invalid", {{"group", "breakouts_group_invalid"}}});
        const auto me = events::commands::participant_for(c, a, app.clock->now());
        auto place = repo::place_of(c, round_id, me);
        if (place && place->group_id == group_id) return true;
        // Made groups (balanced, by hand, from a list) are the facilitator's; someone who
        // arrives after they were made picks one of them once, even when it is full.
        const bool late = round.mode != "self_select";
        if (late && place) return fail(ErrorCode::conflict, "breakouts_not_self_select");
        if (!late && repo::group_size(c, group_id) >= round.max_size)
          return fail(Error{ErrorCode::conflict, "breakouts_group_full", {{"group", "breakouts_group_full"}}});
        repo::put_place(c, round_id, me, group_id, place ? place->host : false);
        return true;
      });
}

Result<std::int64_t> add_note(Services& app, const Access& a, std::int64_t round_id, const std::string& body_in,
                              bool named, bool for_group) {
  auto body = std::string(text::trim(body_in));
  if (body.empty())
    return fail(Error{ErrorCode::invalid, "breakouts_note_required", {{"note", "breakouts_note_required"}}});
  if (!text::valid_utf8(body) || text::has_control(body, true) || text::length(body) > kNoteMax)
    return fail(Error{ErrorCode::invalid, "breakouts_note_too_long", {{"note", "breakouts_note_too_long"}}});
  return on_round<std::int64_t>(app, a.event.id, round_id, permissions::take_part(a.standing),
                                [&](store::Conn& c, const repo::RoundRow& round) -> Result<std::int64_t> {
                                  if (round.state != "running")
                                    return fail(ErrorCode::conflict, "breakouts_round_not_running");
                                  auto me = events::commands::existing_participant(c, a);
                                  auto place = me ? repo::place_of(c, round_id, *me) : std::nullopt;
                                  if (!place) return fail(ErrorCode::forbidden, "breakouts_not_in_group");
                                  if (for_group && !permissions::write_for_group(a.standing, place->host))
                                    return fail(ErrorCode::forbidden, "events_forbidden");
                                  // An anonymous note keeps no author at all; a note for the group is the host's.
                                  std::optional<std::int64_t> author = (named || for_group) ? me : std::nullopt;
                                  return repo::insert_note(c, place->group_id, author, for_group, body,
                                                           app.clock->now());
                                });
}

Result<bool> ask_help(Services& app, const Access& a, std::int64_t round_id) {
  return on_round<bool>(app, a.event.id, round_id, permissions::take_part(a.standing),
                        [&](store::Conn& c, const repo::RoundRow& round) -> Result<bool> {
                          if (round.state != "running") return fail(ErrorCode::conflict, "breakouts_round_not_running");
                          auto me = events::commands::existing_participant(c, a);
                          auto place = me ? repo::place_of(c, round_id, *me) : std::nullopt;
                          if (!place) return fail(ErrorCode::forbidden, "breakouts_not_in_group");
                          if (repo::has_open_help(c, place->group_id)) return false;  // already asked: once is enough
                          repo::insert_help(c, place->group_id, app.clock->now());
                          return true;
                        });
}

std::vector<repo::RoundRow> rounds(Services& app, std::int64_t event_id) {
  settle(app, event_id);
  return app.store->with([&](store::Conn& c) { return repo::rounds_of(c, event_id); });
}

std::optional<repo::RoundRow> running_round(Services& app, std::int64_t event_id) {
  settle(app, event_id);
  return app.store->with([&](store::Conn& c) { return repo::running_round(c, event_id); });
}

std::optional<RoundView> round_view(Services& app, std::int64_t event_id, std::int64_t round_id) {
  settle(app, event_id);
  return app.store->with([&](store::Conn& c) -> std::optional<RoundView> {
    auto round = repo::round(c, event_id, round_id);
    if (!round) return std::nullopt;
    RoundView v;
    v.round = *round;
    v.prompts = events::lines_of(round->prompts);
    v.help = repo::open_help(c, round_id);
    auto named = names(app, c, event_id);
    auto counts = repo::note_counts(c, round_id);
    std::map<std::int64_t, std::size_t> at;  // group id -> index
    for (const auto& g : repo::groups_of(c, round_id)) {
      Group group{g.id, g.number, 0, {}, false};
      for (const auto& [gid, n] : counts)
        if (gid == g.id) group.notes = n;
      for (const auto& h : v.help) group.help_open = group.help_open || h.group_id == g.id;
      at[g.id] = v.groups.size();
      v.groups.push_back(std::move(group));
    }
    auto here = present_ids(app, event_id);
    std::set<std::int64_t> placed;
    for (const auto& p : repo::places_of(c, round_id)) {
      placed.insert(p.participant_id);
      if (auto it = at.find(p.group_id); it != at.end())
        v.groups[it->second].members.push_back(
            {p.participant_id, named[p.participant_id], p.host, here.count(p.participant_id) > 0});
    }
    for (const auto& p : repo::pool(c, event_id)) {
      if (!here.count(p.participant_id)) continue;
      Member m{p.participant_id, named[p.participant_id], p.role && (*p.role == "facilitator" || *p.role == "steward"),
               true};
      v.present.push_back(m);
      if (!placed.count(p.participant_id)) v.unplaced.push_back(m);
    }
    // Pairs are kept as participant ids ("#12, #34"); older rounds kept typed names.
    auto label = [&](const std::string& x) {
      if (x.starts_with('#'))
        if (auto id = hs::number::whole(std::string_view(x).substr(1)); id && named.count(*id)) return named[*id];
      return x;
    };
    for (const auto& [x, y] : parse_pairs(round->keep_apart.value_or("")).value_or(NamePairs{}))
      v.apart.emplace_back(label(x), label(y));
    for (const auto& [x, y] : parse_pairs(round->keep_together.value_or("")).value_or(NamePairs{}))
      v.together.emplace_back(label(x), label(y));
    return v;
  });
}

std::optional<MyGroup> my_group(Services& app, const Access& a, std::int64_t round_id) {
  return app.store->with([&](store::Conn& c) -> std::optional<MyGroup> {
    auto round = repo::round(c, a.event.id, round_id);
    if (!round) return std::nullopt;
    auto me = events::commands::existing_participant(c, a);
    auto place = me ? repo::place_of(c, round_id, *me) : std::nullopt;
    if (!place) return std::nullopt;
    MyGroup m;
    m.round = *round;
    m.prompts = events::lines_of(round->prompts);
    m.host = place->host;
    m.me = *me;
    m.group.id = place->group_id;
    m.group.number = place->group_number;
    m.group.help_open = repo::has_open_help(c, place->group_id);
    auto named = names(app, c, a.event.id);
    for (const auto& p : repo::places_of(c, round_id))
      if (p.group_id == place->group_id) m.group.members.push_back({p.participant_id, named[p.participant_id], p.host});
    for (const auto& n : repo::notes_of_group(c, place->group_id)) m.notes.push_back(note_of(app, c, n));
    m.group.notes = static_cast<std::int64_t>(m.notes.size());
    return m;
  });
}

std::vector<Note> notes_of_event(Services& app, std::int64_t event_id) {
  return app.store->with([&](store::Conn& c) {
    std::vector<Note> out;
    for (const auto& n : repo::notes_of_event(c, event_id)) out.push_back(note_of(app, c, n));
    return out;
  });
}

}  // namespace hs::breakouts::commands
