// vm/gc.h — the VM's precise, non-moving mark-and-sweep heap.
//
// Stage: every allocation of a heap object goes through Heap::make(); the VM calls
// Heap::collect() with its roots at interpreter safepoints.
//
// Collection policy (ARCHITECTURE.md, "Memory"): allocation never collects. It only
// raises `collect_requested()` once enough bytes were allocated since the last
// collection; the interpreter collects at its next safepoint (a call, a loop
// back-edge or an allocating instruction), where every live value is in a VM
// register, a global, or another root. Native code may therefore hold raw Object*
// in C++ locals freely, *except* across a call back into Python code (the callee
// runs safepoints): such values must be rooted, with VM::TempRoot (scoped) or
// vm.root(v) (kept until the native function returns; vm/vm.h).
//
// Invariants:
//   I1  Every object is either in a slot of a small-object arena or on the `large_`
//       list; a free arena slot has kind Kind::Free and is on its class's free list.
//   I2  Between collections every mark bit is 0; collect() leaves it so.
//   I3  Tracing is iterative (explicit mark stack), so deep structures cannot overflow
//       the C stack — GcTracer::drain().
//   I4  Objects are freed only by sweep() (or ~Heap); finalizers run before the free
//       and must not allocate or touch other heap objects' contents.
//   I5  Buffers owned by objects (list items, dict tables, ndarray data) are counted
//       with note_external_alloc()/note_external_free() so that they drive the
//       collection rate and the memory cap too.
//   I6  Memory cap (set_limit(), embedding API): allocation never fails because of it.
//       Crossing the cap (or, under a cap, the collection threshold) sets the VM's
//       interrupt flag once (account()); the VM then collects at its next poll point,
//       JIT traces included, and raises MemoryError if still over
//       (VM::handle_interrupt), so the cap can be overshot by the allocations made
//       before that poll. Big requests that can fail cleanly (numpy buffers) ask
//       would_exceed() first: requests that cannot fit beside what was live at the
//       last collection fail at once. Under a cap, collections start before the cap is
//       reached (sweep() bounds the threshold by half the remaining headroom).
#pragma once

#include <atomic>
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <new>
#include <utility>
#include <vector>

#include "vm/object.h"

namespace pyjitvm::vm {

class GcTracer {
 public:
  void mark(Object* o) {
    if (o && !o->gc_mark) {
      o->gc_mark = 1;
      stack_.push_back(o);
    }
  }
  void mark(const Value& v) {
    if (v.tag == Tag::Obj) mark(v.u.o);
  }
  void mark_range(const Value* begin, const Value* end) {
    for (const Value* p = begin; p < end; ++p) mark(*p);
  }
  // Traces the children of every marked object until nothing is left (I3).
  void drain();

 private:
  std::vector<Object*> stack_;
};

struct HeapStats {
  uint64_t collections = 0;
  uint64_t objects_live = 0;
  uint64_t bytes_live = 0;       // object bytes + external buffers after last sweep
  uint64_t bytes_allocated = 0;  // since VM start
};

// Small objects (up to kMaxSmall bytes) live in 64 KiB arenas carved into equal
// slots, one arena list per 16-byte size class; free slots are chained through
// gc_next and tagged Kind::Free. Larger objects are malloc'd and kept on a list.
//
//   arena: [ArenaHeader | slot | slot | ... ]   (slots of one size class)
class Heap {
 public:
  static constexpr size_t kGranule = 16;
  static constexpr size_t kMaxSmall = 512;
  static constexpr size_t kNumClasses = kMaxSmall / kGranule;  // class i: (i+1)*16 bytes
  static constexpr size_t kArenaBytes = 64 * 1024;

  Heap();
  ~Heap();
  Heap(const Heap&) = delete;
  Heap& operator=(const Heap&) = delete;

  // Allocates and constructs a T (which derives from Object) with `extra` trailing
  // bytes and initialises the header. The header is written after T's constructor
  // ran: value-initialisation of T zeroes the whole object, links included.
  template <class T, class... Args>
  T* make(Type* type, Kind kind, size_t extra, Args&&... args) {
    size_t size = sizeof(T) + extra;
    bool large = size > kMaxSmall;
    void* mem = large ? alloc_large(size) : alloc_small(size);
    T* obj = new (mem) T(std::forward<Args>(args)...);
    if (large) link_large(obj);
    obj->type = type;
    obj->kind = kind;
    obj->gc_mark = 0;
    obj->flags = 0;
    obj->aux = 0;
    return obj;
  }

  // Raw buffers owned by objects (list items, dict/set tables): small ones come from
  // per-size free lists, larger ones from malloc. Counted as external memory (I5).
  void* alloc_buffer(size_t bytes);
  void* realloc_buffer(void* p, size_t old_bytes, size_t new_bytes);
  void free_buffer(void* p, size_t bytes);

  void note_external_alloc(size_t bytes);

  // Large external buffers (numpy array data) are recycled: a freed buffer of at least
  // kMinCachedBuffer bytes is kept (up to kBufferCacheSlots of them) and handed to the
  // next request of the same size, so short-lived temporaries cost no page faults.
  // take_cached_buffer() returns nullptr when none fits; keep_buffer() returns false
  // when the caller must free `p` itself. Neither changes the external-byte count.
  static constexpr size_t kMinCachedBuffer = size_t{1} << 20;
  static constexpr size_t kBufferCacheSlots = 8;
  void* take_cached_buffer(size_t bytes);
  bool keep_buffer(void* p, size_t bytes);
  void note_external_free(size_t bytes) { external_bytes_ -= bytes <= external_bytes_ ? bytes : external_bytes_; }

  bool collect_requested() const { return since_gc_ >= threshold_ || stress_; }

  // Marks from the roots that `trace_roots` gives, then sweeps.
  template <class RootFn>
  void collect(RootFn&& trace_roots) {
    GcTracer tracer;
    trace_roots(tracer);
    tracer.drain();
    sweep();
  }

  void set_stress(bool on) { stress_ = on; }

  // ---- memory cap (I6); 0 = none. `signal` is the VM's interrupt flag.
  void set_limit(uint64_t bytes, std::atomic<bool>* signal) {
    limit_ = bytes;
    limit_signal_ = signal;
    if (limit_ && threshold_ > limit_ / 2) threshold_ = limit_ / 2;
  }
  uint64_t limit() const { return limit_; }
  bool over_limit() const { return limit_ && bytes_in_use() > limit_; }
  // True when `more` bytes cannot fit even if everything allocated since the last
  // collection were garbage (a request that can never succeed).
  bool would_exceed(size_t more) const { return limit_ && stats_.bytes_live + more > limit_; }
  // True (once) when the cap was crossed since the last call.
  bool take_limit_signal() {
    bool s = limit_signalled_;
    limit_signalled_ = false;
    return s;
  }
  const HeapStats& stats() const { return stats_; }
  uint64_t bytes_in_use() const { return object_bytes_ + external_bytes_; }

 private:
  struct Arena {
    Arena* next;
    uint32_t slot_size;
    uint32_t nslots;
    char* slots() { return reinterpret_cast<char*>(this) + kGranule * ((sizeof(Arena) + kGranule - 1) / kGranule); }
  };
  struct SizeClass {
    Arena* arenas = nullptr;
    Object* free_list = nullptr;
  };

  void* alloc_small(size_t size) {
    size_t cls = (size - 1) / kGranule;
    SizeClass& sc = classes_[cls];
    if (!sc.free_list) new_arena(cls);
    Object* o = sc.free_list;
    sc.free_list = o->gc_next;
    size_t slot = (cls + 1) * kGranule;
    object_bytes_ += slot;
    account(slot);
    return o;
  }
  void* alloc_large(size_t size);
  void link_large(Object* o) {
    o->gc_next = large_;
    large_ = o;
  }
  void new_arena(size_t cls);
  void account(size_t bytes);
  void sweep();
  void sweep_small(uint64_t& live, uint64_t& live_bytes);
  void sweep_large(uint64_t& live, uint64_t& live_bytes);

  static constexpr size_t kMaxSmallBuffer = 256;
  void* buffer_lists_[kMaxSmallBuffer / kGranule] = {};  // free small buffers per class
  std::vector<void*> buffer_chunks_;

  struct CachedBuffer {
    void* p;
    size_t bytes;
  };
  std::vector<CachedBuffer> buffer_cache_;  // most recently freed last

  SizeClass classes_[kNumClasses];
  Object* large_ = nullptr;  // malloc'd objects, chained through gc_next
  uint64_t object_bytes_ = 0;
  uint64_t external_bytes_ = 0;
  uint64_t since_gc_ = 0;
  uint64_t threshold_;
  bool stress_ = false;
  uint64_t limit_ = 0;                          // I6
  std::atomic<bool>* limit_signal_ = nullptr;
  bool limit_signalled_ = false;
  HeapStats stats_;
};

// Per-kind tracing and finalisation, defined in gc.cpp (dispatches to each kind's
// trace function, or to type->slots for Kind::Other).
void trace_object(Object* o, GcTracer& t);
void finalize_object(Object* o, Heap& heap);

}  // namespace pyjitvm::vm
