# tests/scripts/errors/sys_exit_code.py — sys.exit(3): exit status 3 and nothing on
# stderr (so the .err file is empty).
import sys

print("exit with 3")
sys.exit(3)
