#pragma once
// What a module's commands reach, and nothing more: the store, the clock, the keys, mail
// and the words it is written in, the decision log's appender, the live channel, presence
// and rate limits, and the hooks modules add for erasure and "download my data".
//
// It sits below the modules and above core, store and mail (docs/architecture.md). The web
// layer's App derives from it and adds what only pages need (the router, the page renderer,
// sessions from cookies), so a handler passes its App to a command, and a command's unit
// test builds a Services with nothing from src/web.
#include <cstdint>
#include <functional>
#include <memory>
#include <mutex>
#include <string>
#include <string_view>
#include <typeindex>
#include <unordered_map>
#include <utility>
#include <variant>
#include <vector>

#include "core/clock.hpp"
#include "core/crypto.hpp"
#include "core/error.hpp"
#include "services/fwd.hpp"

namespace hs {
class View;
}  // namespace hs
namespace hs::store {
class Store;
class Conn;
}  // namespace hs::store
namespace hs::mail {
class Mailer;
}  // namespace hs::mail

namespace hs::services {

class Hub;
class Coalescer;
class Presence;
class RateLimiter;
class SessionCache;

// The words people read in email, exports and the command line: the message catalogue and
// the plain-text email templates. web::Renderer is one (the same catalogue as the pages).
class Words {
 public:
  virtual ~Words() = default;
  // The message text for a key; the key itself when missing.
  virtual const std::string& t(const std::string& key) const = 0;
  // Replaces {name} placeholders in a message.
  virtual std::string format(const std::string& key,
                             const std::vector<std::pair<std::string, std::string>>& args) const = 0;
  // A template under templates/ (e.g. "email/accounts_reset") without HTML escaping, for
  // plain-text email: a mail reader shows text as text.
  virtual std::string render_text(std::string_view name, const View& view) const = 0;
};

// A value in a decision-log entry: text, a whole number, yes/no, or a list of texts. Never
// personal data: refer to a person by AuditLog::person_commitment.
using AuditValue = std::variant<std::string, std::int64_t, bool, std::vector<std::string>>;
using AuditFields = std::vector<std::pair<std::string, AuditValue>>;

// The tamper-evident decision log, for modules that record in it without depending on
// the audit module (which provides it: audit/module.hpp says what each call does).
class AuditLog {
 public:
  virtual ~AuditLog() = default;
  // Appends an entry inside the caller's transaction; returns its seq.
  virtual Result<std::int64_t> append(Services& s, store::Conn& c, std::int64_t space_id, std::string_view kind,
                                      const AuditFields& data) const = 0;
  // How an entry names a person in a space: a keyed hash that means nothing without the key.
  virtual std::string person_commitment(const Services& s, std::int64_t space_id, std::int64_t user_id) const = 0;
};

class Services {
 public:
  Services() = default;
  Services(const Services&) = delete;
  Services& operator=(const Services&) = delete;
  virtual ~Services() = default;

  store::Store* store = nullptr;
  const Clock* clock = nullptr;
  crypto::Key master_key{};  // every other key is derived from it (core/crypto.hpp)
  mail::Mailer* mailer = nullptr;
  const Words* words = nullptr;
  const AuditLog* audit = nullptr;  // set by the audit module
  Hub* hub = nullptr;               // live messages to those listening on a topic
  Coalescer* live = nullptr;        // coalesced live snapshots, at most 5 a second per topic
  Presence* presence = nullptr;     // who listens on a topic now, or loaded a page lately
  RateLimiter* limiter = nullptr;   // null: nothing is limited (some tests)
  // Sessions read in the last few seconds (services/session_cache.hpp says what keeps it
  // correct). Null: every request reads the store.
  std::shared_ptr<SessionCache> session_cache;

  // How people reach this site (--base-url, e.g. https://forum.example.org), else the
  // address the server listens on, set once bound. Links in email and feeds use them.
  std::string base_url;
  std::string listen_url;
  // A link to this site for email and feeds: never from a request's Host header (a reset
  // link sent to a host an attacker named would hand over the account).
  std::string link(std::string_view path) const;

  // Set by the spaces module: whether a person holds a role that can see others' data
  // (facilitator, auditor or steward anywhere). Such sessions get the short idle timeout.
  std::function<bool(std::int64_t user_id)> holds_elevated_role;
  // Modules that keep per-person data add themselves here.
  // Erasure: called inside the account-deletion transaction; remove or anonymise that
  // person's data (what others' records need stays, without the person in it).
  std::vector<std::function<void(store::Conn&, std::int64_t user_id)>> on_erase;
  // "Download my data": each returns {section name, a JSON value as text}.
  std::vector<std::function<std::pair<std::string, std::string>(store::Conn&, std::int64_t user_id)>> exporters;

  // What a module keeps between requests (kept tallies, pictures, short caches): one T
  // for these services, made on first use and gone with them, so two servers in one
  // process (or two tests) never share it. T is default-constructible and guards itself.
  template <class T>
  T& kept() {
    std::lock_guard lock(kept_mu_);
    auto& slot = kept_[std::type_index(typeid(T))];
    if (!slot) slot = std::make_shared<T>();
    return *static_cast<T*>(slot.get());
  }

 private:
  std::mutex kept_mu_;
  std::unordered_map<std::type_index, std::shared_ptr<void>> kept_;
};

}  // namespace hs::services
