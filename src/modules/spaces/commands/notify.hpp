#pragma once
// Email and live updates, sent after a transaction commits.
#include <cstdint>
#include <string>
#include <utility>
#include <vector>

#include "web/view.hpp"

namespace hs::web {
class App;
}

namespace hs::spaces::commands {

// Renders templates/email/<template_name> as plain text and sends it to the person; a
// failure to hand it over is logged, never undoes what was saved.
void email_person(web::App& app, std::int64_t user_id, const std::string& subject_key,
                  const std::vector<std::pair<std::string, std::string>>& subject_args,
                  const std::string& template_name, const web::View& view);
void email_address(web::App& app, const std::string& to, const std::string& subject_key,
                   const std::vector<std::pair<std::string, std::string>>& subject_args,
                   const std::string& template_name, const web::View& view);
// Tells live subscribers of the space that its member directory changed.
void publish_directory_changed(web::App& app, std::int64_t space_id);

}  // namespace hs::spaces::commands
