#pragma once
// What the method descriptors share (methods/*.cpp): reading form numbers, the parts of
// a stored choice, pieces of the proposal's page, and reading stored answers back.
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "modules/decisions/methods/descriptor.hpp"
#include "modules/decisions/rules/results_csv.hpp"
#include "web/view.hpp"

namespace hs::decisions::methods {

// Adds an error's field messages to v (or its message, when it names no field).
void add_error(Validation& v, const Error& e);
// A whole number as typed in a form, white space around it allowed.
std::optional<int> whole(std::string_view s);
// The comma-separated parts of a stored choice ("" has none), as the form holds them.
std::vector<std::string> choice_parts(const std::string& choice);
// The name of option i; "" past the end.
std::string option_name(const std::vector<std::string>& options, std::size_t i);
// A person's name, or "former member" once the account is erased.
std::string name_or_former(const web::Renderer& words, const std::string& name);

// A radio button of the answer form; the first of its group takes the group's name as
// id, so that an error summary can link to it.
web::View radio(const std::string& name, const std::string& value, const std::string& label, bool checked, bool first,
                const std::string& hint = "");
// A row's radio buttons, all named `name`, one per (value, label) – label "" for none.
// Ids are <name>_<value>, except the first of the first row's, which is `group_id` so
// that an error summary can link to it.
web::View radio_row(const std::string& group_id, const std::string& name, bool first_row,
                    const std::vector<std::pair<std::string, std::string>>& values, const std::string& chosen);
// A reason shown with the results: whose (named polls only), the answer it came with.
web::View reason_item(const web::Renderer& words, const std::string& name, const std::string& label_key,
                      const std::string& reason);
// Every reason given, beside the answer it came with (label_key of the answer), with the
// name when names are shown; anonymous answers otherwise.
template <class LabelKey>
void add_reasons(const web::Renderer& words, web::View& reasons, const PageInput& in, LabelKey label_key) {
  if (in.names) {
    for (const auto& a : in.named)
      if (!a.ballot.reason.empty())
        reasons.push(reason_item(words, name_or_former(words, a.name), label_key(a.ballot), a.ballot.reason));
  } else {
    for (const auto& b : in.anonymous)
      if (!b.reason.empty()) reasons.push(reason_item(words, "", label_key(b), b.reason));
  }
}

// Every reason given, under a plain "Reason" label (methods whose answers are not a word).
void add_plain_reasons(const web::Renderer& words, web::View& reasons, const PageInput& in);

// The rows of a table of options best first (score, dot vote, meeting poll): rank, the
// option's name, what cells(row, line) sets, and whether it is tied.
template <class Line, class Cells>
web::View ranked_rows(const std::vector<std::size_t>& order, const std::vector<Line>& lines,
                      const std::vector<std::string>& options, Cells cells) {
  web::View rows = web::View::list();
  for (auto i : order) {
    web::View row;
    row.set("rank", lines[i].rank);
    row.set("option", option_name(options, i));
    cells(row, lines[i]);
    row.set("tied", lines[i].tied);
    rows.push(std::move(row));
  }
  return rows;
}

// The answer a consent or consensus state machine leaves after applying e (to_text
// writes the stance or position), or why it refused.
template <class State, class Event, class ToText>
Result<StoredBallot> answer_after(const State& state, const Event& e, const Settings& s, ToText to_text) {
  auto after = apply(state, e, s);
  if (!after) return fail(after.error());
  const auto& r = after->responses.at(e.voter);
  return StoredBallot{std::string(to_text(r)), r.reason, r.revision};
}

// The stored answers that decode (decode(choice) gives an optional), in order.
template <class B, class Decode>
std::vector<B> decoded(const std::vector<KeyedBallot>& ballots, Decode decode) {
  std::vector<B> out;
  out.reserve(ballots.size());
  for (const auto& b : ballots)
    if (auto d = decode(b.ballot.choice)) out.push_back(std::move(*d));
  return out;
}

}  // namespace hs::decisions::methods
