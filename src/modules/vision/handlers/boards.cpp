// GET and POST /spaces/{slug}/vision: the space's Three Horizons boards, and a form for
// facilitators to start one.
#include "core/number.hpp"
#include "modules/vision/commands/commands.hpp"
#include "modules/vision/handlers/handlers.hpp"
#include "modules/vision/permissions.hpp"

namespace hs::vision::handlers {

using web::Context;
using web::Response;
using web::View;

Here load_space(Context& c) {
  Here h;
  h.space = spaces::space_in_path(c);
  if (!h.space) {
    h.refusal = c.error_page(Error::of(ErrorCode::not_found, "vision_board_not_found"));
    return h;
  }
  if (!permissions::view_boards(h.space->subject)) {
    h.refusal = spaces::refuse(c, "vision_members_only");
    h.space.reset();
  }
  return h;
}

std::string vision_path(const spaces::SpaceInPath& s, const std::string& rest) {
  return "/spaces/" + s.space().slug + "/vision" + rest;
}

namespace {

Response render(Context& c, const spaces::SpaceInPath& s, const std::string& title, const std::string& dots,
                const Error* error = nullptr, int status = 200) {
  View v = spaces::space_page(c, s, "vision_index_title");
  View list = View::list();
  for (const auto& b : commands::boards(c.app, s.space().id)) {
    View x;
    x.set("title", b.title);
    x.set("href", vision_path(s, "/" + std::to_string(b.id)));
    x.set("stage", c.t("vision_stage_" + b.stage));
    list.push(std::move(x));
  }
  if (!list.items().empty()) v.set("boards", std::move(list));
  if (permissions::facilitate(s.subject)) {
    View f;
    f.set("title", title);
    f.set("dots", dots);
    f.set("action", vision_path(s));
    v.set("form", std::move(f));
  }
  if (error) c.add_errors(v, *error);
  return c.page("vision/index", v, status);
}

}  // namespace

Response boards_page(Context& c) {
  auto h = load_space(c);
  if (!h.space) return std::move(h.refusal);
  return render(c, *h.space, "", "3");
}

Response board_create(Context& c) {
  auto h = load_space(c);
  if (!h.space) return std::move(h.refusal);
  const auto& s = *h.space;
  if (!permissions::facilitate(s.subject)) return spaces::refuse(c, "vision_not_facilitator");
  const auto title = c.field("title");
  const auto dots = c.field("dots");
  auto n = number::id(dots);
  const int per_person = n && *n <= kMaxDots ? static_cast<int>(*n) : 0;
  auto r = commands::create_board(c.app, s.space().id, spaces::viewer_id(c), title, per_person);
  if (!r) {
    if (r.error().code == ErrorCode::forbidden) return spaces::refuse(c, r.error().message_key);
    return render(c, s, title, dots, &r.error(), web::http_status(r.error().code));
  }
  return c.redirect(vision_path(s, "/" + std::to_string(*r)));
}

}  // namespace hs::vision::handlers
