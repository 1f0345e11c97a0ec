#pragma once
// What a steward types to create or edit a space, and its checks. Pure.
#include <string>

#include "core/error.hpp"

namespace hs::spaces {

constexpr std::size_t kNameMax = 80;
constexpr std::size_t kPurposeMax = 1000;
constexpr std::size_t kCodeMax = 20000;

struct SpaceFields {
  std::string name;
  std::string slug;  // may be empty when creating: then made from the name
  std::string kind;
  std::string purpose;
  std::string visibility;
  std::string code_of_conduct;
};

// slug_required: editing keeps an address, so it cannot be blank there.
Result<void> validate_space(const SpaceFields& f, bool slug_required);

}  // namespace hs::spaces
