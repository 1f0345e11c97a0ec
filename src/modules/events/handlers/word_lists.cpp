#include "modules/events/handlers/word_lists.hpp"

#include "modules/events/commands/word_lists.hpp"
#include "modules/events/handlers/common.hpp"

namespace hs::events::handlers {

using web::Context;
using web::Response;
using web::View;

namespace {

Response render(Context& c, const commands::Access& a, const Error* error = nullptr, int status = 200,
                const std::string& typed_word = "", const std::string& typed_kind = "") {
  View v = c.view("wordcloud_held_title");
  auto n = c.query_param("notice");
  for (const char* known : {"added", "removed"})
    if (n == known) v.set("notice", c.t(std::string("wordcloud_held_notice_") + known));
  v.set("event", event_view(c, a.event));
  auto lists = commands::event_word_lists(c.app, a.event.id);
  for (const auto& [kind, words] : {std::pair{"held", &lists.held}, std::pair{"allowed", &lists.allowed}}) {
    auto list = View::list();
    for (const auto& w : *words) {
      View x;
      x.set("word", w);
      x.set("kind", kind);
      list.push(x);
    }
    v.set(std::string(kind) + "_words", list);
    v.set(std::string("has_") + kind, !words->empty());
  }
  v.set("typed_word", typed_word);
  v.set(typed_kind == "allowed" ? "kind_allowed" : "kind_held", true);
  if (error) c.add_errors(v, *error);
  return c.page("events/words", v, status);
}

}  // namespace

Response event_words(Context& c) {
  Response denied;
  auto a = load_runner(c, denied);
  if (!a) return denied;
  return render(c, *a);
}

Response event_word_add(Context& c) {
  Response denied;
  auto a = load_runner(c, denied);
  if (!a) return denied;
  auto word = c.field("word"), kind = c.field("kind");
  auto r = commands::add_event_word(c.app, a->event.id, kind, word);
  if (!r) return render(c, *a, &r.error(), web::http_status(r.error().code), word, kind);
  return c.redirect(event_path(a->event.id) + "/words?notice=added");
}

Response event_word_remove(Context& c) {
  Response denied;
  auto a = load_runner(c, denied);
  if (!a) return denied;
  auto r = commands::remove_event_word(c.app, a->event.id, c.field("kind"), c.field("word"));
  if (!r) return c.error_page(r.error());
  return c.redirect(event_path(a->event.id) + "/words?notice=removed");
}

}  // namespace hs::events::handlers
