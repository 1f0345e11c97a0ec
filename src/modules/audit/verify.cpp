// The offline verifier. An export of a million entries is a few hundred megabytes, so
// it is read as a stream of parser events: each entry is built, checked and dropped in
// turn, and only its 32-byte leaf hash is kept for the tree.
#include "modules/audit/verify.hpp"

#include <boost/json.hpp>
#include <boost/json/basic_parser_impl.hpp>

#include <algorithm>
#include <charconv>
#include <unordered_set>

#include "core/dates.hpp"
#include "modules/audit/rules/canonical.hpp"
#include "modules/audit/rules/merkle.hpp"
#include "modules/audit/signing.hpp"

namespace hs::audit {

namespace json = boost::json;
using merkle::Hash;

namespace {

void append_int(std::string& out, auto v) {
  char buf[24];
  auto r = std::to_chars(buf, buf + sizeof buf, v);
  out.append(buf, r.ptr);
}

bool canonical_into(const json::value& v, std::string& out) {
  switch (v.kind()) {
    case json::kind::null: out += "null"; return true;
    case json::kind::bool_: out += v.get_bool() ? "true" : "false"; return true;
    case json::kind::int64: append_int(out, v.get_int64()); return true;
    case json::kind::uint64: append_int(out, v.get_uint64()); return true;
    case json::kind::double_: return false;  // entries hold whole numbers only
    case json::kind::string: {
      const auto& s = v.get_string();
      canonical::append_string(out, std::string_view(s.data(), s.size()));
      return true;
    }
    case json::kind::array: {
      out += '[';
      bool first = true;
      for (const auto& item : v.get_array()) {
        if (!first) out += ',';
        first = false;
        if (!canonical_into(item, out)) return false;
      }
      out += ']';
      return true;
    }
    case json::kind::object: {
      // Keys compare as bytes; the writer allows only ASCII keys, where this is also
      // the UTF-16 order RFC 8785 asks for.
      const auto& o = v.get_object();
      // Entries have a handful of keys: sort pointers in place, without allocating.
      const json::key_value_pair* small[16];
      std::vector<const json::key_value_pair*> large;
      const json::key_value_pair** members = small;
      if (o.size() > std::size(small)) {
        large.resize(o.size());
        members = large.data();
      }
      std::size_t n = 0;
      for (const auto& kv : o) members[n++] = &kv;
      std::sort(members, members + n, [](auto* a, auto* b) { return a->key() < b->key(); });
      out += '{';
      bool first = true;
      for (std::size_t i = 0; i < n; ++i) {
        const auto* kv = members[i];
        if (!first) out += ',';
        first = false;
        canonical::append_string(out, std::string_view(kv->key().data(), kv->key().size()));
        out += ':';
        if (!canonical_into(kv->value(), out)) return false;
      }
      out += '}';
      return true;
    }
  }
  return false;
}

std::optional<std::int64_t> int_field(const json::object& o, std::string_view key) {
  const auto* v = o.if_contains(key);
  if (!v || !v->is_int64()) return std::nullopt;
  return v->get_int64();
}

std::optional<std::string> string_field(const json::object& o, std::string_view key) {
  const auto* v = o.if_contains(key);
  if (!v || !v->is_string()) return std::nullopt;
  return std::string(v->get_string());
}

Verdict failure(std::string key, std::vector<std::pair<std::string, std::string>> args = {},
                std::optional<std::int64_t> entry = std::nullopt) {
  Verdict v;
  v.message_key = std::move(key);
  v.args = std::move(args);
  v.entry = entry;
  return v;
}

// What the stream of entries showed, entry by entry.
struct EntryStream {
  std::int64_t count = 0;
  std::vector<Hash> leaves;
  std::optional<std::int64_t> space;  // of the first entry
  std::optional<Verdict> failed;
  std::string canon;  // reused buffer

  // false stops the parse: the first failing entry is the one to report.
  bool take(const json::value& item) {
    const auto i = count;
    auto fail = [&](std::string key, std::vector<std::pair<std::string, std::string>> args = {}) {
      args.insert(args.begin(), {"seq", std::to_string(i)});
      failed = failure(std::move(key), std::move(args), i);
      return false;
    };
    const auto* o = item.if_object();
    const auto* entry = o ? o->if_contains("entry") : nullptr;
    const auto* leaf = o ? o->if_contains("leaf") : nullptr;
    if (!entry || !entry->is_object() || !leaf || !leaf->is_string()) return fail("audit_verify_entry_malformed");
    canon.clear();
    const auto& e = entry->get_object();
    auto seq = int_field(e, "seq");
    auto space_id = int_field(e, "space");
    auto listed = merkle::from_hex(std::string_view(leaf->get_string()));
    if (!canonical_into(*entry, canon) || !seq || !space_id || !listed) return fail("audit_verify_entry_malformed");
    if (*seq != i) return fail("audit_verify_entry_order", {{"found", std::to_string(*seq)}});
    if (!space) space = *space_id;
    if (*space_id != *space) return fail("audit_verify_entry_space");
    const Hash h = merkle::leaf_hash(canon);
    if (h != *listed) return fail("audit_verify_entry_changed");
    leaves.push_back(h);
    ++count;
    return true;
  }
};

// The keys of one open object. JSON leaves a key given twice to the reader, and readers
// differ (Boost.JSON, jq, Node and Python keep the last): an export where the verifier
// read one "entries" array and everyone else another verified while showing a forged
// log. So a key given twice, at any depth, makes the file unreadable.
class KeySet {
 public:
  void clear() {
    used_ = 0;
    many_.clear();
  }
  // false when the object already has the key.
  bool insert(std::string_view key) {
    if (used_ == kFew) {  // a large object: a hash set from here on
      if (many_.empty())
        for (const auto& k : keys_) many_.emplace(k);
      return many_.emplace(key).second;
    }
    for (std::size_t i = 0; i < used_; ++i)
      if (keys_[i] == key) return false;
    if (used_ == keys_.size()) keys_.emplace_back();
    keys_[used_++].assign(key);  // strings are reused, so entries cost no allocation
    return true;
  }

 private:
  static constexpr std::size_t kFew = 32;
  std::vector<std::string> keys_;
  std::size_t used_ = 0;
  std::unordered_set<std::string> many_;
};

// Routes parser events: the elements of the top-level "entries" array go, one at a
// time, to a small value stack and then to the EntryStream; everything else builds the
// (small) rest of the document. With stream_entries false, everything builds the
// document (a tree head, any JSON). Either way a duplicate key stops the parse.
class Handler {
 public:
  static constexpr std::size_t max_array_size = static_cast<std::size_t>(-1);
  static constexpr std::size_t max_object_size = static_cast<std::size_t>(-1);
  static constexpr std::size_t max_string_size = static_cast<std::size_t>(-1);
  static constexpr std::size_t max_key_size = static_cast<std::size_t>(-1);

  explicit Handler(bool stream_entries) : stream_entries_(stream_entries) { doc_.reset(); }

  EntryStream stream;
  bool in_entries = false;
  std::optional<std::string> duplicate_key;  // the first key found twice in one object

  json::value release_document() { return doc_.release(); }
  // Whether the top-level "entries" was an array, read as the stream of entries.
  bool entries_streamed() const { return entries_seen_; }

  bool on_document_begin(json::error_code&) { return true; }
  bool on_document_end(json::error_code&) { return true; }

  bool on_object_begin(json::error_code&) {
    if (item_level()) start_item();
    ++depth_;
    if (open_objects_ == objects_.size()) objects_.emplace_back();
    objects_[open_objects_++].clear();
    return true;
  }
  bool on_object_end(std::size_t n, json::error_code& ec) {
    --depth_;
    --open_objects_;
    if (item_level()) {
      item_.push_object(n);
      return depth_ == 2 ? finish_item(ec) : true;
    }
    doc_.push_object(n);
    return true;
  }
  bool on_array_begin(json::error_code&) {
    if (stream_entries_ && depth_ == 1 && !entries_seen_ && key_ == "entries") {
      in_entries = entries_seen_ = true;
      ++depth_;
      return true;
    }
    if (item_level()) start_item();
    ++depth_;
    return true;
  }
  bool on_array_end(std::size_t n, json::error_code& ec) {
    --depth_;
    if (in_entries && depth_ == 1) {
      in_entries = false;
      doc_.push_array(0);
      return true;
    }
    if (item_level()) {
      item_.push_array(n);
      return depth_ == 2 ? finish_item(ec) : true;
    }
    doc_.push_array(n);
    return true;
  }
  bool on_key_part(json::string_view s, std::size_t, json::error_code&) {
    pending_key_.append(s.data(), s.size());
    target().push_chars(s);
    return true;
  }
  bool on_key(json::string_view s, std::size_t, json::error_code& ec) {
    std::string_view whole(s.data(), s.size());
    if (!pending_key_.empty()) {
      pending_key_.append(s.data(), s.size());
      whole = pending_key_;
    }
    if (!objects_[open_objects_ - 1].insert(whole)) {
      duplicate_key.emplace(whole);
      ec = json::error::exception;  // stops the parse; duplicate_key says why
      return false;
    }
    if (depth_ == 1 && !in_entries) key_.assign(whole);
    pending_key_.clear();
    target().push_key(s);
    return true;
  }
  bool on_string_part(json::string_view s, std::size_t, json::error_code&) {
    scalar_target().push_chars(s);
    return true;
  }
  bool on_string(json::string_view s, std::size_t, json::error_code& ec) {
    scalar_target().push_string(s);
    return scalar_done(ec);
  }
  bool on_number_part(json::string_view, json::error_code&) { return true; }
  bool on_int64(std::int64_t i, json::string_view, json::error_code& ec) {
    scalar_target().push_int64(i);
    return scalar_done(ec);
  }
  bool on_uint64(std::uint64_t u, json::string_view, json::error_code& ec) {
    scalar_target().push_uint64(u);
    return scalar_done(ec);
  }
  bool on_double(double d, json::string_view, json::error_code& ec) {
    scalar_target().push_double(d);
    return scalar_done(ec);
  }
  bool on_bool(bool b, json::error_code& ec) {
    scalar_target().push_bool(b);
    return scalar_done(ec);
  }
  bool on_null(json::error_code& ec) {
    scalar_target().push_null();
    return scalar_done(ec);
  }
  bool on_comment_part(json::string_view, json::error_code&) { return true; }
  bool on_comment(json::string_view, json::error_code&) { return true; }

 private:
  // A value starting now belongs to an entry (depth_ is where it sits).
  bool item_level() const { return in_entries && depth_ >= 2; }
  // Keys sit one level inside their object: an entry's keys arrive at depth 3 and more.
  json::value_stack& target() { return in_entries && depth_ >= 3 ? item_ : doc_; }
  json::value_stack& scalar_target() {
    if (!item_level()) return doc_;
    if (depth_ == 2 && !in_item_scalar_) {
      start_item();
      in_item_scalar_ = true;
    }
    return item_;
  }
  bool scalar_done(json::error_code& ec) {
    if (in_item_scalar_) {
      in_item_scalar_ = false;
      return finish_item(ec);
    }
    return true;
  }
  void start_item() {
    if (depth_ != 2) return;
    // A fresh arena over the same buffer each time (monotonic_resource::release keeps
    // growing the size of its next block).
    arena_.emplace(arena_buffer_, sizeof arena_buffer_);
    item_.reset(&*arena_);
  }
  bool finish_item(json::error_code& ec) {
    bool go_on;
    {
      json::value v = item_.release();
      go_on = stream.take(v);
    }
    if (!go_on) ec = json::error::exception;  // stops the parse; stream.failed says why
    return go_on;
  }

  bool stream_entries_;
  std::vector<KeySet> objects_;  // one for each open object, innermost last
  std::size_t open_objects_ = 0;
  json::value_stack doc_;
  json::value_stack item_;
  unsigned char arena_buffer_[16 * 1024];
  std::optional<json::monotonic_resource> arena_;
  int depth_ = 0;
  bool entries_seen_ = false;
  bool in_item_scalar_ = false;
  std::string key_;          // the last key of the top-level object
  std::string pending_key_;  // a key's first parts, when it arrives in parts
};

struct Head {
  std::int64_t size = 0;
  std::int64_t timestamp = 0;
  Hash root{};
  bool given = false;  // the one passed with --head
};

std::optional<Head> read_head(const json::value& v, std::int64_t space_id, const std::string& public_key, bool given,
                              Verdict& why) {
  const std::string which = given ? "audit_verify_given_head" : "audit_verify_head";
  const auto* o = v.if_object();
  if (!o) {
    why = failure(which + "_malformed");
    return std::nullopt;
  }
  auto size = int_field(*o, "size");
  auto timestamp = int_field(*o, "timestamp");
  auto space = int_field(*o, "space");
  auto root_hex = string_field(*o, "root");
  auto signature = string_field(*o, "signature");
  auto root = root_hex ? merkle::from_hex(*root_hex) : std::nullopt;
  if (!size || *size < 0 || !timestamp || !space || !root || !signature) {
    why = failure(which + "_malformed");
    return std::nullopt;
  }
  std::vector<std::pair<std::string, std::string>> args = {{"size", std::to_string(*size)},
                                                           {"time", utc_time(*timestamp)}};
  if (*space != space_id) {
    why = failure(which + "_space", args);
    return std::nullopt;
  }
  if (given) {
    auto key = string_field(*o, "public_key");
    if (key && *key != public_key) {
      why = failure("audit_verify_given_head_key", args);
      return std::nullopt;
    }
  }
  if (!signing::verify(public_key, canonical::head_text(*space, *size, *root_hex, *timestamp), *signature)) {
    why = failure(which + "_signature", args);
    return std::nullopt;
  }
  return Head{*size, *timestamp, *root, given};
}

std::size_t line_of(std::string_view text, std::size_t offset) {
  return 1 + static_cast<std::size_t>(std::count(text.begin(), text.begin() + std::min(offset, text.size()), '\n'));
}

// A whole JSON text as a value; nothing when it is not JSON, has anything after the
// value, or gives a key twice in one object.
std::optional<json::value> parse_strict(std::string_view text) {
  json::basic_parser<Handler> parser(json::parse_options{}, false);
  json::error_code ec;
  const auto used = parser.write_some(false, text.data(), text.size(), ec);
  if (ec || text.substr(used).find_first_not_of(" \t\r\n") != std::string_view::npos) return std::nullopt;
  return parser.handler().release_document();
}

}  // namespace

std::optional<std::string> recanonicalize(std::string_view json_text) {
  auto v = parse_strict(json_text);
  if (!v) return std::nullopt;
  std::string out;
  if (!canonical_into(*v, out)) return std::nullopt;
  return out;
}

std::optional<EntryInfo> entry_info(std::string_view entry_json) {
  auto v = parse_strict(entry_json);
  if (!v || !v->is_object()) return std::nullopt;
  const auto& o = v->get_object();
  auto seq = int_field(o, "seq");
  auto at = int_field(o, "at");
  auto kind = string_field(o, "kind");
  if (!seq || !at || !kind) return std::nullopt;
  return EntryInfo{*seq, *at, std::move(*kind)};
}

std::string utc_time(std::int64_t t) { return dates::format(t, dates::Style::log); }

Verdict verify_export(std::string_view export_json, std::optional<std::string_view> head_json) {
  json::basic_parser<Handler> parser(json::parse_options{}, true);
  json::error_code ec;
  const auto used = parser.write_some(false, export_json.data(), export_json.size(), ec);
  auto& stream = parser.handler().stream;
  if (stream.failed) return *stream.failed;
  if (const auto& key = parser.handler().duplicate_key) {
    std::optional<std::int64_t> entry;
    if (parser.handler().in_entries) entry = stream.count;
    return failure("audit_verify_duplicate_key", {{"key", *key}, {"line", std::to_string(line_of(export_json, used))}},
                   entry);
  }
  if (ec) {
    const auto line = std::to_string(line_of(export_json, used));
    if (parser.handler().in_entries)
      return failure("audit_verify_entry_unreadable", {{"seq", std::to_string(stream.count)}, {"line", line}},
                     stream.count);
    return failure("audit_verify_not_json", {{"line", line}});
  }
  if (export_json.substr(used).find_first_not_of(" \t\r\n") != std::string_view::npos)
    return failure("audit_verify_not_json", {{"line", std::to_string(line_of(export_json, used))}});

  const json::value doc = parser.handler().release_document();
  const auto* top = doc.if_object();
  auto format = top ? string_field(*top, "format") : std::nullopt;
  const auto* space = top ? top->if_contains("space") : nullptr;
  auto space_id = space && space->is_object() ? int_field(space->get_object(), "id") : std::nullopt;
  auto public_key = top ? string_field(*top, "public_key") : std::nullopt;
  const auto* heads = top ? top->if_contains("heads") : nullptr;
  if (!format || *format != kExportFormat || !space_id || !parser.handler().entries_streamed() || !heads ||
      !heads->is_array())
    return failure("audit_verify_not_export");
  if (!public_key || !signing::valid_public_key(*public_key)) return failure("audit_verify_bad_key");
  if (stream.space && *stream.space != *space_id) return failure("audit_verify_entry_space", {{"seq", "0"}}, 0);

  // Every signature first: a head that is not genuine says nothing about the entries.
  std::vector<Head> checked;
  Verdict why;
  for (const auto& h : heads->get_array()) {
    auto head = read_head(h, *space_id, *public_key, false, why);
    if (!head) return why;
    checked.push_back(*head);
  }
  if (head_json) {
    auto given = parse_strict(*head_json);
    if (!given) return failure("audit_verify_given_head_malformed");
    auto head = read_head(*given, *space_id, *public_key, true, why);
    if (!head) return why;
    checked.push_back(*head);
  }
  std::stable_sort(checked.begin(), checked.end(), [](const Head& a, const Head& b) {
    return a.size != b.size ? a.size < b.size : a.timestamp < b.timestamp;
  });

  // Then each head against the entries it covers, smallest first, so the failure named
  // is the earliest: entries between the last head that matched and this one.
  const auto count = stream.count;
  merkle::Frontier frontier;
  std::int64_t good_up_to = 0;
  for (std::size_t i = 0; i < checked.size(); ++i) {
    const auto& h = checked[i];
    std::vector<std::pair<std::string, std::string>> args = {
        {"size", std::to_string(h.size)}, {"time", utc_time(h.timestamp)}, {"count", std::to_string(count)}};
    if (i > 0 && h.size > checked[i - 1].size && h.timestamp < checked[i - 1].timestamp) {
      args.push_back({"other_size", std::to_string(checked[i - 1].size)});
      args.push_back({"other_time", utc_time(checked[i - 1].timestamp)});
      return failure("audit_verify_heads_order", args);
    }
    if (h.size > count) {
      args.push_back({"seq", std::to_string(count)});
      return failure(h.given ? "audit_verify_given_head_cut_short" : "audit_verify_cut_short", args, count);
    }
    while (frontier.size() < static_cast<std::uint64_t>(h.size)) frontier.push(stream.leaves[frontier.size()]);
    if (frontier.root() != h.root) {
      args.push_back({"from", std::to_string(good_up_to)});
      args.push_back({"to", std::to_string(h.size - 1)});
      return failure(h.given ? "audit_verify_given_head_root" : "audit_verify_head_root", args, good_up_to);
    }
    good_up_to = h.size;
  }

  Verdict ok;
  ok.ok = true;
  ok.entries = count;
  ok.heads = static_cast<std::int64_t>(checked.size());
  ok.unsigned_entries = count - good_up_to;
  ok.space_id = *space_id;
  ok.public_key = *public_key;
  ok.message_key = "audit_verify_ok";
  ok.args = {{"entries", std::to_string(count)},
             {"heads", std::to_string(checked.size())},
             {"space", std::to_string(*space_id)},
             {"key", *public_key}};
  return ok;
}

}  // namespace hs::audit
