#include "modules/involvement/handlers/common.hpp"

#include "modules/involvement/permissions.hpp"

namespace hs::involvement::handlers {

using web::Context;
using web::Response;
using web::View;

Loaded load_space(Context& c) {
  Loaded l;
  auto s = spaces::space_in_path(c);
  if (!s) {
    l.refusal = not_found(c);
    return l;
  }
  if (!permissions::view(s->subject)) {
    l.refusal = forbidden(c, "involvement_not_member");
    return l;
  }
  l.space = std::move(*s);
  return l;
}

Response not_found(Context& c) { return c.error_page(Error::of(ErrorCode::not_found, "involvement_not_found")); }

Response refused(Context& c, const Error& e) {
  if (e.code == ErrorCode::forbidden) return forbidden(c, e.message_key);
  return c.error_page(e);
}

std::string path(const Space& s, const std::string& rest) { return "/spaces/" + s.space().slug + "/involvement" + rest; }

View page(Context& c, const Space& s, const std::string& title_key,
          const std::vector<std::pair<std::string, std::string>>& args) {
  View v = spaces::space_page(c, s, title_key, args);
  v.set("home_href", path(s));
  v.set("is_treasurer", permissions::treasure(s.subject));
  v.set("runs_opportunities", permissions::run_opportunities(s.subject));
  v.set("manages_rates", permissions::manage_rates(s.subject));
  return v;
}

namespace {

View base(Context& c, const Field& f, const Error* e) {
  View v;
  v.set("name", f.name);
  v.set("value", f.value);
  v.set("label", f.label_key.empty() ? std::string() : c.t(f.label_key));
  v.set("legend", false);
  v.set("textarea", false);
  v.set("input", false);
  v.set("file", false);
  v.set("select", false);
  v.set("checks", false);
  v.set("radios", false);
  v.set("inputmode", false);
  v.set("autocomplete", false);
  std::string described;
  if (!f.hint_key.empty()) {
    v.set("hint", c.t(f.hint_key));
    described = f.name + "-hint";
  } else {
    v.set("hint", false);
  }
  v.set("error", false);
  if (e)
    for (const auto& fe : e->fields)
      if (fe.field == f.name) {
        v.set("error", c.t(fe.message_key));
        described += (described.empty() ? "" : " ") + f.name + "-error";
        break;
      }
  if (described.empty()) v.set("described", false);
  else v.set("described", described);
  return v;
}

View options_of(Context& c, const std::vector<std::pair<std::string, std::string>>& options,
                const std::vector<std::string>& chosen, bool with_about) {
  View list = View::list();
  for (const auto& [value, key] : options) {
    View o;
    o.set("value", value);
    o.set("label", c.t(key));
    o.set("selected", std::find(chosen.begin(), chosen.end(), value) != chosen.end());
    if (with_about) o.set("about", c.t(key + "_about"));
    else o.set("about", false);
    list.push(std::move(o));
  }
  return list;
}

}  // namespace

View text_field(Context& c, const Field& f, const Error* e, const std::string& width, const std::string& type,
                const std::string& inputmode) {
  View v = base(c, f, e);
  v.set("input", true);
  v.set("width", width);
  v.set("type", type);
  if (!inputmode.empty()) v.set("inputmode", inputmode);
  return v;
}

View area_field(Context& c, const Field& f, const Error* e) {
  View v = base(c, f, e);
  v.set("textarea", true);
  return v;
}

View file_field(Context& c, const Field& f, const Error* e) {
  View v = base(c, f, e);
  v.set("file", true);
  return v;
}

View select_field(Context& c, const Field& f, const Error* e,
                  const std::vector<std::pair<std::string, std::string>>& options, bool blank) {
  View v = base(c, f, e);
  auto list = options;
  if (blank) list.insert(list.begin(), {"", "involvement_choose"});
  v.set("select", true);
  v.set("options", options_of(c, list, {f.value}, false));
  return v;
}

View checks_field(Context& c, const Field& f, const Error* e,
                  const std::vector<std::pair<std::string, std::string>>& options,
                  const std::vector<std::string>& chosen) {
  View v = base(c, f, e);
  v.set("legend", c.t(f.label_key));
  v.set("checks", true);
  v.set("options", options_of(c, options, chosen, false));
  return v;
}

View radios_field(Context& c, const Field& f, const Error* e,
                  const std::vector<std::pair<std::string, std::string>>& options, bool with_about) {
  View v = base(c, f, e);
  v.set("legend", c.t(f.label_key));
  v.set("radios", true);
  v.set("options", options_of(c, options, {f.value}, with_about));
  return v;
}

std::vector<std::string> all_of(Context& c, std::string_view name) {
  std::vector<std::string> out;
  for (const auto& [k, v] : c.form())
    if (k == name) out.push_back(v);
  return out;
}

std::string kind_label(Context& c, const std::string& kind) { return c.t("involvement_kind_" + kind); }

std::string state_label(Context& c, const std::string& state) { return c.t("involvement_state_" + state); }

std::string state_tag(const std::string& state) {
  if (state == "paid") return "govuk-tag--green";
  if (state == "approved" || state == "batched") return "govuk-tag--turquoise";
  if (state == "queried") return "govuk-tag--yellow";
  if (state == "refused") return "govuk-tag--red";
  if (state == "withdrawn") return "govuk-tag--grey";
  return "govuk-tag--blue";
}

std::string day_words(Context& c, const std::string& day) { return commands::day_in_words(c.app, day); }

std::string hours_words(Context& c, std::int64_t minutes) { return commands::hours_in_words(c.app, minutes); }

std::string claim_ref(std::int64_t id) { return "C" + std::to_string(id); }

View claim_item(Context& c, const Space& s, const ClaimRow& k) {
  View v;
  v.set("ref", claim_ref(k.id));
  v.set("href", path(s, "/claims/" + std::to_string(k.id)));
  v.set("kind", kind_label(c, k.kind));
  v.set("day", day_words(c, k.day));
  v.set("amount", format_pounds(k.total_pence));
  v.set("state", state_label(c, k.state));
  v.set("tag", state_tag(k.state));
  v.set("advance", k.advance);
  return v;
}

}  // namespace hs::involvement::handlers
