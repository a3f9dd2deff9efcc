#include "Dy2St/Compiler/ProgramCache.h"

#include "Dy2St/Runtime/Cuda.h"

#include "llvm/ADT/StringExtras.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/SHA256.h"
#include "llvm/Support/raw_ostream.h"
#include "llvm/TargetParser/Host.h"

#include <dlfcn.h>
#include <sys/time.h>

#include <algorithm>

namespace dy2st {

/// Largest file read back: beyond it a file is not one this cache wrote.
static constexpr uint64_t kMaxFileBytes = uint64_t(1) << 31;

ProgramCache::ProgramCache(std::string directory, uint64_t maxBytes)
    : directory(std::move(directory)), maxBytes(maxBytes) {}

/// This build of dy2st: the file that holds the compiler (the Python
/// extension or a tool), by path, size and time of writing.
static std::string buildIdentity() {
  static const std::string identity = [] {
    Dl_info info;
    std::string text = "unknown";
    if (dladdr(reinterpret_cast<void *>(&compileProgram), &info) && info.dli_fname) {
      llvm::sys::fs::file_status status;
      if (!llvm::sys::fs::status(info.dli_fname, status))
        text = std::string(info.dli_fname) + ":" + std::to_string(status.getSize()) + ":" +
               std::to_string(status.getLastModificationTime().time_since_epoch().count());
    }
    return text;
  }();
  return identity;
}

/// This machine's CPU and its features, which the code is compiled for.
static const std::string &hostCPU() {
  static const std::string cpu = [] {
    std::vector<std::string> enabled;
    for (const auto &feature : llvm::sys::getHostCPUFeatures())
      if (feature.getValue())
        enabled.push_back(feature.getKey().str());
    std::sort(enabled.begin(), enabled.end());
    return llvm::sys::getHostCPUName().str() + ";" + llvm::join(enabled, ",");
  }();
  return cpu;
}

std::string ProgramCache::key(llvm::StringRef source, const CompileRequest &request) {
  llvm::SHA256 hash;
  auto add = [&](llvm::StringRef part) {
    hash.update(std::to_string(part.size()) + ":");
    hash.update(part);
  };
  add(buildIdentity());
  add(hostCPU());
  add(request.entry);
  add(signatureKey(request.signature));
  add(request.gpu ? "gpu" : "cpu");
  // GPU code holds kernels assembled for the device's architecture.
  if (request.gpu) {
    auto cuda = loadCudaRuntime();
    add(cuda ? cuda->chip : llvm::toString(cuda.takeError()));
  }
  add(source);
  return llvm::toHex(hash.final(), /*LowerCase=*/true);
}

std::string ProgramCache::fileOf(llvm::StringRef key) const {
  llvm::SmallString<256> file(directory);
  llvm::sys::path::append(file, key + ".program");
  return file.str().str();
}

std::optional<CompiledProgram> ProgramCache::find(llvm::StringRef key) const {
  std::string file = fileOf(key);
  uint64_t size = 0;
  if (llvm::sys::fs::file_size(file, size) || size > kMaxFileBytes)
    return std::nullopt;
  auto buffer = llvm::MemoryBuffer::getFile(file, /*IsText=*/false,
                                            /*RequiresNullTerminator=*/false);
  if (!buffer)
    return std::nullopt;
  auto program = deserializeProgram((*buffer)->getBuffer());
  if (!program) {
    llvm::consumeError(program.takeError());
    llvm::sys::fs::remove(file);
    return std::nullopt;
  }
  // Used now: the last to be dropped.
  utimes(file.c_str(), nullptr);
  return std::move(*program);
}

void ProgramCache::store(llvm::StringRef key, const CompiledProgram &program) const {
  if (llvm::sys::fs::create_directories(directory))
    return;
  std::string file = fileOf(key);
  llvm::SmallString<256> temporary;
  int fd = -1;
  if (llvm::sys::fs::createUniqueFile(file + ".%%%%%%.tmp", fd, temporary))
    return;
  {
    llvm::raw_fd_ostream os(fd, /*shouldClose=*/true);
    os << serializeProgram(program);
    os.close();
    if (os.has_error()) {
      os.clear_error();
      llvm::sys::fs::remove(temporary);
      return;
    }
  }
  if (llvm::sys::fs::rename(temporary, file)) {
    llvm::sys::fs::remove(temporary);
    return;
  }
  trim(file);
}

void ProgramCache::trim(llvm::StringRef kept) const {
  struct Entry {
    std::string path;
    uint64_t size;
    llvm::sys::TimePoint<> used;
  };
  std::vector<Entry> entries;
  uint64_t total = 0;
  std::error_code ec;
  for (llvm::sys::fs::directory_iterator it(directory, ec), end; it != end && !ec;
       it.increment(ec)) {
    llvm::sys::fs::file_status status;
    if (llvm::sys::fs::status(it->path(), status))
      continue;
    // What a writer killed midway left.
    if (llvm::sys::path::extension(it->path()) == ".tmp" &&
        status.getLastModificationTime() < std::chrono::system_clock::now() - std::chrono::hours(1))
      llvm::sys::fs::remove(it->path());
    if (llvm::sys::path::extension(it->path()) != ".program" || it->path() == kept)
      continue;
    entries.push_back({it->path(), status.getSize(), status.getLastModificationTime()});
    total += status.getSize();
  }
  if (total <= maxBytes)
    return;
  std::sort(entries.begin(), entries.end(),
            [](const Entry &a, const Entry &b) { return a.used < b.used; });
  for (const Entry &entry : entries) {
    if (total <= maxBytes)
      break;
    if (!llvm::sys::fs::remove(entry.path))
      total -= entry.size;
  }
}

} // namespace dy2st
