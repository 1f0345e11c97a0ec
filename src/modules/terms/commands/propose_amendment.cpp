// Proposing an amendment (or a space's first terms): the full new text is kept as a
// proposed version and a decision of the members is opened on it, in one transaction,
// both recorded in the decision log (texts as hashes).
#include "core/crypto.hpp"
#include "core/view.hpp"
#include "modules/audit/module.hpp"
#include "modules/decisions/module.hpp"
#include "modules/spaces/module.hpp"
#include "modules/terms/commands/commands.hpp"
#include "modules/terms/permissions.hpp"
#include "modules/terms/rules/amendment.hpp"
#include "services/services.hpp"
#include "store/db.hpp"

namespace hs::terms::commands {

namespace {

void take(Validation& v, const Error& e, bool skip_text_fields) {
  if (e.fields.empty()) v.add("", e.message_key);
  for (const auto& f : e.fields) {
    if (skip_text_fields && (f.field == "title" || f.field == "details" || f.field == "options")) continue;
    v.add(f.field, f.message_key);
  }
}

}  // namespace

Result<Proposed> propose_amendment(Services& app, std::int64_t space_id, std::int64_t user_id,
                                   const AmendmentForm& form) {
  const auto now = app.clock->now();
  return app.store->write([&](store::Conn& c) -> Result<Proposed> {
    // One amendment at a time: the space's row lock settles two members proposing at once.
    spaces::lock_space(c, space_id);
    spaces::Subject who;
    who.signed_in = true;
    who.role = spaces::role_in(c, space_id, user_id);
    if (!permissions::propose_amendment(who)) return fail(ErrorCode::forbidden, "terms_not_allowed");
    if (auto ok = check_may_propose(repo::proposed(c, space_id).has_value()); !ok) return fail(ok.error());
    auto cur = repo::current(c, space_id);

    Validation v;
    auto a = validate_amendment(form.body, form.summary, form.review_day, form.review_month, form.review_year,
                                cur ? std::optional<std::string>(cur->body) : std::nullopt, now);
    if (!a) take(v, a.error(), false);
    auto f = form.decision;
    f.title = "-";
    f.details = "-";
    f.options.clear();
    auto method = decisions::parse_method(f.method);
    auto parsed = decisions::parse_proposal(f, now);
    if (!method || !decisions::decides_proposal(*method)) {
      v.add("method", std::string(decisions::keys::kMethodUnknown));
      if (!parsed)
        for (auto& fe : parsed.error().fields)
          if (fe.field != "method" && fe.field != "title" && fe.field != "details") v.add(fe.field, fe.message_key);
    } else if (!parsed) {
      take(v, parsed.error(), true);
    }
    if (!v.ok()) return fail(v.error());

    repo::VersionRow row;
    row.space_id = space_id;
    row.number = repo::next_number(c, space_id);
    if (cur) row.base_number = cur->number;
    row.body = a->body;
    row.summary = a->summary;
    row.review_on = a->review_on;
    row.status = std::string(to_string(Status::proposed));
    row.proposed_by = user_id;
    row.created_at = now;
    const auto version_id = repo::insert_version(c, row);

    decisions::NewProposal n;
    n.space_id = space_id;
    n.proposer_id = user_id;
    n.title = app.words->format(cur ? "terms_proposal_title" : "terms_proposal_title_first",
                                {{"number", std::to_string(row.number)}});
    n.details = a->summary;
    n.settings = parsed->settings;
    n.subject_kind = "terms_version";
    n.subject_id = version_id;
    auto proposal_id = decisions::open_proposal(app, c, n);
    if (!proposal_id) return fail(proposal_id.error());
    repo::set_proposal(c, version_id, *proposal_id);

    audit::Fields entry = {{"version", row.number},
                           {"base", row.base_number.value_or(0)},
                           {"body_sha256", crypto::sha256_hex(row.body)},
                           {"summary_sha256", crypto::sha256_hex(row.summary)},
                           {"review_on", row.review_on},
                           {"proposal", *proposal_id},
                           {"person", audit::person_commitment(app, space_id, user_id)}};
    if (auto ok = audit::append(app, c, space_id, "terms.proposed", entry); !ok) return fail(ok.error());
    return Proposed{row.number, *proposal_id};
  });
}

decisions::SubjectHooks decision_hooks() {
  decisions::SubjectHooks h;
  h.on_close = [](Services& app, store::Conn& c, const decisions::Closed& closed) -> Result<void> {
    auto v = repo::by_id(c, closed.subject_id);
    if (!v || v->space_id != closed.space_id || v->status != to_string(Status::proposed)) return {};
    const auto status = decided(closed.passed);
    if (status == Status::current) repo::supersede_current(c, v->space_id, closed.closed_at);
    repo::set_status(c, v->id, std::string(to_string(status)), closed.closed_at);
    audit::Fields entry = {{"version", v->number}, {"proposal", closed.proposal_id}};
    if (status == Status::current) {
      entry.emplace_back("body_sha256", crypto::sha256_hex(v->body));
      entry.emplace_back("review_on", v->review_on);
    } else {
      entry.emplace_back("outcome", closed.outcome);
    }
    auto kind = status == Status::current ? "terms.ratified" : "terms.not_adopted";
    if (auto ok = audit::append(app, c, v->space_id, kind, entry); !ok) return fail(ok.error());
    return {};
  };
  h.describe = [](Services& app, store::Conn& c, std::int64_t subject_id) -> std::optional<decisions::SubjectLink> {
    auto v = repo::by_id(c, subject_id);
    if (!v) return std::nullopt;
    auto space = spaces::space_by_id(c, v->space_id);
    if (!space) return std::nullopt;
    return decisions::SubjectLink{app.words->format("terms_subject_link", {{"number", std::to_string(v->number)}}),
                                  "/spaces/" + space->slug + "/terms/versions/" + std::to_string(v->number)};
  };
  return h;
}

}  // namespace hs::terms::commands
