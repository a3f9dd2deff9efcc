#ifndef DY2ST_SUPPORT_RUNTIMEABI_H
#define DY2ST_SUPPORT_RUNTIMEABI_H

// What the conversions write into a compiled module for the runtime to read.

#include "llvm/ADT/StringRef.h"

namespace dy2st {

/// On the entry func.func: the strings among the Python result's leaves, in
/// order (an array of strings). They are known when compiling, so they are
/// not returned; the caller puts them back into the result's structure.
inline constexpr llvm::StringLiteral kResultTextsAttr = "dy2st.result_texts";

} // namespace dy2st

#endif
