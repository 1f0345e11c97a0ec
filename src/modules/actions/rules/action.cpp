#include "modules/actions/rules/action.hpp"

#include "core/dates.hpp"
#include "core/text.hpp"

namespace hs::actions {

namespace {

// "" when the text is acceptable, else the message key for its field.
std::string check_text(std::string_view s, bool required, std::size_t max, bool newlines, const char* required_key,
                       const char* too_long_key) {
  if (!text::valid_utf8(s) || text::has_control(s, newlines)) return "actions_text_invalid";
  if (required && s.empty()) return required_key;
  if (text::length(s) > max) return too_long_key;
  return "";
}

int rank(Status s) {
  switch (s) {
    case Status::raised: return 0;
    case Status::looking_at: return 1;
    case Status::planned: return 2;
    case Status::made: return 3;
    case Status::not_changing: return 3;
  }
  return 0;
}

bool web_link(std::string_view s) {
  if (!(s.starts_with("https://") || s.starts_with("http://"))) return false;
  const auto rest = s.substr(s.find("://") + 3);
  if (rest.empty() || rest.front() == '/') return false;
  for (char ch : s)
    if (static_cast<unsigned char>(ch) <= ' ' || ch == '"' || ch == '<' || ch == '>') return false;
  return true;
}

}  // namespace

std::optional<Status> parse_status(std::string_view s) {
  if (s == "raised") return Status::raised;
  if (s == "looking_at") return Status::looking_at;
  if (s == "planned") return Status::planned;
  if (s == "made") return Status::made;
  if (s == "not_changing") return Status::not_changing;
  return std::nullopt;
}

std::string_view to_string(Status s) {
  switch (s) {
    case Status::raised: return "raised";
    case Status::looking_at: return "looking_at";
    case Status::planned: return "planned";
    case Status::made: return "made";
    case Status::not_changing: return "not_changing";
  }
  return "raised";
}

bool is_final(Status s) { return s == Status::made || s == Status::not_changing; }

bool may_move(Status from, Status to) {
  if (is_final(from)) return false;
  if (to == Status::raised) return false;  // raising is not a move
  return rank(to) > rank(from);
}

Result<Move> check_move(Status from, const MoveInput& in) {
  Validation v;
  auto to = parse_status(in.to);
  if (!to || *to == Status::raised) {
    v.add("to", "actions_status_required");
    return fail(v.error());
  }
  if (is_final(from)) return fail(ErrorCode::conflict, "actions_closed");
  if (!may_move(from, *to)) return fail(ErrorCode::conflict, "actions_move_refused");
  Move m{from, *to, "", ""};
  const auto note = text::trim(in.note);
  const auto account = text::trim(in.account);
  const auto link = text::trim(in.link);
  const auto reason = text::trim(in.reason);
  if (*to == Status::made) {
    if (auto e = check_text(account, true, kTextMax, true, "actions_account_required", "actions_text_too_long");
        !e.empty())
      v.add("account", e);
    if (!link.empty() && (link.size() > kLinkMax || !web_link(link))) v.add("link", "actions_link_invalid");
    m.text = std::string(account);
    m.link = std::string(link);
  } else if (*to == Status::not_changing) {
    if (auto e = check_text(reason, true, kTextMax, true, "actions_reason_required", "actions_text_too_long");
        !e.empty())
      v.add("reason", e);
    m.text = std::string(reason);
  }
  if (*to == Status::made || *to == Status::not_changing) {
    // Anything else the organisation wrote follows the account or the reason as a
    // paragraph of its own: what a person typed is never dropped.
    if (auto e = check_text(note, false, kTextMax, true, "", "actions_text_too_long"); !e.empty()) v.add("note", e);
    if (!note.empty()) m.text += "\n\n" + std::string(note);
  } else {
    if (auto e = check_text(note, false, kTextMax, true, "", "actions_text_too_long"); !e.empty()) v.add("note", e);
    m.text = std::string(note);
  }
  if (!v.ok()) return fail(v.error());
  return m;
}

Result<RaiseFields> check_raise(const RaiseInput& in, std::string_view today) {
  Validation v;
  RaiseFields out;
  out.title = std::string(text::trim(in.title));
  out.details = std::string(text::trim(in.details));
  if (auto e = check_text(out.title, true, kTitleMax, false, "actions_title_required", "actions_title_too_long");
      !e.empty())
    v.add("title", e);
  if (auto e = check_text(out.details, false, kDetailsMax, true, "", "actions_details_too_long"); !e.empty())
    v.add("details", e);
  const int sources = (in.story_id > 0) + (in.decision_id > 0) + (in.theme_id > 0);
  if (sources == 0) v.add("story", "actions_source_required");
  else if (sources > 1) v.add("story", "actions_source_one");
  if (in.organisation_id <= 0) v.add("organisation", "actions_organisation_required");
  const auto due = text::trim(in.due_on);
  if (!due.empty()) {
    if (!dates::parse_day(due)) v.add("due_on", "actions_due_invalid");
    else if (due < today) v.add("due_on", "actions_due_past");
    else out.due_on = std::string(due);
  }
  if (!v.ok()) return fail(v.error());
  return out;
}

bool due_soon(Status s, const std::optional<std::string>& due_on, std::string_view today) {
  if (is_final(s) || !due_on) return false;
  auto due = dates::parse_day(*due_on);
  auto now = dates::parse_day(today);
  if (!due || !now) return false;
  return *due - *now <= kDueSoonDays * 86400;
}

bool stale(Status s, std::int64_t updated_at, std::int64_t now) {
  return !is_final(s) && now - updated_at >= kStaleDays * 86400;
}

}  // namespace hs::actions
