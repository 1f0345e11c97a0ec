#include "modules/involvement/rules/forms.hpp"

#include <algorithm>

#include "core/dates.hpp"
#include "core/number.hpp"
#include "core/text.hpp"

namespace hs::involvement {

namespace {

template <std::size_t N>
bool one_of(const std::string_view (&words)[N], std::string_view s) {
  return std::find(std::begin(words), std::end(words), s) != std::end(words);
}

bool fits(std::string_view s, std::size_t lo, std::size_t hi) {
  auto n = text::length(s);
  return n >= lo && n <= hi;
}

std::string digits_of(std::string_view s, std::string_view allowed_gaps, bool& clean) {
  std::string out;
  clean = true;
  for (char ch : s) {
    if (ch >= '0' && ch <= '9') out += ch;
    else if (allowed_gaps.find(ch) == std::string_view::npos) clean = false;
  }
  return out;
}

template <std::size_t N>
std::string joined(const std::string_view (&order)[N], const std::vector<std::string>& chosen) {
  std::string out;
  for (auto w : order)
    if (std::find(chosen.begin(), chosen.end(), w) != chosen.end()) {
      if (!out.empty()) out += ' ';
      out += w;
    }
  return out;
}

}  // namespace

bool is_kind(std::string_view s) { return one_of(kKinds, s); }

std::optional<std::int64_t> parse_hours(std::string_view typed) {
  auto t = text::trim(typed);
  if (t.empty() || t.size() > 8) return std::nullopt;
  auto dot = t.find('.');
  auto whole = number::whole(t.substr(0, dot));
  if (!whole) return std::nullopt;
  std::int64_t hundredths = 0;
  if (dot != std::string_view::npos) {
    auto frac = t.substr(dot + 1);
    if (frac.empty() || frac.size() > 2 || !number::whole(frac)) return std::nullopt;
    hundredths = *number::whole(frac) * (frac.size() == 1 ? 10 : 1);
  }
  const std::int64_t minutes = *whole * 60 + (hundredths * 60 + 50) / 100;
  if (minutes < 1 || minutes > 24 * 60) return std::nullopt;
  return minutes;
}

std::string plain_hours(std::int64_t minutes) {
  const std::int64_t hundredths = (minutes * 100 + 30) / 60;
  std::string out = std::to_string(hundredths / 100);
  const auto frac = hundredths % 100;
  if (frac != 0) {
    out += '.';
    out += static_cast<char>('0' + frac / 10);
    if (frac % 10 != 0) out += static_cast<char>('0' + frac % 10);
  }
  return out;
}

Result<Opportunity> check_opportunity(const OpportunityInput& in) {
  Validation v;
  if (!fits(in.title, 1, 120)) v.add("title", "involvement_opportunity_title_invalid");
  if (!fits(in.description, 0, 4000)) v.add("description", "involvement_opportunity_description_long");
  if (!is_kind(in.kind)) v.add("kind", "involvement_kind_missing");
  if (!dates::parse_day(in.day)) v.add("day", "involvement_day_invalid");
  if (!dates::parse_clock(in.starts)) v.add("starts", "involvement_starts_invalid");
  auto minutes = parse_hours(in.hours);
  if (!minutes) v.add("hours", "involvement_hours_invalid");
  if (!one_of(kHow, in.how)) v.add("how", "involvement_how_missing");
  if (!fits(in.place, 0, 300)) v.add("place", "involvement_place_long");
  auto places = number::whole(in.places);
  if (!places || *places < 1 || *places > 500) v.add("places", "involvement_places_invalid");
  if (!fits(in.support_other, 0, 300)) v.add("support_other", "involvement_support_other_long");
  for (const auto& e : in.expenses)
    if (!one_of(kExpenses, e)) v.add("expenses", "involvement_expenses_invalid");
  for (const auto& s : in.support)
    if (!one_of(kSupport, s)) v.add("support", "involvement_support_invalid");
  if (!v.ok()) return fail(v.error());
  Opportunity o;
  o.title = in.title;
  o.description = in.description;
  o.kind = in.kind;
  o.day = in.day;
  o.starts = in.starts;
  o.minutes = *minutes;
  o.how = in.how;
  o.place = in.place;
  o.places = *places;
  o.support_other = in.support_other;
  o.expenses = joined(kExpenses, in.expenses);
  o.support = joined(kSupport, in.support);
  return o;
}

Result<std::vector<Expense>> check_expenses(const std::vector<ExpenseInput>& lines) {
  Validation v;
  std::vector<Expense> out;
  if (lines.size() > 10) return fail(ErrorCode::invalid, "involvement_expenses_too_many");
  for (std::size_t i = 0; i < lines.size(); ++i) {
    const auto& l = lines[i];
    if (l.category.empty() && l.description.empty() && l.amount.empty() && !l.has_receipt) continue;
    const std::string n = "expense_" + std::to_string(i + 1) + "_";
    if (!one_of(kCategories, l.category)) v.add(n + "category", "involvement_expense_category_missing");
    if (!fits(l.description, 1, 200)) v.add(n + "description", "involvement_expense_description_invalid");
    auto p = parse_pounds(l.amount);
    if (!p || *p == 0) v.add(n + "amount", "involvement_expense_amount_invalid");
    if (v.ok()) out.push_back({l.category, l.description, *p});
  }
  if (!v.ok()) return fail(v.error());
  return out;
}

std::optional<std::string> sniff_receipt(std::string_view b) {
  if (b.size() >= 3 && static_cast<unsigned char>(b[0]) == 0xFF && static_cast<unsigned char>(b[1]) == 0xD8 &&
      static_cast<unsigned char>(b[2]) == 0xFF)
    return "image/jpeg";
  if (b.starts_with(std::string_view("\x89PNG\r\n\x1a\n", 8))) return "image/png";
  if (b.starts_with("%PDF-")) return "application/pdf";
  return std::nullopt;
}

Result<BankDetails> check_bank_details(std::string_view name, std::string_view sort_code, std::string_view account) {
  Validation v;
  auto n = text::trim(name);
  if (!fits(n, 1, 70)) v.add("account_name", "involvement_bank_name_invalid");
  bool clean = true;
  auto sc = digits_of(sort_code, " -", clean);
  if (!clean || sc.size() != 6) v.add("sort_code", "involvement_bank_sort_code_invalid");
  auto ac = digits_of(account, " ", clean);
  if (!clean || ac.size() < 6 || ac.size() > 8) v.add("account_number", "involvement_bank_account_invalid");
  if (!v.ok()) return fail(v.error());
  while (ac.size() < 8) ac.insert(ac.begin(), '0');
  return BankDetails{std::string(n), sc.substr(0, 2) + "-" + sc.substr(2, 2) + "-" + sc.substr(4, 2), ac};
}

Result<std::optional<std::string>> check_choice(std::string_view method, std::string_view charity) {
  Validation v;
  if (!one_of(kMethods, method)) {
    v.add("method", "involvement_method_missing");
    return fail(v.error());
  }
  if (method != "charity") return std::optional<std::string>{};
  auto c = text::trim(charity);
  if (!fits(c, 1, 120)) {
    v.add("charity", "involvement_charity_missing");
    return fail(v.error());
  }
  return std::optional<std::string>(std::string(c));
}

std::optional<std::int64_t> parse_keep_days(std::string_view typed) {
  auto d = number::whole(text::trim(typed));
  if (!d || *d < 1 || *d > 730) return std::nullopt;
  return d;
}

}  // namespace hs::involvement
