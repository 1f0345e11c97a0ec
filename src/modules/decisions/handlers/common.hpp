#pragma once
// What the decisions handlers share: the space as the viewer may see it (the spaces
// module's own loader), the members-only gate, and pieces of view.
#include <cstdint>
#include <optional>
#include <string>

#include "modules/decisions/commands/commands.hpp"
#include "modules/spaces/module.hpp"
#include "web/app.hpp"

namespace hs::decisions::handlers {

using Space = spaces::SpaceInPath;

// The space named by {slug} when the viewer may read its decisions. Otherwise the
// answer to send: sign in first when signed out of a space they may know about, else
// "not found" – a non-member cannot tell whether a decision exists.
struct Access {
  std::optional<Space> space;
  web::Response refusal;
};
Access members_only(web::Context& c);
web::Response not_found(web::Context& c);
web::Response forbidden(web::Context& c);
// {id} as a positive whole number.
std::optional<std::int64_t> id_param(web::Context& c, const char* name = "id");

// A view for a decisions page: title "<what> – <space>" and the space.
web::View page_view(web::Context& c, const Space& s, const std::string& title_key,
                    const std::vector<std::pair<std::string, std::string>>& args = {});
std::string decision_path(const Space& s, std::int64_t id, const std::string& rest = "");
std::string method_label(web::Context& c, const std::string& method);
std::string outcome_label(web::Context& c, const std::string& outcome);
// The viewer's ballot code for an anonymous poll, if this browser keeps one for them.
std::optional<std::string> ballot_code(web::Context& c, std::int64_t proposal_id);
// Keeps the code in this browser until a day after the poll closes.
void remember_code(web::Context& c, std::int64_t proposal_id, const std::string& code, std::int64_t closes_at);
void forget_code(web::Context& c, std::int64_t proposal_id);
// Adds the notice named by ?notice= when it is one of ours.
void add_notice(web::Context& c, web::View& v);

}  // namespace hs::decisions::handlers
