// stdlib/numpy/ufunc_fallback.cpp — ufunc calls with operands NumPy would turn into
// string or object arrays (str, None, arbitrary objects), which pyjitvm's numpy has no
// dtype for: NumPy's errors where it raises, element-wise results where they are bool.
//
// Stage: execute() (ufunc_exec.cpp) hands over when an operand is not numeric.
//
// Invariants:
//   I1  A str operand raises what NumPy 1.24 raises for a '<U' array: the uniform
//       resolvers' _UFuncNoLoopError with dtype('<Un'), the comparisons' one with DType
//       classes, the linear resolvers' TypeError.
//   I2  Comparisons with objects (arr == None) are evaluated element by element with
//       Python's comparison on the elements' Python values (NumPy's object loop), giving
//       a bool array or np.bool_.
//   I3  Arithmetic with objects applies the Python operator to the first elements, so
//       the TypeError is Python's ("unsupported operand type(s) for +: 'int' and
//       'NoneType'"); when that succeeds the object array NumPy would build is not
//       supported and NotImplementedError says so.
#include <string>
#include <vector>

#include "stdlib/numpy/broadcast.h"
#include "stdlib/numpy/cast.h"
#include "stdlib/numpy/scalar.h"
#include "stdlib/numpy/ufunc_impl.h"
#include "vm/ops.h"

namespace pyjitvm::stdlib::np {

using namespace pyjitvm::vm;

namespace {

size_t utf8_length(std::string_view s) {
  size_t n = 0;
  for (unsigned char c : s) n += (c & 0xC0) != 0x80;
  return n;
}

std::string legacy_repr(VM& vm, const Operand& op) {
  if (op.is_numeric()) return dtype_repr(op.dtype);
  if (op.kind == OperandKind::Str)
    return "dtype('<U" + std::to_string(utf8_length(as_str(op.obj)->view())) + "')";
  return "dtype('O')";
}

std::string class_repr(const Operand& op) {
  if (op.is_numeric()) {
    std::string n = op.dtype == DType::Bool ? "bool_" : std::string(dtype_name(op.dtype));
    return "<class 'numpy.dtype[" + n + "]'>";
  }
  return op.kind == OperandKind::Str ? "<class 'numpy.dtype[str_]'>"
                                     : "<class 'numpy.dtype[object_]'>";
}

Value string_error(VM& vm, UfuncId id, const Operand* ops) {
  const UfuncDef& def = ufunc_def(id);
  std::string msg =
      std::string("ufunc '") + def.name + "' did not contain a loop with signature matching types ";
  if (def.resolver == Resolver::Uniform && def.nin == 2) {
    msg += "(" + legacy_repr(vm, ops[0]) + ", " + legacy_repr(vm, ops[1]) + ") -> None";
    return raise_ufunc_error(vm, UfuncError::NoLoop, msg);
  }
  if (def.resolver == Resolver::Compare || def.resolver == Resolver::Uniform) {
    msg += def.nin == 1 ? class_repr(ops[0])
                        : "(" + class_repr(ops[0]) + ", " + class_repr(ops[1]) + ")";
    return raise_ufunc_error(vm, UfuncError::NoLoop, msg + " -> None");
  }
  return vm.raise_fmt(
      vm.exc().TypeError,
      "ufunc '%s' not supported for the input types, and the inputs could not be safely "
      "coerced to any supported types according to the casting rule ''safe''",
      def.name);
}

// The Python value of an operand's first element (its object for non-numeric ones).
bool first_value(VM& vm, const Operand& op, Value& out) {
  if (!op.is_numeric()) {
    out = op.obj;
    return true;
  }
  if (op.kind == OperandKind::Scalar) {
    out = element_to_python(vm, op.dtype, op.value);
    return true;
  }
  if (op.arr->size == 0) return false;
  out = element_to_python(vm, op.dtype, op.arr->data);
  return true;
}

bool compare_op(UfuncId id, CmpOp& op) {
  switch (id) {
    case UfuncId::Equal: op = CmpOp::Eq; return true;
    case UfuncId::NotEqual: op = CmpOp::Ne; return true;
    case UfuncId::Less: op = CmpOp::Lt; return true;
    case UfuncId::LessEqual: op = CmpOp::Le; return true;
    case UfuncId::Greater: op = CmpOp::Gt; return true;
    case UfuncId::GreaterEqual: op = CmpOp::Ge; return true;
    default: return false;
  }
}

bool python_binop(UfuncId id, BinOp& op) {
  switch (id) {
    case UfuncId::Add: op = BinOp::Add; return true;
    case UfuncId::Subtract: op = BinOp::Sub; return true;
    case UfuncId::Multiply: op = BinOp::Mul; return true;
    case UfuncId::TrueDivide: op = BinOp::TrueDiv; return true;
    case UfuncId::FloorDivide: op = BinOp::FloorDiv; return true;
    case UfuncId::Remainder: op = BinOp::Mod; return true;
    case UfuncId::Power: op = BinOp::Pow; return true;
    case UfuncId::LeftShift: op = BinOp::LShift; return true;
    case UfuncId::RightShift: op = BinOp::RShift; return true;
    case UfuncId::BitwiseAnd: op = BinOp::And; return true;
    case UfuncId::BitwiseOr: op = BinOp::Or; return true;
    case UfuncId::BitwiseXor: op = BinOp::Xor; return true;
    default: return false;
  }
}

// I2: element-wise Python comparison into a bool array.
Value compare_elements(VM& vm, UfuncId id, CmpOp cop, const Operand* ops, const CallOptions& opt) {
  std::vector<std::span<const int64_t>> shapes;
  for (int i = 0; i < 2; ++i)
    shapes.push_back(ops[i].is_array() ? shape_of(ops[i].arr) : std::span<const int64_t>());
  std::vector<int64_t> shape;
  if (!broadcast_shapes(shapes, shape)) {
    std::string msg = "operands could not be broadcast together with shapes ";
    for (auto s : shapes) msg += shape_str_compact(s) + " ";
    return vm.raise(vm.exc().ValueError, msg);
  }
  NDArray* out = new_array(vm, DType::Bool, shape);
  if (!out) return Value();
  VM::TempRoot keep(vm, out);
  int64_t st[2][kMaxDims] = {};
  for (int i = 0; i < 2; ++i)
    if (ops[i].is_array()) broadcast_strides(ops[i].arr, shape, st[i]);
  // Walk the output in C order with an index vector (element counts are small here:
  // every element runs Python code).
  std::vector<int64_t> idx(shape.size(), 0);
  for (int64_t k = 0; k < out->size; ++k) {
    Value v[2];
    for (int i = 0; i < 2; ++i) {
      const Operand& op = ops[i];
      if (!op.is_numeric()) {
        v[i] = op.obj;
      } else if (op.kind == OperandKind::Scalar) {
        v[i] = element_to_python(vm, op.dtype, op.value);
      } else {
        const char* p = op.arr->data;
        for (size_t d = 0; d < shape.size(); ++d) p += idx[d] * st[i][d];
        v[i] = element_to_python(vm, op.dtype, p);
      }
    }
    VM::TempRoot r0(vm, v[0]);
    VM::TempRoot r1(vm, v[1]);
    int t = compare_bool(vm, v[0], v[1], cop);
    if (t < 0) return Value();
    out->data[k] = t ? 1 : 0;
    for (size_t d = shape.size(); d-- > 0;) {
      if (++idx[d] < shape[d]) break;
      idx[d] = 0;
    }
  }
  if (!opt.out.is_undef()) {
    if (!copy_into(vm, as_ndarray(opt.out), out)) return Value();
    return opt.out;
  }
  if (out->ndim == 0) return box_scalar(vm, DType::Bool, out->data);
  return Value::from_obj(out);
}

Value unsupported_objects(VM& vm, UfuncId id, const Operand* ops, int nin) {
  const Operand& o = ops[0].is_numeric() && nin == 2 ? ops[1] : ops[0];
  return vm.raise_fmt(
      vm.exc().NotImplementedError,
      "ufunc '%s' on an operand of type '%s' needs an object array, which pyjitvm's "
      "numpy does not support",
      ufunc_def(id).name, type_name(vm, o.obj));
}

}  // namespace

Value object_operands(VM& vm, UfuncId id, Operand* ops, const CallOptions& opt) {
  const UfuncDef& def = ufunc_def(id);
  const int nin = def.nin;
  for (int i = 0; i < nin; ++i)
    if (ops[i].kind == OperandKind::Str) return string_error(vm, id, ops);
  CmpOp cop;
  if (compare_op(id, cop)) return compare_elements(vm, id, cop, ops, opt);
  Value v[2];
  for (int i = 0; i < nin; ++i)
    if (!first_value(vm, ops[i], v[i])) return unsupported_objects(vm, id, ops, nin);
  VM::TempRoot r0(vm, v[0]);
  VM::TempRoot r1(vm, nin == 2 ? v[1] : Value::none());
  BinOp bop;
  Value r;
  if (nin == 2 && python_binop(id, bop)) {
    r = binary_op(vm, bop, v[0], v[1]);
  } else if (id == UfuncId::Negative) {
    r = unary_op(vm, UnOp::Neg, v[0]);
  } else if (id == UfuncId::Positive) {
    r = unary_op(vm, UnOp::Pos, v[0]);
  } else if (id == UfuncId::Invert) {
    r = unary_op(vm, UnOp::Invert, v[0]);
  } else if (id == UfuncId::Absolute) {
    Value absf = getattr(vm, Value::from_obj(vm.builtins()), vm.intern("abs"));
    if (failed(absf)) return absf;
    r = vm.call(absf, {v[0]});
  } else {
    return vm.raise_fmt(
        vm.exc().TypeError,
        "loop of ufunc does not support argument 0 of type %s which has no callable %s method",
        type_name(vm, v[0]), def.name);
  }
  if (failed(r)) return r;
  return unsupported_objects(vm, id, ops, nin);
}

}  // namespace pyjitvm::stdlib::np
