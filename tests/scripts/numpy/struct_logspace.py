# logspace goes through np.power (needs the ufunc area's np.power).
import numpy as np

for args, kw in [((0, 2, 3), {}), ((0, 1, 4), {"base": 2}), ((0, 2, 3), {"endpoint": False}),
                 ((0, 3, 4), {"dtype": int}), ((1, 2, 2), {"dtype": np.float32}), ((0, 2, 0), {}),
                 ((-1, 1, 5), {"base": 3.0})]:
    r = np.logspace(*args, **kw)
    print(r.dtype, r.shape, r.tolist())
