// GET /account/data, GET /account/data.json, POST /account/delete
#include "modules/accounts/commands/commands.hpp"
#include "modules/accounts/handlers/handlers.hpp"
#include "modules/accounts/handlers/support.hpp"
#include "modules/accounts/permissions.hpp"

namespace hs::accounts::handlers {

namespace {

Response data_view(Context& c, const Error* error) {
  web::View v = c.view("accounts_data_title");
  if (error) c.add_errors(v, *error);
  return c.page("accounts/data", v, error ? 422 : 200);
}

}  // namespace

Response data_page(Context& c) {
  if (!permissions::can_manage_own_account(c.viewer ? c.viewer->user_id : 0)) return c.need_signin();
  return data_view(c, nullptr);
}

Response data_download(Context& c) {
  if (!permissions::can_manage_own_account(c.viewer ? c.viewer->user_id : 0)) return c.need_signin();
  Response r;
  r.body = commands::export_data(c.app, c.viewer->user_id, c.viewer->session_id);
  r.set("Content-Type", "application/json; charset=utf-8");
  r.set("Content-Disposition", "attachment; filename=\"humanspace-my-data.json\"");
  return no_store(std::move(r));
}

Response account_delete(Context& c) {
  if (!permissions::can_manage_own_account(c.viewer ? c.viewer->user_id : 0)) return c.need_signin();
  auto r = commands::delete_account(c.app, c.viewer->user_id, c.checked("confirm"));
  if (!r && r.error().code == ErrorCode::invalid) return data_view(c, &r.error());
  if (!r) return c.error_page(r.error());
  c.clear_cookie("session");
  c.viewer.reset();
  web::View v = c.view("accounts_deleted_title");
  return c.page("accounts/deleted", v);
}

}  // namespace hs::accounts::handlers
