#include <algorithm>
#include <unordered_map>

#include "modules/events/commands/cloud_tally.hpp"
#include "modules/events/commands/commands.hpp"
#include "modules/events/repo.hpp"
#include "modules/events/word_lists_repo.hpp"
#include "services/services.hpp"
#include "store/db.hpp"

namespace hs::events::commands {

std::optional<Current> current(Services& app, const repo::EventRow& e, std::optional<std::int64_t> pid, bool runner,
                               QuestionSort sort) {
  if (!e.current_item_id) return std::nullopt;
  return app.store->with([&](store::Conn& c) -> std::optional<Current> {
    auto it = repo::item(c, e.id, *e.current_item_id);
    if (!it) return std::nullopt;
    Current cur;
    cur.item = std::move(*it);
    cur.speakers = parse_speakers(cur.item.speakers);
    cur.key_messages = lines_of(cur.item.key_messages);
    if (cur.item.kind == "poll") {
      cur.options = repo::options(c, cur.item.id);
      cur.responses = repo::voters(c, cur.item.id);
      cur.tally = tally(cur.options, repo::votes(c, cur.item.id), cur.responses);
      if (pid) cur.my_votes = repo::my_votes(c, cur.item.id, *pid);
    } else if (cur.item.kind == "qa") {
      auto all = repo::questions(c, cur.item.id);
      std::vector<QuestionKey> keys;
      std::unordered_map<std::int64_t, repo::QuestionRow> by_id;
      for (auto& q : all) {
        if (!runner && q.status != "visible") continue;
        keys.push_back({q.id, q.votes, q.created_at, q.answered});
        by_id.emplace(q.id, std::move(q));
      }
      order_questions(keys, sort);
      for (const auto& k : keys) {
        if (by_id[k.id].status == "visible") ++cur.responses;
        cur.questions.push_back(std::move(by_id[k.id]));
      }
      if (pid) cur.my_question_votes = repo::my_question_votes(c, cur.item.id, *pid);
    } else if (cur.item.kind == "cloud") {
      std::vector<CloudEntry> entries;
      for (auto& en : repo::entries(c, cur.item.id)) {
        entries.push_back({en.id, en.body});
        if (pid && en.participant_id == *pid) cur.my_entries.push_back(std::move(en));
      }
      cur.responses = static_cast<std::int64_t>(entries.size());
      auto groups = cloud_groups(app, cur.item.id, e.language, cur.item.max_chars, entries,
                                 repo::moderation(c, cur.item.id), repo::cloud_word_lists(c, e.id));
      if (groups) {
        auto all = std::move(*groups);
        cur.cloud = shown_groups(all);
        if (runner) cur.cloud_groups = std::move(all);
      }
      cur.cloud_picture = cloud::picture(app, cur.item.id, cur.cloud);
    }
    return cur;
  });
}

std::optional<CloudPicture> cloud_picture(Services& app, const repo::EventRow& e, std::int64_t item_id) {
  return app.store->with([&](store::Conn& c) -> std::optional<CloudPicture> {
    auto it = repo::item(c, e.id, item_id);
    if (!it || it->kind != "cloud") return std::nullopt;
    std::vector<CloudEntry> entries;
    for (auto& en : repo::entries(c, item_id)) entries.push_back({en.id, en.body});
    auto groups = cloud_groups(app, item_id, e.language, it->max_chars, entries, repo::moderation(c, item_id),
                               repo::cloud_word_lists(c, e.id));
    if (!groups) return std::nullopt;
    auto shown = shown_groups(*groups);
    auto picture = cloud::picture(app, item_id, shown);
    CloudPicture p{std::move(*it), std::move(picture), std::move(shown)};
    if (!p.picture) return std::nullopt;
    return p;
  });
}

std::vector<repo::ItemRow> agenda(Services& app, std::int64_t event_id) {
  return app.store->with([&](store::Conn& c) { return repo::items(c, event_id); });
}

std::vector<PollOption> poll_options(Services& app, std::int64_t item_id) {
  return app.store->with([&](store::Conn& c) { return repo::options(c, item_id); });
}

std::vector<repo::EventRow> events_of_space(Services& app, std::int64_t space_id) {
  return app.store->with([&](store::Conn& c) { return repo::events_of_space(c, space_id); });
}

std::vector<std::string> stepped_out(Services& app, std::int64_t event_id) {
  return app.store->with([&](store::Conn& c) { return repo::stepped_out(c, event_id); });
}

std::string cloud_summary(Services& app, std::int64_t entries, const std::vector<CloudCount>& shown) {
  const std::string one = entries == 1 ? "_one" : "";
  if (shown.empty()) return app.words->format("events_cloud_summary_empty" + one, {{"count", std::to_string(entries)}});
  return app.words->format("events_cloud_summary" + one, {{"count", std::to_string(entries)},
                                                    {"top", shown.front().text},
                                                    {"top_count", std::to_string(shown.front().count)}});
}

}  // namespace hs::events::commands
