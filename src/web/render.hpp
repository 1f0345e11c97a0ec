#pragma once
// Renders Mustache templates compiled into the binary, with the message catalogue
// under `t`. Escaping is on for every {{value}}.
#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "services/services.hpp"
#include "web/view.hpp"

namespace hs::web {

class Renderer final : public services::Words {
 public:
  // Loads templates/**.mustache and messages/<lang>/*.txt from the embedded files.
  explicit Renderer(std::string lang = "en");
  ~Renderer() override;
  Renderer(const Renderer&) = delete;
  Renderer& operator=(const Renderer&) = delete;

  // name: path under templates/ without extension, e.g. "accounts/signin".
  std::string render(std::string_view name, const View& view) const;
  // For plain-text email: the same templates without HTML escaping (a mail reader shows
  // text as text, so "O'Neil" must not become "O&apos;Neil").
  std::string render_text(std::string_view name, const View& view) const override;
  // The message text for a key; the key itself when missing (and logged once).
  const std::string& t(const std::string& key) const override;
  // Replaces {name} placeholders in a message.
  std::string format(const std::string& key,
                     const std::vector<std::pair<std::string, std::string>>& args) const override;
  bool has_template(std::string_view name) const;
  const std::string& lang() const { return lang_; }

  // For tests: the same page through kainjow-mustache, the engine the compiled templates
  // must match byte for byte; the names of every page template; a template's text with
  // partials and messages written in (nullptr when there is none).
  std::string render_reference(std::string_view name, const View& view, bool html) const;
  std::vector<std::string> template_names() const;
  const std::string* template_source(std::string_view name) const;

 private:
  std::string render_with(std::string_view name, const View& view, bool html) const;
  struct Impl;
  std::unique_ptr<Impl> impl_;
  std::string lang_;
};

}  // namespace hs::web
