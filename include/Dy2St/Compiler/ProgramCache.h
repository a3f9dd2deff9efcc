#ifndef DY2ST_COMPILER_PROGRAMCACHE_H
#define DY2ST_COMPILER_PROGRAMCACHE_H

// Compiled programs kept on disk, so that a process does not compile again
// what another one compiled: one file per program (Program.h's form), named
// by a hash of all that decides it.

#include "Dy2St/Compiler/Compiler.h"

#include <cstdint>
#include <optional>
#include <string>

namespace dy2st {

class ProgramCache {
public:
  /// Files in `directory` (made when first written); at most `maxBytes` in
  /// all besides the one written last, the least recently used dropped first.
  ProgramCache(std::string directory, uint64_t maxBytes);

  /// The key of compiling `source` for `request`: also this build of dy2st,
  /// this machine's CPU and, for GPU code, the GPU's architecture, which the
  /// code depends on.
  static std::string key(llvm::StringRef source, const CompileRequest &request);

  /// The program stored under `key`; none where there is none or the file
  /// is damaged (the damaged file is removed).
  std::optional<CompiledProgram> find(llvm::StringRef key) const;
  /// Stores `program` (written to a temporary file, then renamed, so that
  /// readers never see part of it); failures to write are ignored.
  void store(llvm::StringRef key, const CompiledProgram &program) const;

  const std::string &path() const { return directory; }

private:
  std::string fileOf(llvm::StringRef key) const;
  /// Drops the least recently used files but `kept` until within maxBytes.
  void trim(llvm::StringRef kept) const;

  std::string directory;
  uint64_t maxBytes;
};

} // namespace dy2st

#endif
