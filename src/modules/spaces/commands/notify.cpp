#include "modules/spaces/commands/notify.hpp"

#include "web/app.hpp"
#include "web/hub.hpp"

namespace hs::spaces::commands {

void publish_directory_changed(web::App& app, std::int64_t space_id) {
  if (app.hub) app.hub->publish("space:" + std::to_string(space_id), R"({"type":"directory"})");
}

}  // namespace hs::spaces::commands
