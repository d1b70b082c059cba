// stdlib/numba/typed.cpp — numba.typed.Dict / numba.typed.List and the typed value
// cast they share with jitclass (numba._cast).
//
// Stage: install_typed() defines numba._cast (native) and runs kTypedSource, a small
// Python module, into numba.typed. Dict and List wrap a Python dict / list and convert
// every stored key and value to their declared Numba types.
//
// Invariants:
//   I1  _cast(value, numba_type) returns the value as njit code would hold it after an
//       implicit conversion (int → float64 gives a float, float → int64 truncates), and
//       raises TypingError "cannot safely cast X to Y. Please cast explicitly." when
//       Numba has no conversion (str → float64, int → unicode_type, an array of another
//       dtype or dimension).
//   I2  An untyped container (typed.List() / Dict() without types) takes the types of
//       the first item stored, as Numba's reflected typing does.
//   I3  Containers carry `_numba_type_`, so typeof() and njit dispatch see ListType /
//       DictType (nbtypes.h I3).
#include "stdlib/numba/numba_internal.h"
#include "vm/dict_object.h"
#include "vm/native.h"
#include "vm/ops.h"
#include "vm/str_object.h"

namespace pyjitvm::stdlib::nb {

using namespace pyjitvm::vm;

namespace {

Value f_cast(VM& vm, const CallArgs& a) {
  if (a.argc != 2 || !is_nbtype(vm, a[1])) return vm.raise(vm.exc().TypeError, "_cast(value, numba_type)");
  NbType* to = as_nbtype(a[1]);
  NbType* from;
  if (!typeof_value(vm, a[0], from)) return Value();
  if (conversion(from, to) == Conv::None)
    return vm.raise_fmt(numba_state(vm).typing_error, "cannot safely cast %s to %s. Please cast explicitly.",
                        from->name->data(), to->name->data());
  Value v;
  if (!convert_arg(vm, a[0], to, v)) return Value();
  VM::TempRoot keep(vm, v);
  Value out;
  if (!box_result(vm, v, nullptr, out)) return Value();
  return out;
}

// Python part (I2, I3). `_nb` is the numba module and `_types` numba.types (set
// before the source runs: numba is not importable while it is being built).
constexpr const char* kTypedSource = R"PY(
def _type_of(v):
    return _nb.typeof(v)


class Dict:
    def __init__(self, *args, **kwargs):
        self._d = {}
        self._kt = None
        self._vt = None
        if args or kwargs:
            for k, v in dict(*args, **kwargs).items():
                self[k] = v

    @staticmethod
    def empty(key_type, value_type, n_keys=0):
        d = Dict()
        d._kt = key_type
        d._vt = value_type
        return d

    @property
    def _numba_type_(self):
        if self._kt is None:
            raise TypeError("cannot type an empty typed.Dict without key and value types")
        return _types.DictType(self._kt, self._vt)

    def __setitem__(self, key, value):
        if self._kt is None:
            self._kt = _type_of(key)
            self._vt = _type_of(value)
        self._d[_nb._cast(key, self._kt)] = _nb._cast(value, self._vt)

    def __getitem__(self, key):
        return self._d[_nb._cast(key, self._kt) if self._kt is not None else key]

    def __delitem__(self, key):
        del self._d[key]

    def __contains__(self, key):
        return key in self._d

    def __len__(self):
        return len(self._d)

    def __iter__(self):
        return iter(self._d)

    def __eq__(self, other):
        if isinstance(other, Dict):
            return self._d == other._d
        return self._d == other

    def keys(self):
        return self._d.keys()

    def values(self):
        return self._d.values()

    def items(self):
        return self._d.items()

    def get(self, key, default=None):
        return self._d.get(key, default)

    def pop(self, key, *default):
        return self._d.pop(key, *default)

    def setdefault(self, key, default=None):
        if key not in self._d:
            self[key] = default
        return self._d[key]

    def update(self, other):
        for k, v in other.items():
            self[k] = v

    def clear(self):
        self._d.clear()

    def copy(self):
        d = Dict.empty(self._kt, self._vt)
        d._d = dict(self._d)
        return d

    def popitem(self):
        return self._d.popitem()

    def __repr__(self):
        return "{" + ", ".join(f"{k}: {v!r}" for k, v in self._d.items()) + "}"

    __str__ = __repr__


class List:
    def __init__(self, iterable=None):
        self._l = []
        self._t = None
        if iterable is not None:
            for v in iterable:
                self.append(v)

    @staticmethod
    def empty_list(item_type, allocated=0):
        l = List()
        l._t = item_type
        return l

    @property
    def _numba_type_(self):
        if self._t is None:
            raise TypeError("cannot type an empty typed.List without an item type")
        return _types.ListType(self._t)

    def _conv(self, v):
        if self._t is None:
            self._t = _type_of(v)
        return _nb._cast(v, self._t)

    def append(self, v):
        self._l.append(self._conv(v))

    def extend(self, items):
        for v in items:
            self.append(v)

    def insert(self, i, v):
        self._l.insert(i, self._conv(v))

    def pop(self, *i):
        return self._l.pop(*i)

    def remove(self, v):
        self._l.remove(v)

    def index(self, v, *args):
        return self._l.index(v, *args)

    def count(self, v):
        return self._l.count(v)

    def reverse(self):
        self._l.reverse()

    def sort(self, key=None, reverse=False):
        self._l.sort(key=key, reverse=reverse)

    def copy(self):
        l = List.empty_list(self._t)
        l._l = list(self._l)
        return l

    def clear(self):
        self._l.clear()

    def __getitem__(self, i):
        if isinstance(i, slice):
            l = List.empty_list(self._t)
            l._l = self._l[i]
            return l
        return self._l[i]

    def __setitem__(self, i, v):
        self._l[i] = self._conv(v)

    def __delitem__(self, i):
        del self._l[i]

    def __len__(self):
        return len(self._l)

    def __iter__(self):
        return iter(self._l)

    def __contains__(self, v):
        return v in self._l

    def __eq__(self, other):
        if isinstance(other, List):
            return self._l == other._l
        return self._l == other

    def __repr__(self):
        return "[" + ", ".join(repr(v) for v in self._l) + "]"

    __str__ = __repr__
)PY";

}  // namespace

bool install_typed(VM& vm, NumbaState& st) {
  static const MethodDef kFns[] = {{"_cast", f_cast}};
  add_functions(vm, st.module->dict, kFns);
  Module* typed = new_submodule(vm, st, "typed");
  set_module_attr(vm, typed, "_nb", Value::from_obj(st.module));
  set_module_attr(vm, typed, "_types", dict_get_str(st.module->dict, vm.intern("types")));
  if (!vm.exec_module(kTypedSource, "<numba.typed>", typed)) return false;
  return true;
}

}  // namespace pyjitvm::stdlib::nb
