#pragma once
// Equality monitoring: a person's own answers (kept under a pseudonym, sealed), and the
// reports of a space's members with small numbers suppressed.
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "core/error.hpp"
#include "modules/equity/rules/questions.hpp"
#include "modules/equity/rules/suppression.hpp"
#include "services/fwd.hpp"

namespace hs::store {
class Conn;
}

namespace hs::equity::commands {

struct Mine {
  Answers answers;
  bool groups = false;  // they agreed that balanced breakout groups may use their answers
  bool any = false;     // they have saved answers at all
};
Mine mine(Services& app, std::int64_t user_id);
// Replaces the person's answers (cleaned: unknown questions and options dropped). Nothing
// answered and no agreement: the same as deleting them.
Result<void> save(Services& app, std::int64_t user_id, const Answers& answers, bool groups);
Result<void> forget(Services& app, std::int64_t user_id);
// equity::grouping_answers (module.hpp).
std::map<std::int64_t, Answers> grouping_answers(Services& app, store::Conn& c, const std::vector<std::int64_t>& user_ids);

// One question's table as the report shows it: rows with their counts (hidden ones
// "fewer than 5" or hidden), and against the reference population where the steward gave
// one: its share and whether the space's people are under-represented.
struct Row {
  std::string option;  // the option's key, or "not_answered"
  Shown shown;
  std::optional<std::int64_t> reference_per_mille;
  bool under = false;
};
struct QuestionReport {
  std::string key;
  std::vector<Row> rows;
  bool withheld = false;  // every answer too few to show safely
  std::int64_t answered = 0;  // people who answered this question (not "not answered")
};
struct Report {
  std::int64_t people = 0;  // members who answered any question
  std::int64_t members = 0;
  std::vector<QuestionReport> questions;
};
// For the space's stewards and facilitators; refused (conflict, equity_too_few) when fewer
// than kMinimumPeople members answered.
Result<Report> space_report(Services& app, std::int64_t space_id, std::int64_t user_id);
// The same for a list of people the caller may report on (an event's members who took
// part: the events module checks who may see it). No reference population.
Result<Report> people_report(Services& app, const std::vector<std::int64_t>& user_ids);
std::string report_csv(Services& app, const Report& r);
// Stewards: the reference shares of one question, as typed per option ("" for none).
Result<void> set_reference(Services& app, std::int64_t space_id, std::int64_t user_id, const std::string& question,
                           const std::vector<std::pair<std::string, std::string>>& typed);
std::vector<std::pair<std::string, std::int64_t>> reference_of(Services& app, std::int64_t space_id,
                                                               const std::string& question);

void erase_person(Services& app, store::Conn& c, std::int64_t user_id);
std::string export_person(Services& app, store::Conn& c, std::int64_t user_id);

}  // namespace hs::equity::commands
