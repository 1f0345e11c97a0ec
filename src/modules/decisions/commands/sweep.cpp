// The reminder sweep, run by `humanspace remind` and every few minutes by `serve`.
// Each reminder is claimed with a conditional update in its own short transaction and
// sent after commit, so it goes out once however many servers sweep; a failure to send
// is logged and not retried (a reminder is a courtesy, not a record).
#include <spdlog/spdlog.h>

#include <condition_variable>
#include <mutex>

#include "core/view.hpp"
#include "modules/accounts/module.hpp"
#include "modules/decisions/commands/commands.hpp"
#include "modules/decisions/commands/support.hpp"
#include "modules/decisions/permissions.hpp"
#include "modules/spaces/module.hpp"
#include "services/services.hpp"
#include "store/db.hpp"

namespace hs::decisions {

namespace {

constexpr std::int64_t kRemindBefore = 24 * 60 * 60;

struct Due {
  repo::ProposalRow proposal;
  spaces::Space space;
  std::vector<std::int64_t> people;
};

View email_view(Services& app, const Due& d) {
  View v;
  v.set("title", d.proposal.title);
  v.set("space", d.space.name);
  v.set("closes", commands::when_text(app, d.proposal.closes_at));
  v.set("link", commands::site_link(app, "/spaces/" + d.space.slug + "/decisions/" + std::to_string(d.proposal.id)));
  return v;
}

void send(Services& app, const Due& d, const std::string& subject_key, const std::string& template_name) {
  auto v = email_view(app, d);
  for (auto id : d.people)
    accounts::email_person(app, id, subject_key, {{"title", d.proposal.title}}, template_name, v);
}

}  // namespace

SweepReport sweep(Services& app) {
  SweepReport report;
  const auto now = app.clock->now();
  auto soon =
      app.store->with([&](store::Conn& c) { return repo::closing_soon_unreminded(c, now, now + kRemindBefore); });
  for (const auto& p : soon) {
    auto due = app.store->write([&](store::Conn& c) -> Result<std::optional<Due>> {
      if (!repo::claim_reminder(c, p.id, now)) return std::optional<Due>();
      auto space = spaces::space_by_id(c, p.space_id);
      if (!space) return std::optional<Due>();
      Due d{p, *space, {}};
      auto answered = repo::voter_ids(c, p.id);
      for (const auto& m : spaces::members(c, p.space_id)) {
        if (!permissions::votes(m.role)) continue;
        if (std::binary_search(answered.begin(), answered.end(), m.user_id)) continue;
        d.people.push_back(m.user_id);
      }
      return std::optional<Due>(std::move(d));
    });
    if (due && *due) {
      send(app, **due, "decisions_email_closing_soon_subject", "decisions_closing_soon");
      ++report.closing_soon;
    }
  }
  auto ended = app.store->with([&](store::Conn& c) { return repo::due_unnoticed(c, now); });
  for (const auto& p : ended) {
    auto due = app.store->write([&](store::Conn& c) -> Result<std::optional<Due>> {
      if (!repo::claim_due_notice(c, p.id, now)) return std::optional<Due>();
      auto space = spaces::space_by_id(c, p.space_id);
      if (!space) return std::optional<Due>();
      Due d{p, *space, {}};
      for (const auto& m : spaces::members(c, p.space_id)) {
        const bool facilitator = m.role == spaces::Role::facilitator;
        const bool proposer = p.proposer_id && *p.proposer_id == m.user_id;
        if (facilitator || proposer) d.people.push_back(m.user_id);
      }
      return std::optional<Due>(std::move(d));
    });
    if (due && *due) {
      send(app, **due, "decisions_email_time_to_close_subject", "decisions_time_to_close");
      ++report.due;
    }
  }
  return report;
}

std::jthread start_periodic(std::function<void()> task, std::chrono::seconds every) {
  return std::jthread([task = std::move(task), every](std::stop_token stop) {
    std::mutex m;
    std::condition_variable_any cv;
    while (!stop.stop_requested()) {
      try {
        task();
      } catch (const std::exception& e) {
        spdlog::error("periodic task failed: {}", e.what());
      }
      std::unique_lock lock(m);
      cv.wait_for(lock, stop, every, [] { return false; });
    }
  });
}

}  // namespace hs::decisions
