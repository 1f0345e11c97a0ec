#include "modules/stories/rules/story.hpp"

#include <algorithm>

#include "core/text.hpp"

namespace hs::stories {

namespace {

bool clean(std::string_view s, bool newlines) { return text::valid_utf8(s) && !text::has_control(s, newlines); }

// Checks one text field: "" when fine, else the message key.
std::string check_text(std::string_view s, bool required, std::size_t max, bool newlines, const char* required_key,
                       const char* too_long_key) {
  if (!clean(s, newlines)) return "stories_text_invalid";
  if (required && s.empty()) return required_key;
  if (text::length(s) > max) return too_long_key;
  return "";
}

}  // namespace

std::optional<Audience> parse_audience(std::string_view s) {
  if (s == "members") return Audience::members;
  if (s == "partners") return Audience::partners;
  if (s == "anyone") return Audience::anyone;
  return std::nullopt;
}

std::optional<ShownAs> parse_shown_as(std::string_view s) {
  if (s == "name") return ShownAs::name;
  if (s == "pseudonym") return ShownAs::pseudonym;
  if (s == "anonymous") return ShownAs::anonymous;
  return std::nullopt;
}

std::optional<Status> parse_status(std::string_view s) {
  if (s == "published") return Status::published;
  if (s == "held") return Status::held;
  if (s == "withdrawn") return Status::withdrawn;
  return std::nullopt;
}

std::string_view to_string(Audience a) {
  switch (a) {
    case Audience::members: return "members";
    case Audience::partners: return "partners";
    case Audience::anyone: return "anyone";
  }
  return "members";
}

std::string_view to_string(ShownAs s) {
  switch (s) {
    case ShownAs::name: return "name";
    case ShownAs::pseudonym: return "pseudonym";
    case ShownAs::anonymous: return "anonymous";
  }
  return "anonymous";
}

std::string_view to_string(Status s) {
  switch (s) {
    case Status::published: return "published";
    case Status::held: return "held";
    case Status::withdrawn: return "withdrawn";
  }
  return "withdrawn";
}

Result<StoryFields> validate_story(const StoryInput& in) {
  Validation v;
  StoryFields out;
  out.title = std::string(text::trim(in.title));
  out.body = std::string(text::trim(in.body));
  out.content_note = std::string(text::trim(in.content_note));
  if (auto e = check_text(out.title, true, kTitleMax, false, "stories_title_required", "stories_title_too_long");
      !e.empty())
    v.add("title", e);
  if (auto e = check_text(out.body, true, kBodyMax, true, "stories_body_required", "stories_body_too_long"); !e.empty())
    v.add("body", e);
  if (auto e = check_text(out.content_note, false, kNoteMax, false, "", "stories_note_too_long"); !e.empty())
    v.add("content_note", e);

  if (!clean(in.topics, false)) {
    v.add("topics", "stories_text_invalid");
  } else {
    bool bad = false;
    std::string_view rest = in.topics;
    while (!rest.empty()) {
      auto comma = rest.find(',');
      auto part = text::trim(rest.substr(0, comma));
      rest = comma == std::string_view::npos ? std::string_view() : rest.substr(comma + 1);
      if (part.empty()) continue;
      if (text::length(part) > kTopicMax) bad = true;
      std::string topic(part);
      if (std::find(out.topics.begin(), out.topics.end(), topic) == out.topics.end()) out.topics.push_back(topic);
    }
    if (bad || out.topics.size() > kTopicsMax) v.add("topics", "stories_topics_invalid");
  }

  auto audience = parse_audience(in.audience);
  if (!audience) v.add("audience", "stories_audience_required");
  else out.audience = *audience;
  auto shown = parse_shown_as(in.shown_as);
  if (!shown) {
    v.add("shown_as", "stories_shown_as_required");
  } else {
    out.shown_as = *shown;
    if (*shown == ShownAs::pseudonym) {
      out.pseudonym = std::string(text::trim(in.pseudonym));
      if (auto e = check_text(out.pseudonym, true, kPseudonymMax, false, "stories_pseudonym_required",
                              "stories_pseudonym_too_long");
          !e.empty())
        v.add("pseudonym", e);
    }
  }
  if (!in.consent) v.add("consent", "stories_consent_required");
  if (!v.ok()) return fail(v.error());
  return out;
}

bool words_changed(const StoryFields& next, std::string_view title, std::string_view body,
                   std::string_view content_note) {
  return next.title != title || next.body != body || next.content_note != content_note;
}

Result<void> check_may_edit(Status s) {
  if (s == Status::withdrawn) return fail(ErrorCode::conflict, "stories_withdrawn");
  return {};
}

Result<void> check_may_withdraw(Status s) { return check_may_edit(s); }

Result<void> check_may_hold(Status s) {
  if (s == Status::withdrawn) return fail(ErrorCode::conflict, "stories_withdrawn");
  if (s == Status::held) return fail(ErrorCode::conflict, "stories_already_held");
  return {};
}

Result<void> check_may_release(Status s) {
  if (s == Status::withdrawn) return fail(ErrorCode::conflict, "stories_withdrawn");
  if (s != Status::held) return fail(ErrorCode::conflict, "stories_not_held");
  return {};
}

Result<std::string> validate_reason(std::string_view reason) {
  auto r = text::trim(reason);
  if (auto e = check_text(r, true, kReasonMax, true, "stories_reason_required", "stories_reason_too_long");
      !e.empty()) {
    Validation v;
    v.add("reason", e);
    return fail(v.error());
  }
  return std::string(r);
}

std::optional<SuggestionStatus> parse_suggestion_status(std::string_view s) {
  if (s == "open") return SuggestionStatus::open;
  if (s == "accepted") return SuggestionStatus::accepted;
  if (s == "rejected") return SuggestionStatus::rejected;
  return std::nullopt;
}

std::string_view to_string(SuggestionStatus s) {
  switch (s) {
    case SuggestionStatus::open: return "open";
    case SuggestionStatus::accepted: return "accepted";
    case SuggestionStatus::rejected: return "rejected";
  }
  return "rejected";
}

Result<void> check_may_suggest(Status s, bool another_open) {
  if (s == Status::withdrawn) return fail(ErrorCode::conflict, "stories_withdrawn");
  if (another_open) return fail(ErrorCode::conflict, "stories_suggestion_open");
  return {};
}

Result<void> check_may_decide(SuggestionStatus s, Status story, std::int64_t base_number, std::int64_t current_number) {
  if (story == Status::withdrawn) return fail(ErrorCode::conflict, "stories_withdrawn");
  if (s != SuggestionStatus::open) return fail(ErrorCode::conflict, "stories_suggestion_decided");
  if (base_number != current_number) return fail(ErrorCode::conflict, "stories_suggestion_stale");
  return {};
}

Result<std::string> validate_response(std::string_view body) {
  auto b = text::trim(body);
  if (auto e = check_text(b, true, kResponseMax, true, "stories_response_required", "stories_response_too_long");
      !e.empty()) {
    Validation v;
    v.add("body", e);
    return fail(v.error());
  }
  return std::string(b);
}

Result<std::string> validate_organisation(std::string_view name) {
  auto n = text::trim(name);
  if (auto e = check_text(n, true, kOrganisationMax, false, "stories_organisation_required",
                          "stories_organisation_too_long");
      !e.empty()) {
    Validation v;
    v.add("name", e);
    return fail(v.error());
  }
  return std::string(n);
}

Result<std::string> validate_consent_text(std::string_view body) {
  auto b = text::trim(body);
  if (auto e = check_text(b, true, kConsentMax, true, "stories_consent_text_required", "stories_consent_text_too_long");
      !e.empty()) {
    Validation v;
    v.add("body", e);
    return fail(v.error());
  }
  return std::string(b);
}

}  // namespace hs::stories
