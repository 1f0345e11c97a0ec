#include "modules/conversations/rules/post.hpp"

#include <utility>

#include "core/text.hpp"

namespace hs::conversations {

namespace {

constexpr std::array<std::pair<Kind, std::string_view>, 4> kKindNames{
    {{Kind::learning, "learning"}, {Kind::challenge, "challenge"}, {Kind::idea, "idea"}, {Kind::question, "question"}}};
constexpr std::array<std::pair<Reaction, std::string_view>, 4> kReactionNames{{{Reaction::thanks, "thanks"},
                                                                               {Reaction::me_too, "me_too"},
                                                                               {Reaction::helpful, "helpful"},
                                                                               {Reaction::support, "support"}}};

std::string check_text(std::string_view s, bool required, std::size_t max, bool newlines, const char* required_key,
                       const char* too_long_key) {
  if (!text::valid_utf8(s) || text::has_control(s, newlines)) return "conversations_text_invalid";
  if (required && s.empty()) return required_key;
  if (text::length(s) > max) return too_long_key;
  return "";
}

}  // namespace

std::optional<Kind> parse_kind(std::string_view s) {
  for (const auto& [v, n] : kKindNames)
    if (n == s) return v;
  return std::nullopt;
}
std::string_view to_string(Kind k) {
  for (const auto& [v, n] : kKindNames)
    if (v == k) return n;
  return "question";
}
std::optional<Reaction> parse_reaction(std::string_view s) {
  for (const auto& [v, n] : kReactionNames)
    if (n == s) return v;
  return std::nullopt;
}
std::string_view to_string(Reaction r) {
  for (const auto& [v, n] : kReactionNames)
    if (v == r) return n;
  return "thanks";
}

Result<PostFields> validate_post(const PostInput& in, bool with_title) {
  Validation v;
  PostFields out;
  out.title = std::string(text::trim(in.title));
  out.body = std::string(text::trim(in.body));
  out.content_note = std::string(text::trim(in.content_note));
  out.anonymous = in.anonymous;
  if (with_title) {
    if (auto e = check_text(out.title, true, kTitleMax, false, "conversations_title_required",
                            "conversations_title_too_long");
        !e.empty())
      v.add("title", e);
    if (auto k = parse_kind(in.kind)) out.kind = *k;
    else v.add("kind", "conversations_kind_required");
  } else {
    out.title.clear();
  }
  if (auto e = check_text(out.body, true, kBodyMax, true, "conversations_body_required", "conversations_body_too_long");
      !e.empty())
    v.add("body", e);
  if (auto e = check_text(out.content_note, false, kNoteMax, false, "", "conversations_note_too_long"); !e.empty())
    v.add("content_note", e);
  if (!v.ok()) return fail(v.error());
  return out;
}

std::string quote(std::string_view words) {
  std::string cut;
  std::size_t chars = 0, i = 0;
  for (; i < words.size(); ++i) {
    const bool lead = (static_cast<unsigned char>(words[i]) & 0xC0) != 0x80;
    if (lead && chars++ == kQuoteMax) break;
    cut += words[i];
  }
  if (i < words.size()) cut += "…";
  std::string out;
  std::size_t at = 0;
  while (at <= cut.size()) {
    auto nl = cut.find('\n', at);
    if (nl == std::string::npos) nl = cut.size();
    auto line = std::string_view(cut).substr(at, nl - at);
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    out += line.empty() ? ">" : "> ";
    out += line;
    out += '\n';
    at = nl + 1;
  }
  out += '\n';
  return out;
}

}  // namespace hs::conversations
