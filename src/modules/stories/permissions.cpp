#include "modules/stories/permissions.hpp"

namespace hs::stories::permissions {

namespace {

using spaces::Role;

bool author(const Reader& r) { return r.subject.signed_in && r.is_author; }
bool facilitator(const spaces::Subject& s) { return s.signed_in && s.role == Role::facilitator; }

}  // namespace

bool read_story(const Reader& r, const StoryFacts& f) {
  const auto& s = r.subject;
  switch (f.status) {
    case Status::withdrawn: return false;
    case Status::held: return author(r) || facilitator(s);
    case Status::published:
      if (author(r)) return true;
      switch (f.audience) {
        case Audience::members: return s.signed_in && spaces::is_member(s.role);
        case Audience::partners: return s.signed_in && s.role != Role::none;
        case Audience::anyone: return spaces::view_space(s);
      }
  }
  return false;
}

std::vector<StoryFacts> readable_kinds(const Reader& r) {
  std::vector<StoryFacts> out;
  for (auto status : {Status::published, Status::held, Status::withdrawn})
    for (auto audience : {Audience::members, Audience::partners, Audience::anyone})
      if (read_story(r, {audience, status})) out.push_back({audience, status});
  return out;
}

bool view_stories(const spaces::Subject& s) { return spaces::view_space(s); }

bool write_story(const spaces::Subject& s) { return s.signed_in && spaces::is_member(s.role); }

bool edit_story(const Reader& r, const StoryFacts& f) { return author(r) && f.status != Status::withdrawn; }

bool withdraw_story(const Reader& r, const StoryFacts& f) { return edit_story(r, f); }

bool moderate(const Reader& r, const StoryFacts& f) {
  return facilitator(r.subject) && f.status != Status::withdrawn && read_story(r, f);
}

bool view_versions(const Reader& r, const StoryFacts& f) { return edit_story(r, f) || moderate(r, f); }

bool respond(const Reader& r, const StoryFacts& f) {
  return r.subject.signed_in && r.subject.role == Role::partner && f.status == Status::published && read_story(r, f);
}

bool reply(const Reader& r, const StoryFacts& f) { return author(r) && f.status == Status::published; }

bool manage_partners(const spaces::Subject& s) { return s.signed_in && s.role == Role::steward; }

}  // namespace hs::stories::permissions
