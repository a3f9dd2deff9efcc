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

/// How large a result number (`%v#N`) MLIR text may use: MLIR's parser
/// allocates for the number before it checks it (one near 2^31 exhausts the
/// memory); dy2st's ops have a few results.
inline constexpr unsigned kMaxResultNumber = 1 << 16;

/// An error naming the line where `text` (untrusted) first nests deeper than
/// kMaxNesting; strings and comments are skipped.
llvm::Error checkNesting(llvm::StringRef text, llvm::StringRef name);

/// checkNesting's error of `text` (MLIR from a file, untrusted), or one
/// naming the line where it uses a result number beyond kMaxResultNumber.
llvm::Error checkReadable(llvm::StringRef text, llvm::StringRef name);

} // namespace dy2st

#endif
