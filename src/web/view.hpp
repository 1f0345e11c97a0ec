#pragma once
// The view model pages are drawn from: core/view.hpp (mail is drawn from the same).
#include "core/view.hpp"

namespace hs::web {
using View = hs::View;
}  // namespace hs::web
