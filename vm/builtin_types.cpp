// vm/builtin_types.cpp — creates the builtin Type objects and the singletons.
//
// Stage: VM constructor → init_types() → per-type init_* (vm/builtin_types.h).
//
// Bootstrapping order matters: `type`, `object`, `str` and `dict` exist before any
// name can be interned or any namespace dict allocated, so they are created raw and
// completed once those four exist.
//
// Invariants: builtin_types.h I1; every field of Types is non-null after init_types().
#include "vm/builtin_types.h"

#include <algorithm>
#include <vector>

namespace pyjitvm::vm {

void inherit_slots(Type* t, const Type* base) {
  if (!base) return;
  TypeSlots own = t->slots;
  t->slots = base->slots;
  // Keep any slot the type already set explicitly.
  auto keep = [](auto& dst, auto src) {
    if (src) dst = src;
  };
  keep(t->slots.trace, own.trace);
  keep(t->slots.finalize, own.finalize);
  keep(t->slots.repr, own.repr);
  keep(t->slots.str, own.str);
  keep(t->slots.format, own.format);
  keep(t->slots.hash, own.hash);
  keep(t->slots.richcompare, own.richcompare);
  keep(t->slots.binop, own.binop);
  keep(t->slots.inplace, own.inplace);
  keep(t->slots.unop, own.unop);
  keep(t->slots.truth, own.truth);
  keep(t->slots.len, own.len);
  keep(t->slots.getitem, own.getitem);
  keep(t->slots.setitem, own.setitem);
  keep(t->slots.contains, own.contains);
  keep(t->slots.iter, own.iter);
  keep(t->slots.next, own.next);
  keep(t->slots.getattr, own.getattr);
  keep(t->slots.setattr, own.setattr);
  keep(t->slots.call, own.call);
  keep(t->slots.construct, own.construct);
  keep(t->slots.descr_get, own.descr_get);
  keep(t->slots.descr_set, own.descr_set);
}

void type_modified(Type* t) {
  t->version++;
  for (Type* sub : t->subclasses) type_modified(sub);
}

namespace {

Type* raw_type(Heap& heap, Type* meta) {
  Type* t = heap.make<Type>(meta, Kind::Type, 0);
  t->dict = nullptr;
  return t;
}

void finish_type(VM& vm, Type* t, std::string_view name, Type* base, Kind kind, uint32_t flags) {
  t->name = vm.intern(name);
  t->module_name = vm.intern("builtins");
  t->base = base;
  t->instance_kind = kind;
  t->type_flags |= flags;
  if (!t->dict) t->dict = vm.new_dict();
  t->mro.clear();
  t->mro.push_back(t);
  if (base) {
    for (Type* m : base->mro) t->mro.push_back(m);
    base->subclasses.push_back(t);
    inherit_slots(t, base);
  }
}

}  // namespace

Type* make_builtin_type(VM& vm, std::string_view name, Type* base, Kind instance_kind,
                        uint32_t flags) {
  Type* t = raw_type(vm.heap(), vm.types().type);
  finish_type(vm, t, name, base, instance_kind, flags);
  return t;
}

void VM::init_types() {
  Types& T = types_;
  // 1. the four bootstrap types, created raw
  T.type = raw_type(heap_, nullptr);
  T.type->type = T.type;
  T.object = raw_type(heap_, T.type);
  T.str = raw_type(heap_, T.type);
  T.dict = raw_type(heap_, T.type);
  T.tuple = raw_type(heap_, T.type);
  // 2. now names can be interned and dicts allocated
  finish_type(*this, T.object, "object", nullptr, Kind::Instance, kTypeBaseType);
  finish_type(*this, T.type, "type", T.object, Kind::Type, kTypeBaseType | kTypeHasDict);
  finish_type(*this, T.str, "str", T.object, Kind::Str, kTypeBaseType);
  finish_type(*this, T.dict, "dict", T.object, Kind::Dict, kTypeBaseType);
  finish_type(*this, T.tuple, "tuple", T.object, Kind::Tuple, kTypeBaseType);
  empty_tuple_ = nullptr;
  empty_tuple_ = new_tuple(0);
#define NAME(field, text) names_.field = intern(text);
#include "vm/names.def"
#undef NAME
  // 3. everything else
  auto mk = [&](std::string_view n, Type* base, Kind k, uint32_t f = 0) {
    return make_builtin_type(*this, n, base, k, f);
  };
  T.none_type = mk("NoneType", T.object, Kind::Singleton);
  T.not_implemented_type = mk("NotImplementedType", T.object, Kind::Singleton);
  T.ellipsis_type = mk("ellipsis", T.object, Kind::Singleton);
  T.int_ = mk("int", T.object, Kind::BigInt, kTypeBaseType);
  T.bool_ = mk("bool", T.int_, Kind::BigInt);
  T.float_ = mk("float", T.object, Kind::Other);
  T.complex = mk("complex", T.object, Kind::Complex, kTypeBaseType);
  T.bytes = mk("bytes", T.object, Kind::Other, kTypeBaseType);
  T.list = mk("list", T.object, Kind::List, kTypeBaseType);
  T.set = mk("set", T.object, Kind::Set, kTypeBaseType);
  T.frozenset = mk("frozenset", T.object, Kind::FrozenSet, kTypeBaseType);
  T.range = mk("range", T.object, Kind::Range);
  T.slice = mk("slice", T.object, Kind::Slice);
  T.function = mk("function", T.object, Kind::Function, kTypeHasDict);
  T.native_function = mk("builtin_function_or_method", T.object, Kind::NativeFunction);
  T.bound_method = mk("method", T.object, Kind::BoundMethod);
  T.cell = mk("cell", T.object, Kind::Cell);
  T.code = mk("code", T.object, Kind::Proto);
  T.module = mk("module", T.object, Kind::Module, kTypeBaseType | kTypeHasDict);
  T.generator = mk("generator", T.object, Kind::Generator);
  T.staticmethod = mk("staticmethod", T.object, Kind::StaticMethod, kTypeBaseType);
  T.classmethod = mk("classmethod", T.object, Kind::ClassMethod, kTypeBaseType);
  T.property = mk("property", T.object, Kind::Property, kTypeBaseType);
  T.super_ = mk("super", T.object, Kind::Other, kTypeBaseType);
  T.traceback = mk("traceback", T.object, Kind::Other);

  none_obj_ = Value::none();
  not_implemented_ = Value::from_obj(heap_.make<Object>(T.not_implemented_type, Kind::Singleton, 0));
  ellipsis_ = Value::from_obj(heap_.make<Object>(T.ellipsis_type, Kind::Singleton, 0));

  init_object_type(*this);
  init_int_type(*this);
  init_float_type(*this);
  init_complex_type(*this);
  init_str_type(*this);
  init_list_type(*this);
  init_tuple_type(*this);
  init_dict_type(*this);
  init_set_type(*this);
  init_range_type(*this);
  init_func_types(*this);
  init_generator_type(*this);
  init_module_type(*this);
  init_iterator_types(*this);
  // Types were created before their bases' slots were installed: inherit again, bases
  // first (a type keeps the slots it set itself).
  std::vector<Type*> all;
  Type** fields = reinterpret_cast<Type**>(&types_);
  for (size_t i = 0; i < sizeof(Types) / sizeof(Type*); ++i)
    if (fields[i]) all.push_back(fields[i]);
  std::stable_sort(all.begin(), all.end(),
                   [](const Type* a, const Type* b) { return a->mro.size() < b->mro.size(); });
  for (Type* t : all) {
    TypeSlots own = t->slots;
    if (t->base) inherit_slots(t, t->base);
    (void)own;
  }
}

void VM::init_slot_wrappers() {
  Type** fields = reinterpret_cast<Type**>(&types_);
  for (size_t i = 0; i < sizeof(Types) / sizeof(Type*); ++i)
    if (fields[i]) add_slot_wrappers(*this, fields[i]);
  Type** excs = reinterpret_cast<Type**>(&exc_);
  for (size_t i = 0; i < sizeof(ExcTypes) / sizeof(Type*); ++i)
    if (excs[i]) add_slot_wrappers(*this, excs[i]);
}

}  // namespace pyjitvm::vm
