// Reading boards for pages, pictures and exports; and a person's own words for "download
// my data" and erasure.
#include <boost/json.hpp>

#include <set>

#include "modules/accounts/module.hpp"
#include "modules/vision/commands/commands.hpp"
#include "modules/vision/repo.hpp"
#include "services/services.hpp"
#include "store/db.hpp"

namespace hs::vision::commands {

std::vector<BoardRow> boards(Services& app, std::int64_t space_id) {
  return app.store->with([&](store::Conn& c) { return repo::boards_in(c, space_id); });
}

std::optional<Loaded> load(Services& app, std::int64_t space_id, std::int64_t board_id) {
  return app.store->with([&](store::Conn& c) -> std::optional<Loaded> {
    auto row = repo::board(c, board_id);
    if (!row || row->space_id != space_id) return std::nullopt;
    Loaded l{*row, repo::load(c, *row), {}};
    std::set<std::int64_t> authors;
    for (const auto& n : l.board.notes)
      for (const auto& w : n.words)
        if (w.author_id > 0) authors.insert(w.author_id);
    l.names = accounts::display_names(app, c, {authors.begin(), authors.end()});
    return l;
  });
}

std::string export_person(store::Conn& c, std::int64_t user_id) {
  boost::json::array notes;
  for (const auto& w : repo::written_by(c, user_id))
    notes.push_back(boost::json::object{{"board", w.board_title}, {"board_id", w.board_id}, {"words", w.text}});
  boost::json::array statements;
  for (const auto& t : repo::statements_by(c, user_id)) statements.push_back(boost::json::string(t));
  boost::json::object out{{"named_notes", std::move(notes)},
                          {"dots_placed", repo::dots_by(c, user_id)},
                          {"opinion_statements", std::move(statements)},
                          {"opinion_answers", repo::votes_by(c, user_id)}};
  return boost::json::serialize(out);
}

void erase_person(store::Conn& c, std::int64_t user_id) { repo::erase_person(c, user_id); }

}  // namespace hs::vision::commands
