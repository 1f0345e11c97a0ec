#include "modules/conversations/rules/notify.hpp"

namespace hs::conversations {

std::optional<Level> parse_level(std::string_view s) {
  if (s == "watch") return Level::watch;
  if (s == "normal") return Level::normal;
  if (s == "mute") return Level::mute;
  return std::nullopt;
}
std::string_view to_string(Level l) {
  switch (l) {
    case Level::watch: return "watch";
    case Level::normal: return "normal";
    case Level::mute: return "mute";
  }
  return "normal";
}
std::optional<Email> parse_email(std::string_view s) {
  if (s == "at_once") return Email::at_once;
  if (s == "daily") return Email::daily;
  if (s == "weekly") return Email::weekly;
  if (s == "never") return Email::never;
  return std::nullopt;
}
std::string_view to_string(Email e) {
  switch (e) {
    case Email::at_once: return "at_once";
    case Email::daily: return "daily";
    case Email::weekly: return "weekly";
    case Email::never: return "never";
  }
  return "never";
}

Level effective_level(const Choices& c) {
  if (c.space == Level::mute || c.conversation == Level::mute) return Level::mute;
  return c.conversation.value_or(c.space);
}

Delivery decide(const Choices& c, const Happening& h) {
  Delivery d;
  if (h.is_actor) return d;
  const auto level = effective_level(c);
  if (level == Level::mute) return d;
  if (h.mentioned) d.reason = Reason::mention;
  else if (level == Level::watch) d.reason = h.new_conversation ? Reason::new_conversation : Reason::reply;
  else if (!h.new_conversation && h.took_part) d.reason = Reason::reply;
  if (d.reason == Reason::none) return d;
  switch (c.email) {
    case Email::at_once: d.email = When::now; break;
    case Email::daily: d.email = When::daily; break;
    case Email::weekly: d.email = When::weekly; break;
    case Email::never: d.email = When::never; break;
  }
  return d;
}

bool digest_due(Email choice, std::optional<std::int64_t> last_sent_at, std::int64_t oldest_waiting, std::int64_t now) {
  constexpr std::int64_t kDay = 24 * 60 * 60;
  if (choice != Email::daily && choice != Email::weekly) return false;
  const auto since = last_sent_at.value_or(oldest_waiting);
  return now - since >= (choice == Email::daily ? kDay : 7 * kDay);
}

}  // namespace hs::conversations
