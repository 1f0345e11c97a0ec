// The library in the space's search (the conversations' search page, through its
// add_search_source): a space's shelf holds tens or hundreds of resources, not hundreds of
// thousands of posts, so they are matched as asked, without an index of their own: title,
// description, tags and file name read into search words exactly as the query is
// (text::search_words), and a resource is found when it holds every word asked for. Only
// the space's members find anything, and only resources still shown.
#include <algorithm>
#include <iterator>
#include <set>
#include <sstream>

#include "modules/conversations/module.hpp"
#include "modules/library/commands/commands.hpp"
#include "modules/library/commands/support.hpp"
#include "modules/library/repo.hpp"
#include "services/services.hpp"
#include "store/db.hpp"
#include "text/search.hpp"

namespace hs::library::commands {

std::vector<conversations::SearchFound> search(Services& app, std::int64_t space_id, std::int64_t user_id,
                                               const std::vector<std::string>& terms, int limit) {
  std::vector<conversations::SearchFound> out;
  if (terms.empty() || limit <= 0) return out;
  thread_local text::Stemmer stemmer = text::Stemmer::english();  // as the conversations' search
  app.store->with([&](store::Conn& c) {
    if (!permissions::view_library(subject_in(c, space_id, user_id))) return;
    auto space = spaces::space_by_id(c, space_id);
    if (!space) return;
    for (const auto& r : repo::shown_in(c, space_id, "")) {  // newest first
      std::string all = r.title + "\n" + r.description + "\n" + r.file_name.value_or("");
      for (const auto& t : r.tags) all += "\n" + t;
      std::istringstream words(text::search_words(all, stemmer));
      const std::set<std::string> has{std::istream_iterator<std::string>(words), std::istream_iterator<std::string>()};
      if (!std::all_of(terms.begin(), terms.end(), [&](const std::string& t) { return has.contains(t); })) continue;
      conversations::SearchFound f;
      f.title = r.title;
      f.kind = r.kind == "file" ? app.words->format("library_kind_file", {}) : app.words->format("library_kind_link", {});
      f.path = "/spaces/" + space->slug + "/library#resource-" + std::to_string(r.id);
      f.created_at = r.created_at;
      f.snippet = conversations::search_snippet(r.description.empty() ? r.title : r.description, terms, stemmer);
      out.push_back(std::move(f));
      if (static_cast<int>(out.size()) >= limit) break;
    }
  });
  return out;
}

}  // namespace hs::library::commands
