// The report pages. GET /events/{id}/report: the report as people of the space see it,
// with the facilitator's form for their words and for publishing; the PDF beside it;
// and the published copy at /reports/{token} for anyone with the link.
#include "modules/report/module.hpp"

#include "core/number.hpp"
#include "modules/events/module.hpp"
#include "modules/report/build.hpp"
#include "modules/report/commands.hpp"
#include "modules/report/pdf.hpp"
#include "modules/spaces/module.hpp"
#include "modules/vision/module.hpp"
#include "services/fwd.hpp"
#include "services/services.hpp"
#include "store/db.hpp"
#include "web/app.hpp"
#include "web/render.hpp"

namespace hs::report {

namespace {

using web::Context;
using web::Response;
using web::View;

std::optional<std::int64_t> number(std::string_view s) { return hs::number::id(s); }

std::optional<events::commands::Access> load(Context& c) {
  auto id = number(c.param("id"));
  if (!id || !c.viewer) return std::nullopt;
  auto a = events::commands::access(c.app, *id, c.viewer->user_id, "");
  if (!a || !permissions::read(a->standing)) return std::nullopt;
  return a;
}

Response not_found(Context& c) { return c.error_page(Error::of(ErrorCode::not_found, "report_not_found")); }

std::string report_path(std::int64_t event_id) { return "/events/" + std::to_string(event_id) + "/report"; }

// The document as a view: one template draws every kind of block.
// raise_base: where "Raise an action" beside each theme leads, the theme's id appended;
// empty for those who may not raise one.
View document_view(const Document& d, const std::vector<std::int64_t>& clouds, const std::string& cloud_base,
                   const std::string& board_base, const std::string& map_base, const std::string& raise_base = "") {
  View v;
  v.set("title", d.title);
  auto sub = View::list();
  for (const auto& s : d.subtitle) sub.push(View(s));
  v.set("subtitle", sub);
  auto sections = View::list();
  std::size_t figure = 0;
  for (const auto& s : d.sections) {
    View sv;
    sv.set("heading", s.heading);
    auto blocks = View::list();
    for (const auto& b : s.blocks) {
      View bv;
      if (auto* p = std::get_if<Paragraph>(&b)) {
        bv.set("is_paragraph", true);
        bv.set("text", p->text);
      } else if (auto* l = std::get_if<BulletList>(&b)) {
        bv.set(l->ordered ? "is_numbered" : "is_list", true);
        auto items = View::list();
        for (const auto& i : l->items) items.push(View(i));
        bv.set("items", items);
      } else if (auto* q = std::get_if<Quote>(&b)) {
        bv.set("is_quote", true);
        bv.set("text", q->text);
        if (q->attribution) bv.set("attribution", *q->attribution);
      } else if (auto* t = std::get_if<Theme>(&b)) {
        bv.set("is_theme", true);
        bv.set("title", t->title);
        if (t->id && !raise_base.empty()) bv.set("raise_href", raise_base + std::to_string(t->id));
        if (t->number) bv.set("number", t->number);
        auto notes = View::list();
        for (const auto& n : t->notes) {
          View nv;
          nv.set("text", n.text);
          if (n.attribution) nv.set("attribution", *n.attribution);
          notes.push(nv);
        }
        bv.set("notes", notes);
      } else if (auto* tb = std::get_if<Table>(&b)) {
        bv.set("is_table", true);
        bv.set("caption", tb->caption);
        auto head = View::list();
        for (std::size_t i = 0; i < tb->header.size(); ++i) {
          View h;
          h.set("text", tb->header[i]);
          h.set("numeric", i < tb->align.size() && tb->align[i] == Table::Align::end);
          head.push(h);
        }
        bv.set("header", head);
        auto rows = View::list();
        for (const auto& row : tb->rows) {
          View rv;
          auto cells = View::list();
          for (std::size_t i = 0; i < row.size(); ++i) {
            View cv;
            cv.set("text", row[i]);
            cv.set("first", i == 0);
            cv.set("numeric", i < tb->align.size() && tb->align[i] == Table::Align::end);
            cells.push(cv);
          }
          rv.set("cells", cells);
          rows.push(rv);
        }
        bv.set("rows", rows);
      } else if (auto* of = std::get_if<OpinionFigure>(&b)) {
        bv.set("is_opinions", true);
        bv.set("alt", of->alt);
        bv.set("src", map_base + std::to_string(of->item_id));
      } else if (auto* hf = std::get_if<HorizonsFigure>(&b)) {
        bv.set("is_horizons", true);
        bv.set("alt", hf->alt);
        bv.set("src", board_base + std::to_string(hf->item_id));
      } else if (auto* f = std::get_if<WordCloudFigure>(&b)) {
        bv.set("is_cloud", true);
        bv.set("alt", f->alt);
        if (figure < clouds.size()) bv.set("src", cloud_base + std::to_string(clouds[figure]));
        ++figure;
      }
      blocks.push(bv);
    }
    sv.set("blocks", blocks);
    sections.push(sv);
  }
  v.set("sections", sections);
  return v;
}

Response pdf_response(Context& c, std::int64_t event_id) {
  auto doc = build(c.app, event_id);
  if (!doc) return not_found(c);
  PdfOptions o;
  o.page_label = c.t("report_page_label");
  web::Response res;
  res.body = render_pdf(*doc, o);
  res.set("Content-Type", "application/pdf");
  res.set("Content-Disposition", "attachment; filename=\"event-" + std::to_string(event_id) + "-report.pdf\"");
  return res;
}

Response cloud_response(Context& c, std::int64_t event_id, std::int64_t item_id) {
  auto a = events::commands::access(c.app, event_id, std::nullopt, "");
  if (!a) return not_found(c);
  auto cp = events::commands::cloud_picture(c.app, a->event, item_id);
  if (!cp || !cp->picture) return not_found(c);
  web::Response res;
  res.body = events::cloud::svg(*cp->picture, c.app.renderer->format("report_cloud_alt", {{"title", cp->item.title}}));
  res.set("Content-Type", "image/svg+xml");
  return res;
}

// A board's three-curves picture as the report holds it (hidden notes never in it).
Response board_response(Context& c, std::int64_t event_id, std::int64_t item_id) {
  for (const auto& b : vision::report_boards(c.app, event_id)) {
    if (b.item_id != item_id) continue;
    web::Response res;
    res.body = vision::to_svg(b.picture);
    res.set("Content-Type", "image/svg+xml");
    return res;
  }
  return not_found(c);
}

// An opinion map's map of people as the report holds it (shown statements only).
Response map_response(Context& c, std::int64_t event_id, std::int64_t item_id) {
  auto svg = vision::report_map_svg(c.app, event_id, item_id);
  if (!svg) return not_found(c);
  web::Response res;
  res.body = std::move(*svg);
  res.set("Content-Type", "image/svg+xml");
  return res;
}

// The space's facilitators raise "You said, we did" actions from the themes of its events'
// reports (the actions module's form, which checks again).
std::string raise_base(Context& c, const events::commands::Access& a) {
  if (a.standing != Standing::facilitator) return "";
  auto space = c.app.store->with([&](store::Conn& conn) { return spaces::space_by_id(conn, a.event.space_id); });
  if (!space) return "";
  return "/spaces/" + space->slug + "/actions/new?theme=";
}

Response render(Context& c, const events::commands::Access& a, const Error* error = nullptr, int status = 200,
                const std::string* typed_intro = nullptr, const std::string* typed_next = nullptr) {
  auto doc = build(c.app, a.event.id);
  if (!doc) return not_found(c);
  View v = c.view("report_page_title");
  v.set("page_title", doc->title);
  v.set("doc", document_view(*doc, cloud_items(c.app, a.event.id),
                             "/events/" + std::to_string(a.event.id) + "/report-cloud/",
                             "/events/" + std::to_string(a.event.id) + "/report-board/",
                             "/events/" + std::to_string(a.event.id) + "/report-map/", raise_base(c, a)));
  v.set("path", report_path(a.event.id));
  v.set("event_path", "/events/" + std::to_string(a.event.id));
  if (permissions::edit(a.standing)) {
    auto texts = report_texts(c.app, a.event.id);
    v.set("can_edit", true);
    v.set("typed_intro", typed_intro ? *typed_intro : texts.intro);
    v.set("typed_next", typed_next ? *typed_next : texts.next_steps);
    if (texts.public_token) {
      v.set("published", true);
      v.set("public_url", c.absolute_url("/reports/" + *texts.public_token));
    }
  }
  static constexpr std::string_view kKnown[] = {"saved", "published", "unpublished"};
  for (auto k : kKnown)
    if (c.query_param("notice") == k) v.set("notice", c.t("report_notice_" + std::string(k)));
  if (error) c.add_errors(v, *error);
  return c.page("report/show", v, status);
}

Response show(Context& c) {
  auto a = load(c);
  if (!a) return not_found(c);
  return render(c, *a);
}

Response save(Context& c) {
  auto a = load(c);
  if (!a) return not_found(c);
  auto intro = c.field("intro"), next = c.field("next_steps");
  auto r = save_texts(c.app, *a, intro, next);
  if (r) return c.redirect(report_path(a->event.id) + "?notice=saved");
  if (r.error().code == ErrorCode::forbidden) return c.error_page(r.error());
  auto e = r.error();
  return render(c, *a, &e, web::http_status(e.code), &intro, &next);
}

Response publish_action(Context& c) {
  auto a = load(c);
  if (!a) return not_found(c);
  const auto action = c.param("action");
  if (action == "publish") {
    auto r = publish(c.app, *a);
    if (!r) return c.error_page(r.error());
    return c.redirect(report_path(a->event.id) + "?notice=published");
  }
  if (action == "unpublish") {
    auto r = unpublish(c.app, *a);
    if (!r) return c.error_page(r.error());
    return c.redirect(report_path(a->event.id) + "?notice=unpublished");
  }
  return not_found(c);
}

Response pdf(Context& c) {
  auto a = load(c);
  if (!a) return not_found(c);
  auto res = pdf_response(c, a->event.id);
  res.set("Cache-Control", "no-store");
  return res;
}

Response cloud(Context& c) {
  auto a = load(c);
  auto item = number(c.param("item"));
  if (!a || !item) return not_found(c);
  return cloud_response(c, a->event.id, *item);
}

Response board(Context& c) {
  auto a = load(c);
  auto item = number(c.param("item"));
  if (!a || !item) return not_found(c);
  return board_response(c, a->event.id, *item);
}

Response map(Context& c) {
  auto a = load(c);
  auto item = number(c.param("item"));
  if (!a || !item) return not_found(c);
  return map_response(c, a->event.id, *item);
}

// The published copy: anyone with the link, no account.
Response public_show(Context& c) {
  auto id = published_event(c.app, std::string(c.param("token")));
  if (!id) return not_found(c);
  auto doc = build(c.app, *id);
  if (!doc) return not_found(c);
  View v = c.view("report_page_title");
  v.set("page_title", doc->title);
  const auto base = "/reports/" + std::string(c.param("token"));
  v.set("doc", document_view(*doc, cloud_items(c.app, *id), base + "/cloud/", base + "/board/", base + "/map/"));
  v.set("pdf_path", base + "/report.pdf");
  v.set("is_public", true);
  return c.page("report/show", v);
}

Response public_pdf(Context& c) {
  auto id = published_event(c.app, std::string(c.param("token")));
  if (!id) return not_found(c);
  return pdf_response(c, *id);
}

Response public_cloud(Context& c) {
  auto id = published_event(c.app, std::string(c.param("token")));
  auto item = number(c.param("item"));
  if (!id || !item) return not_found(c);
  return cloud_response(c, *id, *item);
}

Response public_board(Context& c) {
  auto id = published_event(c.app, std::string(c.param("token")));
  auto item = number(c.param("item"));
  if (!id || !item) return not_found(c);
  return board_response(c, *id, *item);
}

Response public_map(Context& c) {
  auto id = published_event(c.app, std::string(c.param("token")));
  auto item = number(c.param("item"));
  if (!id || !item) return not_found(c);
  return map_response(c, *id, *item);
}

}  // namespace

void register_module(web::App& app) {
  const web::RouteOptions form{.body_limit = 128 * 1024};
  const web::RouteOptions small{.body_limit = 16 * 1024};
  // Linked from the event's pages for the people of the space, who may read it.
  events::live::add_tool_link(
      app, [](Services& a, std::int64_t event_id, events::Standing s) -> std::optional<events::live::PageLink> {
        if (!permissions::read(s)) return std::nullopt;
        return events::live::PageLink{a.words->format("events_live_link_report", {}), report_path(event_id)};
      });
  app.router.get("/events/{id}/report", show);
  app.router.post("/events/{id}/report", save, form);
  app.router.post("/events/{id}/report/{action}", publish_action, small);
  app.router.get("/events/{id}/report.pdf", pdf);
  app.router.get("/events/{id}/report-cloud/{item}", cloud);
  app.router.get("/reports/{token}", public_show);
  app.router.get("/reports/{token}/report.pdf", public_pdf);
  app.router.get("/reports/{token}/cloud/{item}", public_cloud);
  app.router.get("/events/{id}/report-board/{item}", board);
  app.router.get("/reports/{token}/board/{item}", public_board);
  app.router.get("/events/{id}/report-map/{item}", map);
  app.router.get("/reports/{token}/map/{item}", public_map);
}

}  // namespace hs::report
