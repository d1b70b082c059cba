# tests/scripts/lang/module_random_state.py — random.getstate()/setstate() replay the
# same stream, also across a Random instance.
import random

random.seed(3)
state = random.getstate()
a = [random.random() for _ in range(3)]
random.setstate(state)
b = [random.random() for _ in range(3)]
print(a == b, a)
r = random.Random()
r.setstate(state)
print(r.random() == a[0], len(state), state[0], len(state[1]))
