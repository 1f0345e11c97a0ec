#include "modules/terms/rules/amendment.hpp"

#include "core/dates.hpp"
#include "core/text.hpp"

namespace hs::terms {

namespace {

// Lines compared without trailing spaces and Windows line ends, so that re-saving the
// same text is not an amendment.
std::string normalised(std::string_view s) {
  std::string out;
  std::size_t start = 0;
  while (start <= s.size()) {
    auto nl = s.find('\n', start);
    auto line = s.substr(start, nl == std::string_view::npos ? std::string_view::npos : nl - start);
    auto end = line.find_last_not_of(" \t\r");
    out += end == std::string_view::npos ? std::string_view() : line.substr(0, end + 1);
    out += '\n';
    if (nl == std::string_view::npos) break;
    start = nl + 1;
  }
  return std::string(text::trim(out));
}

}  // namespace

std::optional<Status> parse_status(std::string_view s) {
  for (auto st : {Status::proposed, Status::current, Status::superseded, Status::not_adopted})
    if (to_string(st) == s) return st;
  return std::nullopt;
}

std::string_view to_string(Status s) {
  switch (s) {
    case Status::proposed: return "proposed";
    case Status::current: return "current";
    case Status::superseded: return "superseded";
    case Status::not_adopted: return "not_adopted";
  }
  return "proposed";
}

std::string iso_day(std::int64_t t) { return dates::format(t, dates::Style::day); }

std::optional<std::string> iso_day(std::string_view day, std::string_view month, std::string_view year) {
  auto start = dates::parse_day(day, month, year);
  if (!start || *start < 0) return std::nullopt;  // before 1970
  return iso_day(*start);
}

Result<Amendment> validate_amendment(std::string_view body_in, std::string_view summary_in, std::string_view review_day,
                                     std::string_view review_month, std::string_view review_year,
                                     const std::optional<std::string>& current_body, std::int64_t now) {
  Validation v;
  Amendment a;
  auto body = text::trim(body_in);
  if (!text::valid_utf8(body) || text::has_control(body, true)) v.add("body", "terms_body_invalid");
  else if (body.empty()) v.add("body", "terms_body_required");
  else if (text::length(body) > kBodyMax) v.add("body", "terms_body_too_long");
  else if (current_body && normalised(body) == normalised(*current_body)) v.add("body", "terms_body_unchanged");
  a.body = std::string(body);

  auto summary = text::trim(summary_in);
  if (!text::valid_utf8(summary) || text::has_control(summary, false)) v.add("summary", "terms_summary_invalid");
  else if (summary.empty()) v.add("summary", "terms_summary_required");
  else if (text::length(summary) > kSummaryMax) v.add("summary", "terms_summary_too_long");
  a.summary = std::string(summary);

  auto review = iso_day(review_day, review_month, review_year);
  if (!review) {
    v.add("review", "terms_review_invalid");
  } else {
    const auto today = iso_day(now);
    auto limit = today;
    limit.replace(0, 4, std::to_string(std::stoi(today.substr(0, 4)) + kReviewMaxYears));
    if (*review < today) v.add("review", "terms_review_past");
    else if (*review > limit) v.add("review", "terms_review_too_far");
    a.review_on = *review;
  }
  if (!v.ok()) return fail(v.error());
  return a;
}

Result<void> check_may_propose(bool amendment_open) {
  if (amendment_open) return fail(ErrorCode::conflict, "terms_amendment_open");
  return {};
}

Status decided(bool passed) { return passed ? Status::current : Status::not_adopted; }

bool review_due(std::string_view review_on, std::int64_t now) {
  return !review_on.empty() && review_on <= iso_day(now);
}

}  // namespace hs::terms
