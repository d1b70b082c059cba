// stdlib/numpy/ufunc_defs.cpp — the table of ufuncs: name, arity, type resolver,
// identity, loops and NumPy's `types` list for each UfuncId.
//
// Stage: ufunc_def(id) is read by type resolution, the engine and the ufunc objects.
//
// Invariants:
//   I1  Names, arity, identities, resolvers and `types` strings are NumPy 1.24's
//       (generate_umath.py assigns SimpleUniform to add/subtract/multiply, the unary sign
//       operations and min/max, the comparison resolver to comparisons and logical
//       and/or/xor; everything else searches its loops linearly).
//   I2  The table is built once (function-local static) and is immutable afterwards.
#include <vector>

#include "stdlib/numpy/ufunc_loops.h"

namespace pyjitvm::stdlib::np {

namespace {

struct Row {
  UfuncId id;
  const char* name;
  uint8_t nin;
  Resolver resolver;
  Identity identity;
  const char* types;
};

using R = Resolver;
using I = Identity;

// clang-format off
const Row kRows[] = {
    {UfuncId::Add, "add", 2, R::Uniform, I::Zero,
     "?\?->? bb->b BB->B hh->h HH->H ii->i II->I ll->l LL->L qq->q QQ->Q ee->e ff->f dd->d gg->g "
     "FF->F DD->D GG->G Mm->M mm->m mM->M OO->O"},
    {UfuncId::Subtract, "subtract", 2, R::Uniform, I::None,
     "bb->b BB->B hh->h HH->H ii->i II->I ll->l LL->L qq->q QQ->Q ee->e ff->f dd->d gg->g FF->F "
     "DD->D GG->G Mm->M mm->m MM->m OO->O"},
    {UfuncId::Multiply, "multiply", 2, R::Uniform, I::One,
     "?\?->? bb->b BB->B hh->h HH->H ii->i II->I ll->l LL->L qq->q QQ->Q ee->e ff->f dd->d gg->g "
     "FF->F DD->D GG->G mq->m qm->m md->m dm->m OO->O"},
    {UfuncId::TrueDivide, "divide", 2, R::TrueDivide, I::None,
     "ee->e ff->f dd->d gg->g FF->F DD->D GG->G mq->m md->m mm->d OO->O"},
    {UfuncId::FloorDivide, "floor_divide", 2, R::Linear, I::None,
     "bb->b BB->B hh->h HH->H ii->i II->I ll->l LL->L qq->q QQ->Q ee->e ff->f dd->d gg->g mq->m "
     "md->m mm->q OO->O"},
    {UfuncId::Remainder, "remainder", 2, R::Linear, I::None,
     "bb->b BB->B hh->h HH->H ii->i II->I ll->l LL->L qq->q QQ->Q ee->e ff->f dd->d gg->g mm->m "
     "OO->O"},
    {UfuncId::Fmod, "fmod", 2, R::Linear, I::None,
     "bb->b BB->B hh->h HH->H ii->i II->I ll->l LL->L qq->q QQ->Q ee->e ff->f dd->d gg->g OO->O"},
    {UfuncId::Power, "power", 2, R::Linear, I::None,
     "bb->b BB->B hh->h HH->H ii->i II->I ll->l LL->L qq->q QQ->Q ee->e ff->f dd->d ee->e ff->f "
     "dd->d gg->g FF->F DD->D GG->G OO->O"},
    {UfuncId::Negative, "negative", 1, R::Uniform, I::None,
     "b->b B->B h->h H->H i->i I->I l->l L->L q->q Q->Q e->e f->f d->d g->g m->m F->F D->D G->G "
     "O->O"},
    {UfuncId::Positive, "positive", 1, R::Uniform, I::None,
     "b->b B->B h->h H->H i->i I->I l->l L->L q->q Q->Q e->e f->f d->d g->g m->m F->F D->D G->G "
     "O->O"},
    {UfuncId::Absolute, "absolute", 1, R::Absolute, I::None,
     "?->? b->b B->B h->h H->H i->i I->I l->l L->L q->q Q->Q e->e f->f d->d g->g m->m F->f D->d "
     "G->g O->O"},
    {UfuncId::Sqrt, "sqrt", 1, R::Linear, I::None,
     "e->e f->f d->d f->f d->d g->g F->F D->D G->G O->O"},
    {UfuncId::Square, "square", 1, R::Linear, I::None,
     "b->b B->B h->h H->H i->i I->I l->l L->L q->q Q->Q e->e f->f d->d g->g F->F D->D G->G O->O"},
    {UfuncId::Reciprocal, "reciprocal", 1, R::Linear, I::None,
     "b->b B->B h->h H->H i->i I->I l->l L->L q->q Q->Q e->e f->f d->d g->g F->F D->D G->G O->O"},
    {UfuncId::Cbrt, "cbrt", 1, R::Linear, I::None, "e->e f->f d->d e->e f->f d->d g->g O->O"},
    {UfuncId::Exp, "exp", 1, R::Linear, I::None,
     "e->e f->f d->d f->f d->d g->g F->F D->D G->G O->O"},
    {UfuncId::Exp2, "exp2", 1, R::Linear, I::None,
     "e->e f->f d->d e->e f->f d->d g->g F->F D->D G->G O->O"},
    {UfuncId::Log, "log", 1, R::Linear, I::None,
     "e->e f->f d->d f->f d->d g->g F->F D->D G->G O->O"},
    {UfuncId::Log2, "log2", 1, R::Linear, I::None,
     "e->e f->f d->d e->e f->f d->d g->g F->F D->D G->G O->O"},
    {UfuncId::Log10, "log10", 1, R::Linear, I::None,
     "e->e f->f d->d e->e f->f d->d g->g F->F D->D G->G O->O"},
    {UfuncId::Expm1, "expm1", 1, R::Linear, I::None,
     "e->e f->f d->d e->e f->f d->d g->g F->F D->D G->G O->O"},
    {UfuncId::Log1p, "log1p", 1, R::Linear, I::None,
     "e->e f->f d->d e->e f->f d->d g->g F->F D->D G->G O->O"},
    {UfuncId::Sin, "sin", 1, R::Linear, I::None, "e->e f->f d->d g->g F->F D->D G->G O->O"},
    {UfuncId::Cos, "cos", 1, R::Linear, I::None, "e->e f->f d->d g->g F->F D->D G->G O->O"},
    {UfuncId::Tan, "tan", 1, R::Linear, I::None,
     "e->e f->f d->d e->e f->f d->d g->g F->F D->D G->G O->O"},
    {UfuncId::Arcsin, "arcsin", 1, R::Linear, I::None,
     "e->e f->f d->d e->e f->f d->d g->g F->F D->D G->G O->O"},
    {UfuncId::Arccos, "arccos", 1, R::Linear, I::None,
     "e->e f->f d->d e->e f->f d->d g->g F->F D->D G->G O->O"},
    {UfuncId::Arctan, "arctan", 1, R::Linear, I::None,
     "e->e f->f d->d e->e f->f d->d g->g F->F D->D G->G O->O"},
    {UfuncId::Arctan2, "arctan2", 2, R::Linear, I::None, "ee->e ff->f dd->d gg->g OO->O"},
    {UfuncId::Sinh, "sinh", 1, R::Linear, I::None,
     "e->e f->f d->d e->e f->f d->d g->g F->F D->D G->G O->O"},
    {UfuncId::Cosh, "cosh", 1, R::Linear, I::None,
     "e->e f->f d->d e->e f->f d->d g->g F->F D->D G->G O->O"},
    {UfuncId::Tanh, "tanh", 1, R::Linear, I::None,
     "e->e f->f d->d e->e f->f d->d g->g F->F D->D G->G O->O"},
    {UfuncId::Arcsinh, "arcsinh", 1, R::Linear, I::None,
     "e->e f->f d->d e->e f->f d->d g->g F->F D->D G->G O->O"},
    {UfuncId::Arccosh, "arccosh", 1, R::Linear, I::None,
     "e->e f->f d->d e->e f->f d->d g->g F->F D->D G->G O->O"},
    {UfuncId::Arctanh, "arctanh", 1, R::Linear, I::None,
     "e->e f->f d->d e->e f->f d->d g->g F->F D->D G->G O->O"},
    {UfuncId::Hypot, "hypot", 2, R::Linear, I::Zero, "ee->e ff->f dd->d gg->g OO->O"},
    {UfuncId::Floor, "floor", 1, R::Linear, I::None, "e->e f->f d->d f->f d->d g->g O->O"},
    {UfuncId::Ceil, "ceil", 1, R::Linear, I::None, "e->e f->f d->d f->f d->d g->g O->O"},
    {UfuncId::Trunc, "trunc", 1, R::Linear, I::None, "e->e f->f d->d f->f d->d g->g O->O"},
    {UfuncId::Rint, "rint", 1, R::Linear, I::None,
     "e->e f->f d->d f->f d->d g->g F->F D->D G->G O->O"},
    {UfuncId::Sign, "sign", 1, R::Uniform, I::None,
     "b->b B->B h->h H->H i->i I->I l->l L->L q->q Q->Q e->e f->f d->d g->g F->F D->D G->G m->m "
     "O->O"},
    {UfuncId::Minimum, "minimum", 2, R::Uniform, I::None,
     "?\?->? bb->b BB->B hh->h HH->H ii->i II->I ll->l LL->L qq->q QQ->Q ee->e ff->f dd->d gg->g "
     "FF->F DD->D GG->G mm->m MM->M OO->O"},
    {UfuncId::Maximum, "maximum", 2, R::Uniform, I::None,
     "?\?->? bb->b BB->B hh->h HH->H ii->i II->I ll->l LL->L qq->q QQ->Q ee->e ff->f dd->d gg->g "
     "FF->F DD->D GG->G mm->m MM->M OO->O"},
    {UfuncId::Fmin, "fmin", 2, R::Uniform, I::None,
     "?\?->? bb->b BB->B hh->h HH->H ii->i II->I ll->l LL->L qq->q QQ->Q ee->e ff->f dd->d gg->g "
     "FF->F DD->D GG->G mm->m MM->M OO->O"},
    {UfuncId::Fmax, "fmax", 2, R::Uniform, I::None,
     "?\?->? bb->b BB->B hh->h HH->H ii->i II->I ll->l LL->L qq->q QQ->Q ee->e ff->f dd->d gg->g "
     "FF->F DD->D GG->G mm->m MM->M OO->O"},
    {UfuncId::Isnan, "isnan", 1, R::Linear, I::None,
     "?->? b->? B->? h->? H->? i->? I->? l->? L->? q->? Q->? e->? f->? d->? g->? F->? D->? G->? "
     "m->? M->?"},
    {UfuncId::Isinf, "isinf", 1, R::Linear, I::None,
     "?->? b->? B->? h->? H->? i->? I->? l->? L->? q->? Q->? e->? f->? d->? g->? F->? D->? G->? "
     "m->? M->?"},
    {UfuncId::Isfinite, "isfinite", 1, R::Linear, I::None,
     "?->? b->? B->? h->? H->? i->? I->? l->? L->? q->? Q->? e->? f->? d->? g->? F->? D->? G->? "
     "m->? M->?"},
    {UfuncId::Signbit, "signbit", 1, R::Linear, I::None, "e->? f->? d->? g->?"},
    {UfuncId::Copysign, "copysign", 2, R::Linear, I::None, "ee->e ff->f dd->d gg->g"},
    {UfuncId::Radians, "radians", 1, R::Linear, I::None, "e->e f->f d->d g->g O->O"},
    {UfuncId::Degrees, "degrees", 1, R::Linear, I::None, "e->e f->f d->d g->g O->O"},
    {UfuncId::Deg2rad, "deg2rad", 1, R::Linear, I::None, "e->e f->f d->d g->g O->O"},
    {UfuncId::Rad2deg, "rad2deg", 1, R::Linear, I::None, "e->e f->f d->d g->g O->O"},
    {UfuncId::Conjugate, "conjugate", 1, R::Linear, I::None,
     "b->b B->B h->h H->H i->i I->I l->l L->L q->q Q->Q e->e f->f d->d g->g F->F D->D G->G O->O"},
    {UfuncId::Equal, "equal", 2, R::Compare, I::None, nullptr},
    {UfuncId::NotEqual, "not_equal", 2, R::Compare, I::None, nullptr},
    {UfuncId::Less, "less", 2, R::Compare, I::None, nullptr},
    {UfuncId::LessEqual, "less_equal", 2, R::Compare, I::None, nullptr},
    {UfuncId::Greater, "greater", 2, R::Compare, I::None, nullptr},
    {UfuncId::GreaterEqual, "greater_equal", 2, R::Compare, I::None, nullptr},
    {UfuncId::LogicalAnd, "logical_and", 2, R::Compare, I::True, nullptr},
    {UfuncId::LogicalOr, "logical_or", 2, R::Compare, I::False, nullptr},
    {UfuncId::LogicalXor, "logical_xor", 2, R::Compare, I::False, nullptr},
    {UfuncId::LogicalNot, "logical_not", 1, R::Linear, I::None,
     "?->? b->? B->? h->? H->? i->? I->? l->? L->? q->? Q->? e->? f->? d->? g->? F->? D->? G->? "
     "O->O"},
    {UfuncId::BitwiseAnd, "bitwise_and", 2, R::Linear, I::MinusOne,
     "?\?->? bb->b BB->B hh->h HH->H ii->i II->I ll->l LL->L qq->q QQ->Q OO->O"},
    {UfuncId::BitwiseOr, "bitwise_or", 2, R::Linear, I::Zero,
     "?\?->? bb->b BB->B hh->h HH->H ii->i II->I ll->l LL->L qq->q QQ->Q OO->O"},
    {UfuncId::BitwiseXor, "bitwise_xor", 2, R::Linear, I::Zero,
     "?\?->? bb->b BB->B hh->h HH->H ii->i II->I ll->l LL->L qq->q QQ->Q OO->O"},
    {UfuncId::Invert, "invert", 1, R::Linear, I::None,
     "?->? b->b B->B h->h H->H i->i I->I l->l L->L q->q Q->Q O->O"},
    {UfuncId::LeftShift, "left_shift", 2, R::Linear, I::None,
     "bb->b BB->B hh->h HH->H ii->i II->I ll->l LL->L qq->q QQ->Q OO->O"},
    {UfuncId::RightShift, "right_shift", 2, R::Linear, I::None,
     "bb->b BB->B hh->h HH->H ii->i II->I ll->l LL->L qq->q QQ->Q OO->O"},
};
// clang-format on
static_assert(sizeof(kRows) / sizeof(kRows[0]) == kNumUfuncs);

// The comparison ufuncs share one `types` list.
constexpr const char* kCompareTypes =
    "?\?->? bb->? BB->? hh->? HH->? ii->? II->? ll->? LL->? qq->? QQ->? ee->? ff->? dd->? gg->? "
    "FF->? DD->? GG->? OO->? mm->? MM->? OO->O OO->?";
constexpr const char* kLogicalTypes =
    "?\?->? bb->? BB->? hh->? HH->? ii->? II->? ll->? LL->? qq->? QQ->? ee->? ff->? dd->? gg->? "
    "FF->? DD->? GG->? OO->O";

struct Table {
  UfuncDef defs[kNumUfuncs];
  std::vector<LoopDef> power;  // integer loops then float/complex ones
  Table() {
    auto ints = loops::arith_loops(UfuncId::Power);
    auto flts = loops::math_loops(UfuncId::Power);
    power.assign(ints.begin(), ints.end());
    power.insert(power.end(), flts.begin(), flts.end());
    for (const Row& r : kRows) {
      UfuncDef& d = defs[static_cast<int>(r.id)];
      d.name = r.name;
      d.nin = r.nin;
      d.resolver = r.resolver;
      d.identity = r.identity;
      d.types = r.types;
      if (!d.types) {
        const bool logical = r.id == UfuncId::LogicalAnd || r.id == UfuncId::LogicalOr ||
                             r.id == UfuncId::LogicalXor;
        d.types = logical ? kLogicalTypes : kCompareTypes;
      }
      if (r.id == UfuncId::Power) {
        d.loops = power;
      } else {
        auto a = loops::arith_loops(r.id);
        d.loops = a.empty() ? loops::math_loops(r.id) : a;
      }
    }
  }
};

}  // namespace

const UfuncDef& ufunc_def(UfuncId id) {
  static const Table table;  // I2
  return table.defs[static_cast<int>(id)];
}

}  // namespace pyjitvm::stdlib::np
