#include "modules/conversations/rules/people.hpp"

#include <algorithm>

#include "core/text.hpp"

namespace hs::conversations {

namespace {

bool bad_text(std::string_view s, bool newlines) { return !text::valid_utf8(s) || text::has_control(s, newlines); }

}  // namespace

std::vector<std::string> split_areas(std::string_view typed) {
  std::vector<std::string> out;
  std::size_t start = 0;
  for (std::size_t i = 0; i <= typed.size(); ++i) {
    if (i < typed.size() && typed[i] != '\n' && typed[i] != ',') continue;
    auto one = std::string(text::trim(typed.substr(start, i - start)));
    start = i + 1;
    if (one.empty() || std::find(out.begin(), out.end(), one) != out.end()) continue;
    out.push_back(std::move(one));
  }
  return out;
}

Result<EntryFields> validate_entry(const EntryInput& in) {
  Validation v;
  EntryFields out;
  out.name = std::string(text::trim(in.name));
  const auto pronouns = std::string(text::trim(in.pronouns));
  if (!pronouns.empty()) out.pronouns = pronouns;
  out.ask_me_about = std::string(text::trim(in.ask_me_about));
  if (bad_text(out.name, false)) v.add("name", "conversations_people_text_invalid");
  else if (out.name.empty()) v.add("name", "conversations_people_name_required");
  else if (text::length(out.name) > kPersonNameMax) v.add("name", "conversations_people_name_too_long");
  if (bad_text(pronouns, false)) v.add("pronouns", "conversations_people_text_invalid");
  else if (text::length(pronouns) > kPronounsMax) v.add("pronouns", "conversations_people_pronouns_too_long");
  if (bad_text(out.ask_me_about, true)) v.add("ask_me_about", "conversations_people_text_invalid");
  else if (out.ask_me_about.empty()) v.add("ask_me_about", "conversations_people_ask_required");
  else if (text::length(out.ask_me_about) > kAskMax) v.add("ask_me_about", "conversations_people_ask_too_long");
  if (bad_text(in.areas, true)) {
    v.add("areas", "conversations_people_text_invalid");
  } else {
    out.areas = split_areas(in.areas);
    if (out.areas.size() > kAreasMax) v.add("areas", "conversations_people_areas_too_many");
    else if (std::any_of(out.areas.begin(), out.areas.end(),
                         [](const std::string& a) { return text::length(a) > kAreaMax; }))
      v.add("areas", "conversations_people_area_too_long");
  }
  if (!v.ok()) return fail(v.error());
  return out;
}

Result<std::string> validate_contact(std::string_view body) {
  Validation v;
  auto out = std::string(text::trim(body));
  if (bad_text(out, true)) v.add("body", "conversations_people_text_invalid");
  else if (out.empty()) v.add("body", "conversations_people_message_required");
  else if (text::length(out) > kContactMax) v.add("body", "conversations_people_message_too_long");
  if (!v.ok()) return fail(v.error());
  return out;
}

ContactLimit contact_allowed(int sent_last_day, bool unanswered_to_same_person) {
  if (unanswered_to_same_person) return ContactLimit::waiting_for_answer;
  if (sent_last_day >= kContactsPerDay) return ContactLimit::too_many_today;
  return ContactLimit::ok;
}

}  // namespace hs::conversations
