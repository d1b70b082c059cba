# tests/scripts/lang/import_local.py — importing a module that sits beside the script:
# executed once, attribute access, from-import, aliases, module globals, sys.modules,
# star-import skipping _private names, ImportError/ModuleNotFoundError messages.
import sys
import _coretest_helper
import _coretest_helper as h2
from _coretest_helper import CONSTANT, bump as b, Shape

print(__name__, _coretest_helper.__name__, h2 is _coretest_helper, CONSTANT)
print(b(), b(), _coretest_helper.counter, h2.bump(), _coretest_helper.counter)
print(Shape(3), isinstance(Shape(3), _coretest_helper.Shape), type(Shape(1)).__module__)
print("_coretest_helper" in sys.modules, sys.modules["_coretest_helper"] is h2)
import _coretest_helper
print("second import did not re-run")
_coretest_helper.CONSTANT = 7
from _coretest_helper import CONSTANT as C2
print(C2, CONSTANT)
from _coretest_helper import *
print("_private" in dir(), "fail" in dir())
try:
    import _coretest_missing_module
except ModuleNotFoundError as e:
    print("ModuleNotFoundError:", e, e.name)
try:
    from _coretest_helper import nothing_here
except ImportError as e:
    print("ImportError:", str(e).split(" (")[0])
try:
    _coretest_helper.fail()
except ZeroDivisionError as e:
    print("ZeroDivisionError:", e)
import math, time as t
print(math.sqrt(4), type(t).__name__)
