#include "modules/decisions/form.hpp"

#include "core/dates.hpp"
#include "core/text.hpp"
#include "modules/decisions/methods/descriptor.hpp"
#include "modules/decisions/methods/shared.hpp"
#include "modules/decisions/rules/errors.hpp"
#include "modules/decisions/rules/keys.hpp"
#include "modules/decisions/rules/reason.hpp"

namespace hs::decisions {

namespace {

using methods::add_error;
using methods::whole;

}  // namespace

std::vector<std::string> option_lines(std::string_view t) {
  std::vector<std::string> out;
  std::size_t start = 0;
  while (start <= t.size()) {
    auto nl = t.find('\n', start);
    auto line = text::trim(t.substr(start, nl == std::string_view::npos ? std::string_view::npos : nl - start));
    if (!line.empty()) out.emplace_back(line);
    if (nl == std::string_view::npos) break;
    start = nl + 1;
  }
  return out;
}

std::optional<std::int64_t> utc_time(std::string_view day, std::string_view month, std::string_view year,
                                     std::string_view hhmm) {
  auto start = dates::parse_day(day, month, year);
  hhmm = text::trim(hhmm);
  // "9:30" and "09.30" are what people type; the clock reads "09:30".
  std::string clock(hhmm);
  if (auto dot = clock.find('.'); dot != std::string::npos) clock[dot] = ':';
  if (clock.size() == 4 && clock[1] == ':') clock.insert(0, "0");
  auto seconds = dates::parse_clock(clock);
  if (!start || *start < 0 || !seconds) return std::nullopt;  // before 1970
  return *start + *seconds;
}

DateParts date_parts(std::int64_t t) {
  const auto c = dates::civil(t);
  return {std::to_string(c.day), std::to_string(c.month), std::to_string(c.year),
          dates::format(t, dates::Style::clock)};
}

ProposalFields default_fields(std::int64_t now) {
  ProposalFields f;
  f.method = "consent";
  auto week = date_parts(now + 7 * 24 * 60 * 60);
  f.closes_day = week.day;
  f.closes_month = week.month;
  f.closes_year = week.year;
  f.closes_time = "17:00";
  f.quorum = "50";
  f.results = "after_close";
  f.threshold = "simple_majority";
  f.dots = "5";
  return f;
}

Result<ParsedProposal> parse_proposal(const ProposalFields& f, std::int64_t now) {
  Validation v;
  ParsedProposal p;
  if (auto text = validate_proposal(f.title, f.details)) p.text = std::move(*text);
  else add_error(v, text.error());

  auto method = parse_method(f.method);
  if (!method) v.add("method", std::string(keys::kMethodUnknown));
  else p.settings.method = *method;

  if (method) {
    if (auto opts = validate_options(*method, option_lines(f.options))) p.options = std::move(*opts);
    else add_error(v, opts.error());
  }

  auto closes = utc_time(f.closes_day, f.closes_month, f.closes_year, f.closes_time);
  if (!closes) v.add("closes_at", "decisions_closes_invalid");
  else p.settings.closes_at = *closes;

  if (auto q = parse_quorum_percent(text::trim(f.quorum))) p.settings.quorum_percent = *q;
  else add_error(v, q.error());

  if (auto r = parse_visibility(f.results)) p.settings.results = *r;
  else v.add("results", std::string(keys::kVisibilityUnknown));

  p.settings.reasons_required = f.reasons_required;
  p.settings.anonymous = f.anonymous;

  if (method) descriptor(*method).read_settings(f, p.settings, v);

  if (closes && method) {
    // The rules' settings check, for what it adds (past or too far ahead); fields the
    // parsing above already faulted are not reported twice.
    if (auto ok = validate_settings(p.settings, now); !ok) {
      for (const auto& fe : ok.error().fields) {
        bool seen = false;
        for (const auto& have : v.error().fields) seen = seen || have.field == fe.field;
        if (!seen) v.add(fe.field, fe.message_key);
      }
    }
  }
  if (!v.ok()) return fail(v.error());
  return p;
}

Result<StoredBallot> parse_ballot(const Settings& s, std::size_t n, const BallotFields& f) {
  const auto& method = descriptor(s.method);
  auto choice = method.read_choice(s, n, f);
  if (!choice) return fail(choice.error());
  StoredBallot b{std::move(*choice), std::string(text::trim(f.reason))};
  if (method.reads_reason()) {
    auto r = check_reason(f.reason, s.reasons_required, keys::kReasonRequired);
    if (!r) return fail(r.error());
    b.reason = std::move(*r);
  }
  return b;
}

}  // namespace hs::decisions
