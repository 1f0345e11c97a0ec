#pragma once
// The "how will this be decided" fields as a view: shared by the new-proposal page and
// by pages of other modules that open a proposal (the terms of reference amendment).
#include <span>

#include "modules/decisions/form.hpp"
#include "modules/decisions/rules/method.hpp"
#include "web/app.hpp"

namespace hs::decisions::handlers {

// The fields as typed, from the request's form.
ProposalFields fields_from(web::Context& c);
// Sets "form" (values typed), "methods", "visibilities" and "thresholds" (radio items).
void add_form_view(web::Context& c, web::View& v, const ProposalFields& f, std::span<const Method> methods);

}  // namespace hs::decisions::handlers
