#pragma once
#include <condition_variable>
#include <functional>
#include <memory>
#include <mutex>
#include <vector>

#include "store/db.hpp"

namespace hs::store {

// A fixed pool of connections, made lazily; a lease blocks while all are in use.
class Pool {
 public:
  Pool(int size, std::function<std::unique_ptr<Conn>()> make) : size_(size), make_(std::move(make)) {}
  std::unique_ptr<Conn> acquire();
  void release(std::unique_ptr<Conn> c);

 private:
  int size_;
  int made_ = 0;
  std::function<std::unique_ptr<Conn>()> make_;
  std::vector<std::unique_ptr<Conn>> idle_;
  std::mutex mu_;
  std::condition_variable cv_;
};

}  // namespace hs::store
