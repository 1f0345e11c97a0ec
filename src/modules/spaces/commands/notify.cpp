#include "modules/spaces/commands/notify.hpp"

#include "services/hub.hpp"
#include "services/services.hpp"

namespace hs::spaces::commands {

void publish_directory_changed(Services& app, std::int64_t space_id) {
  if (app.hub) app.hub->publish("space:" + std::to_string(space_id), R"({"type":"directory"})");
}

}  // namespace hs::spaces::commands
