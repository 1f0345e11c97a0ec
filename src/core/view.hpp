#pragma once
// A view model: what a handler hands a template. A small tree of strings, booleans,
// lists and objects, so that handlers never include the template engine.
#include <cstdint>
#include <string>
#include <utility>
#include <variant>
#include <vector>

namespace hs {

class View {
 public:
  using List = std::vector<View>;
  using Object = std::vector<std::pair<std::string, View>>;

  View() : v_(Object{}) {}
  View(std::string s) : v_(std::move(s)) {}
  View(const char* s) : v_(std::string(s)) {}
  View(bool b) : v_(b) {}
  View(std::int64_t n) : v_(std::to_string(n)) {}
  View(int n) : v_(std::to_string(n)) {}
  static View list() {
    View v;
    v.v_ = List{};
    return v;
  }

  // Object: set a key (replacing an earlier one).
  View& set(const std::string& key, View value);
  // List: append.
  View& push(View value);
  // Object: a nested object or list at key, created when absent.
  View& at(const std::string& key);
  const View* get(const std::string& key) const;

  bool is_string() const { return std::holds_alternative<std::string>(v_); }
  bool is_bool() const { return std::holds_alternative<bool>(v_); }
  bool is_list() const { return std::holds_alternative<List>(v_); }
  bool is_object() const { return std::holds_alternative<Object>(v_); }
  const std::string& str() const { return std::get<std::string>(v_); }
  bool boolean() const { return std::get<bool>(v_); }
  const List& items() const { return std::get<List>(v_); }
  const Object& fields() const { return std::get<Object>(v_); }

 private:
  std::variant<std::string, bool, List, Object> v_;
};

}  // namespace hs
