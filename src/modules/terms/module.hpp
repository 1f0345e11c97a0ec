#pragma once
// Terms of reference: each space's co-produced, versioned Markdown document. Any member
// may propose an amendment; it becomes current only through a decision of the members
// (the decisions module); every version and the differences between any two can be read
// by the space's members. Facilitators are reminded when the review date comes.
#include "services/fwd.hpp"

namespace hs::web {
class App;
}

namespace hs::terms {

// Routes: /spaces/{slug}/terms, .../terms/versions, .../terms/versions/{n},
// .../terms/diff?from=A&to=B, .../terms/amend. Also tells the decisions module what to
// do when an amendment's decision closes.
void register_module(web::App& app);

// Emails the facilitators of each space whose current terms have reached their review
// date (the stewards when there is no facilitator), once per review date, even with
// several servers sweeping at once. Returns how many spaces were reminded.
int sweep(Services& app);

}  // namespace hs::terms
