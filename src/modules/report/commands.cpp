#include "modules/report/commands.hpp"

#include <fstream>
#include <iostream>

#include "core/clock.hpp"
#include "core/crypto.hpp"
#include "core/text.hpp"
#include "modules/report/build.hpp"
#include "modules/report/module.hpp"
#include "modules/report/pdf.hpp"
#include "modules/report/repo.hpp"
#include "services/services.hpp"
#include "store/db.hpp"
#include "web/render.hpp"

namespace hs::report {

namespace permissions {
bool edit(Standing s) { return s == Standing::facilitator || s == Standing::steward; }
bool read(Standing s) {
  return s == Standing::member || s == Standing::facilitator || s == Standing::steward || s == Standing::auditor;
}
}  // namespace permissions

namespace {
constexpr std::size_t kTextMax = 20000;
}  // namespace

Texts report_texts(Services& app, std::int64_t event_id) {
  auto row = app.store->with([&](store::Conn& c) { return repo::report(c, event_id); });
  if (!row) return {};
  return Texts{row->intro, row->next_steps, row->public_token, row->published_at};
}

Result<bool> save_texts(Services& app, const events::commands::Access& a, const std::string& intro_in,
                        const std::string& next_in) {
  if (!permissions::edit(a.standing)) return fail(ErrorCode::forbidden, "events_forbidden");
  auto intro = std::string(text::trim(intro_in)), next = std::string(text::trim(next_in));
  Validation v;
  if (!text::valid_utf8(intro) || text::has_control(intro, true) || text::length(intro) > kTextMax)
    v.add("intro", "report_text_too_long");
  if (!text::valid_utf8(next) || text::has_control(next, true) || text::length(next) > kTextMax)
    v.add("next_steps", "report_text_too_long");
  if (!v.ok()) return fail(v.error());
  app.store->write([&](store::Conn& c) -> Result<bool> {
    repo::save_texts(c, a.event.id, intro, next, app.clock->now());
    return true;
  });
  return true;
}

Result<std::string> publish(Services& app, const events::commands::Access& a) {
  if (!permissions::edit(a.standing)) return fail(ErrorCode::forbidden, "events_forbidden");
  auto token = crypto::random_token(16);
  return app.store->write([&](store::Conn& c) -> Result<std::string> {
    const auto now = app.clock->now();
    repo::set_published(c, a.event.id, token, now, now);
    return token;
  });
}

Result<bool> unpublish(Services& app, const events::commands::Access& a) {
  if (!permissions::edit(a.standing)) return fail(ErrorCode::forbidden, "events_forbidden");
  return app.store->write([&](store::Conn& c) -> Result<bool> {
    repo::set_published(c, a.event.id, std::nullopt, std::nullopt, app.clock->now());
    return true;
  });
}

std::optional<std::int64_t> published_event(Services& app, const std::string& token) {
  if (token.empty() || token.size() > 64) return std::nullopt;
  auto row = app.store->with([&](store::Conn& c) { return repo::report_by_token(c, token); });
  if (!row) return std::nullopt;
  return row->event_id;
}

int report_cli(Services& app, std::int64_t event_id, const std::string& pdf_path) {
  auto doc = build(app, event_id);
  if (!doc) {
    std::cerr << "humanspace: there is no event " << event_id << "\n";
    return 1;
  }
  PdfOptions o;
  o.page_label = app.words->t("report_page_label");
  auto bytes = render_pdf(*doc, o);
  std::ofstream out(pdf_path, std::ios::binary | std::ios::trunc);
  out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
  out.close();
  if (!out) {
    std::cerr << "humanspace: could not write " << pdf_path << "\n";
    return 1;
  }
  std::cout << "report for event " << event_id << " written to " << pdf_path << " (" << bytes.size() << " bytes)\n";
  return 0;
}

}  // namespace hs::report
