#pragma once
// One descriptor per way of deciding: everything the module does differently by method,
// behind one interface and looked up by the method (methods/table.cpp), so that the
// proposal form, the ballot form, counting, the proposal's page and the CSV export each
// ask the descriptor instead of keeping a switch of their own in step by hand.
//
// The counting itself stays with the rules (rules/<method>.hpp, pure); a descriptor
// reads answers into what they count, calls them, and lays out what they return. Pages
// are built as web::View trees with words from the message catalogue (web/render.hpp):
// plain data and lookups, no I/O.
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "core/error.hpp"
#include "modules/decisions/form.hpp"
#include "modules/decisions/tally.hpp"
#include "web/view.hpp"

namespace hs::web {
class Renderer;
}

namespace hs::decisions {

// What a proposal's page shows a method's part from.
struct PageInput {
  const Settings& settings;
  const std::vector<std::string>& options;
  const std::optional<StoredBallot>& mine;     // the viewer's current answer, while open
  const std::vector<NamedAnswer>& named;       // named polls: every answer, oldest first
  const std::vector<StoredBallot>& anonymous;  // anonymous polls after closing
  bool names = false;                          // whether the viewer may see who said what
};

// A row of the settings list on a proposal's page: message key, value shown.
using SettingRow = std::pair<std::string, std::string>;

class MethodDescriptor {
 public:
  virtual ~MethodDescriptor() = default;

  // --- opening a proposal ----------------------------------------------------------
  // The settings only this method has, from the proposal form (field errors into v).
  virtual void read_settings(const ProposalFields& f, Settings& s, Validation& v) const;
  // The rows those settings add to the page's settings list, after the method's name.
  virtual std::vector<SettingRow> setting_rows(const web::Renderer& words, const Settings& s) const;

  // --- answering ---------------------------------------------------------------------
  // The answer form's fields as the choice text to store (ballot_codec.hpp), checked
  // by the rules. Field errors as parse_ballot documents them.
  virtual Result<std::string> read_choice(const Settings& s, std::size_t option_count, const BallotFields& f) const = 0;
  // Whether parse_ballot checks the reason; consent and consensus leave it to their
  // state machines, which know when an objection or a block needs one.
  virtual bool reads_reason() const { return true; }
  // A stored choice back in the answer form's fields, to show someone their answer.
  virtual void fill_fields(const std::string& choice, BallotFields& f) const = 0;
  // The answer to store, as the method's rules leave it when it is given on `revision`
  // of the proposal over `current` (the person's answer so far). Consent and consensus
  // run it through their state machines, which check reasons (an objection or a block
  // always needs one) and withdrawals (consent only); other methods store it as read.
  virtual Result<StoredBallot> apply_answer(const Settings& s, int revision, const std::optional<StoredBallot>& current,
                                            const StoredBallot& next, bool withdraw, std::int64_t now) const;
  // The decision-log entry for an answer that objects or blocks ("decision.objected",
  // "decision.blocked"); nullptr for any other answer. One standing keeps a named poll
  // from closing early.
  virtual const char* objection_entry(const std::string& choice) const;
  // The answer form: sets is_<method> and this method's inputs on `vote`.
  virtual void ballot_view(const web::Renderer& words, web::View& vote, const PageInput& in,
                           const BallotFields& f) const = 0;

  // --- counting and results ------------------------------------------------------------
  // Answers that do not decode are skipped, never trusted.
  virtual MethodResult count(const Settings& s, Phase phase, std::int64_t proposal_id, std::size_t option_count,
                             const std::vector<KeyedBallot>& ballots, const Electorate& who) const = 0;
  // The results as a CSV table (rules/results_csv.hpp): counts only, never ballots.
  virtual CsvTable csv(const MethodResult& r, const std::vector<std::string>& options) const = 0;
  // The results on the page: sets is_<method> and the counts on `results`, and adds the
  // reasons people gave, with names only when in.names.
  virtual void results_view(const web::Renderer& words, web::View& results, web::View& reasons, const MethodResult& r,
                            const PageInput& in) const = 0;
};

const MethodDescriptor& descriptor(Method m);

}  // namespace hs::decisions
