// The thread that keeps every log signed (see HeadSigner in module.hpp).
#include <spdlog/spdlog.h>

#include <condition_variable>
#include <mutex>
#include <thread>

#include "modules/audit/commands/commands.hpp"
#include "modules/audit/module.hpp"
#include "services/fwd.hpp"

namespace hs::audit {

namespace {

// A second between runs: an entry is signed within about a second of its commit, and
// a busy log gets at most one head a second however fast entries arrive.
constexpr auto kEvery = std::chrono::seconds(1);

void run_once(commands::PendingSigner& signer) {
  try {
    signer.run();
  } catch (const std::exception& e) {
    spdlog::error("audit: signing the decision logs failed: {}", e.what());
  }
}

}  // namespace

struct HeadSigner::State {
  explicit State(Services& app) : signer(app) {}
  commands::PendingSigner signer;  // used by the thread only, then by the destructor
  std::jthread thread;
};

HeadSigner::HeadSigner(Services& app, bool background) : state_(std::make_unique<State>(app)) {
  if (!background) return;
  state_->thread = std::jthread([s = state_.get()](std::stop_token stop) {
    std::mutex m;
    std::condition_variable_any cv;
    while (!stop.stop_requested()) {
      run_once(s->signer);
      std::unique_lock lock(m);
      cv.wait_for(lock, stop, kEvery, [] { return false; });
    }
  });
}

HeadSigner::~HeadSigner() {
  if (state_->thread.joinable()) {
    state_->thread.request_stop();
    state_->thread.join();
  }
  run_once(state_->signer);
}

}  // namespace hs::audit
