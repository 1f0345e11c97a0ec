#pragma once
// The word cloud's front door for other modules: checking what a person typed as an
// entry. Other modules include this, not rules/ (layout, pictures and the language
// pipeline have their own top-level headers beside it).
#include "modules/wordcloud/rules/entry.hpp"
