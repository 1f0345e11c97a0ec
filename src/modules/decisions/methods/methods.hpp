#pragma once
// The descriptors, one per file in methods/, for the table (methods/table.cpp).
#include "modules/decisions/methods/descriptor.hpp"

namespace hs::decisions::methods {

const MethodDescriptor& consent();
const MethodDescriptor& consensus();
const MethodDescriptor& majority();
const MethodDescriptor& ranked_choice();
const MethodDescriptor& score();
const MethodDescriptor& dot_vote();
const MethodDescriptor& meeting_poll();

}  // namespace hs::decisions::methods
