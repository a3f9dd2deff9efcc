#ifndef DY2ST_SUPPORT_RUNTIMEABI_H
#define DY2ST_SUPPORT_RUNTIMEABI_H

// What the conversions write into a compiled module for the runtime to read.

#include "llvm/ADT/StringRef.h"

#include <cstdint>

namespace dy2st {

/// On the entry func.func: the strings among the Python result's leaves, in
/// order (an array of strings). They are known when compiling, so they are
/// not returned; the caller puts them back into the result's structure.
inline constexpr llvm::StringLiteral kResultTextsAttr = "dy2st.result_texts";

/// The compiler's object file (dy2st::CompiledProgram) defines the packed
/// entry `<kPackedEntryPrefix><function>`, and, where the program has global
/// constructors or destructors (GPU code loads its kernels in one), the
/// functions kProgramInit and kProgramFini that run them: the runtime calls
/// the first after loading the object and the second before unloading it.
inline constexpr llvm::StringLiteral kPackedEntryPrefix = "_dy2st_packed_";
inline constexpr llvm::StringLiteral kProgramInit = "dy2st_program_init";
inline constexpr llvm::StringLiteral kProgramFini = "dy2st_program_fini";

/// The gemm entries of the runtime (dy2st-linalg-to-blas calls them through
/// the C interface, `_mlir_ciface_<name>`): (A, B, C, transposeA, transposeB,
/// accumulate) computes C = op(A)·op(B), or C += op(A)·op(B) where
/// `accumulate` (i1, like the transposes) is true, on row-major strided
/// memrefs whose innermost stride is 1; op(X) is X or, where its flag is
/// true, X transposed. The batched ones take 3-d memrefs (batch, rows,
/// columns).
inline constexpr llvm::StringLiteral kGemmF32 = "dy2st_gemm_f32";
inline constexpr llvm::StringLiteral kGemmF64 = "dy2st_gemm_f64";
inline constexpr llvm::StringLiteral kBatchGemmF32 = "dy2st_batch_gemm_f32";
inline constexpr llvm::StringLiteral kBatchGemmF64 = "dy2st_batch_gemm_f64";
/// A f32 product inside a loop that does not change its B: B is packed once
/// before the loop, pack_f32(B, transposeB, packed), into `packed` (a
/// memref<?xf32> of ceil(N / kPackedPanelWidth) * kPackedPanelWidth * K
/// floats, op(B) being [K, N]), and each product is packed_gemm_f32(A, B,
/// packed, C, transposeA, transposeB, accumulate), as gemm_f32 otherwise (B
/// is read where the packed kernels do not run: no AVX2, fewer than
/// kPackedPanelWidth columns).
inline constexpr llvm::StringLiteral kPackF32 = "dy2st_pack_f32";
inline constexpr llvm::StringLiteral kPackedGemmF32 = "dy2st_packed_gemm_f32";
inline constexpr int64_t kPackedPanelWidth = 16;
/// A f32 convolution of one group, conv2d_f32(x, w, out, paddingTop,
/// paddingLeft, strideH, strideW, dilationH, dilationW, accumulate) (i64
/// each, the flag i1): out [N, F, OH, OW] (+)= x [N, C, H, W] padded with
/// zeros (above and left by the paddings, below and right as far as OH and
/// OW read) convolved with w [F, C, KH, KW], as linalg.conv_2d_nchw_fchw
/// on the padded input; memrefs of any sizes, strides and offsets.
inline constexpr llvm::StringLiteral kConv2DF32 = "dy2st_conv2d_f32";
/// A f32 grouped convolution, grouped_conv2d_f32(x, w, out, strideH,
/// strideW, dilationH, dilationW, accumulate): out (+)= the convolution of
/// each group as linalg.conv_2d_ngchw_gfchw on its 5-d memrefs (any
/// layout), x [N, G, C/G, H, W] (padded already), w [G, F/G, C/G, KH, KW],
/// out [N, G, F/G, OH, OW].
inline constexpr llvm::StringLiteral kGroupedConv2DF32 = "dy2st_grouped_conv2d_f32";
/// A f32 max pooling, max_pool2d_f32(x, out, kernelH, kernelW, paddingTop,
/// paddingLeft, strideH, strideW, dilationH, dilationW): out [N, C, OH, OW]
/// = max(out, each window of x [N, C, H, W]) as linalg.pooling_nchw_max on
/// x padded below every value (positions outside x are skipped).
inline constexpr llvm::StringLiteral kMaxPool2DF32 = "dy2st_max_pool2d_f32";
/// A f32 sum pooling, sum_pool2d_f32 with max_pool2d_f32's arguments: out
/// [N, C, OH, OW] += each window of x [N, C, H, W] as linalg.pooling_nchw_sum
/// on x padded with zeros (positions outside x are skipped).
inline constexpr llvm::StringLiteral kSumPool2DF32 = "dy2st_sum_pool2d_f32";
/// The Fourier transform of rows, fft_c64(in, out, forward): out [R, N] =
/// the unnormalized DFT of each row of in [R, N] (complex<f32>; fft_c128 of
/// complex<f64>), exponent -2 pi i j k / N where `forward` (i1), +2 pi i j k
/// / N otherwise; `in` an unranked memref (a tensor operand), `out` a
/// contiguous 2-d one.
inline constexpr llvm::StringLiteral kFftC64 = "dy2st_fft_c64";
inline constexpr llvm::StringLiteral kFftC128 = "dy2st_fft_c128";

/// parallel_for(part, context, begin, end, work) runs part(context, b, e)
/// over pieces [b, e) that tile [begin, end), on as many threads as
/// dy2st.set_num_threads gives where (end - begin) * work (the work of one
/// iteration) is worth sharing, else part(context, begin, end) on the calling
/// thread; `part` is `void (void *, int64_t, int64_t)` and touches nothing
/// another piece writes (dy2st-dispatch-parallel-loops).
inline constexpr llvm::StringLiteral kParallelFor = "dy2st_parallel_for";
/// Below this much work (innermost iterations) a loop runs on the calling
/// thread: waking a parked worker costs tens of microseconds, as much as
/// some 10^4-10^5 of them.
inline constexpr int64_t kMinParallelWork = int64_t(1) << 16;
/// Down to this much work a loop is shared while the workers still spin
/// after their last run, where handing them a piece costs about a
/// microsecond (a recurrent layer's gates, a Transformer's small elementwise
/// ops between its products). Loops of sizes known when compiling below it
/// are not marked at all.
inline constexpr int64_t kMinSpinningParallelWork = int64_t(1) << 13;

/// The runtime's entries for print, logging, raise and Python callbacks
/// (lib/Runtime/Print.cpp). A print pushes its items one call each, in order:
/// a number (i64, f64, a bool as i64), a string (a NUL-terminated pointer),
/// None, or a tensor through the C interface (`_mlir_ciface_` + the tensor
/// prefix + i1/i32/i64/f32/f64, an unranked memref); a format (a pointer)
/// applies to the item pushed last. One end call hands the items on:
/// print_end(sep, end), log_end(sep, logger, level: i64, record: the JSON
/// of pydy.print's `record`), raise_items(kind,
/// message: the items' text appended) or py_callback(key).
inline constexpr llvm::StringLiteral kPrintI64 = "dy2st_print_i64";
inline constexpr llvm::StringLiteral kPrintF64 = "dy2st_print_f64";
inline constexpr llvm::StringLiteral kPrintBool = "dy2st_print_bool";
inline constexpr llvm::StringLiteral kPrintStr = "dy2st_print_str";
inline constexpr llvm::StringLiteral kPrintNone = "dy2st_print_none";
inline constexpr llvm::StringLiteral kPrintTensorPrefix = "dy2st_print_tensor_";
inline constexpr llvm::StringLiteral kPrintFormat = "dy2st_print_format";
/// as_list(tensors: i64) makes the item pushed last, a tensor, the Python list
/// of its rows along axis 0: numbers (0; the tensor is 1-d) or tensors (1) —
/// a list whose length is known only at run time, its items stacked.
inline constexpr llvm::StringLiteral kPrintAsList = "dy2st_print_as_list";
/// as_dict(tensors: i64) makes the two items pushed last, a 1-d int64 tensor
/// of keys and a tensor of values stacked, the Python dict of those keys and
/// rows: a dict given keys at run time.
inline constexpr llvm::StringLiteral kPrintAsDict = "dy2st_print_as_dict";
inline constexpr llvm::StringLiteral kPrintEnd = "dy2st_print_end";
inline constexpr llvm::StringLiteral kLogEnd = "dy2st_log_end";
inline constexpr llvm::StringLiteral kPyCallback = "dy2st_py_callback";
/// raise(kind, message) records "kind: message" as the call's exception
/// (the first one only; kind "Base/Name" for a user's class Name, which the
/// caller raises as Base, its message led by "Name: "); raised() -> i1
/// tells whether one was recorded.
inline constexpr llvm::StringLiteral kRaise = "dy2st_raise";
inline constexpr llvm::StringLiteral kRaiseItems = "dy2st_raise_items";
inline constexpr llvm::StringLiteral kRaised = "dy2st_raised";
/// catch(kinds) -> i1: whether the recorded exception's kind is one of
/// `kinds` (comma-separated; "Base/Name" for a user's class Name; "Base"
/// catches the users' classes based on it too); if so, it is handled.
inline constexpr llvm::StringLiteral kCatch = "dy2st_catch";
/// hold_raised() -> i64 sets the recorded exception aside (a `finally` block
/// runs on its way out) and hold_caught() -> i64 the one the last catch
/// handled (a clause that re-raises it), each giving how many were held
/// before it; raise_held(depth: i64) records the one held at `depth` again,
/// unless another was recorded since, and drop_held(depth: i64) lets go of
/// those held at `depth` and after.
inline constexpr llvm::StringLiteral kHoldRaised = "dy2st_hold_raised";
inline constexpr llvm::StringLiteral kHoldCaught = "dy2st_hold_caught";
inline constexpr llvm::StringLiteral kRaiseHeld = "dy2st_raise_held";
inline constexpr llvm::StringLiteral kDropHeld = "dy2st_drop_held";
/// held_depth() -> i64: how many exceptions are held (a `try`'s entry);
/// reraise() records the one held last again (a bare `raise` outside a
/// clause; compiled code checks first that one is held).
inline constexpr llvm::StringLiteral kHeldDepth = "dy2st_held_depth";
inline constexpr llvm::StringLiteral kReraise = "dy2st_reraise";
/// The RuntimeError's message where that check fails (Python's); the Python
/// extension re-raises the exception its caller handles instead.
inline constexpr llvm::StringLiteral kNoActiveException = "No active exception to reraise";
/// print_exception(depth: i64) pushes the exception held at `depth` as a
/// print item (`except E as e`: `e` printed, formatted or in a message).
inline constexpr llvm::StringLiteral kPrintException = "dy2st_print_exception";
/// enter_call() -> i1 is false beyond the recursion limit; leave_call().
inline constexpr llvm::StringLiteral kEnterCall = "dy2st_enter_call";
inline constexpr llvm::StringLiteral kLeaveCall = "dy2st_leave_call";
/// can_allocate(bytes: f64) -> i1, before a tensor sized at run time is made.
inline constexpr llvm::StringLiteral kCanAllocate = "dy2st_can_allocate";

/// random_bits() -> i64: 64 fresh random bits from the process's stream
/// (lib/Runtime/Random.cpp), the key of one run of a random operation, whose
/// elements are kRandomMix of the key plus their index: every run, also in a
/// loop, draws a new key.
inline constexpr llvm::StringLiteral kRandomBits = "dy2st_random_bits";
/// splitmix64's increment and finalizer constants: mix(x) of z = x +
/// kRandomGamma is z ^= z >> 30, z *= kRandomMixA, z ^= z >> 27,
/// z *= kRandomMixB, z ^= z >> 31 (the runtime's stream and the lowering's
/// element bits).
inline constexpr uint64_t kRandomGamma = 0x9E3779B97F4A7C15ull;
inline constexpr uint64_t kRandomMixA = 0xBF58476D1CE4E5B9ull;
inline constexpr uint64_t kRandomMixB = 0x94D049BB133111EBull;
/// splitmix64's finalizer, as above (the lowering writes the same steps as
/// arith ops for each element).
inline constexpr uint64_t randomMix(uint64_t z) {
  z = (z ^ (z >> 30)) * kRandomMixA;
  z = (z ^ (z >> 27)) * kRandomMixB;
  return z ^ (z >> 31);
}
/// allocation_site(where: "file:line: ") names the source of the buffers
/// allocated next: a MemoryError when one cannot be had names that line.
inline constexpr llvm::StringLiteral kAllocationSite = "dy2st_allocation_site";

} // namespace dy2st

#endif
