// Setting up and running breakout rounds: the facilitator's side.
#include <fmt/format.h>

#include <algorithm>
#include <map>
#include <set>

#include "core/clock.hpp"
#include "core/crypto.hpp"
#include "core/number.hpp"
#include "core/text.hpp"
#include "modules/breakouts/commands/commands.hpp"
#include "modules/breakouts/commands/support.hpp"
#include "modules/breakouts/permissions.hpp"
#include "modules/breakouts/rules/assign.hpp"
#include "modules/equity/module.hpp"
#include "modules/events/module.hpp"
#include "services/services.hpp"
#include "store/db.hpp"

namespace hs::breakouts::commands {

namespace {

constexpr std::size_t kBroadcastMax = 500;

bool is_host_role(const std::optional<std::string>& role) {
  return role && (*role == "facilitator" || *role == "steward");
}

// The details to spread are special-category data (who has lived experience, who needs
// captions): sealed at rest under a key for this event.
crypto::Key details_key(const Services& app, std::int64_t event_id) {
  return crypto::derive(app.master_key, static_cast<std::uint64_t>(event_id), "brkattrs");
}

std::string figures_json(const Assigned& f) {
  // How many people's equality answers were used, only when the round asked for them.
  const auto equality = f.equality_people ? fmt::format(R"(,"equality_people":{})", *f.equality_people) : "";
  return fmt::format(R"({{"people":{},"groups":{},"repeat_meetings":{},"violations":{},"attribute_spread":{:.3f}{}}})",
                     f.people, f.groups, f.repeat_meetings, f.violations, f.attribute_spread, equality);
}

}  // namespace

Result<std::int64_t> add_round(Services& app, const Access& a, const RoundInput& in) {
  if (!permissions::run_rounds(a.standing)) return fail(ErrorCode::forbidden, "events_forbidden");
  auto f = check_round(in);
  if (!f) return fail(f.error());
  std::string prompts;
  for (const auto& p : f->prompts) prompts += p + "\n";
  auto id = app.store->write([&](store::Conn& c) -> Result<std::int64_t> {
    repo::RoundRow r;
    r.event_id = a.event.id;
    r.number = repo::next_round_number(c, a.event.id);
    r.prompts = prompts;
    r.min_size = f->min_size, r.max_size = f->max_size, r.duration_minutes = f->duration_minutes;
    r.content_note = f->content_note;
    if (!f->keep_apart.empty()) r.keep_apart = format_pairs(f->keep_apart);
    if (!f->keep_together.empty()) r.keep_together = format_pairs(f->keep_together);
    r.group_count = f->group_count;
    if (!f->attributes.empty()) r.attributes_sealed = crypto::seal(details_key(app, a.event.id), f->attributes);
    r.space_history = f->space_history;
    r.use_equality = f->equality;
    r.auto_end = f->auto_end;
    r.mode = std::string(to_string(f->mode));
    r.created_at = app.clock->now();
    return repo::insert_round(c, r);
  });
  if (id) events::live::changed(app, a.event.id);
  return id;
}

Result<Assigned> assign(Services& app, const Access& a, std::int64_t round_id, Mode mode) {
  Assigned out;
  auto r = on_round<bool>(
      app, a.event.id, round_id, permissions::run_rounds(a.standing),
      [&](store::Conn& c, const repo::RoundRow& round) -> Result<bool> {
        if (round.state != "planning") return fail(ErrorCode::conflict, "breakouts_round_started");
        // The people here now: not everyone who ever joined (services/presence.hpp).
        auto pool = present_pool(app, c, a.event.id);
        auto named = names(app, c, a.event.id);
        out.people = static_cast<std::int64_t>(pool.size());
        // People can choose a group before many have joined; balancing needs people.
        if (mode == Mode::balanced && pool.size() < 2) return fail(ErrorCode::invalid, "breakouts_too_few_people");
        repo::clear_groups(c, round_id);
        repo::set_mode(c, round_id, std::string(to_string(mode)));
        const int n = static_cast<int>(pool.size());
        if (mode != Mode::balanced) {  // self-select (and manual, which starts from empty groups)
          const int groups =
              std::max(1, group_count(n, static_cast<int>(round.min_size), static_cast<int>(round.max_size)));
          for (int g = 1; g <= groups; ++g) repo::insert_group(c, round_id, g);
          repo::set_figures(c, round_id, std::nullopt);
          out.groups = groups;
          return true;
        }
        PlanInput in;
        std::map<std::int64_t, int> index;
        for (int i = 0; i < n; ++i) {
          index[pool[i].participant_id] = i;
          Person p;
          p.attributes["host"] = is_host_role(pool[i].role) ? "yes" : "no";
          // Members of the space and guests who joined with the code, spread evenly.
          p.attributes["joined_as"] = pool[i].user_id ? "member" : "guest";
          in.people.push_back(std::move(p));
        }
        in.min_size = static_cast<int>(round.min_size);
        in.max_size = static_cast<int>(round.max_size);
        if (round.group_count && *round.group_count > 0) {  // a number of groups: sizes follow from it
          const int g = static_cast<int>(std::min<std::int64_t>(*round.group_count, n));
          in.groups = g;
          in.min_size = n / g;
          in.max_size = (n + g - 1) / g;
        }
        in.rounds = 1;
        in.spread = {"joined_as"};
        in.seed = static_cast<std::uint64_t>(round_id);
        // Names as the facilitator sees them ("Ana (2)"), and the plain name too: a plain
        // name that several people share matches several, and is reported, never guessed.
        std::map<std::string, std::vector<int>> by_name;
        for (int i = 0; i < n; ++i) {
          const auto plain =
              text::lower_ascii(person_name(app, c, pool[i].user_id, pool[i].nickname, pool[i].participant_id));
          const auto told = text::lower_ascii(named[pool[i].participant_id]);
          by_name[plain].push_back(i);
          if (told != plain) by_name[told].push_back(i);
        }
        // The facilitator's pairs, picked from the people here ("#12": a participant id; older
        // rounds kept typed names). Someone who has left since is reported by name.
        auto find = [&](const std::string& x) -> std::optional<int> {
          if (x.starts_with('#')) {
            auto id = hs::number::whole(std::string_view(x).substr(1));
            auto it = id ? index.find(*id) : index.end();
            if (it == index.end()) return std::nullopt;
            return it->second;
          }
          auto it = by_name.find(text::lower_ascii(x));
          if (it == by_name.end() || it->second.size() != 1) return std::nullopt;
          return it->second.front();
        };
        auto shown = [&](const std::string& x) {
          if (x.starts_with('#'))
            if (auto id = hs::number::whole(std::string_view(x).substr(1)); id && named.count(*id)) return named[*id];
          return x;
        };
        auto pairs = [&](const std::optional<std::string>& stored, std::vector<std::pair<int, int>>& into) {
          for (const auto& [x, y] : parse_pairs(stored.value_or("")).value_or(NamePairs{})) {
            auto ix = find(x), iy = find(y);
            if (!ix) out.unmatched.push_back(shown(x));
            if (!iy) out.unmatched.push_back(shown(y));
            if (ix && iy) into.emplace_back(*ix, *iy);
          }
        };
        pairs(round.keep_apart, in.keep_apart);
        pairs(round.keep_together, in.keep_together);
        // The facilitator's details to spread, matched by name like the pairs.
        if (round.attributes_sealed) {
          auto plain = crypto::open(details_key(app, a.event.id), *round.attributes_sealed);
          for (const auto& d : parse_attributes(plain.value_or("")).value_or(std::vector<PersonDetails>{})) {
            auto it = by_name.find(text::lower_ascii(d.name));
            if (it == by_name.end() || it->second.size() != 1) {
              out.unmatched.push_back(d.name);
              continue;
            }
            for (const auto& [k, v] : d.attributes) {
              in.people[it->second.front()].attributes[k] = v;
              if (std::find(in.spread.begin(), in.spread.end(), k) == in.spread.end()) in.spread.push_back(k);
            }
          }
          // Everyone else counts as "not" for a detail given as a plain word, so it spreads.
          for (const auto& k : in.spread)
            for (auto& p : in.people)
              if (!p.attributes.count(k)) p.attributes[k] = "no";
        }
        // Equality answers, when asked, of the members here who agreed that their answers may
        // balance groups (nobody else's are opened): each single-choice question a detail to
        // spread, "unknown" for everyone else and for "prefer not to say".
        if (round.use_equality) {
          std::vector<std::int64_t> users;
          for (const auto& p : pool)
            if (p.user_id) users.push_back(*p.user_id);
          const auto agreed = equity::grouping_answers(app, c, users);
          out.equality_people = static_cast<std::int64_t>(agreed.size());
          std::set<std::string> keys;
          for (int i = 0; i < n; ++i) {
            auto it = pool[i].user_id ? agreed.find(*pool[i].user_id) : agreed.end();
            if (it == agreed.end()) continue;
            for (const auto& [q, chosen] : it->second) {
              const auto* question = equity::question(q);
              if (!question || question->multiple || chosen.size() != 1 || chosen.front() == "prefer_not") continue;
              in.people[i].attributes["equality:" + q] = chosen.front();
              keys.insert("equality:" + q);
            }
          }
          for (const auto& k : keys) {
            in.spread.push_back(k);
            for (auto& p : in.people)
              if (!p.attributes.count(k)) p.attributes[k] = "unknown";
          }
        }
        // Members who met at the space's earlier events, when asked.
        if (round.space_history) {
          std::map<std::int64_t, int> by_user;
          for (int i = 0; i < n; ++i)
            if (pool[i].user_id) by_user[*pool[i].user_id] = i;
          for (const auto& [x, y] : repo::space_pairs(c, a.event.id)) {
            auto ix = by_user.find(x), iy = by_user.find(y);
            if (ix != by_user.end() && iy != by_user.end() && ix->second != iy->second)
              in.met_before.emplace_back(ix->second, iy->second);
          }
        }
        for (const auto& [x, y] : repo::earlier_pairs(c, a.event.id, round.number)) {
          auto ix = index.find(x), iy = index.find(y);
          if (ix != index.end() && iy != index.end()) in.met_before.emplace_back(ix->second, iy->second);
        }
        auto plan = plan_groups(in);
        if (!plan) return fail(plan.error());
        const auto& groups = plan->rounds.front();
        for (std::size_t g = 0; g < groups.size(); ++g) {
          auto gid = repo::insert_group(c, round_id, static_cast<std::int64_t>(g + 1));
          for (int p : groups[g]) repo::put_place(c, round_id, pool[p].participant_id, gid, is_host_role(pool[p].role));
        }
        out.groups = static_cast<std::int64_t>(groups.size());
        out.repeat_meetings = plan->figures.repeat_meetings;
        out.violations = plan->figures.violations;
        for (const auto& [k, v] : plan->figures.attribute_spread)
          out.attribute_spread = std::max(out.attribute_spread, v);
        repo::set_figures(c, round_id, figures_json(out));
        return true;
      });
  if (!r) return fail(r.error());
  return out;
}

Result<Assigned> import_csv(Services& app, const Access& a, std::int64_t round_id, const std::string& csv) {
  Assigned out;
  auto parsed = parse_csv_places(csv);
  out.problems = parsed.problems;
  if (parsed.places.empty())
    return fail(Error{ErrorCode::invalid, "breakouts_csv_empty", {{"csv", "breakouts_csv_empty"}}});
  auto r = on_round<bool>(
      app, a.event.id, round_id, permissions::run_rounds(a.standing),
      [&](store::Conn& c, const repo::RoundRow& round) -> Result<bool> {
        if (round.state != "planning") return fail(ErrorCode::conflict, "breakouts_round_started");
        // Names as the event shows them, matched without regard to case.
        // "Ana (2)" as the round page shows her, or a plain name only one person has.
        std::map<std::string, std::vector<repo::PoolRow>> by_name;
        auto pool = repo::pool(c, a.event.id);
        auto named = names(app, c, a.event.id);
        for (const auto& p : pool) {
          const auto plain = text::lower_ascii(person_name(app, c, p.user_id, p.nickname, p.participant_id));
          const auto told = text::lower_ascii(named[p.participant_id]);
          if (!plain.empty()) by_name[plain].push_back(p);
          if (told != plain) by_name[told].push_back(p);
        }
        repo::clear_groups(c, round_id);
        repo::set_mode(c, round_id, "csv");
        repo::set_figures(c, round_id, std::nullopt);
        std::map<std::int64_t, std::int64_t> group_ids;
        for (const auto& place : parsed.places) {
          auto it = by_name.find(text::lower_ascii(place.name));
          if (it == by_name.end() || it->second.size() != 1) {
            out.unmatched.push_back(place.name);
            continue;
          }
          auto& gid = group_ids[place.group];
          if (!gid) gid = repo::insert_group(c, round_id, place.group);
          repo::put_place(c, round_id, it->second.front().participant_id, gid, is_host_role(it->second.front().role));
          ++out.people;
        }
        out.groups = static_cast<std::int64_t>(group_ids.size());
        return true;
      });
  if (!r) return fail(r.error());
  return out;
}

Result<bool> move_person(Services& app, const Access& a, std::int64_t round_id, std::int64_t participant_id,
                         std::int64_t group_number) {
  return on_round<bool>(
      app, a.event.id, round_id, permissions::run_rounds(a.standing),
      [&](store::Conn& c, const repo::RoundRow& round) -> Result<bool> {
        if (round.state == "ended") return fail(ErrorCode::conflict, "breakouts_round_ended");
        auto pool = repo::pool(c, a.event.id);
        auto who =
            std::find_if(pool.begin(), pool.end(), [&](const auto& p) { return p.participant_id == participant_id; });
        const auto place = repo::place_of(c, round_id, participant_id);
        if (who == pool.end() && !place) return fail(ErrorCode::not_found, "breakouts_person_not_found");
        if (group_number == 0) {
          repo::remove_place(c, round_id, participant_id);
          return true;
        }
        auto groups = repo::groups_of(c, round_id);
        std::int64_t gid = 0;
        for (const auto& g : groups)
          if (g.number == group_number) gid = g.id;
        const std::int64_t next = groups.empty() ? 1 : groups.back().number + 1;
        if (!gid && group_number == next) gid = repo::insert_group(c, round_id, next);
        if (!gid)
          return fail(Error{ErrorCode::invalid, "breakouts_group_invalid", {{"group", "breakouts_group_invalid"}}});
        const bool host = place ? place->host : (who != pool.end() && is_host_role(who->role));
        repo::put_place(c, round_id, participant_id, gid, host);
        return true;
      });
}

Result<bool> start_round(Services& app, const Access& a, std::int64_t round_id) {
  return on_round<bool>(app, a.event.id, round_id, permissions::run_rounds(a.standing),
                        [&](store::Conn& c, const repo::RoundRow& round) -> Result<bool> {
                          if (round.state != "planning") return fail(ErrorCode::conflict, "breakouts_round_started");
                          if (repo::running_round(c, a.event.id))
                            return fail(ErrorCode::conflict, "breakouts_other_running");
                          if (repo::groups_of(c, round_id).empty())
                            return fail(ErrorCode::conflict, "breakouts_no_groups");
                          const auto now = app.clock->now();
                          repo::set_state(c, round_id, "running", now, now + round.duration_minutes * 60, std::nullopt);
                          return true;
                        });
}

Result<bool> broadcast(Services& app, const Access& a, std::int64_t round_id, const std::string& text_in) {
  auto msg = std::string(text::trim(text_in));
  if (msg.empty())
    return fail(
        Error{ErrorCode::invalid, "breakouts_broadcast_required", {{"message", "breakouts_broadcast_required"}}});
  if (!text::valid_utf8(msg) || text::has_control(msg, false) || text::length(msg) > kBroadcastMax)
    return fail(
        Error{ErrorCode::invalid, "breakouts_broadcast_too_long", {{"message", "breakouts_broadcast_too_long"}}});
  return on_round<bool>(app, a.event.id, round_id, permissions::run_rounds(a.standing),
                        [&](store::Conn& c, const repo::RoundRow& round) -> Result<bool> {
                          if (round.state != "running") return fail(ErrorCode::conflict, "breakouts_round_not_running");
                          repo::set_broadcast(c, round_id, msg, app.clock->now());
                          return true;
                        });
}

Result<bool> end_round(Services& app, const Access& a, std::int64_t round_id) {
  return on_round<bool>(app, a.event.id, round_id, permissions::run_rounds(a.standing),
                        [&](store::Conn& c, const repo::RoundRow& round) -> Result<bool> {
                          if (round.state != "running") return fail(ErrorCode::conflict, "breakouts_round_not_running");
                          repo::set_state(c, round_id, "ended", round.started_at, round.ends_at, app.clock->now());
                          return true;
                        });
}

Result<bool> resolve_help(Services& app, const Access& a, std::int64_t round_id, std::int64_t help_id) {
  return on_round<bool>(app, a.event.id, round_id, permissions::run_rounds(a.standing),
                        [&](store::Conn& c, const repo::RoundRow&) -> Result<bool> {
                          return repo::resolve_help(c, round_id, help_id, app.clock->now());
                        });
}

}  // namespace hs::breakouts::commands
