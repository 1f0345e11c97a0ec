#include "services/lookup_cache.hpp"

namespace hs::services {

namespace {
std::atomic<std::uint64_t> epoch{0};
}

std::uint64_t write_epoch() { return epoch.load(std::memory_order_acquire); }

void advance_write_epoch() { epoch.fetch_add(1, std::memory_order_acq_rel); }

}  // namespace hs::services
