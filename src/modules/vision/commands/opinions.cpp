// Opinion maps: a facilitator's question, members' short statements (held for a
// facilitator first when the map is moderated), and everyone's agree, disagree or pass.
// The groups are computed from the votes by rules/opinions.hpp and kept in memory by the
// map's version, which every vote and shown statement moves on.
#include <mutex>

#include "core/text.hpp"
#include "modules/vision/commands/commands.hpp"
#include "modules/vision/commands/support.hpp"
#include "modules/vision/permissions.hpp"
#include "modules/vision/repo.hpp"
#include "store/db.hpp"

namespace hs::vision::commands {

namespace {

constexpr std::size_t kMaxStatement = 140;
constexpr std::size_t kMaxQuestion = 200;

struct OpenMap {
  MapRow row;
  bool take_part = false, facilitate = false;
  std::int64_t user_id = 0, participant_id = 0;  // who is stored as the author or voter
};

// The map when it is in this space and the person may see it (not_found otherwise). On an
// event's map: how the person stands at that event; taking_part gives a member taking part
// for the first time a participant record.
Result<OpenMap> open_map(Services& app, store::Conn& c, std::int64_t space_id, std::int64_t map_id, const Actor& who,
                         bool taking_part = false) {
  auto row = repo::map(c, map_id);
  if (!row || row->space_id != space_id) return fail(ErrorCode::not_found, "vision_map_not_found");
  OpenMap o{*row};
  if (row->item_id) {
    if (!who.event || who.event->event.id != row->event_id || !events::view_event(who.event->standing))
      return fail(ErrorCode::not_found, "vision_map_not_found");
    const auto& a = *who.event;
    o.facilitate = events::run_event(a.standing);
    o.take_part = events::take_part(a.standing) && !a.stepped_out;
    o.user_id = a.user_id;
    if (taking_part && o.take_part) o.participant_id = events::commands::participant_for(c, a, app.clock->now());
    else o.participant_id = events::commands::existing_participant(c, a).value_or(0);
    return o;
  }
  auto who_here = subject_in(c, space_id, who.user_id);
  if (!permissions::view_boards(who_here)) return fail(ErrorCode::not_found, "vision_map_not_found");
  o.facilitate = permissions::facilitate(who_here);
  o.take_part = permissions::take_part(who_here);
  o.user_id = who.user_id;
  return o;
}

Error field(ErrorCode code, const std::string& name, const std::string& key) { return Error{code, key, {{name, key}}}; }

// What the server keeps between requests: each map's results at its version.
struct Kept {
  std::mutex mu;
  std::map<std::int64_t, std::shared_ptr<const MapResults>> by_map;
};

}  // namespace

Result<std::int64_t> create_map(Services& app, std::int64_t space_id, std::int64_t user_id, const std::string& question,
                                bool moderated) {
  const auto now = app.clock->now();
  return app.store->write([&](store::Conn& c) -> Result<std::int64_t> {
    auto who = subject_in(c, space_id, user_id);
    if (!permissions::facilitate(who)) return fail(ErrorCode::forbidden, "vision_not_facilitator");
    const auto q = std::string(text::trim(question));
    if (q.empty() || !text::valid_utf8(q) || text::has_control(q, false))
      return fail(field(ErrorCode::invalid, "question", "vision_question_needed"));
    if (text::length(q) > kMaxQuestion) return fail(field(ErrorCode::invalid, "question", "vision_question_too_long"));
    MapRow m;
    m.space_id = space_id;
    m.question = q;
    m.moderated = moderated;
    if (user_id > 0) m.created_by = user_id;
    m.created_at = m.updated_at = now;
    m.id = repo::insert_map(c, m);
    if (!app.audit) return fail(ErrorCode::unavailable, "common_unavailable");
    services::AuditFields f{
        {"map", m.id}, {"moderated", moderated}, {"by", app.audit->person_commitment(app, space_id, user_id)}};
    if (auto ok = app.audit->append(app, c, space_id, "vision.map_created", f); !ok) return fail(ok.error());
    return m.id;
  });
}

Result<std::int64_t> add_statement(Services& app, std::int64_t space_id, std::int64_t map_id, const Actor& who,
                                   const std::string& text) {
  const auto now = app.clock->now();
  std::optional<std::int64_t> event_id;
  auto r = app.store->write([&](store::Conn& c) -> Result<std::int64_t> {
    auto o = open_map(app, c, space_id, map_id, who, true);
    if (!o) return fail(o.error());
    if (!o->take_part) return fail(ErrorCode::forbidden, "vision_members_only");
    if (o->row.item_id && !who.item_open) return fail(field(ErrorCode::conflict, "text", "vision_map_item_closed"));
    event_id = o->row.event_id;
    if (!text::valid_utf8(text) || text::has_control(text, false))
      return fail(field(ErrorCode::invalid, "text", "vision_note_control"));
    const auto t = std::string(text::trim(text));
    if (t.empty()) return fail(field(ErrorCode::invalid, "text", "vision_statement_empty"));
    if (text::length(t) > kMaxStatement) return fail(field(ErrorCode::invalid, "text", "vision_statement_too_long"));
    const bool shown = !o->row.moderated || o->facilitate;
    const bool event = o->row.item_id.has_value();
    const auto id = repo::insert_statement(c, map_id, t, shown ? "shown" : "pending", event ? 0 : o->user_id, now,
                                           event ? o->participant_id : 0);
    repo::bump(c, map_id, now);
    return shown ? id : std::int64_t{0};
  });
  if (r) changed(app, event_id);
  return r;
}

Result<void> moderate_statement(Services& app, std::int64_t space_id, std::int64_t map_id, const Actor& who,
                                std::int64_t statement_id, bool show) {
  const auto now = app.clock->now();
  std::optional<std::int64_t> event_id;
  auto r = app.store->write([&](store::Conn& c) -> Result<void> {
    auto o = open_map(app, c, space_id, map_id, who);
    if (!o) return fail(o.error());
    if (!o->facilitate) return fail(ErrorCode::forbidden, "vision_not_facilitator");
    event_id = o->row.event_id;
    auto st = repo::statement(c, statement_id);
    if (!st || st->map_id != map_id) return fail(ErrorCode::not_found, "vision_statement_not_found");
    const std::string to = show ? "shown" : "rejected";
    if (st->status == to) return {};
    repo::set_statement_status(c, statement_id, to);
    repo::bump(c, map_id, now);
    if (!app.audit) return fail(ErrorCode::unavailable, "common_unavailable");
    services::AuditFields f{{"map", map_id},
                            {"statement", statement_id},
                            {"from", st->status},
                            {"to", to},
                            {"by", app.audit->person_commitment(app, space_id, o->user_id)}};
    if (auto ok = app.audit->append(app, c, space_id, "vision.statement_moderated", f); !ok) return fail(ok.error());
    return {};
  });
  if (r) changed(app, event_id);
  return r;
}

Result<void> answer(Services& app, std::int64_t space_id, std::int64_t map_id, const Actor& who,
                    std::int64_t statement_id, int vote) {
  const auto now = app.clock->now();
  std::optional<std::int64_t> event_id;
  auto r = app.store->write([&](store::Conn& c) -> Result<void> {
    auto o = open_map(app, c, space_id, map_id, who, true);
    if (!o) return fail(o.error());
    if (!o->take_part) return fail(ErrorCode::forbidden, "vision_members_only");
    if (o->row.item_id && !who.item_open) return fail(ErrorCode::conflict, "vision_map_item_closed");
    event_id = o->row.event_id;
    if (vote < -1 || vote > 1) return fail(ErrorCode::invalid, "vision_vote_choose");
    auto st = repo::statement(c, statement_id);
    if (!st || st->map_id != map_id || st->status != "shown")
      return fail(ErrorCode::not_found, "vision_statement_not_found");
    if (o->row.item_id) repo::upsert_participant_vote(c, statement_id, o->participant_id, vote, now);
    else repo::upsert_vote(c, statement_id, o->user_id, vote, now);
    repo::bump(c, map_id, now);
    return {};
  });
  if (r) changed(app, event_id);
  return r;
}

std::optional<MapRow> map_for_item(Services& app, const events::EventRow& event, std::int64_t item_id) {
  std::optional<events::ItemRow> item;
  for (const auto& it : events::commands::agenda(app, event.id))
    if (it.id == item_id && it.kind == "opinions") item = it;
  if (!item) return std::nullopt;
  auto kept = app.store->with([&](store::Conn& c) { return repo::map_of_item(c, item_id); });
  if (kept && kept->question == item->title && kept->moderated == item->premoderate) return kept;
  const auto now = app.clock->now();
  return app.store
      ->write([&](store::Conn& c) -> Result<MapRow> {
        if (auto found = repo::map_of_item(c, item_id)) {
          // The facilitator may have edited the item: the map follows its question and setting.
          if (found->question != item->title || found->moderated != item->premoderate) {
            repo::set_map_question(c, found->id, item->title, item->premoderate, now);
            found = repo::map_of_item(c, item_id);
          }
          return *found;
        }
        MapRow m;
        m.space_id = event.space_id;
        m.event_id = event.id;
        m.item_id = item_id;
        m.question = item->title;
        m.moderated = item->premoderate;
        m.created_at = m.updated_at = now;
        // Two first visits at once: the second finds the first's map.
        repo::insert_map(c, m);
        auto row = repo::map_of_item(c, item_id);
        if (!row) return fail(ErrorCode::not_found, "vision_map_not_found");
        return *row;
      })
      .map([](MapRow r) { return std::optional<MapRow>(std::move(r)); })
      .value_or(std::nullopt);
}

std::vector<MapRow> event_maps(Services& app, std::int64_t event_id) {
  return app.store->with([&](store::Conn& c) { return repo::maps_of_event(c, event_id); });
}

std::string map_page_signature(Services& app, const MapRow& m, bool item_open) {
  return app.store->with([&](store::Conn& c) { return repo::statements_signature(c, m.id); }) +
         (item_open ? "|open" : "|closed");
}

std::vector<MapRow> maps(Services& app, std::int64_t space_id) {
  return app.store->with([&](store::Conn& c) { return repo::maps_in(c, space_id); });
}

std::optional<MapLoaded> load_map(Services& app, std::int64_t space_id, std::int64_t map_id, std::int64_t viewer,
                                  bool participant) {
  return app.store->with([&](store::Conn& c) -> std::optional<MapLoaded> {
    auto row = repo::map(c, map_id);
    if (!row || row->space_id != space_id) return std::nullopt;
    MapLoaded l{*row, repo::statements(c, map_id), {}};
    if (viewer > 0)
      for (const auto& v : repo::votes_of(c, map_id, viewer, participant)) l.mine[v.statement_id] = v.vote;
    return l;
  });
}

std::shared_ptr<const MapResults> results(Services& app, const MapRow& row) {
  auto& kept = app.kept<Kept>();
  {
    std::lock_guard lock(kept.mu);
    auto it = kept.by_map.find(row.id);
    if (it != kept.by_map.end() && it->second->version == row.version) return it->second;
  }
  auto out = std::make_shared<MapResults>();
  std::vector<VoteRow> votes;
  app.store->with([&](store::Conn& c) {
    // The version read with the votes: a vote after this read makes a newer one.
    if (auto fresh = repo::map(c, row.id)) out->version = fresh->version;
    for (const auto& s : repo::statements(c, row.id))
      if (s.status == "shown") {
        out->statement_ids.push_back(s.id);
        out->statements.push_back(s.text);
      }
    votes = repo::votes(c, row.id);
    return 0;
  });
  std::map<std::int64_t, std::size_t> column, people;
  for (std::size_t i = 0; i < out->statement_ids.size(); ++i) column[out->statement_ids[i]] = i;
  for (const auto& v : votes)
    if (column.count(v.statement_id)) people.emplace(v.voter_id, people.size());
  out->participants = people.size();
  VoteMatrix m(people.size(), out->statement_ids.size());
  for (const auto& v : votes) {
    auto col = column.find(v.statement_id);
    if (col == column.end()) continue;
    m.at(people.at(v.voter_id), col->second) = v.vote > 0 ? Vote::agree : v.vote < 0 ? Vote::disagree : Vote::pass;
  }
  out->map = opinion_map(m);
  const auto groups = out->map.groups.size();
  out->by_group.assign(m.statements, std::vector<MapResults::Count>(groups));
  out->total.assign(m.statements, {});
  for (std::size_t p = 0; p < m.participants; ++p)
    for (std::size_t s = 0; s < m.statements; ++s) {
      const auto v = m.at(p, s);
      if (v == Vote::unseen) continue;
      auto add = [&](MapResults::Count& c) {
        (v == Vote::agree ? c.agree : v == Vote::disagree ? c.disagree : c.pass)++;
      };
      add(out->total[s]);
      const int g = p < out->map.group.size() ? out->map.group[p] : -1;
      if (g >= 0) add(out->by_group[s][static_cast<std::size_t>(g)]);
    }
  std::lock_guard lock(kept.mu);
  auto& slot = kept.by_map[row.id];
  if (!slot || slot->version <= out->version) slot = out;
  return out;
}

}  // namespace hs::vision::commands
