#include "modules/conversations/permissions.hpp"

namespace hs::conversations::permissions {

namespace {

using spaces::Role;

bool member(const spaces::Subject& s) { return s.signed_in && spaces::is_member(s.role); }
bool author(const Reader& r) { return member(r.subject) && r.is_author; }
bool facilitator(const spaces::Subject& s) { return s.signed_in && s.role == Role::facilitator; }

}  // namespace

bool view_conversations(const spaces::Subject& s) { return member(s); }

bool start_conversation(const spaces::Subject& s) { return member(s); }

bool post_anonymously(const spaces::Subject& s, bool space_allows) { return member(s) && space_allows; }

bool read_post(const Reader& r, const PostFacts& f) {
  if (!view_conversations(r.subject)) return false;
  return shown(f.state, author(r), facilitator(r.subject)) != Shown::nothing;
}

bool read_words(const Reader& r, const PostFacts& f) {
  if (!view_conversations(r.subject)) return false;
  return shown(f.state, author(r), facilitator(r.subject)) == Shown::text;
}

bool reply(const Reader& r, const PostFacts& opening) { return member(r.subject) && opening.state == State::visible; }

bool edit_post(const Reader& r, const PostFacts& f) { return author(r) && editable(f.state); }

bool remove_post(const Reader& r, const PostFacts& f) { return edit_post(r, f); }

bool react(const Reader& r, const PostFacts& f) {
  return member(r.subject) && !r.is_author && f.state == State::visible;
}

bool flag(const Reader& r, const PostFacts& f) { return react(r, f); }

bool moderate(const spaces::Subject& s) { return facilitator(s); }

bool ask_review(const Reader& r, const PostFacts& f) { return author(r) && f.state == State::hidden; }

bool see_author(const Reader& r, const PostFacts& f) { return read_post(r, f) && (!f.anonymous || author(r)); }

bool manage_settings(const spaces::Subject& s) {
  return s.signed_in && (s.role == Role::facilitator || s.role == Role::steward);
}

}  // namespace hs::conversations::permissions
