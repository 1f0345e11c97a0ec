#pragma once
// Terms of reference: what an amendment must hold, how versions move between states, and
// when a review is due. Pure: no I/O; the time is passed in.
//
// A version is proposed with its full text, a short summary and a review date. Only one
// amendment is decided at a time in a space, so two amendments written against the same
// text can never both become current and silently drop each other's changes. When its
// decision closes, a passed version becomes current (the one before is superseded);
// otherwise it is recorded as not adopted. Every version stays readable.
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "core/error.hpp"

namespace hs::terms {

inline constexpr std::size_t kBodyMax = 50000;
inline constexpr std::size_t kSummaryMax = 300;
// A review further ahead than this is no review.
inline constexpr int kReviewMaxYears = 5;

enum class Status { proposed, current, superseded, not_adopted };

std::optional<Status> parse_status(std::string_view s);
std::string_view to_string(Status s);  // "proposed", "current", "superseded", "not_adopted"

struct Amendment {
  std::string body;       // trimmed Markdown
  std::string summary;    // trimmed
  std::string review_on;  // YYYY-MM-DD
};

// Field errors: body (terms_body_required, _too_long, _invalid, _unchanged), summary
// (terms_summary_required, _too_long, _invalid), review (terms_review_invalid, _past,
// _too_far). current_body: the text in force (nothing when the space has none yet).
Result<Amendment> validate_amendment(std::string_view body, std::string_view summary, std::string_view review_day,
                                     std::string_view review_month, std::string_view review_year,
                                     const std::optional<std::string>& current_body, std::int64_t now);

// (conflict, terms_amendment_open) while another amendment is being decided.
Result<void> check_may_propose(bool amendment_open);

// The status a version takes when its decision closes.
Status decided(bool passed);

// YYYY-MM-DD of a UTC time; and of a typed date when it is a real one.
std::string iso_day(std::int64_t t);
std::optional<std::string> iso_day(std::string_view day, std::string_view month, std::string_view year);

// Whether the review date has come (on the day itself and after).
bool review_due(std::string_view review_on, std::int64_t now);

}  // namespace hs::terms
