#pragma once
// The ways a forum can decide, their spelling in the database and in forms, and the rule
// texts each one's page must show. Pure: no I/O.
#include <optional>
#include <span>
#include <string_view>

namespace hs::decisions {

enum class Method { consent, consensus, majority, ranked_choice, score, dot_vote, meeting_poll };

inline constexpr Method kAllMethods[] = {Method::consent, Method::consensus, Method::majority,    Method::ranked_choice,
                                         Method::score,   Method::dot_vote,  Method::meeting_poll};

std::optional<Method> parse_method(std::string_view s);
std::string_view to_string(Method m);  // "consent", "ranked_choice", ...
std::string_view name_key(Method m);   // decisions_method_<name>

// Methods that decide on the proposal itself rather than choosing among options.
bool decides_proposal(Method m);

// The message keys, in reading order, that explain how this method counts, including
// how ties and (for ranked choice) exhausted ballots are handled. Every page that shows
// a decision shows these, so nobody has to guess how the result came about.
std::span<const std::string_view> rule_keys(Method m);

}  // namespace hs::decisions
