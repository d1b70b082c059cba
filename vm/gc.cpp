// vm/gc.cpp — mark-and-sweep collection: per-kind tracing, sweeping, finalisation.
//
// Stage: Heap::collect() (gc.h) → GcTracer::drain() → trace_object() per object →
// Heap::sweep() → finalize_object() for the dead.
//
// Invariants: see gc.h (I1–I5). trace_object() must visit every Object reference a
// layout holds; a missing edge shows up under PYJ_GC_STRESS=1 as a use-after-free.
#include "vm/gc.h"

#include <malloc.h>

#include <cstring>

#include "vm/bytecode.h"
#include "vm/dict_object.h"
#include "vm/func_object.h"
#include "vm/list_object.h"
#include "vm/misc_objects.h"
#include "vm/set_object.h"
#include "vm/str_object.h"
#include "vm/tuple_object.h"

namespace pyjitvm::vm {

namespace {
constexpr uint64_t kInitialThreshold = 4u << 20;  // bytes allocated between collections
constexpr uint64_t kMinThreshold = 4u << 20;
}  // namespace

Heap::Heap() : threshold_(kInitialThreshold) {}

Heap::~Heap() {
  // Two passes: finalizers may read their type's slots, so nothing is freed until
  // every finalizer has run.
  for (SizeClass& sc : classes_)
    for (Arena* a = sc.arenas; a; a = a->next) {
      char* p = a->slots();
      for (uint32_t i = 0; i < a->nslots; ++i, p += a->slot_size) {
        Object* o = reinterpret_cast<Object*>(p);
        if (o->kind != Kind::Free) finalize_object(o, *this);
      }
    }
  for (Object* o = large_; o; o = o->gc_next) finalize_object(o, *this);
  for (SizeClass& sc : classes_) {
    Arena* a = sc.arenas;
    while (a) {
      Arena* next = a->next;
      std::free(a);
      a = next;
    }
  }
  Object* o = large_;
  while (o) {
    Object* next = o->gc_next;
    std::free(o);
    o = next;
  }
  for (void* c : buffer_chunks_) std::free(c);
  for (const CachedBuffer& b : buffer_cache_) std::free(b.p);
}

void* Heap::alloc_buffer(size_t bytes) {
  note_external_alloc(bytes);
  if (bytes == 0) bytes = 1;
  if (bytes > kMaxSmallBuffer) {
    void* p = std::malloc(bytes);
    if (!p) std::abort();  // out of host memory
    return p;
  }
  size_t cls = (bytes - 1) / kGranule;
  void*& head = buffer_lists_[cls];
  if (!head) {
    size_t slot = (cls + 1) * kGranule;
    char* chunk = static_cast<char*>(std::malloc(kArenaBytes));
    if (!chunk) std::abort();
    buffer_chunks_.push_back(chunk);
    for (size_t off = 0; off + slot <= kArenaBytes; off += slot) {
      void* b = chunk + off;
      *static_cast<void**>(b) = head;
      head = b;
    }
  }
  void* b = head;
  head = *static_cast<void**>(b);
  return b;
}

void Heap::free_buffer(void* p, size_t bytes) {
  if (!p) return;
  note_external_free(bytes);
  if (bytes == 0) bytes = 1;
  if (bytes > kMaxSmallBuffer) {
    std::free(p);
    return;
  }
  size_t cls = (bytes - 1) / kGranule;
  *static_cast<void**>(p) = buffer_lists_[cls];
  buffer_lists_[cls] = p;
}

void* Heap::realloc_buffer(void* p, size_t old_bytes, size_t new_bytes) {
  if (p && old_bytes > kMaxSmallBuffer && new_bytes > kMaxSmallBuffer) {
    note_external_free(old_bytes);
    note_external_alloc(new_bytes);
    void* q = std::realloc(p, new_bytes);
    if (!q) std::abort();
    return q;
  }
  void* q = alloc_buffer(new_bytes);
  if (p) {
    std::memcpy(q, p, old_bytes < new_bytes ? old_bytes : new_bytes);
    free_buffer(p, old_bytes);
  }
  return q;
}

void Heap::new_arena(size_t cls) {
  uint32_t slot = static_cast<uint32_t>((cls + 1) * kGranule);
  void* mem = std::aligned_alloc(kGranule, kArenaBytes);
  if (!mem) std::abort();  // out of host memory: nothing sensible to do
  Arena* a = static_cast<Arena*>(mem);
  a->slot_size = slot;
  a->nslots = static_cast<uint32_t>((kArenaBytes - (a->slots() - reinterpret_cast<char*>(a))) / slot);
  SizeClass& sc = classes_[cls];
  a->next = sc.arenas;
  sc.arenas = a;
  // Chain the new slots in address order.
  char* p = a->slots() + static_cast<size_t>(a->nslots - 1) * slot;
  for (uint32_t i = 0; i < a->nslots; ++i, p -= slot) {
    Object* o = reinterpret_cast<Object*>(p);
    o->kind = Kind::Free;
    o->gc_mark = 0;
    o->gc_next = sc.free_list;
    sc.free_list = o;
  }
}

void* Heap::alloc_large(size_t size) {
  void* mem = std::malloc(size);
  if (!mem) std::abort();  // out of host memory: nothing sensible to do
  object_bytes_ += size;
  account(size);
  return mem;
}

void Heap::account(size_t bytes) {
  since_gc_ += bytes;
  stats_.bytes_allocated += bytes;
  // I6: over the cap, or due for a collection (compiled traces never collect: the
  // flag makes them leave at their back-edge so the interpreter can).
  if (limit_ && !limit_signalled_ && (bytes_in_use() > limit_ || since_gc_ >= threshold_)) {
    limit_signalled_ = true;
    if (limit_signal_) limit_signal_->store(true, std::memory_order_relaxed);
  }
}

void* Heap::take_cached_buffer(size_t bytes) {
  for (size_t i = buffer_cache_.size(); i-- > 0;) {
    if (buffer_cache_[i].bytes != bytes) continue;
    void* p = buffer_cache_[i].p;
    buffer_cache_.erase(buffer_cache_.begin() + static_cast<ptrdiff_t>(i));
    return p;
  }
  return nullptr;
}

bool Heap::keep_buffer(void* p, size_t bytes) {
  if (bytes < kMinCachedBuffer) return false;
  if (buffer_cache_.size() == kBufferCacheSlots) {
    std::free(buffer_cache_.front().p);
    buffer_cache_.erase(buffer_cache_.begin());
  }
  buffer_cache_.push_back({p, bytes});
  return true;
}

void Heap::note_external_alloc(size_t bytes) {
  external_bytes_ += bytes;
  account(bytes);
}

void Heap::sweep_small(uint64_t& live, uint64_t& live_bytes) {
  // Pass 1: finalize the dead (a finalizer may read its type, which may be dead too,
  // so no slot is reused before every finalizer has run). Pass 2: free them.
  for (SizeClass& sc : classes_)
    for (Arena* a = sc.arenas; a; a = a->next) {
      char* p = a->slots();
      for (uint32_t i = 0; i < a->nslots; ++i, p += a->slot_size) {
        Object* o = reinterpret_cast<Object*>(p);
        if (o->kind == Kind::Free || o->gc_mark) continue;
        finalize_object(o, *this);
      }
    }
  constexpr int kKeepEmpty = 4;  // empty arenas kept per class (allocation churn)
  for (SizeClass& sc : classes_) {
    sc.free_list = nullptr;
    int kept_empty = 0;
    Arena** link = &sc.arenas;
    while (Arena* a = *link) {
      uint32_t used = 0;
      Object* chain = sc.free_list;
      char* p = a->slots() + static_cast<size_t>(a->nslots - 1) * a->slot_size;
      for (uint32_t i = 0; i < a->nslots; ++i, p -= a->slot_size) {
        Object* o = reinterpret_cast<Object*>(p);
        if (o->kind != Kind::Free && o->gc_mark) {
          o->gc_mark = 0;
          ++used;
          continue;
        }
        o->kind = Kind::Free;
        o->gc_next = chain;
        chain = o;
      }
      if (used == 0 && ++kept_empty > kKeepEmpty) {
        // an empty arena (not the newest): give it back
        *link = a->next;
        std::free(a);
        continue;
      }
      sc.free_list = chain;
      live += used;
      live_bytes += static_cast<uint64_t>(used) * a->slot_size;
      link = &a->next;
    }
  }
}

void Heap::sweep_large(uint64_t& live, uint64_t& live_bytes) {
  Object** link_ptr = &large_;
  Object* dead = nullptr;
  while (Object* o = *link_ptr) {
    if (o->gc_mark) {
      o->gc_mark = 0;
      ++live;
      live_bytes += malloc_usable_size(o);
      link_ptr = &o->gc_next;
    } else {
      *link_ptr = o->gc_next;
      o->gc_next = dead;
      dead = o;
    }
  }
  for (Object* o = dead; o; o = o->gc_next) finalize_object(o, *this);
  while (dead) {
    Object* next = dead->gc_next;
    std::free(dead);
    dead = next;
  }
}

void Heap::sweep() {
  uint64_t live = 0, live_bytes = 0;
  sweep_small(live, live_bytes);
  sweep_large(live, live_bytes);
  object_bytes_ = live_bytes;
  stats_.collections++;
  stats_.objects_live = live;
  stats_.bytes_live = live_bytes + external_bytes_;
  since_gc_ = 0;
  // Next collection after allocating as much as is live now (at least kMinThreshold).
  threshold_ = stats_.bytes_live > kMinThreshold ? stats_.bytes_live : kMinThreshold;
  if (limit_) {  // I6: collect again before the cap is reached
    uint64_t headroom = limit_ > stats_.bytes_live ? limit_ - stats_.bytes_live : 0;
    uint64_t t = headroom / 2 > (64u << 10) ? headroom / 2 : (64u << 10);
    if (t < threshold_) threshold_ = t;
  }
}

void GcTracer::drain() {
  while (!stack_.empty()) {
    Object* o = stack_.back();
    stack_.pop_back();
    trace_object(o, *this);
  }
}

namespace {

void trace_dict(Dict* d, GcTracer& t) {
  for (uint32_t i = 0; i < d->nentries; ++i) {
    t.mark(d->entries[i].key);
    t.mark(d->entries[i].value);
  }
}

void trace_proto(Proto* p, GcTracer& t) {
  for (const Value& v : p->consts) t.mark(v);
  for (const InlineCache& c : p->caches) {
    t.mark(c.name);
    t.mark(c.type);
    t.mark(c.value);
  }
  for (Str* s : p->varnames) t.mark(s);
  for (Str* s : p->freenames) t.mark(s);
  t.mark(p->name);
  t.mark(p->qualname);
  t.mark(p->filename);
}

}  // namespace

void trace_object(Object* o, GcTracer& t) {
  t.mark(o->type);
  switch (o->kind) {
    case Kind::Type: {
      auto* ty = static_cast<Type*>(o);
      t.mark(ty->dict);
      t.mark(ty->name);
      t.mark(ty->module_name);
      t.mark(ty->base);
      for (Type* m : ty->mro) t.mark(m);
      for (Type* b : ty->bases) t.mark(b);
      for (Type* s : ty->subclasses) t.mark(s);
      break;
    }
    case Kind::Range: {
      auto* r = static_cast<Range*>(o);
      t.mark(r->big_start);
      t.mark(r->big_stop);
      t.mark(r->big_step);
      t.mark(r->big_length);
      break;
    }
    case Kind::Str:
    case Kind::BigInt:
    case Kind::Complex:
    case Kind::Singleton: break;
    case Kind::List: {
      auto* l = static_cast<List*>(o);
      t.mark_range(l->items, l->items + l->len);
      break;
    }
    case Kind::Tuple: {
      auto* tu = static_cast<Tuple*>(o);
      t.mark_range(tu->items(), tu->items() + tu->len);
      break;
    }
    case Kind::Dict: trace_dict(static_cast<Dict*>(o), t); break;
    case Kind::Set:
    case Kind::FrozenSet: {
      auto* s = static_cast<Set*>(o);
      if (s->table)
        for (size_t i = 0; i <= s->mask; ++i) t.mark(s->table[i].key);
      break;
    }
    case Kind::Slice: {
      auto* s = static_cast<Slice*>(o);
      t.mark(s->start);
      t.mark(s->stop);
      t.mark(s->step);
      break;
    }
    case Kind::Function: {
      auto* f = static_cast<Function*>(o);
      t.mark(f->dict);
      t.mark(f->proto);
      t.mark(f->globals);
      t.mark(f->defaults);
      t.mark(f->kwdefaults);
      t.mark(f->closure);
      t.mark(f->name);
      t.mark(f->qualname);
      t.mark(f->doc);
      t.mark(f->module);
      break;
    }
    case Kind::NativeFunction: {
      auto* f = static_cast<NativeFunction*>(o);
      t.mark(f->name);
      t.mark(f->self);
      t.mark(f->data);
      t.mark(f->owner);
      break;
    }
    case Kind::BoundMethod: {
      auto* b = static_cast<BoundMethod*>(o);
      t.mark(b->func);
      t.mark(b->self);
      break;
    }
    case Kind::Cell: t.mark(static_cast<Cell*>(o)->value); break;
    case Kind::Proto: trace_proto(static_cast<Proto*>(o), t); break;
    case Kind::Module: {
      auto* m = static_cast<Module*>(o);
      t.mark(m->dict);
      t.mark(m->name);
      t.mark(m->filename);
      break;
    }
    case Kind::Instance: t.mark(static_cast<Instance*>(o)->dict); break;
    case Kind::Exception: {
      auto* e = static_cast<ExceptionObj*>(o);
      t.mark(e->dict);
      t.mark(e->args);
      t.mark(e->cause);
      t.mark(e->context);
      t.mark(e->traceback);
      break;
    }
    case Kind::Generator: {
      auto* g = static_cast<Generator*>(o);
      t.mark(g->func);
      if (g->regs) t.mark_range(g->regs, g->regs + g->nregs);
      for (const Value& v : g->saved_exc) t.mark(v);
      t.mark(g->yield_from);
      t.mark(g->retval);
      t.mark(g->name);
      t.mark(g->qualname);
      break;
    }
    case Kind::StaticMethod:
    case Kind::ClassMethod: t.mark(static_cast<MethodWrapper*>(o)->callable); break;
    case Kind::Property: {
      auto* p = static_cast<Property*>(o);
      t.mark(p->fget);
      t.mark(p->fset);
      t.mark(p->fdel);
      t.mark(p->doc);
      break;
    }
    case Kind::Other:
      if (o->type->slots.trace) o->type->slots.trace(o, t);
      break;
    case Kind::Free: break;
  }
}

void finalize_object(Object* o, Heap& heap) {
  switch (o->kind) {
    case Kind::Type: static_cast<Type*>(o)->~Type(); break;
    case Kind::List: list_free_buffer(heap, static_cast<List*>(o)); break;
    case Kind::Dict: dict_free_buffers(heap, static_cast<Dict*>(o)); break;
    case Kind::Set:
    case Kind::FrozenSet: set_free_table(heap, static_cast<Set*>(o)); break;
    case Kind::Proto: static_cast<Proto*>(o)->~Proto(); break;
    case Kind::Generator: {
      auto* g = static_cast<Generator*>(o);
      std::free(g->regs);
      g->~Generator();
      break;
    }
    case Kind::BigInt:
    case Kind::Other:
      if (o->type && o->type->slots.finalize) o->type->slots.finalize(o, heap);
      break;
    default: break;
  }
}

}  // namespace pyjitvm::vm
