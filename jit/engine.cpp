// jit/engine.cpp — the JIT attached to one VM: hot loops → recorder → backend → traces.
//
// Stage: implements vm::JitHooks (vm/jit_hooks.h). hot_loop() starts a Recorder,
// record() feeds it, a finished recording is compiled (jit/x64_backend) and installed
// by marking the loop instruction kJitTrace; run_trace() calls the machine code and
// turns its ExitInfo into the pc where the interpreter resumes.
//
// Invariants:
//   I1  One Engine per VM; all its state (traces, counters, statistics, the asmjit
//       runtime holding the code) lives here (jit.h I1).
//   I2  Protos that own traces and objects that traces compare against by address are
//       rooted (a list in the VM's "jit.roots" extension slot) for the VM's lifetime,
//       so no address a trace holds can be freed and reused.
//   I3  A loop whose recording aborted kMaxAborts times is blacklisted: its
//       instruction is marked kJitBlacklisted and never counted again.
#include <asmjit/x86.h>

#include <chrono>
#include <cstdio>
#include <memory>
#include <unordered_map>

#include "jit/jit.h"
#include "jit/recorder.h"
#include "jit/x64_backend.h"
#include "vm/list_object.h"
#include "vm/vm.h"

namespace pyjitvm::jit {

namespace {

constexpr int kMaxAborts = 4;
constexpr int kMaxTransientAborts = 64;
constexpr uint64_t kHotExit = 10;      // exits taken before a side trace is recorded
constexpr uint8_t kMaxSideAttempts = 2;

class Engine final : public vm::JitHooks, public TraceLookup {
 public:
  Engine(vm::VM& vm, const Options& o) : vm_(vm), opts_(o) {
    if (o.threshold > 0) {
      threshold_plain = static_cast<uint16_t>(o.threshold);
      threshold_numba = static_cast<uint16_t>(o.threshold);
    }
  }

  bool hot_loop(vm::Frame& f, const vm::Instr* loop_pc) override;
  bool record(vm::Frame& f, const vm::Instr* pc) override;
  void abort_recording(const char* why) override;
  const vm::Instr* run_trace(vm::Frame& f, const vm::Instr* loop_pc) override;
  Trace* trace_at(const vm::Instr* loop_pc) override {
    auto it = traces_.find(loop_pc);
    return it == traces_.end() ? nullptr : it->second.get();
  }
  void print_stats();

 private:
  void finish(RecordStatus st);
  bool start_side(vm::Frame& f, const ExitInfo* e);
  void aborted(const std::string& why, bool transient = false);
  void root_object(vm::Object* o);
  std::string where(const vm::Proto* p, const vm::Instr* pc) const;
  void log(const std::string& line) {
    if (opts_.log) vm_.write_stderr("[jit] " + line + "\n");
  }

  vm::VM& vm_;
  Options opts_;
  asmjit::JitRuntime rt_;
  Intrinsics intrinsics_;
  std::unique_ptr<Recorder> rec_;
  const vm::Instr* rec_loop_ = nullptr;
  vm::Proto* rec_proto_ = nullptr;
  std::unordered_map<const vm::Instr*, std::unique_ptr<Trace>> traces_;
  std::vector<std::unique_ptr<Trace>> side_traces_;
  ExitInfo* rec_exit_ = nullptr;  // the exit a side trace is being recorded from
  std::unordered_map<const vm::Instr*, int> aborts_;
  vm::List* roots_ = nullptr;
  uint32_t next_id_ = 1;
  // statistics
  uint64_t n_aborts_ = 0, n_blacklisted_ = 0, n_entries_ = 0, n_side_aborts_ = 0;
  double compile_ms_ = 0;
};

std::string Engine::where(const vm::Proto* p, const vm::Instr* pc) const {
  size_t idx = static_cast<size_t>(pc - p->code.data());
  std::string file = p->filename ? std::string(p->filename->view()) : "?";
  std::string name = p->name ? std::string(p->name->view()) : "?";
  return file + ":" + std::to_string(p->line_at(idx)) + " (" + name + ")";
}

void Engine::root_object(vm::Object* o) {
  if (!roots_) {
    roots_ = vm_.new_list();
    vm_.set_ext("jit.roots", vm::Value::from_obj(roots_));
  }
  vm::list_append(vm_.heap(), roots_, vm::Value::from_obj(o));
}

bool Engine::hot_loop(vm::Frame& f, const vm::Instr* loop_pc) {
  if (rec_ || !f.proto) return false;
  std::vector<vm::Object*> fresh;
  intrinsics_.refresh(vm_, fresh);
  for (vm::Object* o : fresh) root_object(o);
  auto t = std::make_unique<Trace>();
  t->id = next_id_++;
  t->proto = f.proto;
  t->anchor_pc = static_cast<uint32_t>(loop_pc - f.proto->code.data());
  t->start_pc = static_cast<uint32_t>(f.pc - f.proto->code.data());
  log("trace " + std::to_string(t->id) + " start at " + where(f.proto, loop_pc));
  rec_loop_ = loop_pc;
  rec_proto_ = f.proto;
  rec_ = std::make_unique<Recorder>(vm_, intrinsics_, *this, f, loop_pc, std::move(t));
  return true;
}

bool Engine::record(vm::Frame& f, const vm::Instr* pc) {
  if (!rec_) return false;
  RecordStatus st = rec_->step(f, pc);
  if (st == RecordStatus::Continue) return true;
  finish(st);
  return false;
}

void Engine::abort_recording(const char* why) {
  if (rec_) aborted(why);
}

void Engine::aborted(const std::string& why, bool transient) {
  if (rec_exit_) {
    ++n_side_aborts_;
    log("side trace abort at " + where(rec_proto_, rec_proto_->code.data() + rec_exit_->pc) +
        ": " + why);
    rec_exit_ = nullptr;
    rec_.reset();
    return;
  }
  ++n_aborts_;
  log("abort at " + where(rec_proto_, rec_loop_) + ": " + why);
  int& n = aborts_[rec_loop_];
  n += transient ? 1 : kMaxTransientAborts / kMaxAborts;
  // Backoff with a varying penalty, so that recording does not start at the same
  // iteration of a short loop every time (LuaJIT's penalty cache does the same).
  uint32_t base = rec_proto_->proto_flags & vm::kProtoNumba ? threshold_numba : threshold_plain;
  vm_.set_hot_count(rec_loop_, static_cast<uint16_t>(base + 1 + (n * 7 + n_aborts_ * 3) % 29));
  if (n >= kMaxTransientAborts) {
    vm::set_jit_state(*const_cast<vm::Instr*>(rec_loop_), vm::kJitBlacklisted);
    ++n_blacklisted_;
    log("blacklisted the loop at " + where(rec_proto_, rec_loop_));
  }
  rec_.reset();
}

void Engine::finish(RecordStatus st) {
  if (st == RecordStatus::Abort) return aborted(rec_->abort_reason(), rec_->transient_abort());
  std::unique_ptr<Trace> t = rec_->take_trace();
  auto t0 = std::chrono::steady_clock::now();
  std::string error;
  bool ok = compile_trace(rt_, *t, vm_.interrupt_flag(), opts_.dump, error);
  compile_ms_ += std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t0)
                     .count();
  if (!ok) return aborted("machine code generation failed: " + error);
  log("trace " + std::to_string(t->id) + " stop: " + std::to_string(t->ir.size() - 1) +
      " IR instructions, " + std::to_string(t->ir.snaps.size()) + " snapshots, " +
      std::to_string(t->code_size) + " bytes");
  if (opts_.dump) {
    std::string text = "---- trace " + std::to_string(t->id) + (t->side ? " (side)" : "") +
                       " IR (" + where(t->proto, rec_loop_) + ")\n" + dump_ir(t->ir);
    if (opts_.dump_asm)
      text += "---- trace " + std::to_string(t->id) + " machine code\n" + t->asm_text;
    vm_.write_stderr(text);
  }
  root_object(t->proto);
  if (rec_exit_) {
    rec_exit_->side = t.get();
    rec_exit_ = nullptr;
    side_traces_.push_back(std::move(t));
  } else {
    vm::set_jit_state(*const_cast<vm::Instr*>(rec_loop_), vm::kJitTrace);
    traces_[rec_loop_] = std::move(t);
  }
  rec_.reset();
}

// A hot exit of a loop's trace: record the path from its pc back to the loop.
bool Engine::start_side(vm::Frame& f, const ExitInfo* e) {
  const Trace* root = e->trace->root;
  bool in_body = e->pc >= root->start_pc &&
                 (root->proto->code[root->anchor_pc].op == vm::Op::LOOP || e->pc <= root->anchor_pc);
  auto* ex = const_cast<ExitInfo*>(e);
  ++ex->side_attempts;
  if (!in_body || f.proto != root->proto) return false;
  std::vector<vm::Object*> fresh;
  intrinsics_.refresh(vm_, fresh);
  for (vm::Object* o : fresh) root_object(o);
  auto t = std::make_unique<Trace>();
  t->id = next_id_++;
  t->side = true;
  t->root = const_cast<Trace*>(root);
  t->proto = f.proto;
  t->anchor_pc = root->anchor_pc;
  t->start_pc = e->pc;
  rec_loop_ = f.proto->code.data() + root->anchor_pc;
  rec_proto_ = f.proto;
  rec_exit_ = ex;
  log("trace " + std::to_string(t->id) + " start (side trace of trace " +
      std::to_string(e->trace->id) + ") at " + where(f.proto, f.proto->code.data() + e->pc));
  rec_ = std::make_unique<Recorder>(vm_, intrinsics_, *this, f, rec_loop_, std::move(t));
  return true;
}

const vm::Instr* Engine::run_trace(vm::Frame& f, const vm::Instr* loop_pc) {
  Trace* t = trace_at(loop_pc);
  const vm::Instr* code = f.proto->code.data();
  if (!t) return f.pc;
  ++n_entries_;
  const ExitInfo* e = run_trace_loop(t, f.base);
  for (const TupleRestore& tr : e->tuples) {
    vm::Tuple* tup = vm_.new_tuple(tr.tags.size());
    for (size_t k = 0; k < tr.tags.size(); ++k) {
      vm::Value v;
      v.u.i = static_cast<int64_t>(e->trace->scratch[tr.offset + k]);
      v.tag = tr.tags[k];
      (*tup)[k] = v;
    }
    f.base[tr.slot] = vm::Value::from_obj(tup);
  }
  if (e->count >= kHotExit && !e->side && !rec_ && e->side_attempts < kMaxSideAttempts &&
      start_side(f, e))
    recording_requested = true;
  return code + e->pc;
}

void Engine::print_stats() {
  if (!opts_.stats) return;
  uint64_t exits = 0;
  for (auto& [pc, t] : traces_)
    for (const ExitInfo& e : t->exits) exits += e.count;
  for (auto& t : side_traces_)
    for (const ExitInfo& e : t->exits) exits += e.count;
  char buf[256];
  std::snprintf(buf, sizeof buf,
                "[jit] traces: %zu, side traces: %zu, aborts: %llu (side: %llu), blacklisted "
                "loops: %llu, trace entries: %llu, exits: %llu, compile time: %.3f ms\n",
                traces_.size(), side_traces_.size(), static_cast<unsigned long long>(n_aborts_),
                static_cast<unsigned long long>(n_side_aborts_),
                static_cast<unsigned long long>(n_blacklisted_),
                static_cast<unsigned long long>(n_entries_),
                static_cast<unsigned long long>(exits), compile_ms_);
  vm_.write_stderr(buf);
}

}  // namespace

void attach(vm::VM& vm, const Options& o) {
  if (!o.enabled) return;
  if (!asmjit::CpuInfo::host().hasFeature(asmjit::CpuFeatures::X86::kAVX2)) return;
  auto e = std::make_unique<Engine>(vm, o);
  vm.set_jit(std::move(e));
}

void print_stats(vm::VM& vm) {
  if (auto* e = dynamic_cast<Engine*>(vm.jit())) e->print_stats();
}

}  // namespace pyjitvm::jit
