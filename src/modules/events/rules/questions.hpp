#pragma once
// Q&A: the order questions are shown in, and what a question may say. Pure.
#include <cstdint>
#include <string>
#include <vector>

#include "core/error.hpp"

namespace hs::events {

enum class QuestionSort { votes, time };

struct QuestionKey {
  std::int64_t id = 0;
  std::int64_t votes = 0;
  std::int64_t created_at = 0;
  bool answered = false;
};
// Unanswered first. By votes: most first, then the earlier asked. By time: in the order
// asked. Ties fall back to id, so the order never jumps between refreshes.
void order_questions(std::vector<QuestionKey>& qs, QuestionSort sort);

Result<std::string> check_question(const std::string& body);
Result<std::string> check_nickname(const std::string& nickname);  // "" is fine: no nickname

}  // namespace hs::events
