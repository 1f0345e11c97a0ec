// The only translation unit that includes the template engine.
#include "web/render.hpp"

#include <kainjow/mustache.hpp>
#include <spdlog/spdlog.h>

#include <map>
#include <mutex>
#include <stdexcept>

#include "core/embedded.hpp"
#include "core/text.hpp"
#include "web/template.hpp"

namespace hs::web {

namespace mu = kainjow::mustache;

namespace {

mu::data to_data(const View& v) {
  if (v.is_string()) return mu::data(v.str());
  if (v.is_bool()) return mu::data(v.boolean());
  if (v.is_list()) {
    mu::data out(mu::data::type::list);
    for (const auto& item : v.items()) out.push_back(to_data(item));
    return out;
  }
  mu::data out(mu::data::type::object);
  for (const auto& [k, item] : v.fields()) out.set(k, to_data(item));
  return out;
}

// Messages: "key = text" per line; '#' starts a comment line.
void load_messages(std::string_view file, std::map<std::string, std::string>& out) {
  for (auto line : text::content_lines(file)) {
    auto eq = line.find('=');
    if (eq == std::string_view::npos) continue;
    out[std::string(text::trim(line.substr(0, eq)))] = std::string(text::trim(line.substr(eq + 1)));
  }
}

// Partials are written into the templates that use them once, at start-up, so that each
// page is parsed once per thread instead of its partials being parsed on every render.
std::string expand_partials(const std::string& src, const std::map<std::string, std::string, std::less<>>& sources,
                            int depth = 0) {
  if (depth > 8) throw std::runtime_error("partials nest too deeply");
  std::string out;
  std::size_t pos = 0;
  while (true) {
    auto open = src.find("{{>", pos);
    if (open == std::string::npos) break;
    auto close = src.find("}}", open);
    if (close == std::string::npos) break;
    auto name = std::string(text::trim(std::string_view(src).substr(open + 3, close - open - 3)));
    auto it = sources.find("partials/" + name);
    if (it == sources.end()) throw std::runtime_error("no partial " + name);
    out.append(src, pos, open - pos);
    out += expand_partials(it->second, sources, depth + 1);
    pos = close + 2;
  }
  out.append(src, pos, std::string::npos);
  return out;
}

// Messages are fixed for a language, so {{t.key}} is written into the template text once
// at start-up (escaped for HTML, or as-is for plain-text email) rather than looked up on
// every render.
std::string inline_messages(const std::string& src, const std::map<std::string, std::string>& messages, bool html) {
  std::string out;
  std::size_t pos = 0;
  while (true) {
    auto open = src.find("{{t.", pos);
    if (open == std::string::npos) break;
    auto close = src.find("}}", open);
    if (close == std::string::npos) break;
    auto key = src.substr(open + 4, close - open - 4);
    auto it = messages.find(key);
    out.append(src, pos, open - pos);
    if (it == messages.end() || it->second.find("{{") != std::string::npos) {
      if (it == messages.end()) spdlog::warn("templates use message key {} which has no text", key);
      out.append(src, open, close + 2 - open);
    } else {
      out += html ? mu::html_escape(it->second) : it->second;
    }
    pos = close + 2;
  }
  out.append(src, pos, std::string::npos);
  return out;
}

}  // namespace

struct Renderer::Impl {
  std::map<std::string, std::string, std::less<>> sources;                     // name -> template text
  std::map<std::string, std::string, std::less<>> html_sources, text_sources;  // messages written in
  std::map<std::string, std::string> messages;
  mu::data base{mu::data::type::object};              // t + lang, for the reference engine
  View view_base;                                     // the same for the compiled templates
  std::map<std::string, Template, std::less<>> html;  // compiled once, shared by every thread
  // Plain-text versions are for email, rarely wanted: compiled on first use.
  std::mutex text_mu;
  std::map<std::string, Template, std::less<>> text;
};

Renderer::Renderer(std::string lang) : impl_(std::make_unique<Impl>()), lang_(std::move(lang)) {
  for (const auto& f : embedded::under("templates/")) {
    auto name = f.path.substr(10);
    if (!name.ends_with(".mustache")) continue;
    name.remove_suffix(9);
    impl_->sources.emplace(std::string(name), std::string(f.data));
  }
  for (const auto& f : embedded::under("messages/" + lang_ + "/")) load_messages(f.data, impl_->messages);
  for (auto& [name, src] : impl_->sources)
    if (!name.starts_with("partials/")) src = expand_partials(src, impl_->sources);
  for (const auto& [name, src] : impl_->sources) {
    impl_->html_sources[name] = inline_messages(src, impl_->messages, true);
    impl_->text_sources[name] = inline_messages(src, impl_->messages, false);
  }

  mu::data t(mu::data::type::object);
  for (const auto& [k, v] : impl_->messages) t.set(k, v);
  impl_->base.set("t", t);
  impl_->base.set("lang", lang_);
  View tv;
  for (const auto& [k, v] : impl_->messages) tv.set(k, v);
  impl_->view_base.set("t", std::move(tv));
  impl_->view_base.set("lang", lang_);
  for (const auto& [name, src] : impl_->sources) {
    // kainjow stays the judge of what a valid template is.
    mu::mustache check(src);
    if (!check.is_valid()) throw std::runtime_error("template " + name + ": " + check.error_message());
    if (name.starts_with("partials/")) continue;  // written into pages; never rendered alone
    try {
      impl_->html.emplace(name, Template(impl_->html_sources.at(name), impl_->view_base));
      Template(impl_->text_sources.at(name), impl_->view_base);  // compiles: checked now, kept when used
    } catch (const std::runtime_error& e) {
      throw std::runtime_error("template " + name + ": " + e.what());
    }
  }
}

Renderer::~Renderer() = default;

bool Renderer::has_template(std::string_view name) const { return impl_->sources.find(name) != impl_->sources.end(); }

std::string Renderer::render(std::string_view name, const View& view) const { return render_with(name, view, true); }

std::string Renderer::render_text(std::string_view name, const View& view) const {
  return render_with(name, view, false);
}

std::string Renderer::render_with(std::string_view name, const View& view, bool html) const {
  if (html) {
    auto it = impl_->html.find(name);
    if (it == impl_->html.end()) throw std::runtime_error("no template " + std::string(name));
    return it->second.render(view, true);
  }
  std::lock_guard g(impl_->text_mu);
  auto it = impl_->text.find(name);
  if (it == impl_->text.end()) {
    auto src = impl_->text_sources.find(name);
    if (src == impl_->text_sources.end() || name.starts_with("partials/"))
      throw std::runtime_error("no template " + std::string(name));
    it = impl_->text.emplace(std::string(name), Template(src->second, impl_->view_base)).first;
  }
  return it->second.render(view, false);
}

std::string Renderer::render_reference(std::string_view name, const View& view, bool html) const {
  const auto& sources = html ? impl_->html_sources : impl_->text_sources;
  auto it = sources.find(name);
  if (it == sources.end()) throw std::runtime_error("no template " + std::string(name));
  mu::mustache tmpl(it->second);
  if (!html) tmpl.set_custom_escape([](const std::string& s) { return s; });
  mu::data page = to_data(view);
  mu::context<std::string> ctx(&impl_->base);
  ctx.push(&page);
  return tmpl.render(ctx);
}

std::vector<std::string> Renderer::template_names() const {
  std::vector<std::string> out;
  for (const auto& [name, t] : impl_->html) out.push_back(name);
  return out;
}

const std::string* Renderer::template_source(std::string_view name) const {
  auto it = impl_->html_sources.find(name);
  return it == impl_->html_sources.end() ? nullptr : &it->second;
}

const std::string& Renderer::t(const std::string& key) const {
  auto it = impl_->messages.find(key);
  if (it != impl_->messages.end()) return it->second;
  static std::mutex mu;
  static std::map<std::string, std::string> missing;
  std::lock_guard g(mu);
  auto [m, inserted] = missing.emplace(key, key);
  if (inserted) spdlog::warn("message key {} has no text in language {}", key, lang_);
  return m->second;
}

std::string Renderer::format(const std::string& key,
                             const std::vector<std::pair<std::string, std::string>>& args) const {
  std::string out = t(key);
  for (const auto& [name, value] : args) {
    const std::string token = "{" + name + "}";
    for (auto pos = out.find(token); pos != std::string::npos; pos = out.find(token, pos + value.size()))
      out.replace(pos, token.size(), value);
  }
  return out;
}

}  // namespace hs::web
