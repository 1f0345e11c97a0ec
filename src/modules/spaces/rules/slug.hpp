#pragma once
// A space's web address: lower-case letters, digits and single hyphens, made from its
// name and kept unique. Pure: the caller says which addresses are taken.
#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace hs::spaces {

constexpr std::size_t kSlugMin = 2;
constexpr std::size_t kSlugMax = 60;

// "Carers' Voice – North" -> "carers-voice-north". Common accented Latin letters lose
// their accents; other characters separate words. Never empty: falls back to "space".
std::string slug_from_name(std::string_view name);
// What a person may type as a web address (also refuses words our routes use).
bool valid_slug(std::string_view slug);
// base when free, else base-2, base-3, ... (shortening base to stay within kSlugMax).
std::string first_free_slug(std::string_view base, const std::vector<std::string>& taken);

}  // namespace hs::spaces
