#include "core/view.hpp"

#include <stdexcept>

namespace hs {

View& View::set(const std::string& key, View value) {
  auto& obj = std::get<Object>(v_);
  for (auto& [k, v] : obj)
    if (k == key) {
      v = std::move(value);
      return *this;
    }
  obj.emplace_back(key, std::move(value));
  return *this;
}

View& View::push(View value) {
  std::get<List>(v_).push_back(std::move(value));
  return *this;
}

View& View::at(const std::string& key) {
  auto& obj = std::get<Object>(v_);
  for (auto& [k, v] : obj)
    if (k == key) return v;
  obj.emplace_back(key, View());
  return obj.back().second;
}

const View* View::get(const std::string& key) const {
  if (!is_object()) return nullptr;
  for (const auto& [k, v] : fields())
    if (k == key) return &v;
  return nullptr;
}

}  // namespace hs
