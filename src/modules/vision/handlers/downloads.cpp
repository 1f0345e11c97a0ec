// GET /spaces/{slug}/vision/{id}/picture.svg|png|pdf (?size=slide|a4): the three-curves
// picture, drawn from the notes in the results (hidden and merged notes never appear);
// and notes.csv: every note in the results by horizon, with its words, the names of those
// who wrote under their name, and its dots.
#include "core/number.hpp"
#include "modules/vision/commands/commands.hpp"
#include "modules/vision/handlers/handlers.hpp"

namespace hs::vision::handlers {

using web::Context;
using web::Response;

Response download(std::string body, const char* type, const std::string& name, bool attachment) {
  Response res;
  res.body = std::move(body);
  res.set("Content-Type", type);
  res.set("Content-Disposition", std::string(attachment ? "attachment" : "inline") + "; filename=\"" + name + "\"");
  res.set("Cache-Control", "no-store");
  return res;
}

namespace {

std::optional<commands::Loaded> loaded(Context& c, Response& refusal, std::string& slug) {
  if (!c.param("item").empty()) {
    // An event agenda item's board: whoever may see the event.
    auto b = load_event_board(c);
    if (!b.board) refusal = std::move(b.refusal);
    else slug = "event-" + std::to_string(b.access->event.id);
    return b.board;
  }
  auto h = load_space(c);
  if (!h.space) {
    refusal = std::move(h.refusal);
    return std::nullopt;
  }
  slug = h.space->space().slug;
  std::optional<commands::Loaded> l;
  if (auto id = number::id(c.param("id"))) l = commands::load(c.app, h.space->space().id, *id);
  if (!l) refusal = c.error_page(Error::of(ErrorCode::not_found, "vision_board_not_found"));
  return l;
}

enum class Format { svg, png, pdf };

Response picture(Context& c, Format format) {
  Response refusal;
  std::string slug;
  auto l = loaded(c, refusal, slug);
  if (!l) return refusal;
  const bool a4 = c.query_param("size") == "a4";
  auto pic = lay_out(l->board, picture_words(c, l->row.title), a4 ? PictureSize::a4 : PictureSize::slide);
  if (!pic) return c.error_page(pic.error(), 500);
  const auto name = slug + "-horizons-" + std::to_string(l->row.id) + (a4 ? "-a4" : "-slide");
  switch (format) {
    case Format::svg: return download(to_svg(*pic), "image/svg+xml; charset=utf-8", name + ".svg", false);
    case Format::png: {
      auto png = to_png(*pic, 2);
      if (!png) return c.error_page(png.error(), 500);
      return download(std::move(*png), "image/png", name + ".png", false);
    }
    case Format::pdf: {
      auto pdf = to_pdf(*pic);
      if (!pdf) return c.error_page(pdf.error(), 500);
      return download(std::move(*pdf), "application/pdf", name + ".pdf", true);
    }
  }
  return refusal;
}

std::string csv_cell(const std::string& s) {
  std::string out = "\"";
  // A cell a spreadsheet would run as a formula starts with a quote mark instead.
  if (!s.empty() && (s[0] == '=' || s[0] == '+' || s[0] == '-' || s[0] == '@')) out += '\'';
  for (char ch : s) out += ch == '"' ? std::string("\"\"") : std::string(1, ch);
  return out + "\"";
}

}  // namespace

Response picture_svg(Context& c) { return picture(c, Format::svg); }
Response picture_png(Context& c) { return picture(c, Format::png); }
Response picture_pdf(Context& c) { return picture(c, Format::pdf); }

Response board_csv(Context& c) {
  Response refusal;
  std::string slug;
  auto l = loaded(c, refusal, slug);
  if (!l) return refusal;
  std::string out = "horizon,note,words,written_by,dots\r\n";
  for (const auto& list : note_lists(l->board)) {
    for (const auto& n : list.notes) {
      const Note* note = find_note(l->board, n.id);
      for (const auto& w : note->words) {
        auto it = w.author_id > 0 ? l->names.find(w.author_id) : l->names.end();
        out += std::string(key_of(list.horizon)) + "," + std::to_string(n.id) + "," + csv_cell(w.text) + "," +
               csv_cell(it != l->names.end() ? it->second : c.t("vision_anonymous")) + "," + std::to_string(n.dots) +
               "\r\n";
      }
    }
  }
  return download(std::move(out), "text/csv; charset=utf-8", slug + "-horizons-" + std::to_string(l->row.id) + ".csv",
              true);
}

}  // namespace hs::vision::handlers
