#pragma once
// The server's own request and response types: plain data, so handlers and tests never
// include Boost.Beast (which stays in web/server.cpp).
#include <cstdint>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace hs::web {

using Pairs = std::vector<std::pair<std::string, std::string>>;

struct Request {
  std::string method;  // upper case, e.g. "GET"
  std::string target;  // as sent: path and query
  std::string path;    // percent-decoded path
  std::string query;   // raw query string, without '?'
  Pairs headers;       // names in lower case
  std::string body;
  std::string remote;  // client address (proxy's view when trusted)
  std::string request_id;
  bool secure = false;    // TLS here or at a trusted proxy
  bool loopback = false;  // the client is on this machine (as the trusted proxy saw it)

  std::string_view header(std::string_view lower_name) const;
};

struct Response {
  int status = 200;
  Pairs headers;
  std::string body;
  bool close = false;  // close the connection after sending

  void set(std::string name, std::string value);
  std::string_view header(std::string_view name) const;

  static Response redirect(std::string location, int status = 303);
  static Response text(int status, std::string body);
};

}  // namespace hs::web
