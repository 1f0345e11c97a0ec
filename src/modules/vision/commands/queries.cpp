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
    if (!row->item_id) {
      l.names = accounts::display_names(app, c, {authors.begin(), authors.end()});
      return l;
    }
    // An event's board: its authors are participants, named as the event names them.
    const auto people = repo::participants_of(c, *row->event_id);
    std::vector<std::int64_t> accounts_named;
    for (auto id : authors)
      if (auto it = people.find(id); it != people.end() && it->second.first) accounts_named.push_back(*it->second.first);
    const auto names = accounts::display_names(app, c, accounts_named);
    for (auto id : authors) {
      auto it = people.find(id);
      if (it == people.end()) continue;
      const auto& [user, nickname] = it->second;
      auto named = user ? names.find(*user) : names.end();
      if (named != names.end()) l.names[id] = named->second;
      else if (!nickname.empty()) l.names[id] = nickname;
      else l.names[id] = app.words->format("vision_guest", {{"number", std::to_string(id)}});
    }
    return l;
  });
}

std::optional<BoardRow> board_for_item(Services& app, const events::EventRow& event, std::int64_t item_id) {
  std::optional<events::ItemRow> item;
  for (const auto& it : events::commands::agenda(app, event.id))
    if (it.id == item_id && it.kind == "horizons") item = it;
  if (!item) return std::nullopt;
  auto found = app.store->with([&](store::Conn& c) { return repo::board_of_item(c, item_id); });
  if (found) return found;
  const auto now = app.clock->now();
  return app.store->write([&](store::Conn& c) -> Result<BoardRow> {
           BoardRow b;
           b.space_id = event.space_id;
           b.event_id = event.id;
           b.item_id = item_id;
           b.title = item->title;
           b.stage = std::string(key_of(Stage::h1));
           b.dots_per_person = Settings{}.dots_per_person;
           b.created_at = b.updated_at = now;
           // Two first visits at once: the second finds the first's board.
           repo::insert_board(c, b);
           auto row = repo::board_of_item(c, item_id);
           if (!row) return fail(ErrorCode::not_found, "vision_board_not_found");
           return *row;
         })
      .map([](BoardRow r) { return std::optional<BoardRow>(std::move(r)); })
      .value_or(std::nullopt);
}

std::vector<BoardRow> event_boards(Services& app, std::int64_t event_id) {
  return app.store->with([&](store::Conn& c) { return repo::boards_of_event(c, event_id); });
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

std::string export_at_events(store::Conn& c, const std::vector<std::int64_t>& participant_ids) {
  const auto at = repo::at_events(c, participant_ids);
  boost::json::array notes;
  for (const auto& n : at.notes)
    notes.push_back(boost::json::object{
        {"event", "/events/" + std::to_string(n.event_id)}, {"board", n.board_title}, {"words", n.text}});
  boost::json::array statements;
  for (const auto& t : at.statements) statements.push_back(boost::json::string(t));
  boost::json::object out{{"named_notes", std::move(notes)},
                          {"dots_placed", at.dots},
                          {"opinion_statements", std::move(statements)},
                          {"opinion_answers", at.answers}};
  return boost::json::serialize(out);
}

void erase_person(store::Conn& c, std::int64_t user_id) { repo::erase_person(c, user_id); }
void erase_participants(store::Conn& c, const std::vector<std::int64_t>& participant_ids) {
  for (auto id : participant_ids) repo::erase_participant(c, id);
}

}  // namespace hs::vision::commands
