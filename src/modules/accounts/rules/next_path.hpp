#pragma once
// Where to go after signing in. Only a path on this site: "//evil.example" and
// "/\evil.example" are other sites to a browser.
#include <string>
#include <string_view>

namespace hs::accounts::rules {

bool is_local_path(std::string_view next);
// next when it is a local path; "/spaces" when none was given; "/" otherwise.
std::string after_signin(std::string_view next);

}  // namespace hs::accounts::rules
