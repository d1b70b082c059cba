# Found by tests/jit/fuzz_loops.py (seed 364): the type guard of a global whose value is
# only tested (`go3 is not None`) must stay in the trace even though no instruction uses
# the loaded value; dead-code elimination once removed it.
gi1 = 0
go3 = None
w6 = 0
while w6 < 10:
    w6 += 1
    w7 = 0
    while w7 < 5:
        w7 += 1
        if go3 is not None:
            gi1 += go3
    go3 = None if ((w6 % (abs(gi1) + 1)) != (-gi1) and -1 % 2 == 0) else 13
print('B0', gi1, go3)
