#pragma once
// The audit pages and JSON endpoints of a space: /spaces/{slug}/audit/...
#include "web/app.hpp"

namespace hs::audit::handlers {

web::Response log_show(web::Context& c);          // GET  /spaces/{slug}/audit
web::Response head_show(web::Context& c);         // GET  /spaces/{slug}/audit/head
web::Response head_sign(web::Context& c);         // POST /spaces/{slug}/audit/head
web::Response heads_feed(web::Context& c);        // GET  /spaces/{slug}/audit/heads.atom
web::Response inclusion_show(web::Context& c);    // GET  /spaces/{slug}/audit/proof/inclusion?seq=&size=
web::Response consistency_show(web::Context& c);  // GET  /spaces/{slug}/audit/proof/consistency?from=&to=
web::Response export_download(web::Context& c);   // GET  /spaces/{slug}/audit/export
web::Response log_verify(web::Context& c);        // POST /spaces/{slug}/audit/verify
web::Response finding_record(web::Context& c);    // POST /spaces/{slug}/audit/findings
web::Response digest_choose(web::Context& c);     // POST /spaces/{slug}/audit/digest
web::Response digest_stop_show(web::Context& c);  // GET  /spaces/{slug}/audit/digest/stop?key=
web::Response digest_stop(web::Context& c);       // POST /spaces/{slug}/audit/digest/stop

}  // namespace hs::audit::handlers
