# tests/scripts/lang/module_sys_info.py — sys.version_info fields and sys.float_info
# (named-tuple style attributes used by numeric scripts).
import sys

print(sys.version_info.major, sys.version_info.minor, sys.version_info >= (3, 8))
print(sys.float_info.max, sys.float_info.min, sys.float_info.epsilon, sys.float_info.dig)
print(sys.float_info.mant_dig, sys.float_info.max_exp, sys.float_info[0] == sys.float_info.max)
