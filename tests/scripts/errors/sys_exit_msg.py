# tests/scripts/errors/sys_exit_msg.py — sys.exit("msg") prints msg on stderr, status 1.
import sys

print("exiting")
sys.exit("fatal: giving up")
print("never printed")
