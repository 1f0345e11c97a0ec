// The demo community's library (resources/demo/library.json), through the same commands as
// the pages: a PDF and a picture drawn here with cairo, two links, each from the
// conversation it came up in; and two conversations linked to the space's learning event.
#include <cairo-pdf.h>
#include <cairo.h>

#include <boost/json.hpp>

#include <map>
#include <string>

#include "core/embedded.hpp"
#include "modules/conversations/module.hpp"
#include "modules/events/module.hpp"
#include "modules/library/module.hpp"
#include "services/services.hpp"

namespace hs::demo {

namespace json = boost::json;

namespace {

std::string text(const json::object& o, const char* key) {
  auto* v = o.if_contains(key);
  return v && v->is_string() ? std::string(v->as_string()) : std::string();
}

cairo_status_t append(void* closure, const unsigned char* data, unsigned int length) {
  static_cast<std::string*>(closure)->append(reinterpret_cast<const char*>(data), length);
  return CAIRO_STATUS_SUCCESS;
}

void write_lines(cairo_t* cr, double x, double y, double size, std::initializer_list<const char*> lines) {
  cairo_select_font_face(cr, "sans-serif", CAIRO_FONT_SLANT_NORMAL, CAIRO_FONT_WEIGHT_NORMAL);
  cairo_set_font_size(cr, size);
  for (const char* l : lines) {
    cairo_move_to(cr, x, y);
    cairo_show_text(cr, l);
    y += size * 1.6;
  }
}

// A one-page A4 guide.
std::string guide_pdf() {
  std::string out;
  auto* surface = cairo_pdf_surface_create_for_stream(append, &out, 595, 842);
  auto* cr = cairo_create(surface);
  cairo_set_source_rgb(cr, 0.1, 0.1, 0.1);
  write_lines(cr, 56, 90, 22, {"Being paid for your time"});
  write_lines(cr, 56, 140, 12,
              {"- Time at meetings and events is paid at the rate card's rate.", "- Claim within 30 days: Claims, then New claim.",
               "- Keep receipts for travel and childcare.",
               "- Before you are paid, ask the treasurer if it could affect your benefits.",
               "  You can choose a voucher, a donation to charity, or no payment."});
  cairo_show_page(cr);
  cairo_destroy(cr);
  cairo_surface_finish(surface);
  cairo_surface_destroy(surface);
  return out;
}

// Sticky notes on a wall.
std::string wall_png() {
  auto* surface = cairo_image_surface_create(CAIRO_FORMAT_RGB24, 480, 300);
  auto* cr = cairo_create(surface);
  cairo_set_source_rgb(cr, 0.96, 0.94, 0.9);
  cairo_paint(cr);
  const double colours[][3] = {{1, 0.9, 0.4}, {0.6, 0.85, 1}, {1, 0.7, 0.75}, {0.7, 0.95, 0.7}};
  const char* notes[] = {"A buddy", "Tea first", "Plain words", "Paid on time", "Quiet room", "Say no freely"};
  for (int i = 0; i < 6; ++i) {
    const double x = 30 + (i % 3) * 150, y = 30 + (i / 3) * 130;
    const auto* c = colours[i % 4];
    cairo_set_source_rgb(cr, c[0], c[1], c[2]);
    cairo_rectangle(cr, x, y, 120, 100);
    cairo_fill(cr);
    cairo_set_source_rgb(cr, 0.15, 0.15, 0.15);
    write_lines(cr, x + 10, y + 55, 14, {notes[i]});
  }
  std::string out;
  cairo_surface_write_to_png_stream(surface, append, &out);
  cairo_destroy(cr);
  cairo_surface_destroy(surface);
  return out;
}

std::int64_t conversation_named(Services& app, std::int64_t space_id, std::int64_t reader, const std::string& title) {
  if (title.empty()) return 0;
  for (const auto& c : conversations::readable_conversations(app, space_id, reader))
    if (c.title == title) return c.id;
  return 0;
}

}  // namespace

Result<bool> seed_library(Services& app, std::map<std::string, std::int64_t>& ids,
                          std::map<std::string, std::int64_t>& space_ids) {
  auto doc = json::parse(embedded::get("resources/demo/library.json")).as_object();
  const auto space_id = space_ids[text(doc, "space")];
  const auto pdf = guide_pdf();
  const auto png = wall_png();
  for (const auto& r : doc.at("resources").as_array()) {
    const auto& o = r.as_object();
    const auto by = ids[text(o, "by")];
    library::NewResource n;
    n.title = text(o, "title");
    n.description = text(o, "description");
    n.tags = text(o, "tags");
    n.url = text(o, "url");
    const auto file = text(o, "file");
    if (file == "pdf") n.bytes = pdf;
    if (file == "png") n.bytes = png;
    n.file_name = text(o, "file_name");
    n.conversation_id = conversation_named(app, space_id, by, text(o, "conversation"));
    if (auto ok = library::add_resource(app, space_id, by, n); !ok) return tl::unexpected(ok.error());
  }
  const auto events = events::commands::events_of_space(app, space_id);
  if (events.empty()) return true;
  // The space's first event: the learning day.
  auto first = events.front();
  for (const auto& e : events)
    if (e.id < first.id) first = e;
  for (const auto& l : doc.at("links").as_array()) {
    const auto& o = l.as_object();
    const auto by = ids[text(o, "by")];
    const auto conversation = conversation_named(app, space_id, by, text(o, "conversation"));
    if (!conversation) continue;
    if (auto ok = conversations::link_conversation(app, space_id, conversation, by, "event", first.id); !ok)
      return tl::unexpected(ok.error());
  }
  return true;
}

}  // namespace hs::demo
