// Email to a person or an address, for any module (accounts/module.hpp).
#include <spdlog/spdlog.h>

#include "mail/mailer.hpp"
#include "modules/accounts/module.hpp"
#include "services/services.hpp"
#include "store/db.hpp"
#include "web/render.hpp"

namespace hs::accounts {

void email_address(Services& app, const std::string& to, const std::string& subject_key,
                   const std::vector<std::pair<std::string, std::string>>& subject_args,
                   const std::string& template_name, const web::View& view) {
  try {
    mail::Email e;
    e.to = to;
    e.subject = app.words->format(subject_key, subject_args);
    e.body = app.words->render_text("email/" + template_name, view);
    app.mailer->send(e);
  } catch (const std::exception& ex) {
    spdlog::warn("could not send the {} email: {}", template_name, ex.what());
  }
}

void email_person(Services& app, std::int64_t user_id, const std::string& subject_key,
                  const std::vector<std::pair<std::string, std::string>>& subject_args,
                  const std::string& template_name, const web::View& view) {
  auto to = app.store->with([&](store::Conn& c) { return contact_email(app, c, user_id); });
  if (!to || to->empty()) return;  // an erased or unverified account: nobody to tell
  email_address(app, *to, subject_key, subject_args, template_name, view);
}

}  // namespace hs::accounts
