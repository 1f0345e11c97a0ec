#pragma once
#include <array>
#include <atomic>
#include <map>
#include <mutex>
#include <string>

namespace hs::web {

// Prometheus text exposition: requests by route and status, a latency histogram, and
// open connections.
class Metrics {
 public:
  void observe(const std::string& route, int status, double seconds);
  void connection_opened() { ++open_connections_; }
  void connection_closed() { --open_connections_; }
  long open_connections() const { return open_connections_; }
  std::string prometheus() const;

 private:
  static constexpr std::array<double, 10> kBuckets = {0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 1, 5};
  mutable std::mutex mu_;
  std::map<std::pair<std::string, int>, unsigned long> requests_;
  std::array<unsigned long, kBuckets.size()> buckets_{};
  unsigned long count_ = 0;
  double sum_ = 0;
  std::atomic<long> open_connections_{0};
};

}  // namespace hs::web
