#include "core/key_file.hpp"

#include <sys/stat.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <stdexcept>

namespace hs {

crypto::Key load_or_create_key(const std::string& data_dir) {
  crypto::Key key{};
  auto fill = [&](const std::string& hex, const std::string& where) {
    auto raw = crypto::from_hex(hex);
    if (!raw || raw->size() != key.size()) throw std::runtime_error(where + " must hold 64 hex digits");
    std::copy(raw->begin(), raw->end(), key.begin());
  };
  if (const char* env = std::getenv("HUMANSPACE_SECRET_KEY"); env && *env) {
    fill(env, "HUMANSPACE_SECRET_KEY");
    return key;
  }
  std::filesystem::create_directories(data_dir);
  auto path = std::filesystem::path(data_dir) / "secret.key";
  if (!std::filesystem::exists(path)) {
    auto tmp = path.string() + ".tmp";
    std::string raw = *crypto::from_base64url(crypto::random_token(32));
    {
      std::ofstream out(tmp, std::ios::binary);
      out << crypto::to_hex(raw) << "\n";
      if (!out) throw std::runtime_error("cannot write " + tmp);
    }
    ::chmod(tmp.c_str(), 0600);
    std::filesystem::rename(tmp, path);
  }
  std::ifstream in(path);
  std::string hex;
  in >> hex;
  fill(hex, path.string());
  return key;
}

}  // namespace hs
