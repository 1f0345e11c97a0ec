#include "web/metrics.hpp"

#include <fmt/format.h>

namespace hs::web {

void Metrics::observe(const std::string& route, int status, double seconds) {
  std::lock_guard g(mu_);
  ++requests_[{route, status}];
  for (std::size_t i = 0; i < kBuckets.size(); ++i)
    if (seconds <= kBuckets[i]) ++buckets_[i];
  ++count_;
  sum_ += seconds;
}

std::string Metrics::prometheus() const {
  std::lock_guard g(mu_);
  std::string out;
  out += "# HELP humanspace_http_requests_total Requests answered, by route pattern and status.\n";
  out += "# TYPE humanspace_http_requests_total counter\n";
  for (const auto& [key, n] : requests_)
    out += fmt::format("humanspace_http_requests_total{{route=\"{}\",status=\"{}\"}} {}\n", key.first, key.second, n);
  out += "# HELP humanspace_http_request_duration_seconds Time to build a response.\n";
  out += "# TYPE humanspace_http_request_duration_seconds histogram\n";
  for (std::size_t i = 0; i < kBuckets.size(); ++i)
    out += fmt::format("humanspace_http_request_duration_seconds_bucket{{le=\"{}\"}} {}\n", kBuckets[i], buckets_[i]);
  out += fmt::format("humanspace_http_request_duration_seconds_bucket{{le=\"+Inf\"}} {}\n", count_);
  out += fmt::format("humanspace_http_request_duration_seconds_sum {}\n", sum_);
  out += fmt::format("humanspace_http_request_duration_seconds_count {}\n", count_);
  out += "# HELP humanspace_open_connections Connections open now.\n";
  out += "# TYPE humanspace_open_connections gauge\n";
  out += fmt::format("humanspace_open_connections {}\n", open_connections_.load());
  return out;
}

}  // namespace hs::web
