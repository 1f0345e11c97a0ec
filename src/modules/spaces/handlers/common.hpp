#pragma once
// What the spaces handlers share: loading a space as the viewer may see it, and the
// pieces of view every space page shows.
#include <cstdint>
#include <optional>
#include <string>

#include "modules/spaces/commands/commands.hpp"
#include "modules/spaces/permissions.hpp"
#include "modules/spaces/repo.hpp"
#include "web/app.hpp"
#include "web/blocks.hpp"

namespace hs::spaces::handlers {

struct Loaded {
  repo::SpaceForViewer sv;
  Subject subject;
  const repo::SpaceRow& space() const { return sv.space; }
};

// The space named by the {slug} parameter, or nothing when it does not exist or this
// person may not know it exists (answer 404 for both).
std::optional<Loaded> load_space(web::Context& c);
web::Response not_found(web::Context& c);
web::Response forbidden(web::Context& c);
// For a POST from someone signed out: sign in, then come back to this page.
web::Response sign_in_then(web::Context& c, const std::string& back_to);
commands::Actor actor(web::Context& c);
Subject subject_for(const web::Context& c, Role role, Visibility visibility, bool invited);

// A view for a page about a space: title "<what> – <space>", the space's name, address,
// kind and the notice from ?notice=.
web::View space_page_view(web::Context& c, const Loaded& s, const std::string& title_key);
std::string iso_date(std::int64_t unix_seconds);
std::string role_label(const web::Context& c, const std::string& role);
// An error without a field, pinned to the part of the page it is about, so the error
// summary links there.
Error at_field(Error e, const std::string& field);
// Sets "notice" from a known ?notice= value.
void add_notice(web::Context& c, web::View& v);
std::string redirect_with_notice(const std::string& path, const std::string& notice);

}  // namespace hs::spaces::handlers
