// Threads that the runtime's own kernels share a product's work with (the
// packed products; OpenBLAS keeps its own threads for its products). Parked
// on a condition variable between uses: waking them costs microseconds, not
// a thread's creation.
#include "Workers.h"

#include <pthread.h>

#include <algorithm>
#include <condition_variable>
#include <mutex>
#include <system_error>
#include <thread>

namespace {

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
      pending = count - 1;
      ++generation;
    }
    wake.notify_all();
    runShare(0, part, parts, count);
    std::unique_lock<std::mutex> lock(mutex);
    finished.wait(lock, [&] { return pending == 0; });
    return true;
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
    std::unique_lock<std::mutex> lock(mutex);
    while (true) {
      wake.wait(lock, [&] { return generation != seen; });
      seen = generation;
      if (index + 1 >= threads)
        continue;
      llvm::function_ref<void(int)> mine = work;
      int parts = workParts, count = threads;
      lock.unlock();
      runShare(index + 1, mine, parts, count);
      lock.lock();
      if (--pending == 0)
        finished.notify_one();
    }
  }

  std::mutex inUse, mutex;
  std::condition_variable wake, finished;
  llvm::function_ref<void(int)> work;
  int started = 0, workParts = 0, threads = 0, pending = 0;
  unsigned long generation = 0;
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

void dy2st::runParts(int parts, llvm::function_ref<void(int)> part) {
  if (parts > 1 && workers().run(parts, part))
    return;
  for (int i = 0; i < parts; ++i)
    part(i);
}
