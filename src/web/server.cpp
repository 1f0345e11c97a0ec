// The only translation unit that includes Boost.Beast. Shaped like Beast's
// advanced_server example: a strand per HTTP connection, a timeout before every read, a
// body limit on every parser, a bounded write queue for WebSocket, and a graceful stop.
// Live WebSockets move to live threads of their own, each running one event loop alone
// (so a connection there is serialised without a strand); see docs/live.md.
#include "web/server.hpp"

#include <boost/asio.hpp>
#include <boost/beast.hpp>
#include <spdlog/spdlog.h>
#include <unistd.h>

#include <array>
#include <chrono>
#include <fstream>
#include <list>
#include <mutex>
#include <thread>

#include "services/coalescer.hpp"
#include "services/hub.hpp"
#include "services/presence.hpp"
#include "web/app.hpp"
#include "web/metrics.hpp"
#include "web/parse.hpp"

namespace hs::web {

namespace beast = boost::beast;
namespace http = beast::http;
namespace websocket = beast::websocket;
namespace net = boost::asio;
using tcp = net::ip::tcp;
using namespace std::chrono_literals;

namespace {

constexpr std::size_t kHeaderLimit = 16 * 1024;
constexpr auto kHeaderTimeout = 10s;
constexpr auto kIdleTimeout = 60s;
// A body must keep coming: 30 s without a byte ends the request. Over all, it may take
// as long as its route's limit would take at 16 KiB/s (a 25 MB file over a slow phone
// connection: about 26 minutes), and never less than 30 s.
constexpr auto kBodyTimeout = 30s;
constexpr std::size_t kSlowestBodyRate = 16 * 1024;
constexpr auto kWriteTimeout = 30s;

class Closable {
 public:
  virtual ~Closable() = default;
  virtual void stop() = 0;  // called on the connection's own strand
  virtual net::any_io_executor executor() = 0;
};

class WsSession;

// One live thread: an io_context that it alone runs, so its connections need no strand,
// and a mailbox through which a snapshot reaches all of its connections with one post
// rather than one each (a post is a lock, a queue entry and often a wake-up).
class LiveLoop {
 public:
  net::io_context ioc{1};
  void deliver(std::shared_ptr<WsSession> s, std::shared_ptr<const std::string> m);

 private:
  void flush();
  std::mutex mu_;
  std::vector<std::pair<std::shared_ptr<WsSession>, std::shared_ptr<const std::string>>> inbox_;
  bool scheduled_ = false;
};

struct Shared {
  explicit Shared(App& a) : app(a) {}
  App& app;
  // Live WebSockets run on their own threads: a snapshot going out to thousands of
  // them never queues a page or a submission behind it, and a submission's commit
  // (an fsync) never holds a snapshot back. Connections are dealt to them in turn.
  std::vector<std::unique_ptr<LiveLoop>>* loops = nullptr;
  std::atomic<std::size_t> next_loop{0};
  LiveLoop& pick_loop() { return *(*loops)[next_loop++ % loops->size()]; }
  std::atomic<bool> stopping{false};
  std::mutex mu;
  std::list<std::weak_ptr<Closable>> live;

  std::list<std::weak_ptr<Closable>>::iterator track(const std::shared_ptr<Closable>& c) {
    std::lock_guard g(mu);
    return live.insert(live.end(), c);
  }
  void untrack(std::list<std::weak_ptr<Closable>>::iterator it) {
    std::lock_guard g(mu);
    live.erase(it);
  }
  void stop_all() {
    // Take the connections out under the lock, post outside it: dropping the last
    // reference runs a destructor that calls untrack(), which takes this same lock.
    std::vector<std::shared_ptr<Closable>> conns;
    {
      std::lock_guard g(mu);
      for (auto& w : live)
        if (auto c = w.lock()) conns.push_back(std::move(c));
    }
    for (auto& c : conns) net::post(c->executor(), [c] { c->stop(); });
  }
};

class WsSession final : public services::Subscriber, public Closable, public std::enable_shared_from_this<WsSession> {
 public:
  WsSession(tcp::socket&& s, Shared& sh, LiveLoop& loop, WsGrant grant)
      : ws_(std::move(s)), sh_(sh), loop_(loop), topic_(std::move(grant.topic)), who_(std::move(grant.who)) {
    // A snapshot is written whole and at once; no delay waiting to fill a segment.
    beast::error_code ec;
    ws_.next_layer().set_option(tcp::no_delay(true), ec);
    sh_.app.metrics->connection_opened();
  }
  ~WsSession() override {
    sh_.app.metrics->connection_closed();
    if (tracked_) sh_.untrack(it_);
    if (present_) sh_.app.presence->disconnected(topic_, who_, sh_.app.clock->now());
  }

  void run(http::request<http::string_body> req) {
    it_ = sh_.track(shared_from_this());
    tracked_ = true;
    ws_.set_option(websocket::stream_base::timeout::suggested(beast::role_type::server));
    // A snapshot goes out as one frame (one send), not split into 4 KiB pieces.
    ws_.auto_fragment(false);
    ws_.read_message_max(64 * 1024);
    ws_.async_accept(req, [self = shared_from_this()](beast::error_code ec) { self->on_accept(ec); });
  }

  void deliver(std::shared_ptr<const std::string> message) override {
    loop_.deliver(shared_from_this(), std::move(message));
  }
  // On the loop's thread.
  void take(std::shared_ptr<const std::string> message) {
    // The newest message replaces one not yet sent: a slow reader holds one, not a queue.
    pending_ = std::move(message);
    if (!writing_) do_write();
  }

  void stop() override {
    if (closing_) return;
    closing_ = true;
    ws_.async_close(websocket::close_code::going_away, [self = shared_from_this()](beast::error_code) {});
  }
  net::any_io_executor executor() override { return ws_.get_executor(); }

 private:
  void on_accept(beast::error_code ec) {
    if (ec) return;
    // The whole current state straight away: the topic's latest snapshot, or, for the
    // first to listen, one built now (it reaches every listener; nothing is relayed).
    if (!sh_.app.hub->subscribe(topic_, shared_from_this()) && sh_.app.live) sh_.app.live->refresh(topic_);
    subscribed_ = true;
    // Here while connected: the breakout rounds place the people whose page listens.
    if (sh_.app.presence && !who_.empty()) {
      sh_.app.presence->connected(topic_, who_, sh_.app.clock->now());
      present_ = true;
    }
    do_read();
  }
  void do_read() {
    ws_.async_read(buffer_, [self = shared_from_this()](beast::error_code ec, std::size_t) {
      if (ec) {
        if (self->subscribed_) self->sh_.app.hub->unsubscribe(self->topic_, self.get());
        return;
      }
      self->buffer_.consume(self->buffer_.size());  // clients listen; what they send is ignored
      self->do_read();
    });
  }
  void do_write() {
    if (!pending_ || closing_) return;
    writing_ = true;
    auto m = std::move(pending_);
    pending_.reset();
    ws_.text(true);
    ws_.async_write(net::buffer(*m), [self = shared_from_this(), m](beast::error_code ec, std::size_t) {
      self->writing_ = false;
      if (ec) return;
      self->do_write();
    });
  }

  // On the bare socket: the WebSocket's own timer keeps its timeouts, and a write does
  // not pass through tcp_stream's per-operation timer.
  websocket::stream<tcp::socket> ws_;
  Shared& sh_;
  LiveLoop& loop_;
  std::string topic_, who_;
  beast::flat_buffer buffer_;
  std::shared_ptr<const std::string> pending_;
  bool writing_ = false, closing_ = false, subscribed_ = false, tracked_ = false, present_ = false;
  std::list<std::weak_ptr<Closable>>::iterator it_;
};

void LiveLoop::deliver(std::shared_ptr<WsSession> s, std::shared_ptr<const std::string> m) {
  std::lock_guard g(mu_);
  inbox_.emplace_back(std::move(s), std::move(m));
  if (scheduled_) return;
  scheduled_ = true;
  net::post(ioc, [this] { flush(); });
}

void LiveLoop::flush() {
  decltype(inbox_) batch;
  {
    std::lock_guard g(mu_);
    batch.swap(inbox_);
    scheduled_ = false;
  }
  for (auto& [s, m] : batch) s->take(std::move(m));
}

class HttpSession final : public Closable, public std::enable_shared_from_this<HttpSession> {
 public:
  HttpSession(tcp::socket&& s, Shared& sh) : stream_(std::move(s)), sh_(sh) {
    beast::error_code ec;
    auto ep = stream_.socket().remote_endpoint(ec);
    if (!ec) remote_ = ep.address().to_string();
    sh_.app.metrics->connection_opened();
  }
  ~HttpSession() override {
    sh_.app.metrics->connection_closed();
    if (tracked_) sh_.untrack(it_);
  }

  void run() {
    it_ = sh_.track(shared_from_this());
    tracked_ = true;
    net::dispatch(stream_.get_executor(), [self = shared_from_this()] { self->do_read_header(); });
  }

  void stop() override {
    // Idle keep-alive connections close now; one mid-request closes after its response.
    if (idle_) {
      beast::error_code ec;
      stream_.socket().shutdown(tcp::socket::shutdown_both, ec);
      stream_.socket().close(ec);
    }
  }
  net::any_io_executor executor() override { return stream_.get_executor(); }

 private:
  void wait_for_request() {
    if (sh_.stopping) return do_close();
    if (buffer_.size() > 0) return do_read_header();
    // Between requests a connection may idle for a while; once a byte arrives the whole
    // header must follow within the header timeout.
    idle_ = true;
    stream_.expires_after(kIdleTimeout);
    stream_.async_read_some(buffer_.prepare(4096), [self = shared_from_this()](beast::error_code ec, std::size_t n) {
      self->idle_ = false;
      if (ec) return self->do_close();
      self->buffer_.commit(n);
      self->do_read_header();
    });
  }

  void do_read_header() {
    stream_.expires_after(kHeaderTimeout);  // for the whole header, however it trickles in
    read_head();
  }

  // Gathers the whole header block before Beast parses it, to look at it as it was sent:
  // Beast quietly joins folded lines (obs-fold), which RFC 9112 lets a server refuse and
  // which proxies read differently, so a folded header is refused with 400.
  void read_head() {
    std::string_view data(static_cast<const char*>(buffer_.data().data()), buffer_.size());
    std::size_t start = 0;
    while (data.substr(start).starts_with("\r\n")) start += 2;  // blank lines before a request
    auto end = data.find("\r\n\r\n", start);
    if (end == std::string_view::npos) {
      if (buffer_.size() >= kHeaderLimit) return reply_status(431, "The request headers are too large.\n");
      stream_.async_read_some(buffer_.prepare(4096), [self = shared_from_this()](beast::error_code ec, std::size_t n) {
        if (ec) return self->on_error(ec);
        self->buffer_.commit(n);
        self->read_head();
      });
      return;
    }
    auto head = data.substr(start, end + 2 - start);
    if (head.find("\n ") != std::string_view::npos || head.find("\n\t") != std::string_view::npos)
      return reply_status(400, "Header lines may not be folded.\n");
    parser_.emplace();
    parser_->header_limit(kHeaderLimit);
    // No limit while the header is read: Beast would refuse a Content-Length over it there,
    // before on_header could look up the route's own limit (a 25 MB upload form's). on_header
    // checks the Content-Length against the route's limit and sets it for the body.
    parser_->body_limit(boost::none);
    http::async_read_header(stream_, buffer_, *parser_,
                            [self = shared_from_this()](beast::error_code ec, std::size_t) { self->on_header(ec); });
  }

  void on_header(beast::error_code ec) {
    if (ec) return on_error(ec);
    auto& h = parser_->get();
    // HTTP/1.1 needs exactly one Host (RFC 9112 3.2); two could let a proxy and this
    // server disagree about which site a request is for.
    auto hosts = h.count(http::field::host);
    if (hosts > 1 || (hosts == 0 && h.version() >= 11))
      return reply_status(400, "The request needs exactly one Host header.\n");
    auto target = parse_target(std::string_view(h.target().data(), h.target().size()));
    if (!target) return reply_status(400, "The address is not valid.\n");
    if (websocket::is_upgrade(h)) return upgrade(*target);
    auto method = std::string(h.method_string());
    auto limit = sh_.app.router.body_limit(method, target->path, sh_.app.config.body_limit);
    if (h.has_content_length() && parser_->content_length() && *parser_->content_length() > limit)
      return reply_status(413, "The request is too large.\n");
    parser_->body_limit(limit);
    body_deadline_ = std::chrono::steady_clock::now() +
                     std::max<std::chrono::steady_clock::duration>(
                         kBodyTimeout, std::chrono::seconds(limit / kSlowestBodyRate));
    if (h[http::field::expect] == "100-continue") {
      // Tell the client to send the body it is holding back.
      auto cont = std::make_shared<http::response<http::empty_body>>(http::status::continue_, 11);
      http::async_write(stream_, *cont, [self = shared_from_this(), cont](beast::error_code ec, std::size_t) {
        if (ec) return self->do_close();
        self->read_body();
      });
      return;
    }
    read_body();
  }

  // Reads the body a piece at a time, each piece within kBodyTimeout of the last and the
  // whole before its deadline.
  void read_body() {
    if (parser_->is_done()) return on_read({});
    const auto now = std::chrono::steady_clock::now();
    if (now >= body_deadline_) return do_close();
    stream_.expires_after(std::min<std::chrono::steady_clock::duration>(kBodyTimeout, body_deadline_ - now));
    http::async_read_some(stream_, buffer_, *parser_, [self = shared_from_this()](beast::error_code ec, std::size_t) {
      if (ec) return self->on_read(ec);
      self->read_body();
    });
  }

  void on_error(beast::error_code ec) {
    if (ec == http::error::end_of_stream || ec == beast::error::timeout || ec == net::error::operation_aborted ||
        ec == net::error::connection_reset || ec == net::error::eof)
      return do_close();
    if (ec == http::error::header_limit) return reply_status(431, "The request headers are too large.\n");
    if (ec == http::error::body_limit) return reply_status(413, "The request is too large.\n");
    if (ec.category() == http::make_error_code(http::error::bad_method).category())
      return reply_status(400, "The request could not be understood.\n");
    spdlog::debug("connection error: {}", ec.message());
    do_close();
  }

  Request make_request(const http::request_header<>& h, std::string path, std::string query) {
    Request r;
    r.method = std::string(h.method_string());
    r.target = std::string(h.target());
    r.path = std::move(path);
    r.query = std::move(query);
    for (const auto& f : h) {
      std::string name(f.name_string());
      for (auto& c : name) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
      r.headers.emplace_back(std::move(name), std::string(f.value()));
    }
    r.remote = remote_;
    if (sh_.app.config.trust_proxy) {
      auto xff = r.header("x-forwarded-for");
      // The last entry is the one our proxy added; earlier ones the client could invent.
      if (!xff.empty()) {
        auto last = xff.rfind(',');
        auto addr = last == std::string_view::npos ? xff : xff.substr(last + 1);
        while (!addr.empty() && addr.front() == ' ') addr.remove_prefix(1);
        r.remote = std::string(addr);
      }
      r.secure = r.header("x-forwarded-proto") == "https";
    }
    beast::error_code ec;
    auto addr = net::ip::make_address(r.remote, ec);
    if (!ec && addr.is_v6() && addr.to_v6().is_v4_mapped())
      addr = net::ip::make_address_v4(net::ip::v4_mapped, addr.to_v6());
    r.loopback = !ec && addr.is_loopback();
    return r;
  }

  void on_read(beast::error_code ec) {
    if (ec) return on_error(ec);
    auto msg = parser_->release();
    auto target = parse_target(std::string_view(msg.target().data(), msg.target().size()));
    if (!target) return reply_status(400, "The address is not valid.\n");
    Request req = make_request(msg.base(), std::move(target->path), std::move(target->query));
    req.body = std::move(msg.body());
    Response res = dispatch(sh_.app, req);
    bool keep = msg.keep_alive() && !res.close && !sh_.stopping;
    write(std::move(res), msg.method() == http::verb::head, keep);
  }

  void upgrade(Target target) {
    // The handshake is a GET without a body: read nothing more.
    Request req = make_request(parser_->get().base(), std::move(target.path), std::move(target.query));
    auto outcome = authorise_websocket(sh_.app, req);
    if (auto* res = std::get_if<Response>(&outcome)) return write(std::move(*res), false, false);
    stream_.expires_never();
    // The connection moves to the live threads: the same descriptor, now watched there.
    auto http_socket = stream_.release_socket();
    beast::error_code ec;
    auto protocol = http_socket.local_endpoint(ec).protocol();
    if (ec) return;  // the peer has gone already
    auto fd = http_socket.release(ec);
    if (ec) return;
    auto& loop = sh_.pick_loop();
    tcp::socket live(loop.ioc);
    live.assign(protocol, fd, ec);
    if (ec) {
      ::close(fd);
      return;
    }
    std::make_shared<WsSession>(std::move(live), sh_, loop, std::get<WsGrant>(outcome))->run(parser_->release());
  }

  void reply_status(int status, std::string text) {
    Request req;
    Response res = Response::text(status, std::move(text));
    res.set("Content-Security-Policy", "default-src 'none'");
    res.set("X-Content-Type-Options", "nosniff");
    sh_.app.metrics->observe("malformed", status, 0);
    spdlog::info("- malformed request answered {}", status);
    write(std::move(res), false, false);
  }

  // A response is small and whole when we send it, so it goes out as one status-and-
  // headers block and the body, in one gathered write, rather than through Beast's
  // serializer (which builds a header container and walks buffer views per request).
  // What goes on the wire is what Beast wrote: the status line with the usual reason,
  // the headers in order, "Connection: close" when closing, then Content-Length.
  void write(Response res, bool head, bool keep_alive) {
    struct Outgoing {
      std::string head, body;
    };
    auto out = std::make_shared<Outgoing>();
    const auto status = static_cast<unsigned>(res.status);
    bool fields_ok = true;
    for (const auto& [k, v] : res.headers)
      if (!field_ok(k, v)) fields_ok = false;
    if (!fields_ok || status < 100 || status > 999) {
      // A header that could split the response is a bug upstream: never send it.
      spdlog::error("response {} with an unsafe header or status not sent", status);
      res = Response::text(500, "Sorry, something went wrong on our side.\n");
      res.set("Content-Security-Policy", "default-src 'none'");
      res.set("X-Content-Type-Options", "nosniff");
      keep_alive = false;
    }
    const auto reason = http::obsolete_reason(static_cast<http::status>(res.status));
    std::size_t size = 64 + reason.size();
    for (const auto& [k, v] : res.headers) size += k.size() + v.size() + 4;
    auto& h = out->head;
    h.reserve(size);
    h += "HTTP/1.1 ";
    h += std::to_string(res.status);
    h += ' ';
    h += reason;
    h += "\r\n";
    for (const auto& [k, v] : res.headers) {
      if (beast::iequals(k, "content-length") || beast::iequals(k, "transfer-encoding") ||
          beast::iequals(k, "connection"))
        continue;  // ours alone decide these
      h += k;
      h += ": ";
      h += v;
      h += "\r\n";
    }
    if (!keep_alive) h += "Connection: close\r\n";
    // No length on answers that never carry a body (1xx, 204, 304).
    if (!(res.status < 200 || res.status == 204 || res.status == 304)) {
      h += "Content-Length: ";
      h += std::to_string(res.body.size());
      h += "\r\n";
    }
    h += "\r\n";
    if (!head && !(res.status < 200 || res.status == 204 || res.status == 304)) out->body = std::move(res.body);
    stream_.expires_after(kWriteTimeout);
    std::array<net::const_buffer, 2> buffers{net::buffer(out->head), net::buffer(out->body)};
    net::async_write(stream_, buffers, [self = shared_from_this(), out, keep_alive](beast::error_code ec, std::size_t) {
      if (ec || !keep_alive) return self->do_close();
      self->wait_for_request();
    });
  }

  static bool field_ok(std::string_view name, std::string_view value) {
    if (name.empty()) return false;
    for (unsigned char c : name)
      if (c <= 32 || c >= 127 || c == ':') return false;
    for (unsigned char c : value)
      if (c == '\r' || c == '\n' || c == 0) return false;
    return true;
  }

  void do_close() {
    beast::error_code ec;
    stream_.socket().shutdown(tcp::socket::shutdown_send, ec);
  }

  beast::tcp_stream stream_;
  Shared& sh_;
  beast::flat_buffer buffer_;
  std::optional<http::request_parser<http::string_body>> parser_;
  std::chrono::steady_clock::time_point body_deadline_{};
  std::string remote_;
  bool idle_ = false, tracked_ = false;
  std::list<std::weak_ptr<Closable>>::iterator it_;
};

class Listener : public std::enable_shared_from_this<Listener> {
 public:
  Listener(net::io_context& ioc, tcp::endpoint ep, Shared& sh) : ioc_(ioc), acceptor_(net::make_strand(ioc)), sh_(sh) {
    acceptor_.open(ep.protocol());
    acceptor_.set_option(net::socket_base::reuse_address(true));
    acceptor_.bind(ep);
    acceptor_.listen(net::socket_base::max_listen_connections);
  }
  tcp::endpoint local() const { return acceptor_.local_endpoint(); }
  void run() { do_accept(); }
  void stop() {
    net::post(acceptor_.get_executor(), [self = shared_from_this()] {
      beast::error_code ec;
      self->acceptor_.close(ec);
    });
  }

 private:
  void do_accept() {
    acceptor_.async_accept(net::make_strand(ioc_), [self = shared_from_this()](beast::error_code ec, tcp::socket s) {
      if (ec == net::error::operation_aborted || !self->acceptor_.is_open()) return;
      if (!ec) {
        // A response goes out in several writes (a page of 200 KB); with Nagle's algorithm
        // its last small segment waits for the client's delayed ACK of the one before,
        // about 40 ms on Linux, now and then. Each write is a whole piece already.
        beast::error_code nd;
        s.set_option(tcp::no_delay(true), nd);
        std::make_shared<HttpSession>(std::move(s), self->sh_)->run();
      } else {
        spdlog::warn("accept failed: {}", ec.message());
      }
      self->do_accept();
    });
  }
  net::io_context& ioc_;
  tcp::acceptor acceptor_;
  Shared& sh_;
};

tcp::endpoint parse_listen(const std::string& listen) {
  auto colon = listen.rfind(':');
  if (colon == std::string::npos) throw std::invalid_argument("--listen must be HOST:PORT, got " + listen);
  auto host = listen.substr(0, colon);
  if (host.size() >= 2 && host.front() == '[' && host.back() == ']') host = host.substr(1, host.size() - 2);
  if (host == "localhost") host = "127.0.0.1";
  int port = std::stoi(listen.substr(colon + 1));
  if (port < 0 || port > 65535) throw std::invalid_argument("port out of range in --listen " + listen);
  return {net::ip::make_address(host), static_cast<unsigned short>(port)};
}

}  // namespace

// Runs an event loop until it is stopped. Handlers catch their own failures (dispatch
// answers 500), so an exception here is a bug in a completion handler: it is logged and
// the loop goes on, rather than ending every connection the process holds.
void run_guarded(net::io_context& ioc) {
  for (;;) {
    try {
      ioc.run();
      return;
    } catch (const std::exception& e) {
      spdlog::error("an event loop caught: {}", e.what());
    }
  }
}

void serve(App& app) {
  int threads = app.config.threads > 0 ? app.config.threads : static_cast<int>(std::thread::hardware_concurrency());
  if (threads < 1) threads = 1;
  // Declared first, so it outlives the contexts: handlers they still hold when destroyed
  // end connections that untrack themselves here.
  Shared shared(app);
  net::io_context ioc{threads};
  std::vector<std::unique_ptr<LiveLoop>> loops;
  for (int i = 0; i < threads; ++i) loops.push_back(std::make_unique<LiveLoop>());
  shared.loops = &loops;
  auto listener = std::make_shared<Listener>(ioc, parse_listen(app.config.listen), shared);
  auto ep = listener->local();
  // Without --base-url, links in email name the address listened on: never the Host
  // header, which whoever sends the request chooses.
  auto address = ep.address().is_v6() ? "[" + ep.address().to_string() + "]" : ep.address().to_string();
  app.listen_url = "http://" + address + ":" + std::to_string(ep.port());
  if (!app.config.port_file.empty()) {
    std::ofstream(app.config.port_file + ".tmp") << ep.port() << "\n";
    std::rename((app.config.port_file + ".tmp").c_str(), app.config.port_file.c_str());
  }
  spdlog::info("listening on {}:{} with {} threads", ep.address().to_string(), ep.port(), threads);
  listener->run();

  net::signal_set signals(ioc, SIGINT, SIGTERM);
  net::steady_timer drain(ioc);
  auto deadline = std::chrono::steady_clock::now();
  std::function<void()> check = [&] {
    if (app.metrics->open_connections() <= 0 || std::chrono::steady_clock::now() > deadline) {
      for (auto& l : loops) l->ioc.stop();
      ioc.stop();
      return;
    }
    drain.expires_after(50ms);
    drain.async_wait([&](beast::error_code) { check(); });
  };
  signals.async_wait([&](beast::error_code ec, int sig) {
    if (ec) return;
    spdlog::info("signal {}: finishing requests in flight, then stopping", sig);
    shared.stopping = true;
    listener->stop();
    shared.stop_all();
    deadline = std::chrono::steady_clock::now() + 10s;
    check();
  });

  // The live threads run until stopped, with or without connections.
  std::vector<net::executor_work_guard<net::io_context::executor_type>> live_work;
  for (auto& l : loops) live_work.push_back(net::make_work_guard(l->ioc));
  std::vector<std::thread> pool;
  for (int i = 1; i < threads; ++i) pool.emplace_back([&] { run_guarded(ioc); });
  for (auto& l : loops) pool.emplace_back([&ctx = l->ioc] { run_guarded(ctx); });
  run_guarded(ioc);
  live_work.clear();
  for (auto& l : loops) l->ioc.stop();
  for (auto& t : pool) t.join();
  spdlog::info("stopped");
}

}  // namespace hs::web
