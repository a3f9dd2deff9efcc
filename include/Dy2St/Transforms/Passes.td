#ifndef DY2ST_TRANSFORMS_PASSES
#define DY2ST_TRANSFORMS_PASSES

include "mlir/Pass/PassBase.td"

def ApproximateMathPass : Pass<"dy2st-approximate-math"> {
  let summary = "Replace f32 math functions by polynomial approximations";
  let description = [{
    Applies MLIR's `populateMathPolynomialApproximationPatterns` (f32 `exp`,
    `log`, `erf`, ... as polynomials in `arith`), which upstream registers
    only as a test pass. Without it, these ops become scalar libm calls and
    LLVM cannot vectorize the loops that contain them. `sin` and `cos` stay
    libm calls (their approximation loses accuracy as |x| grows), and so does
    `atan2` (its approximation loses the sign of a zero y and gives NaN for
    infinities). `log` and `log2` of a subnormal input are scaled into the
    normal range first (the approximation reads the exponent bits). `tanh` is
    dy2st's own: an odd polynomial below |x| = 0.625, 1 - 2 / (exp(2|x|) + 1)
    from there (upstream's is exactly 1 from 7.99 on, and divides twice as
    often). With `scale-by-ldexp` (CPUs with AVX-512, where `llvm.ldexp` is
    one instruction), `exp` is dy2st's too: fewer instructions, subnormal
    results kept. Every `arith.fptosi` reads 0 for NaN (upstream's exp turns
    a clamped float that may be NaN into the exponent; LLVM's fptosi of NaN
    is poison).
  }];
  let options = [
    Option<"scaleByLdexp", "scale-by-ldexp", "bool", "false",
           "Scale exp's polynomial by llvm.ldexp (one instruction with AVX-512)">
  ];
  let dependentDialects = ["::mlir::arith::ArithDialect",
                           "::mlir::vector::VectorDialect",
                           "::mlir::math::MathDialect",
                           "::mlir::LLVM::LLVMDialect"];
}

def MatmulLoopOrderPass : Pass<"dy2st-matmul-loop-order"> {
  let summary = "Give matmuls, convolutions and poolings a vectorizable CPU loop order";
  let description = [{
    `convert-linalg-to-loops` nests a matmul's loops as (i, j, k): the
    innermost loop walks a column of B with a stride. Generalizing the op and
    interchanging its loops to (i, k, j) (both upstream transforms) makes the
    innermost loop contiguous in B and C, which LLVM vectorizes. Grouped
    convolutions (n, g, f, oh, ow, c, kh, kw) and NCHW poolings (n, c, oh, ow,
    kh, kw) likewise get their output's columns innermost: ResNet-18 ran 2.5x
    and MobileNetV2 2x faster.
  }];
  let dependentDialects = ["::mlir::linalg::LinalgDialect"];
}

def ScalarizeUnitTensorsPass : Pass<"dy2st-scalarize-unit-tensors"> {
  let summary = "Carry one-element tensors through loops as scalars";
  let description = [{
    A loop on a one-element tensor (`while x < limit: x = x + 1.0`) carries a
    `tensor<1xf32>`: bufferized, each iteration allocates, copies and frees a
    buffer (29 ns an iteration, slower than Python floats). `scf.for` and
    `scf.while` values of a static one-element tensor type become scalars
    (a `tensor.from_elements` rebuilds the tensor where it is used as one),
    a `linalg.generic` or `linalg.fill` on one-element tensors becomes its
    body on the elements, and `tensor.extract` of `tensor.from_elements`
    folds: what remains is arithmetic on registers.
  }];
  let dependentDialects = ["::mlir::arith::ArithDialect", "::mlir::tensor::TensorDialect"];
}

def FuseElementwisePass : Pass<"dy2st-fuse-elementwise"> {
  let summary = "linalg-fuse-elementwise-ops that leaves products alone";
  let description = [{
    Upstream's `linalg-fuse-elementwise-ops` patterns (elementwise fusion,
    reshapes folded by expansion, constant folding), with a control that
    refuses to fold a reshape into a `linalg.matmul` or
    `linalg.batch_matmul`: upstream would turn the product of a merged batch
    ([b·M, K] x [K, N], see the matmul lowering) into a 4-d generic that
    `dy2st-linalg-to-blas` cannot hand to BLAS, and that leaves apart a
    producer that computes per element of a loop nest when its consumer
    reads it through a broadcast (fused, each of its elements would be
    computed again for every point the broadcast adds: an average pool's
    window counts, once per batch and channel). A generic that only reads a
    tensor of its own static type at its own indices (the broadcast of an
    assigned value to a region of its own shape) is that tensor.
  }];
  let dependentDialects = ["::mlir::linalg::LinalgDialect", "::mlir::tensor::TensorDialect",
                           "::mlir::affine::AffineDialect"];
}

def CollapseContiguousDimsPass : Pass<"dy2st-collapse-contiguous-dims"> {
  let summary = "Merge the innermost loops of elementwise generics that read memory in order";
  let description = [{
    An all-parallel `linalg.generic` whose innermost loops (of sizes known
    when compiling) every operand reads contiguously and in order (or does
    not read: a broadcast) gets those loops merged into one, through
    upstream's `linalg::populateCollapseDimensions` (operands reshaped by
    `tensor.collapse_shape`, results expanded back). Inputs read at a
    constant 0 along unit dimensions (a per-channel [1, C, 1, 1]) are
    first read through a collapse without those dimensions. LLVM fully unrolls a
    short innermost loop before it vectorizes (a batch norm's 32 columns of
    a [8, 64, 32, 32] tensor) and then vectorizes the next loop out with
    gathers: ResNet-18's stem normalization ran at 1 ns per element; one
    loop of 1024 vectorizes along memory.
  }];
  let dependentDialects = ["::mlir::linalg::LinalgDialect", "::mlir::tensor::TensorDialect",
                           "::mlir::memref::MemRefDialect"];
}

def AccumulateIntoProductsPass : Pass<"dy2st-accumulate-into-products"> {
  let summary = "Start a product's accumulator from the terms added to it";
  let description = [{
    `y = A·B + e` (an elementwise generic whose yield is a chain of
    `arith.addf` containing the product, which accumulates into a zero fill
    and has no other use, maybe through one `tensor.expand_shape`) becomes
    `e` computed into the product's accumulator and the product accumulated
    onto it: with `dy2st-linalg-to-blas`, a gemm with beta = 1 instead of a
    gemm that zeroes its result, then a pass adding e into a second buffer.
    A linear layer's bias is the common case (nn.Linear, an LSTM's gates).
    The sum is rounded as (e) + A·B, not in the order it was written: within
    float tolerance, as every BLAS product is. Integer products (no BLAS)
    are left alone.
  }];
  let dependentDialects = ["::mlir::linalg::LinalgDialect", "::mlir::tensor::TensorDialect"];
}

def HoistLoopInvariantsPass : Pass<"dy2st-hoist-loop-invariants"> {
  let summary = "loop-invariant-code-motion that leaves a loop's destinations in it";
  let description = [{
    Upstream's loop-invariant code motion (`moveLoopInvariantCode` with its
    rule: free of memory effects and speculatable), except for an op whose
    result an op in the loop overwrites as its destination (a `linalg.fill`
    of a product's accumulator): hoisted, bufferization copies it into a
    fresh buffer at every iteration, and the zero fill that
    `dy2st-linalg-to-blas` folds into the gemm call (beta = 0) becomes a
    copy of zeros. `tensor.empty` has no contents to copy and is hoisted.
  }];
}

def LoopResultsInPlacePass : Pass<"dy2st-loop-results-in-place"> {
  let summary = "Compute a loop's carried tensors into the buffers of the values they replace";
  let description = [{
    A tensor that an `scf.for` or `scf.while` carries from one iteration to
    the next (an RNN's hidden state) and that a linalg op computes without
    reading its destination (`outs(tensor.empty)`, hoisted out of the loop)
    gets the iteration's incoming value as its destination instead. The
    values are the same (the destination is not read); what changes is what
    one-shot bufferization sees: the yielded value equivalent to the
    region's argument, so it is written in place, where before its buffer
    was a fresh one and `scf.while`'s bufferization copied every carried
    tensor at every iteration (an LSTM's h and c: 64 KB per step). Where the
    old value is still read after the op, bufferization's own analysis puts
    the op out of place, as before. Upstream's fusion patterns
    (RemoveOutsDependency) undo the change, so it runs after them, right
    before bufferization.
  }];
  let dependentDialects = ["::mlir::linalg::LinalgDialect"];
}

def LinalgToBlasPass : Pass<"dy2st-linalg-to-blas", "::mlir::ModuleOp"> {
  let summary = "Replace f32/f64 matmuls on buffers by calls of BLAS's gemm";
  let description = [{
    `linalg.matmul` and `linalg.batch_matmul` on buffers of f32 or f64 whose
    rows are contiguous become calls of the runtime's gemm entries (names in
    `Dy2St/Support/RuntimeABI.h`), which call OpenBLAS's `cblas_?gemm`.
    Upstream's tiling and vectorization transforms reach a fraction of a
    tuned BLAS's packed micro-kernels (dy2st's loops ran 1024² at 21 GFLOP/s,
    OpenBLAS at 102 on the same core), so dense products go to the library.
    A `linalg.fill` of zero right before the product into the same buffer
    is folded into the call (beta = 0). Products of static sizes below
    16³ multiply-adds stay loops, where a call costs more than the work. A
    copy into the output from a buffer that only a zero fill wrote (CSE's
    shared zero start) folds the same way.
  }];
  let dependentDialects = ["::mlir::func::FuncDialect", "::mlir::memref::MemRefDialect",
                           "::mlir::arith::ArithDialect"];
}

def WindowOpsToRuntimePass : Pass<"dy2st-window-ops-to-runtime", "::mlir::ModuleOp"> {
  let summary = "Replace f32 convolutions and max and sum poolings on buffers by runtime calls";
  let description = [{
    `linalg.conv_2d_nchw_fchw`, `linalg.conv_2d_ngchw_gfchw`,
    `linalg.pooling_nchw_max` and `linalg.pooling_nchw_sum` on f32 buffers
    (any layout) become calls of the runtime's window entries
    (`kConv2DF32`, `kGroupedConv2DF32`, `kMaxPool2DF32`, `kSumPool2DF32` in
    `Dy2St/Support/RuntimeABI.h`). The convolution of
    one group is an implicit product that unfolds the input's patches
    straight into the packed kernels' panels (through im2col, OpenBLAS
    packed the unfolded matrix and the filters again and the product was
    transposed to NCHW); the grouped one sums runs of output columns in
    registers; the pooling reads each tap's row contiguously where
    linalg's loops gathered at the stride. Where the input is a
    bufferized tensor.pad (a fill of zero for the convolution and the sum
    pooling, of the lowest float for the max pooling, then a copy into the
    interior), those
    calls read the source with the padding as arguments and the padded
    buffer is not made; a zero start of a convolution's output folds too.
  }];
  let dependentDialects = ["::mlir::func::FuncDialect", "::mlir::memref::MemRefDialect",
                           "::mlir::arith::ArithDialect"];
}

def LinalgToLoopsPass : Pass<"dy2st-linalg-to-loops"> {
  let summary = "convert-linalg-to-loops, marking the loop whose iterations threads may share";
  let description = [{
    Lowers each linalg op on buffers to an scf.for nest with upstream's
    `linalgOpToLoops`, as `convert-linalg-to-loops` does, and marks one loop
    of the nest `dy2st.parallel_loop` (its value: the work of one iteration)
    where the op's iterations along it are independent: the op only computes
    (arith and math, no call, no memory access: nothing that raises or
    allocates on a worker thread), the loop and those outside it are
    parallel dimensions, every output's map names the loop's dimension, and
    an input that may be an output's buffer is read through the output's map.
    The loop is the first such dimension with at least 4 iterations (a batch
    of one is skipped) or a size known only at run time.
    dy2st-outline-loop-nests and dy2st-dispatch-parallel-loops carry the mark
    to the runtime, which shares the iterations among threads.
    (Upstream's `convert-scf-to-openmp` was tried: its outlined regions
    lost the vectorization and alias facts of dy2st's outlined nests and the
    zoo models ran 1.5-2.3x slower, even on one thread.)
  }];
  let dependentDialects = ["::mlir::scf::SCFDialect", "::mlir::memref::MemRefDialect",
                           "::mlir::affine::AffineDialect"];
}

def OutlineLoopNestsPass : Pass<"dy2st-outline-loop-nests", "::mlir::ModuleOp"> {
  let summary = "Move each outermost scf.for nest into its own non-inlined function";
  let description = [{
    A model's forward is one function with a loop nest per convolution,
    matmul and elementwise op. LLVM's loop passes (IndVarSimplify above all)
    grow faster than linearly with a function's size: MobileNetV2's 52
    convolutions took 23 s to compile as one function. Outlined with
    upstream's `outlineSingleBlockRegion` (each nest wrapped in an
    scf.execute_region first) into private functions marked `no_inline`,
    each nest is optimized alone; a call per nest costs nothing measurable.
    A loop that allocates is the program's own (a decoding loop over a
    model's layers), not a nest: it stays, and its nests are outlined.
    A nest holding a loop marked `dy2st.parallel_loop` takes that loop's
    bounds as its last two parameters and is marked `dy2st.parallel_range`.
  }];
  let dependentDialects = ["::mlir::func::FuncDialect", "::mlir::scf::SCFDialect"];
}

def FoldEqualSizesPass : Pass<"dy2st-fold-equal-sizes"> {
  let summary = "Fold the comparisons of index values traced to one size";
  let description = [{
    A broadcast of two dynamic shapes compares their sizes at run time and
    copies an operand whose size differs; the test folds only when both sizes
    are one SSA value. Sizes that are one but reached apart are traced to
    where they were set: through a destination-style op's tied init,
    `tensor.empty`'s operands, casts, slices' sizes, `tensor.dim`, and an
    `scf.if` whose branches both yield a tensor of one size (which upstream's
    `resolve-ranked-shaped-type-result-dims` does not look through). An
    `arith.cmpi` of two index values traced to one size, or to two constants,
    becomes a constant, and an `arith.maxsi`/`minsi` of one size twice its
    operand: the canonicalizer then removes the tests' branches and copies.
    MLIR's `ValueBoundsConstraintSet::areEqual` proves the same equalities
    and more, but builds a fresh constraint set over all the IR a size comes
    from for each query: 1.4 ms a query where equal, 3 ms where unknown,
    1.3 s for a Conformer encoder's 650 comparisons, against 13 ms here.
  }];
  let dependentDialects = ["::mlir::arith::ArithDialect"];
}

def ExpandIntegerDivisionsPass : Pass<"dy2st-expand-integer-divisions"> {
  let summary = "arith-expand's ceil and floor divisions, without its min/max expansion";
  let description = [{
    Expands `arith.ceildivsi`, `ceildivui` and `floordivsi`, which have no
    LLVM instruction, with upstream's `populateCeilFloorDivExpandOpsPatterns`.
    Upstream's `arith-expand` also rewrites `arith.maximumf`/`minimumf` as
    compares and selects; LLVM's loop vectorizer does not recognize a
    reduction in that form (a `max` over 4096 floats ran as a scalar chain
    at 2 ns per element), while it vectorizes `llvm.maximum`, which
    `convert-arith-to-llvm` makes of the op as it is.
  }];
}

def PrefetchStreamsPass : Pass<"dy2st-prefetch-streams"> {
  let summary = "Prefetch the buffers that compute-heavy innermost loops read in order";
  let description = [{
    An innermost unit-step `scf.for` that computes 16 or more arith and math
    ops per element (a fused tanh, exp and sqrt: about 60) issues about as
    many instructions per 64-byte line as the core's reorder window holds
    for four or five lines, too few loads in flight to hide memory's latency:
    on a Rocket Lake core such a loop stalled on its input for half its time
    even with the hardware's streaming prefetchers. The loop is split into
    chunks of one cache line of its smallest element; each chunk prefetches
    every buffer the loop reads in order (at its index along a unit-stride
    last dimension) 4 KB ahead, clamped to the loop's last iteration, then
    runs the body over its line; the original loop runs the iterations left.
    LLVM's loop vectorizer rejects loops holding `llvm.prefetch`, hence the
    chunk loop around a prefetch-free body. Loops of fewer than 4096
    iterations known when compiling are left alone.
  }];
  let dependentDialects = ["::mlir::scf::SCFDialect", "::mlir::memref::MemRefDialect",
                           "::mlir::arith::ArithDialect"];
}

def LeaveLoopsOnExceptionPass : Pass<"dy2st-leave-loops-on-exception", "::mlir::ModuleOp"> {
  let summary = "End each scf.while once an exception is recorded, in modules that can record one";
  let description = [{
    A failed check of compiled code (an index out of range) records its
    exception and goes on with a safe value until the call returns; a
    `while` whose condition that value never changes would then not end,
    where eager code raised. In a module that calls the runtime's
    `dy2st_raise`, `dy2st_raise_items`, `dy2st_raise_held`, `dy2st_reraise`
    or `dy2st_py_callback`, each `scf.while` carries one more i1 (its last
    result), whether an exception was recorded before it or during its last
    trip, and ends where one was (as every loop around it does in Python).
    A trip's checks (an `scf.if` calling `dy2st_raise`) and inner loops'
    flags tell from their own tests; only where another op may record one
    (a call of a compiled function) is the runtime asked, by
    `dy2st_raised()`, at the trip's end: a call each trip costs a tight loop
    several times its work (a counter's overflow check is in every Python
    `while i < n`). A trip starts regardless of the flag: a `try`'s clauses
    run in a one-trip loop entered with the exception they handle recorded.
  }];
  let dependentDialects = ["::mlir::func::FuncDialect", "::mlir::arith::ArithDialect"];
}

def NameAllocationSitesPass : Pass<"dy2st-name-allocation-sites", "::mlir::ModuleOp"> {
  let summary = "Tell the runtime the source line of each buffer that may not fit in memory";
  let description = [{
    Before each `memref.alloc` with a dynamic size, or of at least 1 MiB,
    whose location names a source line, calls the runtime's
    `dy2st_allocation_site("file:line: ")`: compiled code cannot unwind, so
    when that allocation fails the runtime abandons the call and raises a
    MemoryError that names the line, as eager code does. Small static
    buffers are not named (they cannot fail short of a broken process, and
    a call each would cost the loops that make them).
  }];
  let dependentDialects = ["::mlir::func::FuncDialect", "::mlir::LLVM::LLVMDialect"];
}

def MarkNoAliasPointersPass : Pass<"dy2st-mark-noalias-pointers", "::mlir::LLVM::LLVMFuncOp"> {
  let summary = "Mark the pointer arguments recorded by dy2st-outline-loop-nests noalias";
  let description = [{
    func-to-llvm drops `llvm.noalias` from memref arguments (it keeps it only
    with bare pointers); dy2st-outline-loop-nests records the positions of the
    allocated and aligned pointers of the buffers that alias no other argument
    in `dy2st.noalias_pointers`, and this pass puts `llvm.noalias` there.
  }];
}

def DispatchParallelLoopsPass : Pass<"dy2st-dispatch-parallel-loops", "::mlir::ModuleOp"> {
  let summary = "Call the nests marked dy2st.parallel_range through the runtime's parallel_for";
  let description = [{
    On the LLVM dialect: for each function marked `dy2st.parallel_range` by
    dy2st-outline-loop-nests (its last two arguments are a loop's range),
    makes `<name>_part(context, begin, end)`, which reads the other
    arguments from the context's 8-byte slots, and replaces each call by
    storing those arguments into a context on the caller's stack and calling
    the runtime's `dy2st_parallel_for` (RuntimeABI.h) with the part, the
    context, the range and the work of one iteration.
  }];
  let dependentDialects = ["::mlir::LLVM::LLVMDialect"];
}

def GpuSerialKernelsPass : Pass<"dy2st-gpu-serial-kernels", "::mlir::func::FuncOp"> {
  let summary = "Run the loop nests over buffers left on the host as one-thread kernels";
  let description = [{
    After `convert-parallel-loops-to-gpu`, the loops of a reduction to a
    scalar (which have no parallel dimension) are still `scf.for` nests on
    the host. A nest that only loads, stores and computes (no allocation, no
    call, no kernel launch inside, no results) is wrapped in a `gpu.launch`
    of one thread, so that the data stays on the device. Loops that hold
    kernel launches (the program's own loops) stay on the host.
  }];
  let dependentDialects = ["::mlir::gpu::GPUDialect"];
}

def GpuUnifiedMemoryPass : Pass<"dy2st-gpu-unified-memory", "::mlir::ModuleOp"> {
  let summary = "Put the buffers of host code that launches kernels in CUDA managed memory";
  let description = [{
    Kernels and the host code around them (a loop condition read once per
    iteration) share buffers: `memref.alloc`/`memref.dealloc` become
    `gpu.alloc host_shared` (`cuMemAllocManaged`) and `gpu.dealloc`; constant
    globals are copied to managed memory once per call. The caller of a
    public function passes and receives ordinary host buffers: arguments are
    copied in on entry and results copied out (into `malloc`ed buffers) on
    return, and the managed copies freed.
  }];
  let dependentDialects = ["::mlir::gpu::GPUDialect", "::mlir::memref::MemRefDialect"];
}

#endif // DY2ST_TRANSFORMS_PASSES
