// GET /spaces/{slug}/actions/{id}: one action with its source, owner, status and every
// move; for the owning organisation's partners and the facilitators, the form to move it.
// POST .../{id}/status moves it; a refused move shows the form again with what was typed
// and what is missing.
#include "core/number.hpp"
#include "modules/actions/handlers/common.hpp"
#include "modules/actions/handlers/handlers.hpp"

namespace hs::actions::handlers {

using web::Context;
using web::Response;
using web::View;

namespace {

Response render(Context& c, const Space& s, const commands::Shown& a, const MoveInput& in, const Error* error = nullptr,
                int status = 200) {
  View v = spaces::space_page(c, s, "actions_show_title", {{"title", a.row.title}});
  v.set("action", action_view(c, s, a));
  v.set("back_href", actions_path(s));
  auto who = commands::actor(c.app, s.space().id, s.subject, viewer_id(c));
  const auto from = parse_status(a.row.status).value_or(Status::made);
  if (permissions::move_action(who, a.row.organisation_id) && !is_final(from)) {
    View f;
    f.set("action", actions_path(s, "/" + std::to_string(a.row.id) + "/status"));
    View choices = View::list();
    for (auto to : {Status::looking_at, Status::planned, Status::made, Status::not_changing}) {
      if (!may_move(from, to)) continue;
      const std::string value(to_string(to));
      View o;
      o.set("value", value);
      // The first choice carries the field's name, for the error summary's link.
      o.set("id", choices.items().empty() ? std::string("to") : "to-" + value);
      o.set("label", status_label(c, value));
      o.set("hint", c.t("actions_move_hint_" + value));
      o.set("checked", in.to == value);
      choices.push(std::move(o));
    }
    f.set("choices", std::move(choices));
    f.set("note", in.note);
    f.set("account", in.account);
    f.set("link", in.link);
    f.set("reason", in.reason);
    v.set("move", std::move(f));
  }
  auto notice = c.query_param("notice");
  if (notice == "raised" || notice == "moved") v.set("notice", c.t("actions_notice_" + std::string(notice)));
  if (error) c.add_errors(v, *error);
  return c.page("actions/show", v, status);
}

}  // namespace

Response action_page(Context& c) {
  auto l = load_space(c);
  if (!l.space) return std::move(l.refusal);
  auto id = number::id(c.param("id"));
  if (!id) return not_found(c);
  auto a = commands::action(c.app, l.space->space().id, *id, l.space->subject, viewer_id(c));
  if (!a) return not_found(c);
  return render(c, *l.space, *a, {});
}

Response move_submit(Context& c) {
  auto l = load_space(c);
  if (!l.space) return std::move(l.refusal);
  auto id = number::id(c.param("id"));
  if (!id) return not_found(c);
  const auto& s = *l.space;
  auto a = commands::action(c.app, s.space().id, *id, s.subject, viewer_id(c));
  if (!a) return not_found(c);
  MoveInput in;
  in.to = c.field("to");
  in.note = c.field("note");
  in.account = c.field("account");
  in.link = c.field("link");
  in.reason = c.field("reason");
  auto r = commands::move(c.app, *id, viewer_id(c), in);
  if (!r) {
    auto e = r.error();
    if (e.code == ErrorCode::forbidden) return forbidden(c, e.message_key);
    if (e.code == ErrorCode::not_found) return not_found(c);
    if (e.fields.empty()) e.fields.push_back({"to", e.message_key});
    // Shown as it stands now (someone may have moved it meanwhile).
    auto now = commands::action(c.app, s.space().id, *id, s.subject, viewer_id(c));
    return render(c, s, now ? *now : *a, in, &e, web::http_status(e.code));
  }
  return c.redirect(actions_path(s, "/" + std::to_string(*id) + "?notice=moved"));
}

}  // namespace hs::actions::handlers
