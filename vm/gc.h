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
// runs safepoints): such values must be rooted with VM::TempRoot (vm/vm.h).
//
// Invariants:
//   I1  Every object is on exactly one list: `objects_` (all live-or-unswept objects).
//   I2  Between collections every mark bit is 0; collect() leaves it so.
//   I3  Tracing is iterative (explicit mark stack), so deep structures cannot overflow
//       the C stack — GcTracer::drain().
//   I4  Objects are freed only by sweep() (or ~Heap); finalizers run before the free
//       and must not allocate or touch other heap objects' contents.
//   I5  Buffers owned by objects (list items, dict tables, ndarray data) are counted
//       with note_external_alloc()/note_external_free() so that they drive the
//       collection rate and the memory cap too.
#pragma once

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

class Heap {
 public:
  Heap();
  ~Heap();
  Heap(const Heap&) = delete;
  Heap& operator=(const Heap&) = delete;

  // Allocates and constructs a T (which derives from Object) with `extra` trailing
  // bytes, initialises the header and links it on the object list.
  template <class T, class... Args>
  T* make(Type* type, Kind kind, size_t extra, Args&&... args) {
    size_t size = sizeof(T) + extra;
    void* mem = std::malloc(size);
    if (!mem) std::abort();  // out of host memory: nothing sensible to do
    T* obj = new (mem) T(std::forward<Args>(args)...);
    obj->type = type;
    obj->kind = kind;
    obj->gc_mark = 0;
    obj->flags = 0;
    obj->aux = 0;
    link(obj, size);
    return obj;
  }

  void note_external_alloc(size_t bytes);
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
  const HeapStats& stats() const { return stats_; }
  uint64_t bytes_in_use() const { return object_bytes_ + external_bytes_; }

 private:
  void link(Object* obj, size_t size);
  void account(size_t bytes);
  void sweep();

  Object* objects_ = nullptr;
  uint64_t object_bytes_ = 0;
  uint64_t external_bytes_ = 0;
  uint64_t since_gc_ = 0;
  uint64_t threshold_;
  bool stress_ = false;
  HeapStats stats_;
};

// Per-kind tracing and finalisation, defined in gc.cpp (dispatches to each kind's
// trace function, or to type->slots for Kind::Other).
void trace_object(Object* o, GcTracer& t);
void finalize_object(Object* o, Heap& heap);

}  // namespace pyjitvm::vm
