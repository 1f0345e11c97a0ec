#include "store/pool.hpp"

namespace hs::store {

std::unique_ptr<Conn> Pool::acquire() {
  std::unique_lock lock(mu_);
  cv_.wait(lock, [&] { return !idle_.empty() || made_ < size_; });
  if (!idle_.empty()) {
    auto c = std::move(idle_.back());
    idle_.pop_back();
    return c;
  }
  ++made_;
  lock.unlock();
  try {
    return make_();
  } catch (...) {
    std::lock_guard g(mu_);
    --made_;
    cv_.notify_one();
    throw;
  }
}

void Pool::release(std::unique_ptr<Conn> c) {
  {
    std::lock_guard g(mu_);
    if (c) idle_.push_back(std::move(c));
    else --made_;
  }
  cv_.notify_one();
}

}  // namespace hs::store
