#pragma once
// Power and diversity. Who is in the room: equality questions, site-wide and optional at
// every step, kept apart from identity (under a pseudonym, sealed; nobody sees one
// person's answers), and reports per space for its stewards and facilitators with small
// numbers suppressed and a comparison with a reference population. Who holds the floor
// (contribution spread, speaking queue) comes next.
#include <cstdint>
#include <map>
#include <string>
#include <vector>

#include "core/error.hpp"
#include "modules/equity/rules/floor.hpp"  // re-exported: the spread of who was heard, the speaking queue's order
#include "modules/equity/rules/questions.hpp"  // re-exported: the questions (balanced groups read them)
#include "services/fwd.hpp"

namespace hs::web {
class App;
class Context;
struct Response;
}  // namespace hs::web
namespace hs {
class View;
}
namespace hs::store {
class Conn;
}

namespace hs::equity {

// Routes /account/equality (and /delete), /spaces/{slug}/equality (and .csv, /reference).
// Also erasure and "download my data".
void register_module(web::App& app);

// The equality report of these people (an event's members who took part), as a page in the
// caller's view (its title and back link); refused under 10 people who answered. The
// caller decides who may see it (the space's stewards and facilitators).
web::Response people_report_page(web::Context& c, View v, const std::vector<std::int64_t>& user_ids);

// For balanced breakout groups: the answers of those among these people (account ids) who
// agreed that their answers may be used to balance groups, inside the caller's transaction.
// Nobody else's answers are opened; what is returned is for planning groups in memory only.
std::map<std::int64_t, Answers> grouping_answers(Services& app, store::Conn& c, const std::vector<std::int64_t>& user_ids);

// For the demo seed and tests: saves the person's answers (question key to option keys).
Result<void> answer(Services& app, std::int64_t user_id, const std::map<std::string, std::vector<std::string>>& answers,
                    bool groups);

}  // namespace hs::equity
