// The only translation unit that includes the template engine.
#include "web/render.hpp"

#include <spdlog/spdlog.h>

#include <kainjow/mustache.hpp>
#include <map>
#include <mutex>
#include <stdexcept>

#include "core/embedded.hpp"
#include "core/text.hpp"

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
  std::size_t start = 0;
  while (start < file.size()) {
    auto nl = file.find('\n', start);
    if (nl == std::string_view::npos) nl = file.size();
    auto line = text::trim(file.substr(start, nl - start));
    start = nl + 1;
    if (line.empty() || line.front() == '#') continue;
    auto eq = line.find('=');
    if (eq == std::string_view::npos) continue;
    out[std::string(text::trim(line.substr(0, eq)))] = std::string(text::trim(line.substr(eq + 1)));
  }
}

}  // namespace

struct Renderer::Impl {
  std::map<std::string, std::string, std::less<>> sources;  // name -> template text
  std::map<std::string, std::string> messages;
  mu::data base{mu::data::type::object};  // t + partials, shared by every render
};

Renderer::Renderer(std::string lang) : impl_(std::make_unique<Impl>()), lang_(std::move(lang)) {
  for (const auto& f : embedded::under("templates/")) {
    auto name = f.path.substr(10);
    if (!name.ends_with(".mustache")) continue;
    name.remove_suffix(9);
    impl_->sources.emplace(std::string(name), std::string(f.data));
  }
  for (const auto& f : embedded::under("messages/" + lang_ + "/")) load_messages(f.data, impl_->messages);

  mu::data t(mu::data::type::object);
  for (const auto& [k, v] : impl_->messages) t.set(k, v);
  impl_->base.set("t", t);
  impl_->base.set("lang", lang_);
  // Partials are templates/partials/NAME, used as {{> NAME}}.
  for (const auto& [name, src] : impl_->sources)
    if (name.starts_with("partials/")) {
      const std::string* text = &src;
      impl_->base.set(name.substr(9), mu::partial([text] { return *text; }));
    }
  for (const auto& [name, src] : impl_->sources) {
    mu::mustache check(src);
    if (!check.is_valid()) throw std::runtime_error("template " + name + ": " + check.error_message());
  }
}

Renderer::~Renderer() = default;

bool Renderer::has_template(std::string_view name) const { return impl_->sources.find(name) != impl_->sources.end(); }

std::string Renderer::render(std::string_view name, const View& view) const { return render_with(name, view, true); }

std::string Renderer::render_text(std::string_view name, const View& view) const {
  return render_with(name, view, false);
}

std::string Renderer::render_with(std::string_view name, const View& view, bool html) const {
  auto it = impl_->sources.find(name);
  if (it == impl_->sources.end()) throw std::runtime_error("no template " + std::string(name));
  // Parsed templates are cached per thread: the engine's render is not const.
  thread_local std::map<const Impl*, std::map<std::string, mu::mustache, std::less<>>> caches[2];
  auto& mine = caches[html ? 0 : 1][impl_.get()];
  auto tit = mine.find(name);
  if (tit == mine.end()) {
    tit = mine.emplace(std::string(name), mu::mustache(it->second)).first;
    if (!html) tit->second.set_custom_escape([](const std::string& s) { return s; });
  }
  mu::data page = to_data(view);
  mu::context<std::string> ctx(&impl_->base);
  ctx.push(&page);
  return tit->second.render(ctx);
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
