#include "modules/spaces/commands/notify.hpp"

#include <spdlog/spdlog.h>

#include "mail/mailer.hpp"
#include "modules/spaces/people.hpp"
#include "web/app.hpp"
#include "web/hub.hpp"
#include "web/render.hpp"

namespace hs::spaces::commands {

void email_address(web::App& app, const std::string& to, const std::string& subject_key,
                   const std::vector<std::pair<std::string, std::string>>& subject_args,
                   const std::string& template_name, const web::View& view) {
  try {
    mail::Email e;
    e.to = to;
    e.subject = app.renderer->format(subject_key, subject_args);
    e.body = app.renderer->render_text("email/" + template_name, view);
    app.mailer->send(e);
  } catch (const std::exception& ex) {
    spdlog::warn("spaces: could not send the {} email: {}", template_name, ex.what());
  }
}

void email_person(web::App& app, std::int64_t user_id, const std::string& subject_key,
                  const std::vector<std::pair<std::string, std::string>>& subject_args,
                  const std::string& template_name, const web::View& view) {
  auto to = people::email_of(app, user_id);
  if (!to || to->empty()) return;  // an erased or unverified account: nobody to tell
  email_address(app, *to, subject_key, subject_args, template_name, view);
}

void publish_directory_changed(web::App& app, std::int64_t space_id) {
  if (app.hub) app.hub->publish("space:" + std::to_string(space_id), R"({"type":"directory"})");
}

}  // namespace hs::spaces::commands
