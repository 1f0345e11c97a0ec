#pragma once
// Expected failures are values. An Error carries a code (mapped to an HTTP status in
// exactly one place, web/status.cpp) and message keys a person can act on; the keys are
// looked up in messages/<lang>/*.txt so no words a person reads live in C++.
#include <tl/expected.hpp>

#include <string>
#include <utility>
#include <vector>

namespace hs {

enum class ErrorCode { invalid, unauthenticated, forbidden, not_found, conflict, rate_limited, unavailable };

struct FieldError {
  std::string field;        // form field name, e.g. "email"
  std::string message_key;  // e.g. "accounts_email_invalid"
};

struct Error {
  ErrorCode code = ErrorCode::invalid;
  std::string message_key;
  std::vector<FieldError> fields;  // per-field problems for forms

  static Error of(ErrorCode c, std::string key) { return Error{c, std::move(key), {}}; }
};

template <class T>
using Result = tl::expected<T, Error>;

inline tl::unexpected<Error> fail(ErrorCode c, std::string key) {
  return tl::unexpected<Error>(Error::of(c, std::move(key)));
}
inline tl::unexpected<Error> fail(Error e) { return tl::unexpected<Error>(std::move(e)); }

// Collects field errors while validating a form; converts to an Error when non-empty.
class Validation {
 public:
  void add(std::string field, std::string key) { fields_.push_back({std::move(field), std::move(key)}); }
  bool ok() const { return fields_.empty(); }
  Error error() const { return Error{ErrorCode::invalid, "common_fix_errors", fields_}; }

 private:
  std::vector<FieldError> fields_;
};

}  // namespace hs
