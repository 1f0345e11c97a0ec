// The events module's front door for reports: what polls and Q&A produced.
#include <algorithm>

#include "modules/events/module.hpp"
#include "modules/events/repo.hpp"
#include "services/services.hpp"
#include "store/db.hpp"

namespace hs::events {

std::vector<PollResult> poll_results(Services& app, std::int64_t event_id) {
  return app.store->with([&](store::Conn& c) {
    std::vector<PollResult> out;
    for (const auto& it : repo::items(c, event_id)) {
      if (it.kind != "poll") continue;
      const auto people = repo::voters(c, it.id);
      if (it.state == "waiting" && people == 0) continue;  // never asked
      const auto t = tally(repo::options(c, it.id), repo::votes(c, it.id), people);
      PollResult r{it.title, it.multiple, people, {}};
      for (const auto& o : t.counts) r.options.push_back({o.label, o.votes, o.percent});
      out.push_back(std::move(r));
    }
    return out;
  });
}

std::vector<QaResult> qa_results(Services& app, std::int64_t event_id) {
  return app.store->with([&](store::Conn& c) {
    std::vector<QaResult> out;
    for (const auto& it : repo::items(c, event_id)) {
      if (it.kind != "qa") continue;
      auto rows = repo::questions(c, it.id);
      std::erase_if(rows, [](const repo::QuestionRow& q) { return q.status != "visible"; });
      if (it.state == "waiting" && rows.empty()) continue;
      // The report is after the day: answered or not, the most wanted come first.
      std::stable_sort(rows.begin(), rows.end(), [](const repo::QuestionRow& a, const repo::QuestionRow& b) {
        if (a.votes != b.votes) return a.votes > b.votes;
        return a.created_at != b.created_at ? a.created_at < b.created_at : a.id < b.id;
      });
      QaResult r{it.title, {}};
      for (auto& q : rows) r.questions.push_back({std::move(q.body), q.votes, std::move(q.nickname), q.answered});
      out.push_back(std::move(r));
    }
    return out;
  });
}

}  // namespace hs::events
