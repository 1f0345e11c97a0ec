// The compiled templates must give exactly the bytes kainjow-mustache gives: first on
// small cases that pin down the awkward rules (blank section lines, falsy values, dotted
// names falling back to outer contexts), then on every real template with many random
// view models.
#include "web/template.hpp"

#include <gtest/gtest.h>
#include <kainjow/mustache.hpp>

#include <random>
#include <regex>
#include <set>

#include "web/render.hpp"

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

std::string kainjow_render(const std::string& src, const View& base, const View& page, bool html) {
  mu::mustache t(src);
  EXPECT_TRUE(t.is_valid()) << t.error_message();
  if (!html) t.set_custom_escape([](const std::string& s) { return s; });
  mu::data b = to_data(base), p = to_data(page);
  mu::context<std::string> ctx(&b);
  ctx.push(&p);
  return t.render(ctx);
}

View base_view() {
  View t;
  t.set("hello", "Hello & welcome");
  View b;
  b.set("t", std::move(t));
  b.set("lang", "en");
  return b;
}

void expect_same(const std::string& src, const View& page) {
  View base = base_view();
  Template compiled(src, base);
  for (bool html : {true, false})
    EXPECT_EQ(compiled.render(page, html), kainjow_render(src, base, page, html)) << "template:\n" << src;
}

}  // namespace

TEST(Template, EscapesValuesAndFindsNamesOutward) {
  View page;
  page.set("name", "<Ann & \"Bo\" O'Neil>");
  View space;
  space.set("slug", "river");
  page.set("space", std::move(space));
  View items = View::list();
  for (auto s : {"a", "b"}) {
    View item;
    item.set("label", s);
    items.push(std::move(item));
  }
  page.set("items", std::move(items));
  View base = base_view();
  Template t(
      "{{name}}|{{{name}}}|{{&name}}|{{space.slug}}|{{t.hello}}|{{lang}}|{{#items}}{{label}}{{space.slug}}{{/items}}",
      base);
  EXPECT_EQ(
      t.render(page, true),
      "&lt;Ann &amp; &quot;Bo&quot; O&apos;Neil&gt;|<Ann & \"Bo\" O'Neil>|<Ann & \"Bo\" O'Neil>|river|Hello &amp; "
      "welcome|en|ariverbriver");
  EXPECT_EQ(t.render(page, false).substr(0, 20), "<Ann & \"Bo\" O'Neil>|");
}

TEST(Template, DropsLinesHoldingOnlyRenderedSectionTags) {
  const std::string src =
      "<ul>\n  {{#items}}\n  <li>{{.}}</li>\n  {{/items}}\n</ul>\n  {{#off}}\n  x\n  {{/off}}\n"
      "  {{^off}}\n  shown\n  {{/off}}\r\n{{#on}}  {{/on}}\n{{#on}}{{blank}}{{/on}}\n{{! note }}\nend";
  View page;
  View items = View::list();
  items.push("one");
  items.push("two");
  page.set("items", std::move(items));
  page.set("off", false);
  page.set("on", true);
  page.set("blank", "  ");
  expect_same(src, page);
  View base = base_view();
  // A section that is not shown leaves its line's spaces, and a comment its line, as
  // kainjow does.
  EXPECT_EQ(Template(src, base).render(page, true), "<ul>\n  <li>one</li>\n  <li>two</li>\n</ul>\n  \n  shown\n\nend");
}

TEST(Template, FalsyAndTruthyValuesFollowKainjow) {
  const std::string src =
      "[{{#empty}}e{{/empty}}][{{^empty}}not{{/empty}}][{{#none}}n{{/none}}][{{^none}}no{{/none}}]"
      "[{{#list}}L{{/list}}][{{^list}}nolist{{/list}}][{{#obj}}o{{k}}{{/obj}}][{{#str}}{{.}}{{/str}}]"
      "[{{#f}}f{{/f}}][{{^f}}{{.}}F{{/f}}][{{list}}][{{obj}}][{{f}}][{{missing.deep}}][{{obj.k.deeper}}]"
      "[{{#obj}}{{#list}}x{{/list}}{{/obj}}][{{}}][{{ str }}][{{# obj }}sp{{/ obj }}][{{a..b}}][{{obj.}}]";
  View page;
  page.set("empty", "");
  page.set("list", View::list());
  View obj;
  obj.set("k", "v");
  page.set("obj", std::move(obj));
  page.set("str", "s<");
  page.set("f", false);
  expect_same(src, page);
}

TEST(Template, RefusesWhatItCannotDo) {
  View base;
  EXPECT_THROW(Template("{{#a}}x", base), std::runtime_error);
  EXPECT_THROW(Template("{{/a}}", base), std::runtime_error);
  EXPECT_THROW(Template("{{#a}}{{/b}}", base), std::runtime_error);
  EXPECT_THROW(Template("{{a", base), std::runtime_error);
  EXPECT_THROW(Template("{{=<% %>=}}", base), std::runtime_error);
  EXPECT_THROW(Template("{{> header}}", base), std::runtime_error);
}

namespace {

// Random view models built from the names a template uses, nested a few levels, with
// the values that trip engines up: empty, blank, markup, new lines.
class Maker {
 public:
  Maker(std::vector<std::string> names, unsigned seed) : names_(std::move(names)), rng_(seed) {}

  View object(int depth) {
    View v;
    for (const auto& name : names_) {
      if (!chance(depth == 0 ? 0.7 : 0.25)) continue;
      auto dot = name.find('.');
      if (dot == std::string::npos) v.set(name, value(depth));
      else if (auto* outer = v.get(name.substr(0, dot)); !outer || outer->is_object())
        v.at(name.substr(0, dot)).set(name.substr(dot + 1), value(depth + 1));
    }
    return v;
  }

 private:
  bool chance(double p) { return std::uniform_real_distribution<double>(0, 1)(rng_) < p; }
  View value(int depth) {
    static const char* strings[] = {"", " ", "\t ", "x", "<b class=\"c\">A & B's</b>", "two\nlines", "Zoë", "42"};
    int pick = std::uniform_int_distribution<int>(0, depth >= 2 ? 2 : 4)(rng_);
    switch (pick) {
      case 0: return View(strings[std::uniform_int_distribution<int>(0, 7)(rng_)]);
      case 1: return View(true);
      case 2: return View(false);
      case 3: {
        View list = View::list();
        int n = std::uniform_int_distribution<int>(0, 3)(rng_);
        for (int i = 0; i < n; ++i) list.push(chance(0.2) ? View(strings[i]) : object(depth + 1));
        return list;
      }
      default: return object(depth + 1);
    }
  }
  std::vector<std::string> names_;
  std::mt19937 rng_;
};

std::vector<std::string> names_in(const std::string& src) {
  static const std::regex tag(R"(\{\{[#^/&]?\s*([A-Za-z0-9_.]+)\s*\}\})");
  std::set<std::string> names;
  for (std::sregex_iterator it(src.begin(), src.end(), tag), end; it != end; ++it) {
    auto name = (*it)[1].str();
    if (name == "." || name.starts_with("t.")) continue;
    // Keep two levels of a dotted name; deeper ones are rare in our templates.
    auto second = name.find('.', name.find('.') + 1);
    names.insert(second == std::string::npos ? name : name.substr(0, second));
  }
  return {names.begin(), names.end()};
}

}  // namespace

TEST(Template, EveryPageRendersAsKainjowWould) {
  Renderer r("en");
  auto templates = r.template_names();
  ASSERT_GT(templates.size(), 20u);
  int compared = 0;
  for (const auto& name : templates) {
    auto names = names_in(*r.template_source(name));
    for (unsigned seed = 1; seed <= 12; ++seed) {
      View page = Maker(names, seed * 7919u + static_cast<unsigned>(name.size())).object(0);
      for (bool html : {true, false}) {
        auto ours = html ? r.render(name, page) : r.render_text(name, page);
        ASSERT_EQ(ours, r.render_reference(name, page, html)) << name << " seed " << seed << " html " << html;
        ++compared;
      }
    }
  }
  EXPECT_GT(compared, 400);
}

}  // namespace hs::web
