#pragma once
// A Mustache template compiled once into a flat list of steps and rendered straight from
// a View into one string. It gives the same bytes kainjow-mustache gives for the same
// template and data (kainjow stays the reference: the Renderer validates every template
// with it at start-up, and a unit test compares the two on every template), including
// kainjow's handling of lines that hold only section tags. It does what our templates
// use: variables, sections, inverted sections, comments and {{{unescaped}}}/{{&x}}.
// Partials are written into the text before compiling; a set-delimiter tag is refused.
#include <atomic>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "web/view.hpp"

namespace hs::web {

class Template {
 public:
  // Throws std::runtime_error naming the problem when the text does not parse.
  // base: looked up after everything the page pushes (our messages under `t`, `lang`);
  // it must outlive the template.
  Template(std::string_view source, const View& base);
  Template(Template&& o) noexcept
      : steps_(std::move(o.steps_)),
        text_(std::move(o.text_)),
        paths_(std::move(o.paths_)),
        base_(o.base_),
        size_hint_(o.size_hint_.load(std::memory_order_relaxed)) {}
  Template(const Template&) = delete;
  Template& operator=(const Template&) = delete;

  // html: escape & < > " ' in {{values}}; otherwise write values as they are.
  std::string render(const View& data, bool html) const;

 private:
  enum class Kind : std::uint8_t { text, newline, variable, unescaped, section, inverted };
  // Kept small: a page is a few thousand steps, and every template is held twice.
  struct Step {
    Kind kind = Kind::text;
    bool dot = false;                    // {{.}}: the innermost value
    std::uint32_t end = 0;               // sections: index of the first step after the section
    std::uint32_t offset = 0, size = 0;  // text and newline: where in text_
    std::uint32_t path = 0;              // names: index into paths_
    const View* from_base = nullptr;     // what the name means in base, found once
  };
  struct State;

  void render_range(State& s, std::uint32_t begin, std::uint32_t end) const;
  const View* lookup(const State& s, const Step& step) const;
  std::string_view text(const Step& step) const { return std::string_view(text_).substr(step.offset, step.size); }

  std::vector<Step> steps_;
  std::string text_;                             // every piece of text, one after another
  std::vector<std::vector<std::string>> paths_;  // names split at dots
  const View* base_;
  // The size of the last page rendered, to reserve the output buffer in one go.
  mutable std::atomic<std::size_t> size_hint_{0};
};

}  // namespace hs::web
