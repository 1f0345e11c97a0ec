#pragma once
// How often each kind of attempt may be made. Per account limits stop guessing one
// person's password or flooding their inbox; per address limits stop one machine
// spraying many accounts. Address limits stay generous: a whole workshop may share
// one venue's Wi-Fi address.
namespace hs::accounts::rules {

struct Rate {
  double burst;       // attempts allowed at once
  double per_second;  // attempts regained per second
};

inline constexpr Rate kSignInPerAccount{5, 1.0 / 60};   // 5, then 1 a minute
inline constexpr Rate kSignInPerAddress{30, 1.0 / 10};  // 30, then 1 every 10 s
inline constexpr Rate kEmailPerAccount{3, 3.0 / 900};   // 3 emails per 15 minutes
inline constexpr Rate kEmailPerAddress{30, 1.0 / 10};
inline constexpr Rate kSignUpPerAddress{30, 1.0 / 10};

}  // namespace hs::accounts::rules
