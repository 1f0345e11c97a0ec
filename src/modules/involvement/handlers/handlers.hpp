#pragma once
// The involvement pages, one handler a route (module.cpp lists them).
#include "web/app.hpp"

namespace hs::involvement::handlers {

web::Response home(web::Context& c);
web::Response statement_pdf(web::Context& c);
web::Response letter_pdf(web::Context& c);
web::Response rates_page(web::Context& c);
web::Response rate_create(web::Context& c);
web::Response keep_days_update(web::Context& c);
web::Response opportunity_new(web::Context& c);
web::Response opportunity_create(web::Context& c);
web::Response opportunity_show(web::Context& c);
web::Response interest_submit(web::Context& c);
web::Response interest_withdraw(web::Context& c);
web::Response choose_submit(web::Context& c);
web::Response took_part_submit(web::Context& c);
web::Response close_submit(web::Context& c);
web::Response by_hand_new(web::Context& c);
web::Response by_hand_create(web::Context& c);
web::Response claim_new(web::Context& c);
web::Response claim_create(web::Context& c);
web::Response claim_show(web::Context& c);
web::Response claim_move(web::Context& c);
web::Response receipt_download(web::Context& c);
web::Response claims_index(web::Context& c);
web::Response payment_page(web::Context& c);
web::Response payment_update(web::Context& c);
web::Response bank_update(web::Context& c);
web::Response bank_remove(web::Context& c);
web::Response batches_index(web::Context& c);
web::Response batch_create(web::Context& c);
web::Response batch_show(web::Context& c);
web::Response batch_csv(web::Context& c);
web::Response batch_paid(web::Context& c);

}  // namespace hs::involvement::handlers
