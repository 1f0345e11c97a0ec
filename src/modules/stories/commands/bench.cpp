// For bench/stories only (the hidden `humanspace stories bench-search`): runs each query
// read from a stream through the search the stories page uses, as one person, and times
// it; writes the same statement with its parameters inlined, so the benchmark can run it
// straight on the engine as the peer.
#include <boost/json.hpp>

#include <algorithm>
#include <chrono>
#include <fstream>
#include <iomanip>
#include <istream>
#include <ostream>

#include "modules/spaces/module.hpp"
#include "modules/stories/commands/commands.hpp"
#include "modules/stories/commands/support.hpp"
#include "modules/stories/module.hpp"
#include "services/services.hpp"
#include "store/db.hpp"
#include "text/search.hpp"

namespace hs::stories {

namespace {

using Clock = std::chrono::steady_clock;

double ms_since(Clock::time_point t) { return std::chrono::duration<double, std::milli>(Clock::now() - t).count(); }

double percentile(std::vector<double> v, double p) {
  if (v.empty()) return 0;
  std::sort(v.begin(), v.end());
  auto i = static_cast<std::size_t>(p * static_cast<double>(v.size() - 1) + 0.5);
  return v[std::min(i, v.size() - 1)];
}

}  // namespace

int bench_search_cli(Services& app, const std::string& slug, std::int64_t user_id, int runs,
                     const std::string& statements_out, std::istream& queries, std::ostream& out) {
  auto space_id = app.store->with([&](store::Conn& c) { return spaces::space_id_by_slug(c, slug); });
  if (!space_id) {
    out << "no space " << slug << "\n";
    return 1;
  }
  auto who = app.store->with([&](store::Conn& c) { return commands::reader_in(c, *space_id, user_id, std::nullopt); });
  std::ofstream statements(statements_out);
  std::vector<double> all_command, all_query;
  auto english = text::Stemmer::english();  // search_language: every space is English for now
  std::string line;
  out << std::fixed << std::setprecision(2);
  while (std::getline(queries, line)) {
    if (line.empty()) continue;
    commands::SearchInput in;
    in.words = line;
    // The query alone, through the store, as the command sends it.
    repo::SearchQuery q;
    q.terms = text::search_terms(line, english);
    q.space_id = *space_id;
    {
      std::vector<std::string> anyone, own;
      for (const auto& f : permissions::readable_kinds({who.subject, false}))
        anyone.push_back(std::string(to_string(f.status)) + "/" + std::string(to_string(f.audience)));
      for (const auto& f : permissions::readable_kinds({who.subject, true}))
        own.push_back(std::string(to_string(f.status)) + "/" + std::string(to_string(f.audience)));
      q.readers = {anyone, user_id, user_id > 0 ? own : std::vector<std::string>{}};
    }
    q.limit = commands::kSearchPageSize + 1;
    std::size_t found = 0;
    std::vector<double> command, query;
    for (int i = 0; i < runs + 3; ++i) {  // three to warm the caches
      auto t = Clock::now();
      auto r = commands::search(app, *space_id, who.subject, user_id, in);
      auto took = ms_since(t);
      found = r.stories.size();
      t = Clock::now();
      auto rows = app.store->with([&](store::Conn& c) { return repo::search(c, q).rows; });
      auto took_query = ms_since(t);
      if (rows.size() > commands::kSearchPageSize) rows.pop_back();
      if (rows.size() != found) out << "  (query alone found " << rows.size() << ", the command " << found << ")\n";
      if (i < 3) continue;
      command.push_back(took);
      query.push_back(took_query);
    }
    all_command.insert(all_command.end(), command.begin(), command.end());
    all_query.insert(all_query.end(), query.begin(), query.end());
    out << std::left << std::setw(34) << ("\"" + line + "\"") << std::right << std::setw(3) << found
        << " results; command p50 " << percentile(command, 0.5) << " ms, p99 " << percentile(command, 0.99)
        << " ms; query alone p50 " << percentile(query, 0.5) << " ms, p99 " << percentile(query, 0.99) << " ms\n";
    boost::json::object o;
    o["query"] = line;
    o["results"] = found;
    o["sql"] = repo::search_statement(app.store->engine(), q);
    statements << boost::json::serialize(o) << "\n";
  }
  out << "ALL command p50 " << percentile(all_command, 0.5) << " ms, p99 " << percentile(all_command, 0.99)
      << " ms; query alone p50 " << percentile(all_query, 0.5) << " ms, p99 " << percentile(all_query, 0.99) << " ms ("
      << all_command.size() << " runs)\n";
  return 0;
}

}  // namespace hs::stories
