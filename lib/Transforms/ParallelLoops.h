#ifndef DY2ST_LIB_TRANSFORMS_PARALLELLOOPS_H
#define DY2ST_LIB_TRANSFORMS_PARALLELLOOPS_H

#include "llvm/ADT/StringRef.h"

namespace dy2st {

/// On an scf.for (dy2st-linalg-to-loops): its iterations may run on
/// different threads; the value (i64) is the work of one iteration, in
/// innermost iterations.
inline constexpr llvm::StringLiteral kParallelLoopAttr = "dy2st.parallel_loop";

/// On a function dy2st-outline-loop-nests made of a nest holding such a loop:
/// its last two arguments (index) are that loop's bounds, which callers may
/// split; the value is the loop's work per iteration (dy2st-dispatch-parallel-loops).
inline constexpr llvm::StringLiteral kParallelRangeAttr = "dy2st.parallel_range";

} // namespace dy2st

#endif
