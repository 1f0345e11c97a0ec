#include "modules/decisions/module.hpp"

#include "modules/decisions/commands/commands.hpp"
#include "modules/decisions/handlers/handlers.hpp"
#include "modules/decisions/permissions.hpp"
#include "modules/decisions/repo.hpp"
#include "web/app.hpp"

namespace hs::decisions {

void register_module(web::App& app) {
  namespace h = handlers;
  // A 20,000-character proposal, percent-encoded at up to 12 bytes a character, plus
  // options; answers carry at most a 2,000-character reason.
  constexpr web::RouteOptions kProposalForm{.body_limit = 512 * 1024};
  constexpr web::RouteOptions kAnswerForm{.body_limit = 64 * 1024};

  app.router.get("/spaces/{slug}/decisions", h::proposals_index);
  // Before /decisions/{id}: "new" is not a proposal.
  app.router.get("/spaces/{slug}/decisions/new", h::proposal_new_form);
  app.router.post("/spaces/{slug}/decisions/new", h::proposal_create, kProposalForm);
  app.router.get("/spaces/{slug}/decisions/{id}", h::proposal_show);
  app.router.post("/spaces/{slug}/decisions/{id}/vote", h::proposal_vote, kAnswerForm);
  app.router.post("/spaces/{slug}/decisions/{id}/withdraw", h::proposal_withdraw, kAnswerForm);
  app.router.post("/spaces/{slug}/decisions/{id}/close", h::proposal_close, kAnswerForm);
  app.router.post("/spaces/{slug}/decisions/{id}/code", h::ballot_code_keep, kAnswerForm);
  app.router.post("/spaces/{slug}/decisions/{id}/forget-code", h::ballot_code_forget, kAnswerForm);
  app.router.get("/spaces/{slug}/decisions/{id}/results.csv", h::results_download);

  app.on_erase.push_back([](store::Conn& c, std::int64_t user_id) { commands::erase_person(c, user_id); });
  app.exporters.push_back([](store::Conn& c, std::int64_t user_id) {
    return std::pair<std::string, std::string>("decisions", commands::export_person(c, user_id));
  });
}

std::optional<DecisionRef> decision_ref(store::Conn& c, std::int64_t space_id, std::int64_t decision_id,
                                        const spaces::Subject& subject) {
  auto p = repo::proposal(c, space_id, decision_id);
  if (!p) return std::nullopt;
  DecisionRef ref{p->id, permissions::view_decisions(subject), ""};
  if (ref.readable) ref.title = p->title;
  return ref;
}

std::vector<DecisionRef> decisions_of(store::Conn& c, std::int64_t space_id, const spaces::Subject& subject) {
  std::vector<DecisionRef> out;
  if (!permissions::view_decisions(subject)) return out;
  for (const auto& p : repo::proposals_in_space(c, space_id, 0)) out.push_back({p.id, true, p.title});
  return out;
}

std::vector<DecisionRef> decision_refs(store::Conn& c, std::int64_t space_id, const std::vector<std::int64_t>& ids,
                                       const spaces::Subject& subject) {
  std::vector<DecisionRef> out;
  const bool readable = permissions::view_decisions(subject);
  for (auto& [id, title] : repo::proposal_titles(c, space_id, ids))
    out.push_back({id, readable, readable ? std::move(title) : std::string()});
  return out;
}

}  // namespace hs::decisions
