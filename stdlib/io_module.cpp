// stdlib/io_module.cpp — text files: open() and the objects behind sys.stdout,
// sys.stderr and sys.stdin.
//
// Stage: install_io() binds builtins.open; make_std_stream() gives sys its streams.
//
// Invariants:
//   I1  stdout/stderr writes go through the VM's buffered writers (vm.write_stdout /
//       write_stderr), so print() and sys.stdout.write() interleave correctly.
//   I2  A closed file raises ValueError("I/O operation on closed file.") on use; files
//       are closed by close(), by `with`, or when collected (finalizer).
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <string>

#include <unistd.h>

#include "stdlib/stdlib.h"
#include "vm/builtin_types.h"
#include "vm/native.h"
#include "vm/ops.h"

namespace pyjitvm::stdlib {

using namespace pyjitvm::vm;

namespace {

enum class Stream : uint8_t { File, Stdout, Stderr, Stdin };

struct TextFile : Object {
  std::FILE* fp = nullptr;
  Stream stream = Stream::File;
  bool closed = false;
  bool readable = false;
  bool writable = false;
  Str* name = nullptr;
  Str* mode = nullptr;
};

TextFile* tf(Value v) { return static_cast<TextFile*>(v.as_obj()); }

void tf_trace(Object* o, GcTracer& t) {
  t.mark(static_cast<TextFile*>(o)->name);
  t.mark(static_cast<TextFile*>(o)->mode);
}

void tf_finalize(Object* o, Heap&) {
  TextFile* f = static_cast<TextFile*>(o);
  if (f->fp && f->stream == Stream::File && !f->closed) std::fclose(f->fp);
  f->fp = nullptr;
}

Type* file_type(VM& vm) { return as_type(vm.get_ext("io.TextIOWrapper")); }

bool check_open(VM& vm, TextFile* f) {
  if (f->closed) {
    vm.raise(vm.exc().ValueError, "I/O operation on closed file.");
    return false;
  }
  return true;
}

Value unsupported(VM& vm, const char* what) {
  return vm.raise(as_type(vm.get_ext("io.UnsupportedOperation")), what);
}

Value m_write(VM& vm, const CallArgs& a) {
  if (!check_method_nargs(vm, a, "TextIOWrapper.write", 1, 1)) return Value();
  TextFile* f = tf(a[0]);
  if (!check_open(vm, f)) return Value();
  if (!is_kind(a[1], Kind::Str))
    return vm.raise_fmt(vm.exc().TypeError, "write() argument must be str, not %s", type_name(vm, a[1]));
  Str* s = as_str(a[1]);
  switch (f->stream) {
    case Stream::Stdout: vm.write_stdout(s->view()); break;
    case Stream::Stderr: vm.write_stderr(s->view()); break;
    case Stream::Stdin: return unsupported(vm, "not writable");
    case Stream::File:
      if (!f->writable) return unsupported(vm, "not writable");
      std::fwrite(s->data(), 1, s->nbytes, f->fp);
      break;
  }
  return Value::from_int(static_cast<int64_t>(s->nchars));
}

Value m_flush(VM& vm, const CallArgs& a) {
  TextFile* f = tf(a[0]);
  if (f->stream == Stream::Stdout) vm.flush_stdout();
  if (f->stream == Stream::File && f->fp && !f->closed) std::fflush(f->fp);
  return Value::none();
}

std::FILE* in_stream(VM& vm, TextFile* f) {
  if (f->stream == Stream::Stdin) {
    vm.flush_stdout();
    return stdin;
  }
  return f->fp;
}

bool read_line(std::FILE* fp, std::string& out) {
  int c;
  bool any = false;
  while ((c = std::fgetc(fp)) != EOF) {
    any = true;
    out.push_back(static_cast<char>(c));
    if (c == '\n') break;
  }
  return any;
}

Value m_read(VM& vm, const CallArgs& a) {
  if (!check_method_nargs(vm, a, "TextIOWrapper.read", 0, 1)) return Value();
  TextFile* f = tf(a[0]);
  if (!check_open(vm, f)) return Value();
  if (!f->readable && f->stream != Stream::Stdin) return unsupported(vm, "not readable");
  std::FILE* fp = in_stream(vm, f);
  int64_t n = -1;
  if (a.argc == 2 && !a[1].is_none() && !index_of(vm, a[1], n)) return Value();
  std::string out;
  char buf[65536];
  if (n < 0) {
    size_t k;
    while ((k = std::fread(buf, 1, sizeof buf, fp)) > 0) out.append(buf, k);
  } else {
    // n counts characters: read bytes, then complete a trailing UTF-8 sequence
    while (static_cast<int64_t>(utf8_length(out)) < n) {
      int c = std::fgetc(fp);
      if (c == EOF) break;
      out.push_back(static_cast<char>(c));
    }
  }
  return vm.str(out);
}

Value m_readline(VM& vm, const CallArgs& a) {
  if (!check_method_nargs(vm, a, "TextIOWrapper.readline", 0, 1)) return Value();
  TextFile* f = tf(a[0]);
  if (!check_open(vm, f)) return Value();
  std::string line;
  read_line(in_stream(vm, f), line);
  return vm.str(line);
}

Value m_readlines(VM& vm, const CallArgs& a) {
  if (!check_method_nargs(vm, a, "TextIOWrapper.readlines", 0, 1)) return Value();
  TextFile* f = tf(a[0]);
  if (!check_open(vm, f)) return Value();
  List* l = vm.new_list(0);
  VM::TempRoot root(vm, l);
  std::FILE* fp = in_stream(vm, f);
  for (;;) {
    std::string line;
    if (!read_line(fp, line)) break;
    list_append(vm.heap(), l, vm.str(line));
  }
  return Value::from_obj(l);
}

Value m_writelines(VM& vm, const CallArgs& a) {
  if (!check_method_nargs(vm, a, "TextIOWrapper.writelines", 1, 1)) return Value();
  bool ok = for_each(vm, a[1], [&](Value line) {
    Value argv[2] = {a[0], line};
    return !failed(m_write(vm, CallArgs{argv, 2, nullptr, nullptr}));
  });
  return ok ? Value::none() : Value();
}

Value m_close(VM& vm, const CallArgs& a) {
  TextFile* f = tf(a[0]);
  if (f->stream == Stream::File && f->fp && !f->closed) std::fclose(f->fp);
  if (f->stream == Stream::Stdout) vm.flush_stdout();
  if (f->stream == Stream::File) {
    f->fp = nullptr;
    f->closed = true;
  }
  return Value::none();
}

Value m_enter(VM& vm, const CallArgs& a) {
  if (!check_open(vm, tf(a[0]))) return Value();
  return a[0];
}

Value m_exit(VM& vm, const CallArgs& a) {
  m_close(vm, a);
  return Value::from_bool(false);
}

Value m_isatty(VM&, const CallArgs& a) {
  TextFile* f = tf(a[0]);
  int fd = f->stream == Stream::Stdout ? 1 : f->stream == Stream::Stderr ? 2 : f->stream == Stream::Stdin ? 0 : -1;
  return Value::from_bool(fd >= 0 && isatty(fd));
}

Value tf_iter(VM& vm, Value self) {
  if (!check_open(vm, tf(self))) return Value();
  return self;
}

Value tf_next(VM& vm, Value self) {
  TextFile* f = tf(self);
  if (!check_open(vm, f)) return Value();
  std::string line;
  if (!read_line(in_stream(vm, f), line)) return Value();
  return vm.str(line);
}

Value tf_repr(VM& vm, Value self) {
  TextFile* f = tf(self);
  std::string out = "<_io.TextIOWrapper name=";
  out += f->name ? str_repr(f->name->view()) : "?";
  out += " mode=";
  out += f->mode ? str_repr(f->mode->view()) : "?";
  out += " encoding='utf-8'>";
  return vm.str(out);
}

Value tf_getattr(VM& vm, Value self, Str* name) {
  TextFile* f = tf(self);
  std::string_view n = name->view();
  if (n == "closed") return Value::from_bool(f->closed);
  if (n == "name") return f->name ? Value::from_obj(f->name) : Value::none();
  if (n == "mode") return f->mode ? Value::from_obj(f->mode) : Value::none();
  if (n == "encoding") return vm.str("utf-8");
  return generic_getattr(vm, self, name);
}

Value b_open(VM& vm, const CallArgs& a) {
  static const ArgSpec kSpec{"open", {"file", "mode=", "buffering=", "encoding=", "errors=", "newline="}};
  Value p[6];
  if (!parse_args(vm, a, kSpec, p)) return Value();
  if (!is_kind(p[0], Kind::Str))
    return vm.raise_fmt(vm.exc().TypeError, "expected str, bytes or os.PathLike object, not %s",
                        type_name(vm, p[0]));
  std::string mode = "r";
  if (!p[1].is_undef()) {
    if (!is_kind(p[1], Kind::Str)) return vm.raise(vm.exc().TypeError, "open() argument 'mode' must be str");
    mode = std::string(as_str(p[1])->view());
  }
  if (mode.find('b') != std::string::npos)
    return vm.raise(vm.exc().ValueError, "binary files are not supported by pyjitvm");
  std::string cmode;
  bool readable = false, writable = false;
  bool plus = mode.find('+') != std::string::npos;
  if (mode.find('r') != std::string::npos) {
    cmode = plus ? "r+" : "r";
    readable = true;
    writable = plus;
  } else if (mode.find('w') != std::string::npos) {
    cmode = plus ? "w+" : "w";
    writable = true;
    readable = plus;
  } else if (mode.find('a') != std::string::npos) {
    cmode = plus ? "a+" : "a";
    writable = true;
    readable = plus;
  } else if (mode.find('x') != std::string::npos) {
    cmode = plus ? "w+x" : "wx";
    writable = true;
    readable = plus;
  } else {
    return vm.raise_fmt(vm.exc().ValueError, "invalid mode: '%s'", mode.c_str());
  }
  std::string path(as_str(p[0])->view());
  std::FILE* fp = std::fopen(path.c_str(), cmode.c_str());
  if (!fp) {
    int e = errno;
    Type* t = vm.exc().OSError;  // OSError(errno, ...) picks the subclass
    Value argv[3] = {Value::from_int(e), vm.str(std::strerror(e)), p[0]};
    VM::TempRoot keep(vm, argv[1]);
    Value exc = vm.call(Value::from_obj(t), CallArgs{argv, 3, nullptr, nullptr});
    if (!failed(exc)) vm.set_pending(exc);
    return Value();
  }
  TextFile* f = vm.heap().make<TextFile>(file_type(vm), Kind::Other, 0);
  f->fp = fp;
  f->readable = readable;
  f->writable = writable;
  f->name = as_str(p[0]);
  f->mode = vm.intern(mode);
  return Value::from_obj(f);
}

}  // namespace

Value make_std_stream(VM& vm, int fd) {
  TextFile* f = vm.heap().make<TextFile>(file_type(vm), Kind::Other, 0);
  f->stream = fd == 0 ? Stream::Stdin : fd == 1 ? Stream::Stdout : Stream::Stderr;
  f->readable = fd == 0;
  f->writable = fd != 0;
  f->name = vm.intern(fd == 0 ? "<stdin>" : fd == 1 ? "<stdout>" : "<stderr>");
  f->mode = vm.intern(fd == 0 ? "r" : "w");
  return Value::from_obj(f);
}

void install_io(VM& vm) {
  Type* t = make_builtin_type(vm, "TextIOWrapper", vm.types().object, Kind::Other, 0);
  t->module_name = vm.intern("_io");
  t->slots.trace = tf_trace;
  t->slots.finalize = tf_finalize;
  t->slots.iter = tf_iter;
  t->slots.next = tf_next;
  t->slots.repr = tf_repr;
  t->slots.getattr = tf_getattr;
  static const MethodDef kMethods[] = {
      {"write", m_write},         {"flush", m_flush},   {"read", m_read},
      {"readline", m_readline},   {"readlines", m_readlines}, {"writelines", m_writelines},
      {"close", m_close},         {"__enter__", m_enter}, {"__exit__", m_exit},
      {"isatty", m_isatty},
  };
  add_methods(vm, t, kMethods);
  vm.set_ext("io.TextIOWrapper", Value::from_obj(t));
  // io.UnsupportedOperation derives from OSError and ValueError in CPython; with single
  // inheritance it derives from OSError here.
  Type* uo = make_builtin_type(vm, "UnsupportedOperation", vm.exc().OSError, Kind::Exception,
                               kTypeBaseType | kTypeException | kTypeHasDict);
  uo->module_name = vm.intern("io");
  vm.set_ext("io.UnsupportedOperation", Value::from_obj(uo));
  static const MethodDef kFuncs[] = {{"open", b_open}};
  add_functions(vm, vm.builtins()->dict, kFuncs);
}

}  // namespace pyjitvm::stdlib
