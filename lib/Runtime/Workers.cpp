// Threads that compiled code shares its work with: the packed products,
// OpenBLAS's products (held at one thread each, Blas.cpp), the window ops and
// parallel loops. Between uses they spin for a while, then park on a
// condition variable.
#include "Workers.h"

#include <pthread.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <condition_variable>
#include <mutex>
#include <system_error>
#include <thread>

namespace {

/// How long a worker spins for the next run before it parks (and the
/// caller for the workers' parts): a recurrent layer's steps share a product
/// every few tens of microseconds, a Transformer's layers every hundred or
/// so, and a wake-up through the kernel costs tens. Measured with two
/// threads: the LSTM benchmark 12.2 ms parked at once, 12.3 spinning 20 µs,
/// 8.3–8.9 spinning 100 µs, 8.6 spinning 300 µs; BERT-small (batch 8) 1.32–1.42
/// ms spinning 100 µs, 1.17–1.18 spinning 300 (1.22–1.26 spinning 1 ms).
constexpr std::chrono::microseconds kSpinTime{300};

void pause() {
#if defined(__x86_64__) || defined(__i386__)
  __builtin_ia32_pause();
#else
  std::this_thread::yield();
#endif
}

/// Spins until `done()` or the spin time has passed; whether done.
template <typename Done> bool spinUntil(Done done) {
  auto deadline = std::chrono::steady_clock::now() + kSpinTime;
  while (!done()) {
    for (int i = 0; i < 16; ++i)
      pause();
    if (std::chrono::steady_clock::now() > deadline)
      return done();
  }
  return true;
}

class Workers {
public:
  /// False where the parts cannot be handed out (busy, or after fork).
  bool run(int parts, llvm::function_ref<void(int)> part) {
    std::unique_lock<std::mutex> exclusive(inUse, std::try_to_lock);
    if (!exclusive.owns_lock() || forked)
      return false;
    int count;
    {
      std::lock_guard<std::mutex> lock(mutex);
      try {
        while (started < parts - 1) {
          std::thread(&Workers::serve, this, started).detach();
          ++started;
        }
      } catch (const std::system_error &) {
        // No more threads to be had: the parts go to those there are.
        if (started == 0)
          return false;
      }
      work = part;
      workParts = parts;
      count = threads = std::min(parts, started + 1);
      pending.store(count - 1, std::memory_order_relaxed);
      generation.fetch_add(1, std::memory_order_release);
    }
    wake.notify_all();
    runShare(0, part, parts, count);
    spinUntil([&] { return pending.load(std::memory_order_acquire) == 0; });
    std::unique_lock<std::mutex> lock(mutex);
    finished.wait(lock, [&] { return pending.load(std::memory_order_acquire) == 0; });
    lastRunEnd.store(std::chrono::steady_clock::now().time_since_epoch().count(),
                     std::memory_order_relaxed);
    return true;
  }

  /// Whether a run ended less than the spin time ago.
  bool spinning() const {
    auto end = std::chrono::steady_clock::duration(lastRunEnd.load(std::memory_order_relaxed));
    return end.count() != 0 &&
           std::chrono::steady_clock::now().time_since_epoch() - end < kSpinTime;
  }

  /// The child of a fork has none of the parent's threads.
  void forget() { forked = true; }

private:
  /// Thread `thread` of `count` runs parts thread, thread + count, ...
  static void runShare(int thread, llvm::function_ref<void(int)> part, int parts, int count) {
    for (int i = thread; i < parts; i += count)
      part(i);
  }

  /// Worker `index` is thread index + 1 of a run (the caller is thread 0).
  void serve(int index) {
    unsigned long seen = 0;
    while (true) {
      spinUntil([&] { return generation.load(std::memory_order_acquire) != seen; });
      std::unique_lock<std::mutex> lock(mutex);
      wake.wait(lock, [&] { return generation.load(std::memory_order_acquire) != seen; });
      seen = generation.load(std::memory_order_relaxed);
      if (index + 1 >= threads)
        continue;
      llvm::function_ref<void(int)> mine = work;
      int parts = workParts, count = threads;
      lock.unlock();
      runShare(index + 1, mine, parts, count);
      if (pending.fetch_sub(1, std::memory_order_acq_rel) == 1) {
        std::lock_guard<std::mutex> finishing(mutex);
        finished.notify_one();
      }
    }
  }

  std::mutex inUse, mutex;
  std::condition_variable wake, finished;
  llvm::function_ref<void(int)> work;
  int started = 0, workParts = 0, threads = 0;
  std::atomic<int> pending{0};
  std::atomic<unsigned long> generation{0};
  std::atomic<std::chrono::steady_clock::rep> lastRunEnd{0};
  bool forked = false;
};

Workers &workers() {
  // Never destroyed: its threads are parked in it until the process ends.
  static Workers *shared = [] {
    auto *created = new Workers();
    pthread_atfork(nullptr, nullptr, [] { workers().forget(); });
    return created;
  }();
  return *shared;
}

} // namespace

bool dy2st::workersSpinning() { return workers().spinning(); }

void dy2st::runParts(int parts, llvm::function_ref<void(int)> part) {
  if (parts > 1 && workers().run(parts, part))
    return;
  for (int i = 0; i < parts; ++i)
    part(i);
}
