#include "Dy2St/Transforms/Passes.h"

#include "mlir/Dialect/SCF/IR/SCF.h"
#include "mlir/Dialect/Utils/StaticValueUtils.h"
#include "mlir/IR/IRMapping.h"
#include "llvm/ADT/SetVector.h"

namespace dy2st {
#define GEN_PASS_DEF_PREFETCHSTREAMSPASS
#include "Dy2St/Transforms/Passes.h.inc"

namespace {
using namespace mlir;

constexpr int64_t kLineBytes = 64;
constexpr int64_t kDistanceBytes = 4096;
constexpr int64_t kMinOpsPerElement = 16;
constexpr int64_t kMinTripCount = 4096;

/// A buffer the loop reads in order: at the loop's index along its last,
/// unit-stride dimension, at indices the loop does not change along the
/// others.
struct Stream {
  memref::LoadOp load;
  int64_t elementBytes;
};

/// Element size in bytes of a buffer read in order by `load` in `loop`, or 0.
int64_t streamElementBytes(memref::LoadOp load, scf::ForOp loop) {
  ValueRange indices = load.getIndices();
  if (indices.empty() || indices.back() != loop.getInductionVar())
    return 0;
  for (Value index : indices.drop_back())
    if (!loop.isDefinedOutsideOfLoop(index))
      return 0;
  MemRefType type = load.getMemRefType();
  SmallVector<int64_t> strides;
  int64_t offset;
  if (failed(type.getStridesAndOffset(strides, offset)) || strides.back() != 1)
    return 0;
  Type element = type.getElementType();
  if (!element.isIntOrFloat() || element.getIntOrFloatBitWidth() < 8)
    return 0;
  return element.getIntOrFloatBitWidth() / 8;
}

/// The streams of an innermost unit-step loop worth prefetching: one that
/// computes enough per element that the core's window of instructions in
/// flight holds too few loads to hide memory's latency.
SmallVector<Stream> prefetchedStreams(scf::ForOp loop) {
  std::optional<int64_t> step = getConstantIntValue(loop.getStep());
  if (!step || *step != 1 || loop.getNumResults() != 0)
    return {};
  std::optional<int64_t> lower = getConstantIntValue(loop.getLowerBound());
  std::optional<int64_t> upper = getConstantIntValue(loop.getUpperBound());
  if (lower && upper && *upper - *lower < kMinTripCount)
    return {};
  int64_t computations = 0;
  bool innermost = true;
  SmallVector<Stream> streams;
  llvm::SmallSetVector<Value, 4> buffers;
  loop.getBody()->walk([&](Operation *op) {
    if (isa<LoopLikeOpInterface>(op))
      innermost = false;
    if (auto load = dyn_cast<memref::LoadOp>(op)) {
      if (int64_t bytes = streamElementBytes(load, loop); bytes && buffers.insert(load.getMemRef()))
        streams.push_back({load, bytes});
      return;
    }
    bool computes = isa<arith::ArithDialect, math::MathDialect>(op->getDialect()) ||
                    op->getName().getStringRef().starts_with("llvm.intr.");
    if (computes && !isa<arith::ConstantOp>(op) &&
        !llvm::any_of(op->getResultTypes(), [](Type t) { return t.isIndex(); }))
      ++computations;
  });
  if (!innermost || computations < kMinOpsPerElement)
    return {};
  return streams;
}

/// Splits `loop` into chunks of `chunk` iterations, each prefetching its
/// streams `kDistanceBytes` ahead (clamped to the loop's last iteration),
/// followed by `loop` itself over the iterations left.
void prefetchInChunks(scf::ForOp loop, ArrayRef<Stream> streams) {
  int64_t smallest = kLineBytes;
  for (const Stream &stream : streams)
    smallest = std::min(smallest, stream.elementBytes);
  int64_t chunk = kLineBytes / smallest;
  Location loc = loop.getLoc();
  OpBuilder b(loop);
  auto constant = [&](OpBuilder &builder, int64_t value) -> Value {
    return arith::ConstantIndexOp::create(builder, loc, value);
  };
  Value lower = loop.getLowerBound(), upper = loop.getUpperBound();
  Value count = arith::MaxSIOp::create(b, loc, arith::SubIOp::create(b, loc, upper, lower),
                                       constant(b, 0));
  Value chunked = arith::MulIOp::create(
      b, loc, arith::DivUIOp::create(b, loc, count, constant(b, chunk)), constant(b, chunk));
  Value chunksEnd = arith::AddIOp::create(b, loc, lower, chunked);
  Value last = arith::SubIOp::create(b, loc, upper, constant(b, 1));
  scf::ForOp::create(
      b, loc, lower, chunksEnd, constant(b, chunk), ValueRange{},
      [&](OpBuilder &cb, Location, Value start, ValueRange) {
        for (Stream stream : streams) {
          int64_t perLine = kLineBytes / stream.elementBytes;
          int64_t distance = kDistanceBytes / stream.elementBytes;
          for (int64_t ahead = distance; ahead < distance + chunk; ahead += perLine) {
            Value at = arith::MinSIOp::create(
                cb, loc, arith::AddIOp::create(cb, loc, start, constant(cb, ahead)), last);
            SmallVector<Value> indices(stream.load.getIndices().drop_back());
            indices.push_back(at);
            memref::PrefetchOp::create(cb, loc, stream.load.getMemRef(), indices,
                                       /*isWrite=*/false, /*localityHint=*/3,
                                       /*isDataCache=*/true);
          }
        }
        Value end = arith::AddIOp::create(cb, loc, start, constant(cb, chunk));
        scf::ForOp::create(cb, loc, start, end, constant(cb, 1), ValueRange{},
                           [&](OpBuilder &ib, Location, Value index, ValueRange) {
                             IRMapping mapping;
                             mapping.map(loop.getInductionVar(), index);
                             for (Operation &op : loop.getBody()->without_terminator())
                               ib.clone(op, mapping);
                             scf::YieldOp::create(ib, loc);
                           });
        scf::YieldOp::create(cb, loc);
      });
  loop.getLowerBoundMutable().assign(chunksEnd);
}

struct PrefetchStreamsPass : impl::PrefetchStreamsPassBase<PrefetchStreamsPass> {
  void runOnOperation() override {
    SmallVector<std::pair<scf::ForOp, SmallVector<Stream>>> loops;
    getOperation()->walk([&](scf::ForOp loop) {
      if (SmallVector<Stream> streams = prefetchedStreams(loop); !streams.empty())
        loops.emplace_back(loop, std::move(streams));
    });
    for (auto &[loop, streams] : loops)
      prefetchInChunks(loop, streams);
  }
};

} // namespace
} // namespace dy2st
