// jit/recorder.h — records one iteration of a hot loop into typed IR with guards.
//
// Stage: the interpreter runs the loop body in recording mode and calls step() before
// each instruction with the live frame; step() emits IR specialised to the values it
// sees (types, array dtypes, branch directions) and a guard for every assumption.
// When control is back at the loop instruction the iteration is closed (Done) and the
// trace goes to jit/loop_opt + jit/x64_backend; anything a trace cannot hold aborts.
//
// Invariants:
//   I1  The recorder never changes interpreter state: it only reads the frame.
//   I2  slots_[s] is the Ref of the value register s holds now; 0 means "still the
//       value in the frame" (loaded on first use: SLOAD before any CALLTRACE of this
//       iteration, RLOAD after). dirty_[s] marks registers written by the trace
//       since the last flush; snapshots list exactly the dirty registers.
//   I3  Every guard's snapshot resumes the interpreter at an instruction boundary
//       whose interpreter state is exactly the dirty registers plus the frame.
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <unordered_map>
#include <vector>

#include "jit/intrinsics.h"
#include "jit/ir_builder.h"
#include "jit/trace.h"
#include "vm/vm.h"

namespace pyjitvm::stdlib::np {
struct NDArray;
}

namespace pyjitvm::jit {

enum class RecordStatus { Continue, Done, Abort };

// Looks up the compiled trace of an inner loop (nullptr when it has none).
class TraceLookup {
 public:
  virtual ~TraceLookup() = default;
  virtual Trace* trace_at(const vm::Instr* loop_pc) = 0;
};

class Recorder {
 public:
  // Records a root trace (trace->side false: one iteration from the loop body's start
  // back to loop_pc) or a side trace (from a hot exit's pc to loop_pc, where it ends by
  // going back to trace->root).
  Recorder(vm::VM& vm, const Intrinsics& intrinsics, TraceLookup& traces, vm::Frame& f,
           const vm::Instr* loop_pc, std::unique_ptr<Trace> trace);
  RecordStatus step(vm::Frame& f, const vm::Instr* pc);
  const std::string& abort_reason() const { return reason_; }
  // The abort depended on the moment recording started (the loop ended, an inner
  // loop is about to be compiled): worth retrying more often than other aborts.
  bool transient_abort() const { return transient_; }
  std::unique_ptr<Trace> take_trace() { return std::move(trace_); }

 private:
  // ---- state and snapshots (recorder.cpp)
  Ref get(uint32_t slot);
  void set(uint32_t slot, Ref r);
  int32_t snapshot(uint32_t pc);
  int32_t snap_here() { return snapshot(pc_index_); }
  Ref guard(IrOp op, IrType t, Ref a = 0, Ref b = 0, int64_t k = 0, uint8_t aux = 0) {
    return b_.guard(op, t, snap_here(), a, b, k, aux);
  }
  Ref specialize(Ref r, vm::Object* o);
  RecordStatus abort(std::string why);
  uint32_t first_temp() const {
    return proto_->nlocals + static_cast<uint32_t>(proto_->freenames.size());
  }
  RecordStatus close_loop();
  RecordStatus dispatch(const vm::Instr& ins);

  // ---- control flow (recorder.cpp)
  RecordStatus truth_branch(Ref v, const vm::Value& value, bool jump_if_true);
  RecordStatus compare_branch(const vm::Instr& ins, vm::Op cmp);
  RecordStatus forprep(const vm::Instr& ins);
  RecordStatus forloop(const vm::Instr& ins, bool anchor);
  RecordStatus inner_loop(const vm::Instr& ins, Trace* inner);
  RecordStatus call_trace(Trace* inner);

  // ---- arithmetic (record_arith.cpp)
  Ref arith(vm::Op op, Ref a, Ref b, const vm::Value& va, const vm::Value& vb);
  Ref int_arith(vm::Op op, Ref a, Ref b, const vm::Value& va, const vm::Value& vb);
  Ref compare(vm::Op op, Ref a, Ref b, const vm::Value& va, const vm::Value& vb);
  Ref to_float(Ref r);
  Ref unary(vm::Op op, Ref a, const vm::Value& va);

  // ---- globals, attributes, calls, indexing (record_access.cpp)
  Ref load_global(const vm::Instr& ins);
  bool store_global(const vm::Instr& ins, Ref val);
  Ref load_dict_entry(vm::Dict* d, uint32_t version, int32_t index, Ref version_guard_extra);
  Ref load_module_attr(Ref obj, const vm::Value& v, const vm::InlineCache& c);
  Ref call(Ref callee, const vm::Value& fn, const vm::Value* args, const Ref* arg_refs,
           uint32_t argc);
  Ref call_intrinsic(Intrinsic k, const vm::Value* args, const Ref* refs, uint32_t argc);
  Ref call_intrinsic_impl(Intrinsic k, const vm::Value* args, const Ref* refs, uint32_t argc);
  Ref getitem(Ref obj, Ref key, const vm::Value& vo, const vm::Value& vk);
  bool setitem(Ref obj, Ref key, Ref val, const vm::Value& vo, const vm::Value& vk,
               const vm::Value& vv);
  bool array_index(Ref key, const vm::Value& vk, const stdlib::np::NDArray* a,
                   std::vector<int64_t>& out);
  Ref array_element(Ref arr, Ref key, const stdlib::np::NDArray* a,
                    const std::vector<int64_t>& idx_values);
  Ref bounded_index(Ref idx, Ref len, bool negative);
  Ref sequence_item(Ref obj, Ref key, vm::Object* o, int64_t& i);
  Ref store_value(Mem mem, Ref v, const vm::Value& vv);
  Ref store_value_impl(Mem mem, Ref v, const vm::Value& vv);

  vm::VM& vm_;
  const Intrinsics& intr_;
  TraceLookup& traces_;
  std::unique_ptr<Trace> trace_;
  IR& ir_;
  IrBuilder b_;
  vm::Frame* frame_;
  vm::Value* base_;
  vm::Proto* proto_;
  const vm::Instr* code_;
  const vm::Instr* loop_pc_;
  uint32_t pc_index_ = 0;          // instruction being recorded
  std::vector<Ref> slots_;         // I2
  std::vector<bool> dirty_;        // I2
  std::vector<Ref> entry_load_;    // SLOAD of each slot (type-stability check)
  std::vector<bool> read_first_;   // read before any write in the iteration
  std::vector<IrType> written_type_;  // last type written to each slot (stability)
  std::vector<int64_t> written_ptype_;
  std::unordered_map<Ref, std::vector<vm::Value>> tuple_values_;  // observed VTUPLE items
  bool after_call_ = false;
  int32_t pending_call_ = -1;      // Ref of a CALLTRACE whose resume pc is learnt next
  size_t steps_ = 0;
  bool numba_ = false;             // kProtoNumba frame
  std::string reason_;
  bool transient_ = false;
  std::string ab_err_;             // reason set by helpers returning 0
};

}  // namespace pyjitvm::jit
