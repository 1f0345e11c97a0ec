// Starting a Three Horizons board in a space: facilitators and stewards, with a title and
// how many dots each person has for the vote. It opens at H1 and is in the decision log.
#include "core/text.hpp"
#include "modules/vision/commands/commands.hpp"
#include "modules/vision/commands/support.hpp"
#include "modules/vision/permissions.hpp"
#include "modules/vision/repo.hpp"
#include "store/db.hpp"

namespace hs::vision::commands {

Result<std::int64_t> create_board(Services& app, std::int64_t space_id, std::int64_t user_id, const std::string& title,
                                  int dots_per_person) {
  const auto now = app.clock->now();
  return app.store->write([&](store::Conn& c) -> Result<std::int64_t> {
    auto who = subject_in(c, space_id, user_id);
    if (!permissions::facilitate(who)) return fail(ErrorCode::forbidden, "vision_not_facilitator");
    Validation v;
    const auto t = std::string(text::trim(title));
    if (t.empty() || !text::valid_utf8(t) || text::has_control(t, false)) v.add("title", "vision_title_needed");
    else if (text::length(t) > 200) v.add("title", "vision_title_too_long");
    Settings settings;
    settings.dots_per_person = dots_per_person;
    if (!validate(settings)) v.add("dots", "vision_dots_range");
    if (!v.ok()) return fail(v.error());
    BoardRow b;
    b.space_id = space_id;
    b.title = t;
    b.stage = std::string(key_of(Stage::h1));
    b.dots_per_person = dots_per_person;
    if (user_id > 0) b.created_by = user_id;
    b.created_at = b.updated_at = now;
    b.id = repo::insert_board(c, b);
    if (auto ok = log(app, c, b, user_id, "vision.board_created", {{"dots_per_person", std::int64_t{dots_per_person}}});
        !ok)
      return fail(ok.error());
    return b.id;
  });
}

}  // namespace hs::vision::commands
