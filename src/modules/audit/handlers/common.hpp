#pragma once
// What the audit handlers share: the space as the viewer may see it, and answers in JSON.
#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <string_view>

#include "modules/audit/rules/finding.hpp"
#include "modules/spaces/module.hpp"
#include "web/app.hpp"

namespace hs::audit::handlers {

struct Loaded {
  spaces::Space space;
  spaces::Subject subject;
};

// The space named by {slug}, or nothing when it does not exist or this person may not
// know it exists.
std::optional<Loaded> load_space(web::Context& c);
// The same, as the given account would see it (0: signed out).
std::optional<Loaded> load_space_as(web::Context& c, std::int64_t user_id, bool site_steward);
// A person's own key to the feed of signed heads, for a feed reader that cannot sign in:
// "USER.MAC", the MAC keyed from the master key. It opens the feed only while that
// person may still read the log (their role is checked on every read).
std::string feed_key(const web::App& app, std::int64_t space_id, std::int64_t user_id);
// Whose key it is (0: nobody's).
std::int64_t feed_key_owner(const web::App& app, std::int64_t space_id, std::string_view key);
// For pages: 404, sign in, or 403.
web::Response not_found(web::Context& c);
web::Response denied(web::Context& c);

web::Response json(int status, std::string body);
// {"error": "<message>"} with the status the situation calls for.
web::Response json_error(web::Context& c, int status, const std::string& message_key);
// For JSON endpoints: the space if the viewer may read its log, else the answer to send.
struct JsonAccess {
  std::optional<Loaded> loaded;
  web::Response refusal;
};
JsonAccess json_access(web::Context& c);

// The audit page (GET /spaces/{slug}/audit), with `extra` adding to its view before it
// is rendered (a verification's result, a finding form with errors).
web::Response render_log_page(web::Context& c, const Loaded& l, const std::function<void(web::View&)>& extra = {},
                              int status = 200);

// The findings section of the audit page: the list, and the form for those who may record.
void add_findings(web::Context& c, web::View& v, const Loaded& l);
// The finding form, holding what was typed.
void add_finding_form(web::Context& c, web::View& v, const rules::FindingInput& typed);

// A whole number from the query string; nothing when absent or not one.
std::optional<std::int64_t> query_int(web::Context& c, std::string_view name);

}  // namespace hs::audit::handlers
