#pragma once
#include <cstdint>

namespace hs {

// Seconds since the Unix epoch. Rules take a time value, never a clock; commands take
// a Clock so tests can move time.
class Clock {
 public:
  virtual ~Clock() = default;
  virtual std::int64_t now() const = 0;
};

class SystemClock final : public Clock {
 public:
  std::int64_t now() const override;
};

class FixedClock final : public Clock {
 public:
  explicit FixedClock(std::int64_t t) : t_(t) {}
  std::int64_t now() const override { return t_; }
  void advance(std::int64_t s) { t_ += s; }

 private:
  std::int64_t t_;
};

}  // namespace hs
