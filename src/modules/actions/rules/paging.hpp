#pragma once
// A long list a page at a time, and the GOV.UK pagination under it. Pure.
//
// The page asked for comes from the address (?page=N), so anything may arrive: what is not
// a whole number from 1 up reads as the first page, and a number past the last page as the
// last page, so a stale or hand-typed link still shows something and never fails.
#include <cstdint>
#include <optional>
#include <string_view>
#include <vector>

namespace hs::actions {

inline constexpr int kPerPage = 50;

// The page number as typed, when it is one (1 up, at most 9 digits); nothing otherwise.
std::optional<int> parse_page(std::string_view s);

struct Paging {
  int page = 1;   // the page shown, 1 up
  int pages = 1;  // how many there are (1 when the list is empty)
  std::int64_t offset = 0;
  int limit = kPerPage;
};
// The page shown for the one asked for (clamped to 1..pages) out of total items.
Paging paging(std::int64_t total, std::optional<int> asked, int per_page = kPerPage);

// The numbered links of the GOV.UK pagination pattern: the first and last pages, the
// current one and one either side; a gap (0) where pages are left out. One page: none.
// e.g. page 5 of 10: 1 … 4 5 6 … 10 -> {1, 0, 4, 5, 6, 0, 10}.
std::vector<int> page_links(int page, int pages);

}  // namespace hs::actions
