// LISTEN/NOTIFY on a connection of the feed's own, on a thread of its own: it waits on
// the socket and a wake-up pipe, sends what publish() gathered at most every 50 ms,
// hands on what other nodes sent (its own notices come back too, and are skipped by
// backend pid), and reconnects with backoff when the database goes away.
#include "store/change_feed.hpp"

#include <fcntl.h>
#include <libpq-fe.h>
#include <poll.h>
#include <spdlog/spdlog.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <cerrno>
#include <chrono>
#include <mutex>
#include <set>
#include <stdexcept>
#include <thread>

namespace hs::store {

namespace {

using namespace std::chrono_literals;
using Clock = std::chrono::steady_clock;

constexpr const char* kChannel = "hs_live";
constexpr auto kGather = 50ms;  // notices a node sends: at most one batch this often

class PgChangeFeed final : public ChangeFeed {
 public:
  PgChangeFeed(std::string url, std::function<void(const std::string&)> on_change)
      : url_(std::move(url)), on_change_(std::move(on_change)) {
    if (pipe2(wake_, O_CLOEXEC | O_NONBLOCK) != 0) throw std::runtime_error("change feed: no pipe");
    thread_ = std::thread([this] { run(); });
  }
  ~PgChangeFeed() override {
    stop_ = true;
    wake();
    thread_.join();
    close(wake_[0]);
    close(wake_[1]);
  }

  void publish(const std::string& topic) override {
    {
      std::lock_guard g(mu_);
      if (!outbox_.insert(topic).second || outbox_.size() > 1) return;  // already due
    }
    wake();
  }

 private:
  void wake() { (void)!write(wake_[1], "x", 1); }
  void drain_pipe() {
    char buf[64];
    while (read(wake_[0], buf, sizeof buf) > 0) {
    }
  }

  // Waits up to `timeout` for the pipe (and the socket, when fd >= 0). False on error.
  bool wait(int fd, std::chrono::milliseconds timeout, bool& readable) {
    pollfd p[2] = {{wake_[0], POLLIN, 0}, {fd, POLLIN, 0}};
    int n = poll(p, fd >= 0 ? 2 : 1, static_cast<int>(timeout.count()));
    if (n < 0 && errno != EINTR) return false;
    if (n > 0 && (p[0].revents & POLLIN)) drain_pipe();
    readable = fd >= 0 && n > 0 && (p[1].revents & (POLLIN | POLLHUP | POLLERR));
    return true;
  }

  static bool exec(PGconn* c, const char* sql) {
    PGresult* r = PQexec(c, sql);
    bool ok = r && PQresultStatus(r) == PGRES_COMMAND_OK;
    PQclear(r);
    return ok;
  }

  void run() {
    auto backoff = 100ms;
    bool connected_before = false;
    while (!stop_) {
      PGconn* c = PQconnectdb(url_.c_str());
      // A notice is not data: no need to wait for the disk to send one.
      // Named, so that an operator (or a test) can tell it in pg_stat_activity.
      if (PQstatus(c) != CONNECTION_OK || !exec(c, "SET synchronous_commit TO off") ||
          !exec(c, "SET application_name TO 'humanspace live feed'") ||
          !exec(c, (std::string("LISTEN ") + kChannel).c_str())) {
        spdlog::warn("live updates from other servers paused: {}", PQerrorMessage(c));
        PQfinish(c);
        bool unused = false;
        wait(-1, backoff, unused);
        backoff = std::min<std::chrono::milliseconds>(backoff * 2, 5s);
        continue;
      }
      backoff = 100ms;
      // Notices sent while this node was not listening are lost: look at everything.
      if (connected_before) hand_on("");
      connected_before = true;
      serve(c);
      PQfinish(c);
    }
  }

  void serve(PGconn* c) {
    const int own = PQbackendPID(c);
    const int fd = PQsocket(c);
    auto last_sent = Clock::now() - kGather;
    while (!stop_) {
      std::set<std::string> out;
      auto now = Clock::now();
      if (now - last_sent >= kGather) {
        std::lock_guard g(mu_);
        out.swap(outbox_);
      }
      if (!out.empty()) {
        last_sent = now;
        for (const auto& topic : out) {
          const char* values[2] = {kChannel, topic.c_str()};
          PGresult* r = PQexecParams(c, "SELECT pg_notify($1, $2)", 2, nullptr, values, nullptr, nullptr, 0);
          bool ok = r && PQresultStatus(r) == PGRES_TUPLES_OK;
          PQclear(r);
          if (!ok) {
            spdlog::warn("live updates to other servers: {}", PQerrorMessage(c));
            std::lock_guard g(mu_);
            outbox_.insert(out.begin(), out.end());  // sent again once reconnected
            return;
          }
        }
      }
      received(c, own);  // notices that arrived with those results
      bool pending;
      {
        std::lock_guard g(mu_);
        pending = !outbox_.empty();
      }
      auto timeout =
          pending ? std::max<std::chrono::milliseconds>(
                        0ms, std::chrono::duration_cast<std::chrono::milliseconds>(last_sent + kGather - Clock::now()))
                  : std::chrono::milliseconds(1000);
      bool readable = false;
      if (!wait(fd, timeout, readable)) return;
      if (readable) {
        if (!PQconsumeInput(c)) {
          spdlog::warn("live updates from other servers: {}", PQerrorMessage(c));
          return;
        }
        received(c, own);
      }
      if (PQstatus(c) != CONNECTION_OK) return;
    }
  }

  void received(PGconn* c, int own) {
    while (PGnotify* n = PQnotifies(c)) {
      if (n->be_pid != own && n->extra && *n->extra) hand_on(n->extra);
      PQfreemem(n);
    }
  }

  void hand_on(const std::string& topic) {
    try {
      on_change_(topic);
    } catch (const std::exception& e) {
      spdlog::error("live update for {} from another server failed: {}", topic, e.what());
    }
  }

  std::string url_;
  std::function<void(const std::string&)> on_change_;
  int wake_[2] = {-1, -1};
  std::atomic<bool> stop_{false};
  std::mutex mu_;
  std::set<std::string> outbox_;
  std::thread thread_;
};

}  // namespace

std::unique_ptr<ChangeFeed> open_change_feed(const std::string& url,
                                             std::function<void(const std::string& topic)> on_change) {
  if (!url.starts_with("postgresql://") && !url.starts_with("postgres://")) return nullptr;
  return std::make_unique<PgChangeFeed>(url, std::move(on_change));
}

}  // namespace hs::store
