#include "web/template.hpp"

#include <cctype>
#include <map>
#include <stdexcept>

namespace hs::web {

namespace {

std::string_view trim_tag(std::string_view s) {
  while (!s.empty() && std::isspace(static_cast<unsigned char>(s.front()))) s.remove_prefix(1);
  while (!s.empty() && std::isspace(static_cast<unsigned char>(s.back()))) s.remove_suffix(1);
  return s;
}

// kainjow splits a dotted name with std::getline: a trailing dot adds no empty part.
std::vector<std::string> split_name(std::string_view name) {
  std::vector<std::string> parts;
  std::size_t start = 0;
  while (true) {
    auto dot = name.find('.', start);
    if (dot == std::string_view::npos) {
      if (start < name.size()) parts.emplace_back(name.substr(start));
      break;
    }
    parts.emplace_back(name.substr(start, dot - start));
    start = dot + 1;
  }
  return parts;
}

const View* walk(const View* v, const std::vector<std::string>& path) {
  for (const auto& part : path) {
    v = v->get(part);
    if (!v) return nullptr;
  }
  return v;
}

bool is_false(const View& v) { return (v.is_bool() && !v.boolean()) || (v.is_list() && v.items().empty()); }

void append_escaped(std::string& out, const std::string& s) {
  const char* p = s.data();
  const char* end = p + s.size();
  const char* run = p;
  for (; p != end; ++p) {
    std::string_view rep;
    switch (*p) {
      case '&': rep = "&amp;"; break;
      case '<': rep = "&lt;"; break;
      case '>': rep = "&gt;"; break;
      case '"': rep = "&quot;"; break;
      case '\'': rep = "&apos;"; break;
      default: continue;
    }
    out.append(run, p);
    out.append(rep);
    run = p + 1;
  }
  out.append(run, end);
}

}  // namespace

struct Template::State {
  std::string& out;
  bool html;
  std::size_t line_start = 0;
  // kainjow drops a line that held a rendered section's tag and is otherwise blank.
  bool section_line = false;
  std::vector<const View*> stack;

  void end_line(std::string_view newline) {
    bool blank = section_line;
    for (std::size_t i = line_start; blank && i < out.size(); ++i)
      if (out[i] != ' ' && out[i] != '\t') blank = false;
    if (blank) out.resize(line_start);
    else out += newline;
    line_start = out.size();
    section_line = false;
  }
};

Template::Template(std::string_view src, const View& base) : base_(&base) {
  struct Open {
    std::uint32_t step;
    std::string name;
  };
  std::vector<Open> open;                                     // sections not yet closed
  std::map<std::string, std::uint32_t, std::less<>> path_of;  // each name split once
  std::size_t text_start = 0;
  bool after_text = false;  // the last step is text with no tag since (not even a closing one)
  auto add_text = [&](Kind kind) {
    if (text_.size() == text_start) return;
    // Text runs merge: kainjow appends each piece to the same line.
    if (kind == Kind::text && after_text) {
      steps_.back().size = static_cast<std::uint32_t>(text_.size() - steps_.back().offset);
    } else {
      Step step;
      step.kind = kind;
      step.offset = static_cast<std::uint32_t>(text_start);
      step.size = static_cast<std::uint32_t>(text_.size() - text_start);
      steps_.push_back(step);
    }
    after_text = kind == Kind::text;
    text_start = text_.size();
  };
  auto where = [](std::size_t pos) { return " at " + std::to_string(pos); };
  const std::size_t n = src.size();
  if (n > 0xFFFFFFF0u) throw std::runtime_error("template too large");
  for (std::size_t pos = 0; pos < n;) {
    if (src.substr(pos, 2) != "{{") {
      std::size_t nl = src.substr(pos, 2) == "\r\n" ? 2 : (src[pos] == '\n' || src[pos] == '\r') ? 1 : 0;
      if (nl == 0) {
        text_ += src[pos++];
        continue;
      }
      add_text(Kind::text);
      text_.append(src.substr(pos, nl));
      add_text(Kind::newline);
      pos += nl;
      continue;
    }
    add_text(Kind::text);
    after_text = false;
    const std::size_t start = pos;
    std::size_t contents = pos + 2;
    const bool triple = start != n - 2 && src[contents] == '{';
    if (triple) ++contents;
    const std::string_view close = triple ? "}}}" : "}}";
    auto close_at = src.find(close, contents);
    if (close_at == std::string_view::npos) throw std::runtime_error("Unclosed tag" + where(start));
    auto tag = trim_tag(src.substr(contents, close_at - contents));
    pos = close_at + close.size();
    if (!tag.empty() && tag.front() == '=')
      throw std::runtime_error("set-delimiter tags are not supported" + where(start));

    Step step;
    std::string_view name = tag;
    if (triple) {
      step.kind = Kind::unescaped;
    } else if (tag.empty()) {
      step.kind = Kind::variable;
    } else {
      switch (tag.front()) {
        case '#': step.kind = Kind::section; break;
        case '^': step.kind = Kind::inverted; break;
        case '&': step.kind = Kind::unescaped; break;
        case '/': {
          auto closing = trim_tag(tag.substr(1));
          if (open.empty())
            throw std::runtime_error("Unopened section \"" + std::string(closing) + "\"" + where(start));
          if (open.back().name != closing) throw std::runtime_error("Unclosed section \"" + open.back().name + "\"");
          steps_[open.back().step].end = static_cast<std::uint32_t>(steps_.size());
          open.pop_back();
          continue;
        }
        case '!': continue;  // a comment
        case '>': throw std::runtime_error("partials must be written in before compiling" + where(start));
        default: step.kind = Kind::variable; break;
      }
      if (step.kind != Kind::variable) name = trim_tag(tag.substr(1));
    }
    if (name == ".") {
      step.dot = true;
    } else {
      auto [known, added] = path_of.try_emplace(std::string(name), static_cast<std::uint32_t>(paths_.size()));
      if (added)
        paths_.push_back(name.find('.') == std::string_view::npos ? std::vector<std::string>{std::string(name)}
                                                                  : split_name(name));
      step.path = known->second;
      step.from_base = walk(base_, paths_[step.path]);
    }
    if (step.kind == Kind::section || step.kind == Kind::inverted)
      open.push_back(Open{static_cast<std::uint32_t>(steps_.size()), std::string(name)});
    steps_.push_back(step);
  }
  add_text(Kind::text);
  if (!open.empty()) throw std::runtime_error("Unclosed section \"" + open.back().name + "\"");
  steps_.shrink_to_fit();
  text_.shrink_to_fit();
  paths_.shrink_to_fit();
}

const View* Template::lookup(const State& s, const Step& step) const {
  if (step.dot) return s.stack.empty() ? base_ : s.stack.back();
  const auto& path = paths_[step.path];
  for (auto it = s.stack.rbegin(); it != s.stack.rend(); ++it)
    if (const View* v = walk(*it, path)) return v;
  return step.from_base;
}

void Template::render_range(State& s, std::uint32_t begin, std::uint32_t end) const {
  for (std::uint32_t i = begin; i < end;) {
    const Step& step = steps_[i];
    switch (step.kind) {
      case Kind::text:
        s.out += text(step);
        ++i;
        break;
      case Kind::newline:
        s.end_line(text(step));
        ++i;
        break;
      case Kind::variable:
      case Kind::unescaped: {
        const View* v = lookup(s, step);
        if (v && v->is_string()) {
          if (s.html && step.kind == Kind::variable) append_escaped(s.out, v->str());
          else s.out += v->str();
        }
        ++i;
        break;
      }
      case Kind::section:
      case Kind::inverted: {
        const View* v = lookup(s, step);
        bool shown = step.kind == Kind::section ? (v && !is_false(*v)) : (!v || is_false(*v));
        if (shown) {
          auto body = [&](const View* pushed) {
            s.section_line = true;
            if (pushed) s.stack.push_back(pushed);
            render_range(s, i + 1, step.end);
            if (pushed) s.stack.pop_back();
            s.section_line = true;
          };
          if (v && v->is_list() && !v->items().empty())
            for (const auto& item : v->items()) body(&item);
          else body(v);
        }
        i = step.end;
        break;
      }
    }
  }
}

std::string Template::render(const View& data, bool html) const {
  std::string out;
  auto hint = size_hint_.load(std::memory_order_relaxed);
  out.reserve(hint + hint / 8 + 256);
  State s{out, html, 0, false, {}};
  s.stack.reserve(8);
  s.stack.push_back(&data);
  render_range(s, 0, static_cast<std::uint32_t>(steps_.size()));
  s.end_line({});
  if (out.size() > hint) size_hint_.store(out.size(), std::memory_order_relaxed);
  return out;
}

}  // namespace hs::web
