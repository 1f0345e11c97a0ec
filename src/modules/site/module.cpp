#include "modules/site/module.hpp"

#include "mail/mailer.hpp"
#include "store/db.hpp"
#include "web/app.hpp"
#include "web/metrics.hpp"
#include "web/static_files.hpp"

namespace hs::site {

using web::Context;
using web::Response;
using web::View;

void register_module(web::App& app) {
  app.router.get("/", [](Context& c) {
    View v = c.view("home_title");
    return c.page("home/index", v);
  });
  app.router.get("/about/privacy", [](Context& c) {
    View v = c.view("site_privacy_title");
    return c.page("site/privacy", v);
  });
  app.router.get("/healthz", [](Context& c) {
    bool ok = c.app.store->healthy();
    auto r = Response::text(ok ? 200 : 503, ok ? "ok\n" : "store unavailable\n");
    r.set("Cache-Control", "no-store");
    return r;
  });
  // Request counts by route and status say how the site is used: for the operator
  // (a scraper on this machine) and site stewards, not for anyone who asks.
  app.router.get("/metrics", [](Context& c) {
    if (!c.req.loopback && !(c.viewer && c.viewer->site_steward))
      return c.error_page(Error::of(ErrorCode::forbidden, "site_metrics_forbidden"));
    auto r = Response::text(200, c.app.metrics->prometheus());
    r.set("Content-Type", "text/plain; version=0.0.4; charset=utf-8");
    r.set("Cache-Control", "no-store");
    return r;
  });
  // The files are indexed once, now: a request names one of them exactly or gets a 404.
  auto files = std::make_shared<const web::StaticFiles>(app.config.static_dir);
  app.router.get("/static/{*path}", [files](Context& c) {
    auto r = files->get(c.param("path"));
    if (!r) return c.error_page(Error::of(ErrorCode::not_found, "common_not_found_body"));
    return std::move(*r);
  });
  if (app.config.demo) {
    // Demo mode only: a newcomer without a mail server can still open their links. The
    // outbox holds working sign-in links for every account, so it is the site steward's
    // alone: anyone else who could read it could sign in as anyone.
    app.router.get("/outbox", [](Context& c) {
      if (!c.viewer) return c.need_signin();
      if (!c.viewer->site_steward) return c.error_page(Error::of(ErrorCode::forbidden, "site_outbox_forbidden"));
      View v = c.view("site_outbox_title");
      View list = View::list();
      for (auto& m : mail::read_outbox(c.app.config.data_dir + "/outbox", 50)) {
        View item;
        item.set("id", m.file);
        item.set("to", m.to);
        item.set("subject", m.subject);
        item.set("body", m.body);
        View links = View::list();
        for (std::size_t pos = m.body.find("http"); pos != std::string::npos; pos = m.body.find("http", pos + 1)) {
          if (m.body.compare(pos, 7, "http://") != 0 && m.body.compare(pos, 8, "https://") != 0) continue;
          auto end = m.body.find_first_of(" \n\t", pos);
          links.push(View(m.body.substr(pos, end == std::string::npos ? std::string::npos : end - pos)));
          if (end == std::string::npos) break;
          pos = end;
        }
        item.set("has_links", !links.items().empty());
        item.set("links", std::move(links));
        list.push(std::move(item));
      }
      v.set("has_messages", !list.items().empty());
      v.set("messages", std::move(list));
      return c.page("site/outbox", v);
    });
  }
}

}  // namespace hs::site
