// The allocation functions of compiled code: finalize-memref-to-llvm's
// generic ones (use-generic-functions), so that large buffers get huge pages.
#include "Dy2St/Runtime/Memory.h"

#include "Dy2St/Runtime/Print.h"
#include "Dy2St/Support/RuntimeABI.h"

#include "mlir/ExecutionEngine/CRunnerUtils.h"
#include "llvm/ADT/DenseSet.h"

#include <malloc.h>
#include <sys/mman.h>

#include <algorithm>
#include <csetjmp>
#include <cstdint>
#include <cstdlib>
#include <cstring>
#include <mutex>
#include <string>
#include <vector>

namespace {

/// A compiled call under way on this thread (callGuarded): where to go back
/// to when an allocation fails, and the buffers it holds, freed then.
struct GuardedCall {
  std::jmp_buf abandon;
  llvm::DenseSet<void *> live;
  GuardedCall *outer;
};
thread_local GuardedCall *currentCall = nullptr;
/// "file:line: " of the buffers compiled code allocates next
/// (dy2st-name-allocation-sites), or null.
thread_local const char *allocationSite = nullptr;

/// `p`, a block of `size` bytes compiled code asked for, kept in the
/// current call's list; a failed allocation abandons the call.
void *track(void *p, size_t size) {
  if (!currentCall)
    return p;
  if (!p) {
    dy2st::reportRuntimeError("MemoryError: " +
                              std::string(allocationSite ? allocationSite : "") +
                              "unable to allocate " + std::to_string(size) +
                              " bytes for a tensor compiled code computes");
    std::longjmp(currentCall->abandon, 1);
  }
  currentCall->live.insert(p);
  return p;
}

/// From this size a buffer is aligned to and padded to huge pages and marked
/// for them: a fresh 64 MB result then takes 32 page faults, not 16 384 (the
/// kernel's transparent huge pages are often enabled only where asked for).
constexpr size_t kHugePage = size_t(2) << 20;

/// Freed buffers of a huge page and more, kept for the next allocation of
/// their size: a fresh one costs a page fault per huge page and the kernel
/// zeroing it (6 ms for a 64 MB result), every call again. Only blocks
/// allocateAligned made on huge pages are kept (their address says so), at
/// most kKeptBytes, the oldest freed first.
class KeptBlocks {
public:
  static constexpr size_t kKeptBytes = size_t(256) << 20;

  /// A kept block of at least `size` bytes (a multiple of kHugePage) and at
  /// most a huge page more (posix_memalign may leave the alignment's slack
  /// at the end of a block), or null.
  void *take(size_t size) {
    std::lock_guard<std::mutex> lock(mutex);
    for (size_t i = blocks.size(); i-- > 0;) {
      auto [p, kept] = blocks[i];
      if (kept >= size && kept - size <= kHugePage) {
        bytes -= kept;
        blocks.erase(blocks.begin() + i);
        return p;
      }
    }
    return nullptr;
  }

  /// Keeps `p` for reuse where it is a huge-page block, frees it otherwise.
  void release(void *p) {
    size_t size = p ? malloc_usable_size(p) / kHugePage * kHugePage : 0;
    if (reinterpret_cast<uintptr_t>(p) % kHugePage != 0 || size == 0 || size > kKeptBytes) {
      std::free(p);
      return;
    }
    std::lock_guard<std::mutex> lock(mutex);
    blocks.emplace_back(p, size);
    bytes += size;
    while (bytes > kKeptBytes) {
      bytes -= blocks.front().second;
      std::free(blocks.front().first);
      blocks.erase(blocks.begin());
    }
  }

private:
  std::mutex mutex;
  std::vector<std::pair<void *, size_t>> blocks;
  size_t bytes = 0;
};

KeptBlocks &keptBlocks() {
  static KeptBlocks *kept = new KeptBlocks(); // outlives every buffer numpy frees at exit
  return *kept;
}

void *allocateAligned(size_t alignment, size_t size) {
  if (size >= kHugePage) {
    alignment = kHugePage;
    if (size > SIZE_MAX - kHugePage)
      return nullptr;
    size = (size + kHugePage - 1) / kHugePage * kHugePage;
    if (void *kept = keptBlocks().take(size))
      return kept;
  }
  // posix_memalign wants a power of two, a multiple of sizeof(void *).
  alignment = std::max(alignment, sizeof(void *));
  void *p = nullptr;
  if (posix_memalign(&p, alignment, size ? size : 1) != 0)
    return nullptr;
  if (alignment == kHugePage)
    madvise(p, size, MADV_HUGEPAGE);
  return p;
}

extern "C" void *dy2stAllocate(size_t size) {
  return track(size >= kHugePage ? allocateAligned(kHugePage, size) : std::malloc(size), size);
}

extern "C" void *dy2stAllocateAligned(size_t alignment, size_t size) {
  return track(allocateAligned(alignment, size), size);
}

/// Every block comes from malloc or posix_memalign: the caller of compiled
/// code frees results with std::free or releaseBuffer.
extern "C" void dy2stFree(void *p) {
  if (currentCall)
    currentCall->live.erase(p);
  dy2st::releaseBuffer(p);
}

extern "C" void dy2stAllocationSite(const char *where) { allocationSite = where; }

/// memref.copy where finalize-memref-to-llvm cannot prove both sides
/// contiguous (a dynamic size with a strided layout: a tensor array's rows).
/// Upstream's memrefCopy copies such views element by element; this one
/// copies the longest innermost run that is contiguous in both at once.
extern "C" void dy2stCopy(int64_t elementSize, UnrankedMemRefType<char> *source,
                          UnrankedMemRefType<char> *target) {
  DynamicMemRefType<char> from(*source), to(*target);
  int64_t rank = from.rank;
  for (int64_t d = 0; d < rank; ++d)
    if (from.sizes[d] == 0)
      return;
  const char *read = from.data + from.offset * elementSize;
  char *write = to.data + to.offset * elementSize;
  // Dimensions [0, outer) are walked; the ones after them form one run.
  int64_t run = elementSize, outer = rank;
  while (outer > 0) {
    int64_t d = outer - 1, size = from.sizes[d];
    if (size != 1 && (from.strides[d] * elementSize != run || to.strides[d] * elementSize != run))
      break;
    run *= size;
    outer = d;
  }
  std::vector<int64_t> index(outer, 0);
  int64_t readOffset = 0, writeOffset = 0;
  while (true) {
    std::memcpy(write + writeOffset, read + readOffset, run);
    int64_t d = outer - 1;
    for (; d >= 0; --d) {
      readOffset += from.strides[d] * elementSize;
      writeOffset += to.strides[d] * elementSize;
      if (++index[d] < from.sizes[d])
        break;
      readOffset -= from.sizes[d] * from.strides[d] * elementSize;
      writeOffset -= to.sizes[d] * to.strides[d] * elementSize;
      index[d] = 0;
    }
    if (d < 0)
      return;
  }
}

} // namespace

void dy2st::releaseBuffer(void *p) { keptBlocks().release(p); }

bool dy2st::callGuarded(void (*entry)(void **), void **args) {
  GuardedCall call;
  call.outer = currentCall;
  CallState state = saveCallState();
  const char *outerSite = allocationSite;
  currentCall = &call;
  // Nothing set between here and a longjmp is read after it but `call`,
  // which lives in memory (its address is published above).
  bool completed = setjmp(call.abandon) == 0;
  if (completed) {
    entry(args);
  } else {
    for (void *p : call.live)
      releaseBuffer(p);
    restoreCallState(state);
  }
  currentCall = call.outer;
  allocationSite = outerSite;
  return completed;
}

void dy2st::defineMemorySymbols(SymbolDefiner define) {
  // Upstream's names for the generic allocation functions.
  define("_mlir_memref_to_llvm_alloc", reinterpret_cast<void *>(&dy2stAllocate));
  define("_mlir_memref_to_llvm_aligned_alloc", reinterpret_cast<void *>(&dy2stAllocateAligned));
  define("_mlir_memref_to_llvm_free", reinterpret_cast<void *>(&dy2stFree));
  define(dy2st::kAllocationSite, reinterpret_cast<void *>(&dy2stAllocationSite));
  // Upstream's name: it replaces the runner utilities' memrefCopy.
  define("memrefCopy", reinterpret_cast<void *>(&dy2stCopy));
}
