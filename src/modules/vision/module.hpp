#pragma once
// Shared vision (issue 16), the front door other modules (the report, the demo, events'
// agenda items) include. Pure foundations so far, with no storage or pages yet:
// - Three Horizons boards: stages, notes, merges, hiding, the dot vote
//   (rules/horizons.hpp);
// - the three-curves picture: its geometry (rules/curves.hpp), and the picture itself as
//   SVG, PNG and PDF with its text equivalent (picture.hpp);
// - opinion maps: opinion groups, distinctive statements and common ground from the
//   votes (rules/opinions.hpp), and the map of people with its text equivalent
//   (opinion_picture.hpp).
#include "modules/vision/opinion_picture.hpp"
#include "modules/vision/picture.hpp"
#include "modules/vision/rules/curves.hpp"
#include "modules/vision/rules/horizons.hpp"
#include "modules/vision/rules/opinions.hpp"
