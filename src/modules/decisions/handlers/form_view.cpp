#include "modules/decisions/handlers/form_view.hpp"

#include "modules/decisions/rules/keys.hpp"
#include "modules/decisions/rules/settings.hpp"
#include "modules/decisions/rules/threshold.hpp"

namespace hs::decisions::handlers {

using web::Context;
using web::View;

ProposalFields fields_from(Context& c) {
  ProposalFields f;
  f.title = c.field("title");
  f.details = c.field("details");
  f.method = c.field("method");
  f.options = c.field("options");
  f.closes_day = c.field("closes_day");
  f.closes_month = c.field("closes_month");
  f.closes_year = c.field("closes_year");
  f.closes_time = c.field("closes_time");
  f.quorum = c.field("quorum");
  f.results = c.field("results");
  f.threshold = c.field("threshold");
  f.dots = c.field("dots");
  f.reasons_required = c.checked("reasons_required");
  f.anonymous = c.checked("anonymous");
  return f;
}

void add_form_view(Context& c, View& v, const ProposalFields& f, std::span<const Method> methods) {
  View form;
  form.set("title", f.title);
  form.set("details", f.details);
  form.set("options", f.options);
  form.set("closes_day", f.closes_day);
  form.set("closes_month", f.closes_month);
  form.set("closes_year", f.closes_year);
  form.set("closes_time", f.closes_time);
  form.set("quorum", f.quorum);
  form.set("dots", f.dots);
  form.set("reasons_required", f.reasons_required);
  form.set("anonymous", f.anonymous);
  v.set("form", std::move(form));

  View ms = View::list();
  bool first = true;
  for (auto m : methods) {
    View item;
    auto name = std::string(to_string(m));
    item.set("value", name);
    item.set("id", first ? std::string("method") : "method-" + name);
    item.set("label", c.t(std::string(name_key(m))));
    item.set("about", c.t(std::string(name_key(m)) + "_about"));
    item.set("checked", f.method == name);
    ms.push(std::move(item));
    first = false;
  }
  v.set("methods", std::move(ms));

  View vis = View::list();
  first = true;
  for (auto r : {ResultsVisibility::after_close, ResultsVisibility::after_voting}) {
    View item;
    auto name = std::string(to_string(r));
    item.set("value", name);
    item.set("id", first ? std::string("results") : "results-" + name);
    item.set("label", c.t(std::string(name_key(r))));
    item.set("checked", f.results == name);
    vis.push(std::move(item));
    first = false;
  }
  v.set("visibilities", std::move(vis));

  View ts = View::list();
  first = true;
  for (auto t : kAllThresholds) {
    View item;
    auto name = std::string(to_string(t));
    item.set("value", name);
    item.set("id", first ? std::string("threshold") : "threshold-" + name);
    item.set("label", c.t(std::string(name_key(t))));
    item.set("checked", f.threshold == name);
    ts.push(std::move(item));
    first = false;
  }
  v.set("thresholds", std::move(ts));
}

}  // namespace hs::decisions::handlers
