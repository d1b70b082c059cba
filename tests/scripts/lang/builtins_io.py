# tests/scripts/lang/builtins_io.py — open() on text files (write, read back, append,
# iterate lines, readline(s), with-statement closing, errors) and input() at EOF.
path = "/tmp/pyjitvm_coretests_builtins_io.txt"
with open(path, "w") as f:
    n = f.write("first line\n")
    f.write("second é line\n")
    print("wrote", n, f.closed)
print("closed after with:", f.closed)
with open(path) as f:
    print(repr(f.read()))
with open(path, "a") as f:
    f.write("third\n")
    print("x", 42, sep=":", file=f)
with open(path, "r") as f:
    print([line for line in f])
f = open(path)
print(repr(f.readline()), repr(f.readline()))
print(f.readlines())
print(repr(f.readline()), repr(f.read()))
f.close()
print(f.closed)
with open(path, "w") as f:
    f.writelines(["a\n", "b\n"])
    f.write("no newline at end")
with open(path) as f:
    data = f.read()
print(data.splitlines(), len(data))
with open(path) as f:
    print(repr(f.read(3)), repr(f.read(2)))
try:
    open("/tmp/pyjitvm_coretests_no_such_dir/x.txt")
except FileNotFoundError as e:
    print("FileNotFoundError:", e)
except OSError as e:
    print("OSError:", e)
try:
    with open(path) as f:
        f.write("nope")
except Exception as e:
    print(type(e).__name__ + ":", e)
try:
    f.read()
except ValueError as e:
    print("ValueError:", e)
try:
    input()
except EOFError as e:
    print("EOFError:", e)
try:
    input("prompt> ")
except EOFError as e:
    print("EOFError:", e)
