#include "modules/decisions/methods/shared.hpp"

#include <charconv>

#include "core/text.hpp"
#include "web/render.hpp"

namespace hs::decisions::methods {

void add_error(Validation& v, const Error& e) {
  if (e.fields.empty()) v.add("", e.message_key);
  for (const auto& f : e.fields) v.add(f.field, f.message_key);
}

std::optional<int> whole(std::string_view s) {
  s = text::trim(s);
  int v = 0;
  auto [end, ec] = std::from_chars(s.data(), s.data() + s.size(), v);
  if (s.empty() || ec != std::errc{} || end != s.data() + s.size()) return std::nullopt;
  return v;
}

std::vector<std::string> choice_parts(const std::string& choice) {
  std::vector<std::string> out;
  for (auto part : split_choice(choice)) out.emplace_back(part);
  return out;
}

std::string option_name(const std::vector<std::string>& options, std::size_t i) {
  return i < options.size() ? options[i] : std::string();
}

std::string name_or_former(const web::Renderer& words, const std::string& name) {
  return name.empty() ? words.t("decisions_former_member") : name;
}

web::View radio(const std::string& name, const std::string& value, const std::string& label, bool checked, bool first,
                const std::string& hint) {
  web::View item;
  item.set("name", name);
  item.set("value", value);
  item.set("id", first ? name : name + "-" + value);
  item.set("label", label);
  item.set("checked", checked);
  if (!hint.empty()) item.set("hint", hint);
  return item;
}

web::View radio_row(const std::string& group_id, const std::string& name, bool first_row,
                    const std::vector<std::pair<std::string, std::string>>& values, const std::string& chosen) {
  web::View list = web::View::list();
  bool first = first_row;
  for (const auto& [value, label] : values) {
    web::View item;
    item.set("name", name);
    item.set("value", value);
    item.set("id", first ? group_id : name + "_" + value);
    if (!label.empty()) item.set("label", label);
    item.set("checked", chosen == value);
    list.push(std::move(item));
    first = false;
  }
  return list;
}

web::View reason_item(const web::Renderer& words, const std::string& name, const std::string& label_key,
                      const std::string& reason) {
  web::View r;
  if (!name.empty()) r.set("name", name);
  r.set("label", words.t(label_key));
  r.set("reason", reason);
  return r;
}

void add_plain_reasons(const web::Renderer& words, web::View& reasons, const PageInput& in) {
  add_reasons(words, reasons, in, [](const StoredBallot&) { return std::string("decisions_reason_plain"); });
}

}  // namespace hs::decisions::methods
