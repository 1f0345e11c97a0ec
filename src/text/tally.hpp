#pragma once
// The live count behind a word cloud: entries come and go by id, are grouped by their
// stems, and the facilitator hides, restores, merges and renames groups. Pure state:
// no I/O, no clock; the same calls in the same order give the same groups.
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "core/error.hpp"
#include "text/entry.hpp"
#include "text/language.hpp"
#include "text/stemmer.hpp"
#include "text/vocabulary.hpp"

namespace hs::text {

enum class GroupStatus {
  shown,
  held,       // matched the profanity list: waits for the facilitator
  hidden,     // the facilitator hid it
  stop_word,  // nothing but stop words ("the"): counted, not shown
};

struct Group {
  std::string key;         // grouping key (stems), stable while entries come and go
  std::string shown_text;  // the facilitator's name for it, else the most common form
  std::int64_t count = 0;
  GroupStatus status = GroupStatus::shown;
  std::vector<std::string> merged;  // other keys counted here, sorted

  bool held() const { return status == GroupStatus::held; }
  bool shown() const { return status == GroupStatus::shown; }
};

// What the facilitator decided, kept apart from the entries so it can be stored and
// replayed. Keys are group keys.
struct Moderation {
  enum class Visibility { shown, hidden };
  std::map<std::string, std::string> merged_into;  // flat: a target is never merged itself
  std::map<std::string, Visibility> visibility;    // overrides held and stop-word status
  std::map<std::string, std::string> renamed;      // shown text overrides
};

class Tally {
 public:
  Tally(text::Stemmer stemmer, text::Vocabulary vocabulary, EntryRules rules = {});

  // Adds an entry, or replaces the entry with the same id (a person changing their
  // word). Returns the entry's group key, or the validation error (see validate_entry).
  Result<std::string> add(std::string_view entry_id, std::string_view text);
  // False when there was no such entry.
  bool withdraw(std::string_view entry_id);

  // Facilitator actions. Each applies to the group the key belongs to now.
  void hide(std::string_view key);
  void restore(std::string_view key);  // shows it, held or hidden
  // Counts group `from` in group `into` from now on, entries already in and to come.
  // Fails with wordcloud_merge_same when both are one group already.
  Result<void> merge(std::string_view from, std::string_view into);
  void unmerge(std::string_view key);
  // Shows the group under `text` (validated like an entry); empty text undoes it.
  Result<void> rename(std::string_view key, std::string_view text);

  // Every group with at least one entry: most entries first, then the earliest seen.
  std::vector<Group> groups() const;
  std::int64_t entry_count() const { return static_cast<std::int64_t>(entries_.size()); }
  std::optional<std::string> key_of(std::string_view entry_id) const;
  // The group `key` is counted in now.
  std::string resolve(std::string_view key) const;

  const Moderation& moderation() const { return moderation_; }
  void set_moderation(Moderation m) { moderation_ = std::move(m); }

 private:
  struct Entry {
    std::string key;
    std::string form;
  };
  struct Form {
    std::int64_t count = 0;
    std::uint64_t first_seen = 0;
  };
  struct RawGroup {
    std::int64_t count = 0;
    std::uint64_t first_seen = 0;
    bool profane = false;
    bool stop = false;
    std::map<std::string, Form> forms;
  };

  void remove(const Entry& e);

  text::Stemmer stemmer_;
  text::Vocabulary vocabulary_;
  EntryRules rules_;
  std::unordered_map<std::string, Entry> entries_;
  std::map<std::string, RawGroup> raw_;
  Moderation moderation_;
  std::uint64_t seq_ = 0;
};

// A tally with the shipped lists for `language` (text/language.hpp) and an event's own.
Result<Tally> make_tally(std::string_view language = "en", EntryRules rules = {},
                         std::string_view extra_stop_words = {}, const text::EventWords& event_words = {});

}  // namespace hs::text
