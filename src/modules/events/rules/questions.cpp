#include "modules/events/rules/questions.hpp"

#include <algorithm>
#include <tuple>

#include "core/text.hpp"

namespace hs::events {
using namespace hs::text;

void order_questions(std::vector<QuestionKey>& qs, QuestionSort sort) {
  std::stable_sort(qs.begin(), qs.end(), [sort](const QuestionKey& a, const QuestionKey& b) {
    if (a.answered != b.answered) return !a.answered;
    if (sort == QuestionSort::votes && a.votes != b.votes) return a.votes > b.votes;
    return std::tie(a.created_at, a.id) < std::tie(b.created_at, b.id);
  });
}

Result<std::string> check_question(const std::string& body) {
  auto t = std::string(trim(body));
  if (t.empty()) return fail(Error{ErrorCode::invalid, "common_fix_errors", {{"question", "events_question_missing"}}});
  if (!valid_utf8(t) || length(t) > 500 || has_control(t, true))
    return fail(Error{ErrorCode::invalid, "common_fix_errors", {{"question", "events_question_too_long"}}});
  return t;
}

Result<std::string> check_nickname(const std::string& nickname) {
  auto t = std::string(trim(nickname));
  if (!valid_utf8(t) || length(t) > 40 || has_control(t, false))
    return fail(Error{ErrorCode::invalid, "common_fix_errors", {{"nickname", "events_nickname_too_long"}}});
  return t;
}

}  // namespace hs::events
