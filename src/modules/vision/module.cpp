#include "modules/vision/module.hpp"

#include "modules/vision/commands/commands.hpp"
#include "modules/vision/handlers/handlers.hpp"
#include "web/app.hpp"

namespace hs::vision {

void register_module(web::App& app) {
  namespace h = handlers;
  auto& r = app.router;
  r.get("/spaces/{slug}/vision", h::boards_page);
  r.post("/spaces/{slug}/vision", h::board_create);
  r.get("/spaces/{slug}/vision/{id}", h::board_page);
  r.post("/spaces/{slug}/vision/{id}/notes", h::note_add);
  r.post("/spaces/{slug}/vision/{id}/stage", h::stage_move);
  r.post("/spaces/{slug}/vision/{id}/notes/{note}/merge", h::note_merge);
  r.post("/spaces/{slug}/vision/{id}/notes/{note}/move", h::note_move);
  r.post("/spaces/{slug}/vision/{id}/notes/{note}/hide", h::note_hide);
  r.post("/spaces/{slug}/vision/{id}/notes/{note}/show", h::note_show);
  r.post("/spaces/{slug}/vision/{id}/notes/{note}/dot", h::dot_change);
  r.get("/spaces/{slug}/vision/{id}/picture.svg", h::picture_svg);
  r.get("/spaces/{slug}/vision/{id}/picture.png", h::picture_png);
  r.get("/spaces/{slug}/vision/{id}/picture.pdf", h::picture_pdf);
  r.get("/spaces/{slug}/vision/{id}/notes.csv", h::board_csv);
  r.get("/spaces/{slug}/opinions", h::maps_page);
  r.post("/spaces/{slug}/opinions", h::map_create);
  r.get("/spaces/{slug}/opinions/{id}", h::map_page);
  r.post("/spaces/{slug}/opinions/{id}/answer", h::map_answer);
  r.post("/spaces/{slug}/opinions/{id}/statements", h::map_statement);
  r.post("/spaces/{slug}/opinions/{id}/statements/{statement}/moderate", h::map_moderate);
  r.get("/spaces/{slug}/opinions/{id}/results", h::map_results);
  r.get("/spaces/{slug}/opinions/{id}/map.svg", h::map_svg);
  r.get("/spaces/{slug}/opinions/{id}/results.csv", h::map_csv);
  r.get("/spaces/{slug}/opinions/{id}/results.json", h::map_json);

  app.on_erase.push_back([](store::Conn& c, std::int64_t user_id) { commands::erase_person(c, user_id); });
  app.exporters.push_back([](store::Conn& c, std::int64_t user_id) {
    return std::pair<std::string, std::string>("vision", commands::export_person(c, user_id));
  });
}

Result<std::int64_t> create_board(Services& app, std::int64_t space_id, std::int64_t user_id, const std::string& title,
                                  int dots_per_person) {
  return commands::create_board(app, space_id, user_id, title, dots_per_person);
}
Result<std::int64_t> add_note(Services& app, std::int64_t space_id, std::int64_t board_id, std::int64_t user_id,
                              const std::string& text, bool anonymous) {
  return commands::add_note(app, space_id, board_id, user_id, text, anonymous);
}
Result<void> move_stage(Services& app, std::int64_t space_id, std::int64_t board_id, std::int64_t user_id,
                        const std::string& to) {
  return commands::move_stage(app, space_id, board_id, user_id, to);
}
Result<void> merge(Services& app, std::int64_t space_id, std::int64_t board_id, std::int64_t user_id, std::int64_t keep,
                   std::int64_t other) {
  return commands::merge(app, space_id, board_id, user_id, keep, other);
}
Result<void> move_note(Services& app, std::int64_t space_id, std::int64_t board_id, std::int64_t user_id,
                       std::int64_t note_id, const std::string& to) {
  return commands::move_note(app, space_id, board_id, user_id, note_id, to);
}
Result<void> dot(Services& app, std::int64_t space_id, std::int64_t board_id, std::int64_t user_id,
                 std::int64_t note_id) {
  return commands::dot(app, space_id, board_id, user_id, note_id, true);
}

Result<void> hide(Services& app, std::int64_t space_id, std::int64_t board_id, std::int64_t user_id,
                  std::int64_t note_id, const std::string& reason) {
  return commands::hide(app, space_id, board_id, user_id, note_id, reason);
}
Result<std::int64_t> create_map(Services& app, std::int64_t space_id, std::int64_t user_id, const std::string& question,
                                bool moderated) {
  return commands::create_map(app, space_id, user_id, question, moderated);
}
Result<std::int64_t> add_statement(Services& app, std::int64_t space_id, std::int64_t map_id, std::int64_t user_id,
                                   const std::string& text) {
  return commands::add_statement(app, space_id, map_id, user_id, text);
}
Result<void> answer(Services& app, std::int64_t space_id, std::int64_t map_id, std::int64_t user_id,
                    std::int64_t statement_id, int vote) {
  return commands::answer(app, space_id, map_id, user_id, statement_id, vote);
}

}  // namespace hs::vision
