# tests/scripts/lang/base_dunder_calls.py — a class that overrides a dunder and calls the
# base implementation explicitly (object.__hash__(self), super().__hash__(), int.__add__).
class P:
    def __hash__(self):
        return object.__hash__(self) * 0 + 7
    def __eq__(self, o):
        return object.__eq__(self, o)
    def __repr__(self):
        return "P:" + object.__repr__(self)[:11]
    def __str__(self):
        return "S:" + object.__str__(self)[:4]
    def __setattr__(self, k, v):
        object.__setattr__(self, k, v + 1)
    def __getattribute__(self, k):
        return object.__getattribute__(self, k)
    def __lt__(self, o):
        return object.__lt__(self, o)
p = P()
p.x = 1
print(hash(p), p == p, p == 1, repr(p), str(p), p.x, p.__lt__(1))
class I(int):
    def __hash__(self):
        return int.__hash__(self) + 1
    def __repr__(self):
        return "I" + int.__repr__(self)
    def __add__(self, o):
        return I(int.__add__(self, o))
print(hash(I(5)), repr(I(5)), I(2) + 3)
class Sup:
    def __hash__(self):
        return super().__hash__() * 0 + 9
    def __repr__(self):
        return "Sup:" + super().__repr__()[:9]
print(hash(Sup()), repr(Sup()))
