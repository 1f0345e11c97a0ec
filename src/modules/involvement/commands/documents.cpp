// Documents people download: a recognition letter and a tax-year statement, drawn as
// tagged PDFs by the report module's renderer, every word from the message catalogue.
#include "core/dates.hpp"
#include "modules/accounts/module.hpp"
#include "modules/involvement/commands/support.hpp"
#include "modules/involvement/rules/tax_year.hpp"
#include "modules/report/module.hpp"
#include "services/services.hpp"
#include "store/db.hpp"

namespace hs::involvement::commands {

namespace {

struct Who {
  std::string name, space;
};

Result<Who> who(Services& app, std::int64_t space_id, std::int64_t user_id) {
  return app.store->with([&](store::Conn& c) -> Result<Who> {
    if (!permissions::view(subject_at(c, space_id, user_id))) return fail(ErrorCode::forbidden, "involvement_not_member");
    auto space = spaces::space_by_id(c, space_id);
    if (!space) return fail(ErrorCode::not_found, "involvement_not_member");
    return Who{accounts::display_name(app, c, user_id), space->name};
  });
}

std::string render(Services& app, const report::Document& d) {
  report::PdfOptions o;
  o.page_label = app.words->t("involvement_pdf_page");
  return report::render_pdf(d, o);
}

}  // namespace

std::string day_in_words(const Services& app, const std::string& day) {
  auto t = dates::parse_day(day);
  if (!t) return day;
  const auto d = dates::civil(*t);
  return app.words->format("report_date", {{"day", std::to_string(d.day)},
                                           {"month", app.words->t("report_month_" + std::to_string(d.month))},
                                           {"year", std::to_string(d.year)}});
}

std::string hours_in_words(const Services& app, std::int64_t minutes) {
  const auto h = minutes / 60, m = minutes % 60;
  std::string out;
  if (h > 0) out = app.words->format(h == 1 ? "involvement_hour" : "involvement_hours", {{"n", std::to_string(h)}});
  if (m > 0) {
    if (!out.empty()) out += ' ';
    out += app.words->format(m == 1 ? "involvement_minute" : "involvement_minutes", {{"n", std::to_string(m)}});
  }
  if (out.empty()) out = app.words->format("involvement_hours", {{"n", "0"}});
  return out;
}

Result<std::vector<std::pair<std::string, std::int64_t>>> letter_hours(Services& app, std::int64_t space_id,
                                                                      std::int64_t user_id, const std::string& from,
                                                                      const std::string& to) {
  Validation v;
  if (!dates::parse_day(from)) v.add("from", "involvement_day_invalid");
  if (!dates::parse_day(to)) v.add("to", "involvement_day_invalid");
  if (v.ok() && to < from) v.add("to", "involvement_letter_order");
  if (!v.ok()) return fail(v.error());
  auto kinds = hours_by_kind(app, space_id, user_id, from, to);
  if (kinds.empty()) {
    v.add("from", "involvement_letter_nothing");
    return fail(v.error());
  }
  return kinds;
}

Result<std::string> recognition_letter(Services& app, std::int64_t space_id, std::int64_t user_id,
                                       const std::string& from, const std::string& to) {
  auto person = who(app, space_id, user_id);
  if (!person) return fail(person.error());
  auto found = letter_hours(app, space_id, user_id, from, to);
  if (!found) return fail(found.error());
  const auto& kinds = *found;
  std::int64_t total = 0;
  for (const auto& [kind, minutes] : kinds) total += minutes;
  const auto& w = *app.words;
  report::Document d;
  d.title = w.t("involvement_letter_title");
  d.subtitle = {person->space, w.format("involvement_letter_issued", {{"date", day_in_words(app, day_of(app.clock->now()))}})};
  report::Section s;
  s.heading = person->name;
  s.blocks.push_back(report::Paragraph{w.format("involvement_letter_confirms",
                                                {{"name", person->name},
                                                 {"hours", hours_in_words(app, total)},
                                                 {"space", person->space},
                                                 {"from", day_in_words(app, from)},
                                                 {"to", day_in_words(app, to)}})});
  if (!kinds.empty()) {
    report::Table t;
    t.caption = w.t("involvement_letter_table");
    t.header = {w.t("involvement_letter_kind"), w.t("involvement_letter_hours")};
    t.align = {report::Table::Align::start, report::Table::Align::end};
    for (const auto& [kind, minutes] : kinds)
      t.rows.push_back({w.t("involvement_kind_" + kind), plain_hours(minutes)});
    t.rows.push_back({w.t("involvement_letter_total"), plain_hours(total)});
    s.blocks.push_back(std::move(t));
  }
  s.blocks.push_back(report::Paragraph{w.format("involvement_letter_about", {{"space", person->space}})});
  s.blocks.push_back(report::Paragraph{w.format("involvement_letter_verify", {{"site", app.link("/")}})});
  d.sections.push_back(std::move(s));
  return render(app, d);
}

Result<std::string> tax_statement(Services& app, std::int64_t space_id, std::int64_t user_id, int year) {
  auto person = who(app, space_id, user_id);
  if (!person) return fail(person.error());
  auto paid = app.store->with([&](store::Conn& c) { return repo::paid_to(c, space_id, user_id); });
  const auto& w = *app.words;
  const std::vector<std::pair<std::string, std::string>> years = {{"start", std::to_string(year)},
                                                                  {"end", std::to_string(year + 1)}};
  report::Document d;
  d.title = w.format("involvement_statement_title", years);
  d.subtitle = {person->name, person->space,
                w.format("involvement_letter_issued", {{"date", day_in_words(app, day_of(app.clock->now()))}})};
  report::Section s;
  s.heading = w.format("involvement_statement_heading", years);
  report::Table t;
  t.header = {w.t("involvement_statement_day"), w.t("involvement_statement_for_time"),
              w.t("involvement_statement_expenses"), w.t("involvement_statement_method")};
  t.align = {report::Table::Align::start, report::Table::Align::end, report::Table::Align::end,
             report::Table::Align::start};
  Pence time = 0, expenses = 0, given = 0;
  for (const auto& p : paid) {
    if (tax_year_of(p.day) != year) continue;
    t.rows.push_back({day_in_words(app, p.day), format_pounds(p.time_pence), format_pounds(p.expenses_pence),
                      w.t("involvement_method_" + p.method)});
    (p.method == "charity" ? given : time) += p.time_pence;
    expenses += p.expenses_pence;
  }
  if (t.rows.empty()) {
    s.blocks.push_back(report::Paragraph{w.t("involvement_statement_none")});
  } else {
    s.blocks.push_back(report::Paragraph{w.format(
        "involvement_statement_totals",
        {{"time", format_pounds(time)}, {"expenses", format_pounds(expenses)}, {"given", format_pounds(given)}})});
    s.blocks.push_back(std::move(t));
  }
  s.blocks.push_back(report::Paragraph{w.t("involvement_statement_benefits")});
  d.sections.push_back(std::move(s));
  return render(app, d);
}

}  // namespace hs::involvement::commands
