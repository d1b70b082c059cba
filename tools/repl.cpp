// tools/repl.cpp — the interactive prompt: input assembly, execution, libedit, completion.
//
// Stage: LineReader (EditReader: libedit on a terminal; StdioReader: plain stdin) →
// classify_input() → VM::exec_interactive() in __main__ → echo / traceback on stderr.
//
// Invariants: repl.h I1–I5. Signals: libedit's own handlers are disabled (EL_SIGNAL 0:
// they would re-raise SIGINT with kill(0, ...) to the whole process group), so the
// process's SIGINT handler (tools/pyjitvm.cpp: VM::request_interrupt()) is in place at
// all times. While a line is read, SIGINT and SIGCONT are blocked except inside the
// ppoll() of EditReader::read_byte(), so neither can slip in between a check and the
// wait: Ctrl-C sets the VM's flag and ends the wait; a no-op SIGCONT handler (installed
// only while a line is read) ends it after Ctrl-Z + `fg` (a 250 ms tick backs it up),
// and resume_terminal() puts the terminal back into raw mode.
#include "tools/repl.h"

#include <errno.h>
#include <histedit.h>
#include <langinfo.h>
#include <poll.h>
#include <pwd.h>
#include <signal.h>
#include <sys/ioctl.h>
#include <termios.h>
#include <unistd.h>

#include <algorithm>
#include <clocale>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <functional>
#include <memory>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "vm/errors.h"
#include "vm/lexer.h"
#include "vm/ops.h"
#include "vm/parser.h"

namespace pyjitvm::tools {

namespace {

constexpr const char* kPs1 = ">>> ";
constexpr const char* kPs2 = "... ";
constexpr const char* kBanner =
    "pyjitvm 0.1.0 (Python 3.11 language subset)\n"
    "Type \"exit()\" or Ctrl-D (end of input) to leave; Tab completes names.\n";
constexpr const char* kHistoryFile = "/.pyjitvm_history";
constexpr int kHistorySize = 1000;
// CPython's readline completer delimiters ('.' is not one: "math.sq" is one word).
constexpr std::string_view kCompleterDelims = " \t\n`~!@#$%^&*()-=+[{]}\\|;:'\",<>/?";
// keyword.kwlist of CPython 3.11 (rlcompleter offers them first).
constexpr std::string_view kKeywords[] = {
    "False", "None",   "True",     "and",    "as",     "assert", "async", "await",
    "break", "class",  "continue", "def",    "del",    "elif",   "else",  "except",
    "finally", "for",  "from",     "global", "if",     "import", "in",    "is",
    "lambda", "nonlocal", "not",   "or",     "pass",   "raise",  "return", "try",
    "while", "with",   "yield"};
// Keywords rlcompleter completes without a trailing space ("try"/"finally" get ':').
constexpr std::string_view kBareKeywords[] = {"False", "None",     "True", "break",
                                              "continue", "pass", "else"};

bool starts_with(std::string_view s, std::string_view prefix) {
  return s.size() >= prefix.size() && s.compare(0, prefix.size(), prefix) == 0;
}

bool is_blank(std::string_view s) { return s.find_first_not_of(" \t\f\r") == s.npos; }

bool is_word_byte(unsigned char c) {
  return c == '_' || (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
         c >= 0x80;
}

size_t utf8_chars(std::string_view s) {
  size_t n = 0;
  for (unsigned char c : s)
    if ((c & 0xC0) != 0x80) ++n;
  return n;
}

// Consumes a pending Ctrl-C: clears the VM's interrupt flag. True when there was one.
bool take_interrupt(vm::VM& vm) {
  if (!vm.interrupt_requested()) return false;
  (void)vm.handle_interrupt();  // clears the flag and raises KeyboardInterrupt ...
  vm.clear_pending();           // ... which the prompt reports itself
  return true;
}

// ------------------------------------------------------------------ input assembly

std::string_view last_line(std::string_view buffer) {
  if (!buffer.empty() && buffer.back() == '\n') buffer.remove_suffix(1);
  size_t nl = buffer.rfind('\n');
  return nl == buffer.npos ? buffer : buffer.substr(nl + 1);
}

// True when an empty line does not end the input: an open bracket or an unterminated
// triple-quoted string.
bool continues_across_blank(std::string_view buffer) {
  std::string src = vm::prepare_source(std::string(buffer));
  vm::Lexer lexer(src, "<stdin>");
  if (lexer.run()) return !lexer.open_brackets().empty();
  const vm::LexError& e = lexer.error();
  return e.eof_in_brackets || !lexer.open_brackets().empty() ||
         starts_with(e.msg, "unterminated triple-quoted string literal");
}

// `last` (the newest line of `buffer`) starts a new statement at column 0 while the
// block before it still waits for its closing empty line.
bool starts_new_statement(std::string_view buffer, std::string_view last) {
  if (last.empty() || last[0] == ' ' || last[0] == '\t' || last[0] == '\f' || last[0] == '#')
    return false;
  size_t n = 0;
  while (n < last.size() && is_word_byte(static_cast<unsigned char>(last[n]))) ++n;
  std::string_view word = last.substr(0, n);
  if (word == "else" || word == "elif" || word == "except" || word == "finally") return false;
  size_t newline = !buffer.empty() && buffer.back() == '\n' ? 1 : 0;
  std::string prefix(buffer.substr(0, buffer.size() - last.size() - newline));
  if (prefix.empty()) return false;
  prefix += '\n';
  return vm::check_interactive_input(prefix) == vm::InputStatus::Complete;
}

// ------------------------------------------------------------------ completion

vm::Dict* own_dict(const vm::Value& v) {
  if (!v.is_obj()) return nullptr;
  switch (v.as_obj()->kind) {
    case vm::Kind::Instance:
    case vm::Kind::Module:
    case vm::Kind::Function:
    case vm::Kind::Exception:
    case vm::Kind::Type: return static_cast<vm::DictObject*>(v.as_obj())->dict;
    default: return nullptr;
  }
}

// Raw dict lookup by name (no hashing, no allocation, no Python code).
bool dict_find(const vm::Dict* d, std::string_view name, vm::Value& out) {
  if (!d) return false;
  uint32_t pos = 0;
  vm::DictEntry* e;
  while (vm::dict_next(d, pos, e)) {
    if (vm::is_kind(e->key, vm::Kind::Str) && vm::as_str(e->key)->view() == name) {
      out = e->value;
      return true;
    }
  }
  return false;
}

// The attribute as stored: the object's own dict, then its class's MRO (a type also
// searches its own MRO first). Descriptors are returned as they are, never invoked.
bool raw_attr(vm::VM& vm, const vm::Value& obj, std::string_view name, vm::Value& out) {
  if (dict_find(own_dict(obj), name, out)) return true;
  if (vm::is_kind(obj, vm::Kind::Type))
    for (const vm::Type* t : vm::as_type(obj)->mro)
      if (dict_find(t->dict, name, out)) return true;
  for (const vm::Type* t : vm.type_of(obj)->mro)
    if (dict_find(t->dict, name, out)) return true;
  return false;
}

void add_dict_names(const vm::Dict* d, std::set<std::string>& names) {
  if (!d) return;
  uint32_t pos = 0;
  vm::DictEntry* e;
  while (vm::dict_next(d, pos, e))
    if (vm::is_kind(e->key, vm::Kind::Str)) names.emplace(vm::as_str(e->key)->view());
}

// dir(obj) plus the members of its class, as rlcompleter collects them.
std::set<std::string> attribute_names(vm::VM& vm, const vm::Value& obj) {
  std::set<std::string> names;
  add_dict_names(own_dict(obj), names);
  if (vm::is_kind(obj, vm::Kind::Type))
    for (const vm::Type* t : vm::as_type(obj)->mro) add_dict_names(t->dict, names);
  for (const vm::Type* t : vm.type_of(obj)->mro) add_dict_names(t->dict, names);
  names.erase("__builtins__");
  names.insert("__class__");
  return names;
}

std::string with_call_postfix(vm::VM& vm, const vm::Value& v, std::string word) {
  bool callable = vm::is_callable(vm, v) || vm::is_kind(v, vm::Kind::StaticMethod) ||
                  vm::is_kind(v, vm::Kind::ClassMethod);
  if (callable && !vm::is_kind(v, vm::Kind::Property)) word += '(';
  return word;
}

std::vector<std::string> global_matches(vm::VM& vm, std::string_view text) {
  std::vector<std::string> out;
  std::set<std::string, std::less<>> seen{"__builtins__"};
  for (std::string_view kw : kKeywords) {
    if (!starts_with(kw, text)) continue;
    seen.emplace(kw);
    std::string word(kw);
    if (kw == "finally" || kw == "try")
      word += ':';
    else if (std::find(std::begin(kBareKeywords), std::end(kBareKeywords), kw) ==
             std::end(kBareKeywords))
      word += ' ';
    out.push_back(std::move(word));
  }
  for (const vm::Dict* d : {vm.main_module()->dict, vm.builtins()->dict}) {
    if (!d) continue;
    uint32_t pos = 0;
    vm::DictEntry* e;
    while (vm::dict_next(d, pos, e)) {
      if (!vm::is_kind(e->key, vm::Kind::Str)) continue;
      std::string_view name = vm::as_str(e->key)->view();
      if (!starts_with(name, text) || seen.count(name)) continue;
      seen.emplace(name);
      out.push_back(with_call_postfix(vm, e->value, std::string(name)));
    }
  }
  return out;
}

// Evaluates a dotted name ("a", "a.b.c") by raw lookups only.
bool eval_dotted(vm::VM& vm, std::string_view expr, vm::Value& out) {
  size_t start = 0;
  for (bool first = true;; first = false) {
    size_t dot = expr.find('.', start);
    std::string_view part = expr.substr(start, dot == expr.npos ? expr.npos : dot - start);
    if (part.empty() || (part[0] >= '0' && part[0] <= '9')) return false;
    for (char c : part)
      if (!is_word_byte(static_cast<unsigned char>(c))) return false;
    if (first) {
      if (!dict_find(vm.main_module()->dict, part, out) &&
          !dict_find(vm.builtins()->dict, part, out))
        return false;
    } else if (!raw_attr(vm, out, part, out)) {
      return false;
    }
    if (dot == expr.npos) return true;
    start = dot + 1;
  }
}

std::vector<std::string> attr_matches(vm::VM& vm, std::string_view text) {
  size_t dot = text.rfind('.');
  std::string_view expr = text.substr(0, dot), attr = text.substr(dot + 1);
  for (char c : attr)
    if (!is_word_byte(static_cast<unsigned char>(c))) return {};
  vm::Value obj;
  if (!eval_dotted(vm, expr, obj)) return {};
  std::set<std::string> words = attribute_names(vm, obj);
  // rlcompleter hides _private names until "_" is typed, and dunders until "__".
  std::string noprefix = attr.empty() ? "_" : attr == "_" ? "__" : "";
  std::vector<std::string> out;
  for (;;) {
    for (const std::string& w : words) {
      if (!starts_with(w, attr) || (!noprefix.empty() && starts_with(w, noprefix))) continue;
      std::string match = std::string(expr) + "." + w;
      vm::Value v;
      if (raw_attr(vm, obj, w, v) && !v.is_none())
        out.push_back(with_call_postfix(vm, v, std::move(match)));
      else
        out.push_back(std::move(match));
    }
    if (!out.empty() || noprefix.empty()) break;
    noprefix = noprefix == "_" ? "__" : "";
  }
  std::sort(out.begin(), out.end());
  return out;
}

// ------------------------------------------------------------------ line readers

enum class ReadStatus { kLine, kEof, kInterrupt };

class LineReader {
 public:
  virtual ~LineReader() = default;
  // Shows `prompt` and reads one line (without its newline).
  virtual ReadStatus read_line(const char* prompt, std::string& line) = 0;
  // Records a line in the history (if there is one).
  virtual void remember(const std::string& line) { (void)line; }
  // Writes to where the prompts go (the newline printed at end of input).
  virtual void write_prompt_stream(std::string_view s) = 0;
};

// stdin is not a terminal (or libedit is unavailable): CPython's behaviour is to write
// the prompts to stderr and read plain lines; stdio is shared with input().
class StdioReader final : public LineReader {
 public:
  explicit StdioReader(vm::VM& vm) : vm_(vm) {}

  ReadStatus read_line(const char* prompt, std::string& line) override {
    if (take_interrupt(vm_)) return ReadStatus::kInterrupt;
    vm_.write_stderr(prompt);  // flushes stdout first
    line.clear();
    for (;;) {
      errno = 0;
      int c = std::fgetc(stdin);
      if (c == EOF) {
        if (std::ferror(stdin) && errno == EINTR) {
          std::clearerr(stdin);
          if (take_interrupt(vm_)) return ReadStatus::kInterrupt;
          continue;
        }
        return line.empty() ? ReadStatus::kEof : ReadStatus::kLine;
      }
      if (c == '\n') return ReadStatus::kLine;
      line.push_back(static_cast<char>(c));
    }
  }

  void write_prompt_stream(std::string_view s) override { vm_.write_stderr(s); }

 private:
  vm::VM& vm_;
};

// Finds a UTF-8 LC_CTYPE for libedit (wide characters, display widths) and installs
// it for the lifetime of a scope; the VM runs user code under the original locale.
class LocaleScope {
 public:
  explicit LocaleScope(const std::string& utf8) {
    if (utf8.empty()) return;
    const char* cur = std::setlocale(LC_CTYPE, nullptr);
    saved_ = cur ? cur : "C";
    std::setlocale(LC_CTYPE, utf8.c_str());
    active_ = true;
  }
  ~LocaleScope() {
    if (active_) std::setlocale(LC_CTYPE, saved_.c_str());
  }
  LocaleScope(const LocaleScope&) = delete;
  LocaleScope& operator=(const LocaleScope&) = delete;

  static std::string find_utf8() {
    const char* cur = std::setlocale(LC_CTYPE, nullptr);
    std::string saved = cur ? cur : "C", found;
    for (const char* name : {"", "C.UTF-8", "C.utf8", "en_US.UTF-8"}) {
      const char* got = std::setlocale(LC_CTYPE, name);
      if (got && std::strcmp(nl_langinfo(CODESET), "UTF-8") == 0) {
        found = got;
        break;
      }
    }
    std::setlocale(LC_CTYPE, saved.c_str());
    return found;
  }

 private:
  std::string saved_;
  bool active_ = false;
};

std::string history_path() {
  const char* home = std::getenv("HOME");
  if (!home || !*home) {
    const passwd* pw = getpwuid(getuid());
    home = pw ? pw->pw_dir : nullptr;
  }
  return home && *home ? std::string(home) + kHistoryFile : std::string();
}

// libedit on a terminal, through its native API (per-instance client data, no globals).
class EditReader final : public LineReader {
 public:
  explicit EditReader(vm::VM& vm);
  ~EditReader() override;
  EditReader(const EditReader&) = delete;
  EditReader& operator=(const EditReader&) = delete;

  bool ok() const { return el_ != nullptr; }
  ReadStatus read_line(const char* prompt, std::string& line) override;
  void remember(const std::string& line) override;
  void write_prompt_stream(std::string_view s) override {
    vm_.write_stdout(s);
    vm_.flush_stdout();
  }

 private:
  static EditReader* self(EditLine* el);
  static char* prompt_fn(EditLine* el);
  static int getc_fn(EditLine* el, wchar_t* out);
  static unsigned char complete_fn(EditLine* el, int ch);
  static unsigned char eof_fn(EditLine* el, int ch);
  int read_byte(unsigned char& b);
  void resume_terminal();
  int read_char(wchar_t& out);
  void list_matches(std::vector<std::string> matches);
  void bind_keys();

  vm::VM& vm_;
  EditLine* el_ = nullptr;
  History* history_ = nullptr;
  std::string prompt_;
  std::string history_path_;
  std::string utf8_locale_;
  sigset_t wait_mask_;         // the signal mask inside ppoll() (see the header)
  int pushback_ = -1;          // a byte read ahead by read_char()
  unsigned char intr_char_ = 3;  // the terminal's VINTR key (seen only without ISIG)
  bool interrupted_ = false;
};

EditReader::EditReader(vm::VM& vm) : vm_(vm), utf8_locale_(LocaleScope::find_utf8()) {
  sigemptyset(&wait_mask_);
  termios t;
  if (tcgetattr(0, &t) == 0 && t.c_cc[VINTR] != _POSIX_VDISABLE) intr_char_ = t.c_cc[VINTR];
  LocaleScope loc(utf8_locale_);
  el_ = el_init("pyjitvm", stdin, stdout, stderr);
  if (!el_) return;
  el_set(el_, EL_CLIENTDATA, static_cast<void*>(this));
  el_set(el_, EL_SIGNAL, 0);  // keep the process's SIGINT handler (see the header)
  el_set(el_, EL_EDITOR, "emacs");
  el_set(el_, EL_PROMPT, &EditReader::prompt_fn);
  el_set(el_, EL_GETCFN, &EditReader::getc_fn);
  history_ = history_init();
  if (history_) {
    HistEvent ev;
    history(history_, &ev, H_SETSIZE, kHistorySize);
    el_set(el_, EL_HIST, history, history_);
    history_path_ = history_path();
    if (!history_path_.empty()) history(history_, &ev, H_LOAD, history_path_.c_str());
  }
  bind_keys();
  el_source(el_, nullptr);  // ~/.editrc (EDITRC) may override the bindings
}

void EditReader::bind_keys() {
  el_set(el_, EL_ADDFN, "pyj-complete", "Complete a Python name", &EditReader::complete_fn);
  el_set(el_, EL_BIND, "^I", "pyj-complete", nullptr);
  el_set(el_, EL_ADDFN, "pyj-eof", "End of input on an empty line, else delete",
         &EditReader::eof_fn);
  el_set(el_, EL_BIND, "^D", "pyj-eof", nullptr);
  el_set(el_, EL_BIND, "^R", "em-inc-search-prev", nullptr);
  static const char* const kMoves[][2] = {
      {"\\e[1~", "ed-move-to-beg"}, {"\\e[4~", "ed-move-to-end"}, {"\\e[H", "ed-move-to-beg"},
      {"\\e[F", "ed-move-to-end"},  {"\\e[3~", "ed-delete-next-char"},
      {"\\e[1;5C", "em-next-word"}, {"\\e[1;5D", "ed-prev-word"}};
  for (const auto& m : kMoves) el_set(el_, EL_BIND, m[0], m[1], nullptr);
}

EditReader::~EditReader() {
  if (history_) {
    HistEvent ev;
    // An unwritable HOME is not an error worth reporting (CPython ignores it too).
    if (!history_path_.empty()) history(history_, &ev, H_SAVE, history_path_.c_str());
  }
  {
    LocaleScope loc(utf8_locale_);
    if (el_) el_end(el_);
  }
  if (history_) history_end(history_);
}

EditReader* EditReader::self(EditLine* el) {
  void* p = nullptr;
  el_get(el, EL_CLIENTDATA, &p);
  return static_cast<EditReader*>(p);
}

char* EditReader::prompt_fn(EditLine* el) { return self(el)->prompt_.data(); }

// One byte from the terminal. Returns 1, 0 at end of file, -1 on error or Ctrl-C
// (`interrupted_` set). Runs with SIGINT and SIGCONT blocked (read_line()); only
// ppoll() lets them in, so a signal that came before the check still ends the wait.
int EditReader::read_byte(unsigned char& b) {
  if (pushback_ >= 0) {
    b = static_cast<unsigned char>(pushback_);
    pushback_ = -1;
    return 1;
  }
  for (;;) {
    if (take_interrupt(vm_)) break;
    pollfd p{0, POLLIN, 0};
    // The wait also wakes every 250 ms to check the terminal mode: a SIGCONT that
    // arrives while the process is stopped inside ppoll() does not always interrupt
    // it (measured on Linux 6.x: about one stop in four), so the signal alone is not
    // a reliable cue that a shell has put the terminal back into canonical mode.
    const timespec tick{0, 250'000'000};
    const int ready = ppoll(&p, 1, &tick, &wait_mask_);
    if (ready <= 0) {
      if (ready < 0 && errno != EINTR) return -1;
      resume_terminal();  // SIGCONT, SIGINT (checked above), a handled signal or a tick
      continue;
    }
    ssize_t n = ::read(0, &b, 1);
    if (n == 1) {
      if (b == intr_char_) break;  // ISIG off: Ctrl-C arrives as a byte
      return 1;
    }
    if (n == 0) return 0;
    if (errno != EINTR && errno != EAGAIN) return -1;
  }
  interrupted_ = true;
  errno = EINTR;
  return -1;
}

// After a stop (Ctrl-Z) and `fg` the shell may have left the terminal in its own
// (canonical, echoing) mode: switch back to libedit's raw mode and redraw the line.
void EditReader::resume_terminal() {
  termios t;
  if (tcgetattr(0, &t) != 0 || (t.c_lflag & (ICANON | ECHO)) == 0) return;
  el_set(el_, EL_PREP_TERM, 0);  // libedit still believes it is raw: let it know ...
  el_set(el_, EL_PREP_TERM, 1);  // ... and re-read the settings before going raw
  el_set(el_, EL_REFRESH);
}

// One character: UTF-8 decoded when a UTF-8 locale is in use, else one byte.
int EditReader::read_char(wchar_t& out) {
  unsigned char b;
  int r = read_byte(b);
  if (r <= 0) return r;
  int extra = b < 0x80 || utf8_locale_.empty() ? 0 : b >= 0xF0 ? 3 : b >= 0xE0 ? 2 : 1;
  if (b >= 0x80 && b < 0xC2 && !utf8_locale_.empty()) {
    out = 0xFFFD;  // a stray continuation byte or an overlong lead
    return 1;
  }
  uint32_t cp = extra ? (b & (0x3F >> extra)) : b;
  for (int i = 0; i < extra; ++i) {
    if ((r = read_byte(b)) <= 0) return r;
    if ((b & 0xC0) != 0x80) {
      pushback_ = b;
      cp = 0xFFFD;
      break;
    }
    cp = (cp << 6) | (b & 0x3F);
  }
  out = static_cast<wchar_t>(cp);
  return 1;
}

int EditReader::getc_fn(EditLine* el, wchar_t* out) { return self(el)->read_char(*out); }

unsigned char EditReader::eof_fn(EditLine* el, int) {
  const LineInfo* li = el_line(el);
  if (li->buffer == li->lastchar) return CC_EOF;
  if (li->cursor == li->lastchar) return CC_ERROR;
  el_cursor(el, 1);
  el_deletestr(el, 1);
  return CC_REFRESH;
}

unsigned char EditReader::complete_fn(EditLine* el, int) {
  EditReader* r = self(el);
  const LineInfo* li = el_line(el);
  std::string before(li->buffer, static_cast<size_t>(li->cursor - li->buffer));
  std::string text = before.substr(completion_word_start(before));
  if (text.empty()) {  // at an indentation: Tab inserts a tab, as in CPython
    el_insertstr(el, "\t");
    return CC_REFRESH;
  }
  std::vector<std::string> matches = complete_name(r->vm_, text);
  if (matches.empty()) return CC_ERROR;
  std::string prefix = common_prefix(matches);
  if (prefix.size() > text.size()) {
    el_insertstr(el, prefix.c_str() + text.size());
    return CC_REFRESH;
  }
  if (matches.size() == 1) return CC_NORM;
  r->list_matches(std::move(matches));
  return CC_REDISPLAY;
}

void EditReader::list_matches(std::vector<std::string> matches) {
  std::sort(matches.begin(), matches.end());
  matches.erase(std::unique(matches.begin(), matches.end()), matches.end());
  winsize ws{};
  size_t width = ioctl(1, TIOCGWINSZ, &ws) == 0 && ws.ws_col > 0 ? ws.ws_col : 80;
  size_t colw = 0;
  for (const std::string& m : matches) colw = std::max(colw, utf8_chars(m) + 2);
  size_t cols = std::max<size_t>(1, width / colw);
  std::string out = "\r\n";
  for (size_t i = 0; i < matches.size(); ++i) {
    out += matches[i];
    bool end_of_row = (i + 1) % cols == 0 || i + 1 == matches.size();
    if (end_of_row) out += "\r\n";
    else out.append(colw - utf8_chars(matches[i]), ' ');
  }
  std::fputs(out.c_str(), stdout);
  std::fflush(stdout);
}

ReadStatus EditReader::read_line(const char* prompt, std::string& line) {
  if (take_interrupt(vm_)) return ReadStatus::kInterrupt;
  prompt_ = prompt;
  interrupted_ = false;
  vm_.flush_stdout();
  std::fflush(stdout);
  int count = 0;
  const char* s;
  struct sigaction on_cont {}, old_cont {};
  on_cont.sa_handler = [](int) {};  // only to wake ppoll() (see the header)
  sigemptyset(&on_cont.sa_mask);
  sigaction(SIGCONT, &on_cont, &old_cont);
  sigset_t block, saved;
  sigemptyset(&block);
  sigaddset(&block, SIGINT);
  sigaddset(&block, SIGCONT);
  pthread_sigmask(SIG_BLOCK, &block, &saved);
  wait_mask_ = saved;
  sigdelset(&wait_mask_, SIGINT);
  sigdelset(&wait_mask_, SIGCONT);
  {
    LocaleScope loc(utf8_locale_);
    // Raw mode before the prompt appears (el_gets() would switch only after drawing
    // it), so that keys typed once the prompt is visible are not echoed by the tty too.
    el_set(el_, EL_PREP_TERM, 1);
    s = el_gets(el_, &count);
  }
  pthread_sigmask(SIG_SETMASK, &saved, nullptr);  // a Ctrl-C held back is handled now
  sigaction(SIGCONT, &old_cont, nullptr);
  if (interrupted_) return ReadStatus::kInterrupt;
  if (!s || count <= 0) return ReadStatus::kEof;
  line.assign(s, static_cast<size_t>(count));
  while (!line.empty() && (line.back() == '\n' || line.back() == '\r')) line.pop_back();
  return ReadStatus::kLine;
}

void EditReader::remember(const std::string& line) {
  if (!history_ || is_blank(line)) return;
  HistEvent ev;
  history(history_, &ev, H_ENTER, line.c_str());
}

// ------------------------------------------------------------------ the loop

void print_exception(vm::VM& vm, vm::Value exc) {
  vm::VM::TempRoot root(vm, exc);
  std::string text = vm::format_exception(vm, exc);
  if (vm.has_pending()) vm.clear_pending();
  vm.write_stderr(strip_stdin_source_lines(text));
}

// Runs one complete input. Returns false when SystemExit asks to leave (`status` set).
bool run_input(vm::VM& vm, std::string source, int& status) {
  bool ok = vm.exec_interactive(std::move(source), "<stdin>", vm.main_module());
  vm.flush_stdout();
  if (ok) return true;
  vm::Value exc = vm.take_pending();
  vm::VM::TempRoot root(vm, exc);
  if (exc.is_obj() && vm.type_of(exc)->is_subtype_of(vm.exc().SystemExit)) {
    status = vm::report_uncaught(vm, exc);
    vm.flush_stdout();
    return false;
  }
  print_exception(vm, exc);
  return true;
}

int repl_loop(vm::VM& vm, LineReader& in) {
  std::string buffer;
  for (;;) {
    std::string line;
    ReadStatus st = in.read_line(buffer.empty() ? kPs1 : kPs2, line);
    if (st == ReadStatus::kInterrupt) {
      buffer.clear();
      vm.write_stderr("\nKeyboardInterrupt\n");
      continue;
    }
    if (st == ReadStatus::kEof) {
      in.write_prompt_stream("\n");
      return 0;
    }
    in.remember(line);
    if (buffer.empty() && is_blank(line)) continue;
    buffer += line;
    buffer += '\n';
    InputAction action = classify_input(buffer);
    if (action == InputAction::kMore) continue;
    std::string source;
    source.swap(buffer);
    if (action == InputAction::kDedentError) {
      print_exception(vm, vm::make_syntax_error(vm, dedent_error(source)));
      continue;
    }
    int status = 0;
    if (!run_input(vm, std::move(source), status)) return status;
  }
}

}  // namespace

// ------------------------------------------------------------------ public API

InputAction classify_input(std::string_view buffer) {
  if (vm::check_interactive_input(buffer) != vm::InputStatus::Incomplete) return InputAction::kRun;
  std::string_view last = last_line(buffer);
  if (last.empty()) return continues_across_blank(buffer) ? InputAction::kMore : InputAction::kRun;
  if (starts_new_statement(buffer, last)) return InputAction::kDedentError;
  return InputAction::kMore;
}

vm::SyntaxErrorInfo dedent_error(std::string_view buffer) {
  std::string_view last = last_line(buffer);
  vm::SyntaxErrorInfo err;
  err.msg = "invalid syntax";
  err.filename = "<stdin>";
  int lines = static_cast<int>(std::count(buffer.begin(), buffer.end(), '\n'));
  err.line = err.end_line = buffer.empty() || buffer.back() == '\n' ? lines : lines + 1;
  err.text = std::string(last);
  err.offset = 1;
  // The caret covers the first token of the line, as CPython's parser reports it.
  std::string src = err.text + "\n";
  vm::Lexer lexer(src, "<stdin>");
  lexer.run();
  size_t width = 1;
  const std::vector<vm::Token>& toks = lexer.tokens();
  auto first = std::find_if(toks.begin(), toks.end(),
                            [](const vm::Token& t) { return !t.no_position; });
  if (first != toks.end() && first->kind != vm::TokenKind::Error && first->line == 1 &&
      first->end > first->start)
    width = utf8_chars(std::string_view(src).substr(first->start, first->end - first->start));
  err.end_offset = 1 + static_cast<int>(std::max<size_t>(width, 1));
  return err;
}

std::vector<std::string> complete_name(vm::VM& vm, std::string_view text) {
  if (text.find('.') != text.npos) return attr_matches(vm, text);
  return global_matches(vm, text);
}

size_t completion_word_start(std::string_view before_cursor) {
  size_t i = before_cursor.size();
  while (i > 0 && kCompleterDelims.find(before_cursor[i - 1]) == kCompleterDelims.npos) --i;
  return i;
}

std::string common_prefix(const std::vector<std::string>& words) {
  if (words.empty()) return "";
  std::string prefix = words[0];
  for (const std::string& w : words) {
    size_t n = 0;
    while (n < prefix.size() && n < w.size() && prefix[n] == w[n]) ++n;
    prefix.resize(n);
  }
  // Never end inside a UTF-8 sequence: drop a cut-off trailing character.
  size_t lead = prefix.size();
  while (lead > 0 && (static_cast<unsigned char>(prefix[lead - 1]) & 0xC0) == 0x80) --lead;
  if (lead > 0 && static_cast<unsigned char>(prefix[lead - 1]) >= 0xC0) {
    unsigned char c = static_cast<unsigned char>(prefix[lead - 1]);
    size_t need = c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : 2;
    if (prefix.size() - (lead - 1) < need) prefix.resize(lead - 1);
  }
  return prefix;
}

std::string strip_stdin_source_lines(std::string_view traceback) {
  std::string out;
  bool skipping = false;
  size_t pos = 0;
  while (pos < traceback.size()) {
    size_t nl = traceback.find('\n', pos);
    size_t end = nl == traceback.npos ? traceback.size() : nl + 1;
    std::string_view line = traceback.substr(pos, end - pos);
    pos = end;
    if (skipping && starts_with(line, "    ")) continue;
    skipping = starts_with(line, "  File \"<stdin>\", line ") &&
               line.find(", in ") != std::string_view::npos;
    out += line;
  }
  return out;
}

int run_repl(vm::VM& vm) {
  vm.set_interactive_stdout(true);
  std::unique_ptr<LineReader> reader;
  if (isatty(0) && isatty(1)) {
    auto edit = std::make_unique<EditReader>(vm);
    if (edit->ok()) reader = std::move(edit);
  }
  if (!reader) reader = std::make_unique<StdioReader>(vm);
  if (vm.argv().empty() || vm.argv()[0].empty()) vm.write_stderr(kBanner);
  return repl_loop(vm, *reader);  // the reader's destructor saves the history
}

}  // namespace pyjitvm::tools
