// The participants' side of bench/live: holds N WebSocket connections and notes when
// each snapshot arrives, at a few microseconds a message, so that the load generator
// is not what limits the measurement (the Node `ws` client costs ~25 µs a message, and
// on two cores the generator then shares the machine with the server it measures).
//
//   listen --port P --path /events/1/live --origin http://127.0.0.1:P --cookies FILE
//          --threads T --out FILE
//
// FILE has one Cookie header value per line, one connection each. The connections are
// shared out among T threads, each with its own epoll. When every connection has been
// tried it prints "opened K" on stdout; on a line "finish" on stdin it writes the
// results to --out, prints "done" and exits.
//
// What it records, as loadgen.mjs's Timeline does: per connection, each time a
// message's "responses": count grows, the time (CLOCK_MONOTONIC in ms, the clock of
// Node's process.hrtime) and the count. The count is found with a byte search.
//
// Output: little-endian doubles: refused, failed, errors, dropped, messages, bytes,
// busy p99 (ms: the longest 1 % of the threads' turns through ready connections),
// connections; then per open connection: n, n times, n counts.
//
// Only what the bench needs of RFC 6455 from a client: the handshake (its accept key
// is not checked), unmasked frames from the server read whole, a ping answered with a
// pong, a close noted. Messages are expected in one frame (both servers send them so).
#include <arpa/inet.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <sys/epoll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <cerrno>
#include <cstdint>
#include <cstdio>
#include <cstring>
#include <ctime>
#include <fstream>
#include <iostream>
#include <string>
#include <string_view>
#include <thread>
#include <vector>

namespace {

double now_ms() {
  timespec ts{};
  clock_gettime(CLOCK_MONOTONIC, &ts);
  return static_cast<double>(ts.tv_sec) * 1e3 + static_cast<double>(ts.tv_nsec) / 1e6;
}

constexpr std::string_view kMark = "\"responses\":";
constexpr int kInFlight = 100;  // handshakes under way at once, per thread

struct Options {
  int port = 0, threads = 1;
  std::string path, origin, cookies, out;
};

enum class State { connecting, handshake, open, closed };

struct Conn {
  int fd = -1;
  State state = State::connecting;
  std::string cookie;
  std::string in;
  std::vector<double> t, c;
  long long last = -1;
};

struct Stats {
  long long refused = 0, failed = 0, errors = 0, dropped = 0, messages = 0, bytes = 0;
};

std::atomic<bool> g_stop{false};

class Worker {
 public:
  Worker(const Options& o, std::vector<std::string> cookies) : o_(o) {
    conns_.resize(cookies.size());
    for (std::size_t i = 0; i < cookies.size(); ++i) conns_[i].cookie = std::move(cookies[i]);
    ep_ = epoll_create1(0);
  }
  ~Worker() {
    for (auto& c : conns_)
      if (c.fd >= 0) close(c.fd);
    close(ep_);
  }

  void run() {
    while (started_ < conns_.size() && started_ - settled_ < kInFlight) start(started_++);
    epoll_event events[256];
    std::vector<double> turns;
    while (!g_stop.load(std::memory_order_relaxed)) {
      int n = epoll_wait(ep_, events, 256, 50);
      double t0 = now_ms();
      for (int i = 0; i < n; ++i) on_event(conns_[events[i].data.u64], events[i].events);
      while (started_ < conns_.size() && started_ - settled_ < kInFlight) start(started_++);
      if (settled_ == conns_.size() && !opened_done_) opened_done_ = true;
      if (n > 0 && measuring_) turns.push_back(now_ms() - t0);
      if (opened_done_) measuring_ = true;
    }
    if (!turns.empty()) {
      std::sort(turns.begin(), turns.end());
      busy_p99_ = turns[std::min(turns.size() - 1, turns.size() * 99 / 100)];
    }
  }

  bool opened_all() const { return opened_done_; }
  std::size_t open_count() const {
    std::size_t k = 0;
    for (const auto& c : conns_) k += c.state == State::open;
    return k;
  }
  const std::vector<Conn>& conns() const { return conns_; }
  const Stats& stats() const { return stats_; }
  double busy_p99() const { return busy_p99_; }

 private:
  void start(std::size_t i) {
    auto& c = conns_[i];
    c.fd = socket(AF_INET, SOCK_STREAM | SOCK_NONBLOCK | SOCK_CLOEXEC, 0);
    sockaddr_in a{};
    a.sin_family = AF_INET;
    a.sin_port = htons(static_cast<std::uint16_t>(o_.port));
    a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    if (c.fd < 0 || (connect(c.fd, reinterpret_cast<sockaddr*>(&a), sizeof a) < 0 && errno != EINPROGRESS)) {
      fail(c, stats_.failed);
      return;
    }
    epoll_event ev{};
    ev.events = EPOLLOUT;
    ev.data.u64 = i;
    epoll_ctl(ep_, EPOLL_CTL_ADD, c.fd, &ev);
  }

  void fail(Conn& c, long long& counter) {
    ++counter;
    if (c.fd >= 0) close(c.fd);
    c.fd = -1;
    if (c.state == State::connecting || c.state == State::handshake) ++settled_;
    c.state = State::closed;
  }

  void on_event(Conn& c, std::uint32_t events) {
    if (c.state == State::connecting) {
      int err = 0;
      socklen_t len = sizeof err;
      getsockopt(c.fd, SOL_SOCKET, SO_ERROR, &err, &len);
      if (err != 0) return fail(c, stats_.failed);
      std::string req = "GET " + o_.path + " HTTP/1.1\r\nHost: 127.0.0.1:" + std::to_string(o_.port) +
                        "\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
                        "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\nOrigin: " +
                        o_.origin + "\r\nCookie: " + c.cookie + "\r\n\r\n";
      if (write(c.fd, req.data(), req.size()) != static_cast<ssize_t>(req.size())) return fail(c, stats_.failed);
      c.state = State::handshake;
      epoll_event ev{};
      ev.events = EPOLLIN;
      ev.data.u64 = static_cast<std::uint64_t>(&c - conns_.data());
      epoll_ctl(ep_, EPOLL_CTL_MOD, c.fd, &ev);
      return;
    }
    (void)events;
    char buf[65536];
    for (;;) {
      ssize_t n = read(c.fd, buf, sizeof buf);
      if (n > 0) {
        double t = now_ms();
        c.in.append(buf, static_cast<std::size_t>(n));
        if (c.state == State::handshake) {
          auto end = c.in.find("\r\n\r\n");
          if (end == std::string::npos) continue;
          if (c.in.compare(0, 12, "HTTP/1.1 101") != 0) return fail(c, stats_.refused);
          c.in.erase(0, end + 4);
          c.state = State::open;
          ++settled_;
        }
        if (!frames(c, t)) return;
        continue;
      }
      if (n < 0 && (errno == EAGAIN || errno == EWOULDBLOCK)) return;
      if (n < 0 && errno == EINTR) continue;
      // Closed or reset by the server.
      if (c.state == State::open) {
        if (!g_stop.load()) ++stats_.dropped;
        close(c.fd);
        c.fd = -1;
        c.state = State::closed;
      } else {
        fail(c, n == 0 ? stats_.refused : stats_.failed);
      }
      return;
    }
  }

  // Reads every whole frame in c.in; false when the connection was closed.
  bool frames(Conn& c, double t) {
    std::size_t at = 0;
    const auto* p = reinterpret_cast<const unsigned char*>(c.in.data());
    while (c.in.size() - at >= 2) {
      unsigned op = p[at] & 0x0f;
      std::uint64_t len = p[at + 1] & 0x7f;
      std::size_t head = 2;
      if (len == 126) {
        if (c.in.size() - at < 4) break;
        len = (std::uint64_t{p[at + 2]} << 8) | p[at + 3];
        head = 4;
      } else if (len == 127) {
        if (c.in.size() - at < 10) break;
        len = 0;
        for (int k = 0; k < 8; ++k) len = (len << 8) | p[at + 2 + k];
        head = 10;
      }
      if (p[at + 1] & 0x80) head += 4;  // a server must not mask; tolerated
      if (c.in.size() - at < head + len) break;
      std::string_view payload(c.in.data() + at + head, len);
      if (op == 0 || op == 1 || op == 2) {
        ++stats_.messages;
        stats_.bytes += static_cast<long long>(len);
        auto i = payload.find(kMark);
        if (i != std::string_view::npos) {
          long long v = 0;
          for (auto j = i + kMark.size(); j < payload.size() && payload[j] >= '0' && payload[j] <= '9'; ++j)
            v = v * 10 + (payload[j] - '0');
          if (v > c.last) {
            c.last = v;
            c.t.push_back(t);
            c.c.push_back(static_cast<double>(v));
          }
        }
      } else if (op == 9 && len <= 125) {
        // A pong with the ping's payload, masked with a zero key (a client must mask).
        std::string pong;
        pong += static_cast<char>(0x8A);
        pong += static_cast<char>(0x80 | len);
        pong.append(4, '\0');
        pong.append(payload);
        (void)!write(c.fd, pong.data(), pong.size());
      } else if (op == 8) {
        if (!g_stop.load()) ++stats_.dropped;
        close(c.fd);
        c.fd = -1;
        c.state = State::closed;
        return false;
      }
      at += head + len;
    }
    c.in.erase(0, at);
    return true;
  }

  const Options& o_;
  std::vector<Conn> conns_;
  int ep_ = -1;
  std::size_t started_ = 0, settled_ = 0;
  std::atomic<bool> opened_done_{false};
  bool measuring_ = false;
  Stats stats_;
  double busy_p99_ = 0;
};

}  // namespace

int main(int argc, char** argv) {
  Options o;
  for (int i = 1; i + 1 < argc; i += 2) {
    std::string k = argv[i], v = argv[i + 1];
    if (k == "--port") o.port = std::stoi(v);
    else if (k == "--path") o.path = v;
    else if (k == "--origin") o.origin = v;
    else if (k == "--cookies") o.cookies = v;
    else if (k == "--threads") o.threads = std::max(1, std::stoi(v));
    else if (k == "--out") o.out = v;
    else {
      std::cerr << "unknown option " << k << "\n";
      return 2;
    }
  }
  std::vector<std::string> cookies;
  {
    std::ifstream f(o.cookies);
    for (std::string line; std::getline(f, line);)
      if (!line.empty()) cookies.push_back(line);
  }
  std::vector<std::unique_ptr<Worker>> workers;
  std::size_t per = (cookies.size() + static_cast<std::size_t>(o.threads) - 1) / static_cast<std::size_t>(o.threads);
  for (int w = 0; w < o.threads; ++w) {
    auto from = std::min(cookies.size(), per * static_cast<std::size_t>(w));
    auto to = std::min(cookies.size(), from + per);
    workers.push_back(std::make_unique<Worker>(o, std::vector<std::string>(cookies.begin() + static_cast<long>(from),
                                                                           cookies.begin() + static_cast<long>(to))));
  }
  std::vector<std::thread> threads;
  for (auto& w : workers) threads.emplace_back([&w] { w->run(); });
  for (;;) {
    bool all = true;
    for (auto& w : workers) all = all && w->opened_all();
    if (all) break;
    std::this_thread::sleep_for(std::chrono::milliseconds(20));
  }
  std::size_t opened = 0;
  for (auto& w : workers) opened += w->open_count();
  std::cout << "opened " << opened << std::endl;
  for (std::string line; std::getline(std::cin, line);)
    if (line == "finish") break;
  g_stop = true;
  for (auto& t : threads) t.join();

  Stats total;
  double busy = 0;
  std::vector<double> out(8, 0);
  for (auto& w : workers) {
    const auto& s = w->stats();
    total.refused += s.refused;
    total.failed += s.failed;
    total.errors += s.errors;
    total.dropped += s.dropped;
    total.messages += s.messages;
    total.bytes += s.bytes;
    busy = std::max(busy, w->busy_p99());
    for (const auto& c : w->conns()) {
      if (c.t.empty() && c.state != State::open) continue;
      out.push_back(static_cast<double>(c.t.size()));
      out.insert(out.end(), c.t.begin(), c.t.end());
      out.insert(out.end(), c.c.begin(), c.c.end());
      out[7] += 1;
    }
  }
  out[0] = static_cast<double>(total.refused);
  out[1] = static_cast<double>(total.failed);
  out[2] = static_cast<double>(total.errors);
  out[3] = static_cast<double>(total.dropped);
  out[4] = static_cast<double>(total.messages);
  out[5] = static_cast<double>(total.bytes);
  out[6] = busy;
  std::FILE* f = std::fopen(o.out.c_str(), "wb");
  if (!f || std::fwrite(out.data(), sizeof(double), out.size(), f) != out.size()) {
    std::cerr << "cannot write " << o.out << "\n";
    return 1;
  }
  std::fclose(f);
  std::cout << "done" << std::endl;
  return 0;
}
