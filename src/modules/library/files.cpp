#include "modules/library/files.hpp"

#include <fcntl.h>
#include <magic.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <filesystem>
#include <memory>

#include <sodium.h>
#include <spdlog/spdlog.h>

#include "core/crypto.hpp"

namespace hs::library {

namespace {

struct MagicCloser {
  void operator()(magic_t m) const { magic_close(m); }
};

// libmagic's handles are not safe to share between threads; loading the compiled
// database takes a few milliseconds, so each thread loads it once.
magic_t magic_handle() {
  thread_local std::unique_ptr<std::remove_pointer_t<magic_t>, MagicCloser> handle = [] {
    std::unique_ptr<std::remove_pointer_t<magic_t>, MagicCloser> m(magic_open(MAGIC_MIME_TYPE | MAGIC_NO_CHECK_COMPRESS |
                                                                              MAGIC_NO_CHECK_ELF));
    if (m && magic_load(m.get(), nullptr) != 0) {
      spdlog::error("library: libmagic could not load its database: {}", magic_error(m.get()));
      m.reset();
    }
    return m;
  }();
  return handle.get();
}

std::string path_of(const Storage& s, const std::string& name) { return s.dir + "/" + name; }

}  // namespace

std::string sniff(std::string_view bytes) {
  auto m = magic_handle();
  if (!m || bytes.empty()) return "";
  const char* type = magic_buffer(m, bytes.data(), bytes.size());
  return type ? std::string(type) : std::string();
}

bool valid_stored_name(std::string_view name) {
  if (name.size() != 64) return false;
  for (char ch : name)
    if (!((ch >= '0' && ch <= '9') || (ch >= 'a' && ch <= 'f'))) return false;
  return true;
}

Result<std::string> save_file(const Storage& s, std::string_view bytes) {
  if (s.dir.empty()) {
    spdlog::error("library: no folder for files (the module was not registered)");
    return fail(ErrorCode::unavailable, "library_disk_error");
  }
  std::error_code ec;
  std::filesystem::create_directories(s.dir, ec);
  if (ec) {
    spdlog::error("library: cannot make {}: {}", s.dir, ec.message());
    return fail(ErrorCode::unavailable, "library_disk_error");
  }
  unsigned char raw[32];
  randombytes_buf(raw, sizeof raw);
  auto name = crypto::to_hex(std::string_view(reinterpret_cast<const char*>(raw), sizeof raw));
  const auto path = path_of(s, name);
  // O_EXCL: never over another file; 0600: only this program's user reads it.
  int fd = ::open(path.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC | O_NOFOLLOW, 0600);
  if (fd < 0) {
    spdlog::error("library: cannot write {}: {}", path, std::strerror(errno));
    return fail(ErrorCode::unavailable, "library_disk_error");
  }
  std::size_t done = 0;
  while (done < bytes.size()) {
    auto n = ::write(fd, bytes.data() + done, bytes.size() - done);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) {
      spdlog::error("library: cannot write {}: {}", path, std::strerror(errno));
      ::close(fd);
      ::unlink(path.c_str());
      return fail(ErrorCode::unavailable, "library_disk_error");
    }
    done += static_cast<std::size_t>(n);
  }
  if (::fsync(fd) != 0 || ::close(fd) != 0) {
    ::unlink(path.c_str());
    return fail(ErrorCode::unavailable, "library_disk_error");
  }
  return name;
}

std::optional<std::string> read_file(const Storage& s, const std::string& stored_name) {
  if (!valid_stored_name(stored_name)) return std::nullopt;
  int fd = ::open(path_of(s, stored_name).c_str(), O_RDONLY | O_CLOEXEC | O_NOFOLLOW);
  if (fd < 0) return std::nullopt;
  std::string out;
  struct stat st {};
  if (::fstat(fd, &st) == 0 && st.st_size > 0) out.reserve(static_cast<std::size_t>(st.st_size));
  char buf[65536];
  for (;;) {
    auto n = ::read(fd, buf, sizeof buf);
    if (n < 0 && errno == EINTR) continue;
    if (n < 0) {
      ::close(fd);
      return std::nullopt;
    }
    if (n == 0) break;
    out.append(buf, static_cast<std::size_t>(n));
  }
  ::close(fd);
  return out;
}

void delete_file(const Storage& s, const std::string& stored_name) {
  if (!valid_stored_name(stored_name)) return;
  if (::unlink(path_of(s, stored_name).c_str()) != 0 && errno != ENOENT)
    spdlog::warn("library: could not delete a file: {}", std::strerror(errno));
}

}  // namespace hs::library
