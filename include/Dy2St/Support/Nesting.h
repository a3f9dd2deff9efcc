#ifndef DY2ST_SUPPORT_NESTING_H
#define DY2ST_SUPPORT_NESTING_H

#include "llvm/ADT/StringRef.h"
#include "llvm/Support/Error.h"

namespace dy2st {

/// How deep MLIR text may nest brackets ({, (, [). MLIR's parser, verifier
/// and printer recurse once per level and overflow the stack from about 5000
/// levels; programs converted from Python nest far less (Python's own parser
/// stops near 200).
inline constexpr unsigned kMaxNesting = 1000;

/// An error naming the line where `text` (MLIR from a file, untrusted) first
/// nests deeper than kMaxNesting; strings and comments are skipped.
llvm::Error checkNesting(llvm::StringRef text, llvm::StringRef name);

} // namespace dy2st

#endif
