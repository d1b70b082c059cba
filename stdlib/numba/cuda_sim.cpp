// stdlib/numba/cuda_sim.cpp — the numba.cuda simulator's kernels, launch configuration,
// thread scheduler and in-kernel intrinsics (grid, shared/local arrays, atomics).
//
// Stage: written in Python and executed into the numba.cuda module by
// cuda_module.cpp. kernel[griddim, blockdim](args) → _launch → blocks one after another
// (np.ndindex order: x slowest) → each block runs its threads, in the same order, as
// separate calls of the kernel's barrier variant (cuda_module.cpp _barrier_variant:
// each `cuda.syncthreads()` statement of the kernel body is a `yield`).
//
// Invariants:
//   I1  The per-thread state the kernel reads (module globals threadIdx, blockIdx,
//       blockDim, gridDim and _thread) is set by the scheduler before each thread is
//       started or resumed, and removed after the launch (outside a kernel
//       cuda.threadIdx is an AttributeError, as in Numba's simulator).
//   I2  Barrier: each round resumes every live thread of the block once; a thread
//       either arrives at its next barrier (yield) or exits. A round ends with all
//       live threads at a barrier, which releases them together. As in Numba 0.56's
//       simulator, threads that have exited do not hold the barrier back, so no launch
//       deadlocks. Limit: syncthreads() called from a device function (or as an
//       expression) cannot suspend the thread and raises NotImplementedError.
//   I3  An exception in a thread stops the launch and is re-raised with the same type
//       and the message "tid=[x, y, z] ctaid=[x, y, z]: <message>" (Numba's wording);
//       host arrays passed to the kernel are then not written back.
//   I4  Host NumPy arguments are copied in before the launch and copied back after it
//       succeeds, as the simulator does; device arrays are used in place.
//   I5  The k-th cuda.shared.array() call of every thread of a block returns the same
//       array (zero-filled when the block starts).
#include <string_view>

namespace pyjitvm::stdlib::nb {

std::string_view cuda_sim_source() {
  return R"PY(
import numpy as _np


class Dim3:
    __slots__ = ('x', 'y', 'z')

    def __init__(self, x, y, z):
        self.x = x
        self.y = y
        self.z = z

    def __iter__(self):
        yield self.x
        yield self.y
        yield self.z

    def __repr__(self):
        return 'Dim3(%s, %s, %s)' % (self.x, self.y, self.z)

    __str__ = __repr__


class _Thread:
    __slots__ = ('tid', 'gen', 'nshared')

    def __init__(self, tid):
        self.tid = tid
        self.gen = None
        self.nshared = 0


_shared_arrays = []
_thread = None


def _nb_dtype(dtype):
    if type(dtype) is _NbTypeClass:
        return _np.dtype(str(dtype))
    return dtype


def _check_dim(dim, name):
    if not isinstance(dim, (tuple, list)):
        dim = [dim]
    else:
        dim = list(dim)
    if len(dim) > 3:
        raise ValueError('%s must be a sequence of 1, 2 or 3 integers, got %r' % (name, dim))
    for v in dim:
        if not isinstance(v, (int, _np.integer)):
            raise TypeError('%s must be a sequence of integers, got %r' % (name, dim))
    for v in dim:
        if v < 0:
            raise ValueError('negative dimensions are not allowed')
    while len(dim) < 3:
        dim.append(1)
    return tuple(int(v) for v in dim)


def _rethrow(e, t, bidx):
    msg = 'tid=%s ctaid=%s' % (list(t.tid), list(bidx))
    text = str(e)
    if text:
        msg = msg + ': ' + text
    raise type(e)(msg) from None


def _run_block(fn, args, bidx, bdim):
    global threadIdx, _thread, _shared_arrays
    _shared_arrays = []
    live = []
    for x in range(bdim.x):
        for y in range(bdim.y):
            for z in range(bdim.z):
                t = _Thread(Dim3(x, y, z))
                threadIdx = t.tid
                _thread = t
                try:
                    r = fn(*args)
                except Exception as e:
                    _rethrow(e, t, bidx)
                if r is not None:
                    t.gen = r
                    live.append(t)
    while live:
        waiting = []
        for t in live:
            threadIdx = t.tid
            _thread = t
            try:
                next(t.gen)
                waiting.append(t)
            except StopIteration:
                pass
            except Exception as e:
                _rethrow(e, t, bidx)
        live = waiting


def _launch(fn, griddim, blockdim, args):
    global gridDim, blockDim, blockIdx
    kargs = []
    copies = []
    for a in args:
        if isinstance(a, FakeCUDAArray):
            kargs.append(a._ary)
        elif isinstance(a, _np.ndarray):
            d = a.copy()
            copies.append((a, d))
            kargs.append(d)
        else:
            kargs.append(a)
    gd = Dim3(*griddim)
    bd = Dim3(*blockdim)
    gridDim = gd
    blockDim = bd
    try:
        for bx in range(gd.x):
            for by in range(gd.y):
                for bz in range(gd.z):
                    b = Dim3(bx, by, bz)
                    blockIdx = b
                    _run_block(fn, kargs, b, bd)
    finally:
        _end_launch()
    for host, dev in copies:
        host[...] = dev


def _end_launch():
    g = globals()
    for name in ('threadIdx', 'blockIdx', 'blockDim', 'gridDim'):
        if name in g:
            del g[name]


class FakeCUDAKernel:
    __module__ = 'numba.cuda.simulator.kernel'

    def __init__(self, fn, device, fastmath=False, extensions=(), debug=False):
        self.fn = fn
        self._device = device
        self._fastmath = fastmath
        self._debug = debug
        self.extensions = list(extensions)
        self.grid_dim = None
        self.block_dim = None
        self._thread_fn = None
        self.__name__ = fn.__name__
        self.__doc__ = fn.__doc__
        self.py_func = fn

    def __call__(self, *args):
        if self._device:
            return self.fn(*args)
        if self.grid_dim is None:
            raise ValueError('kernel launch configuration was not specified. Use the syntax:'
                             '\n\nkernel_function[blockspergrid, threadsperblock](arg0, arg1, '
                             '..., argn)\n\nSee https://numba.readthedocs.io/en/stable/cuda/'
                             'kernels.html#kernel-invocation for help.\n\n')
        if self._thread_fn is None:
            self._thread_fn = _barrier_variant(self.fn)
        _launch(self._thread_fn, self.grid_dim, self.block_dim, args)

    def __getitem__(self, configuration):
        griddim, blockdim = configuration[:2]
        self.grid_dim = _check_dim(griddim, 'griddim')
        self.block_dim = _check_dim(blockdim, 'blockdim')
        return self

    def forall(self, ntasks, tpb=0, stream=0, sharedmem=0):
        return self[ntasks, 1, stream, sharedmem]

    @property
    def overloads(self):
        return {}

    @property
    def ptx(self):
        return {}


_FunctionType = type(_check_dim)


def jit(func_or_sig=None, device=False, debug=False, argtypes=None, inline=False,
        restype=None, fastmath=False, link=None, boundscheck=None, opt=True, cache=False,
        **kws):
    if link:
        raise NotImplementedError('Cannot link PTX in the simulator')
    if type(func_or_sig) is _FunctionType:
        return FakeCUDAKernel(func_or_sig, device=device, fastmath=fastmath, debug=debug)

    def jitwrapper(fn):
        return FakeCUDAKernel(fn, device=device, fastmath=fastmath, debug=debug)
    return jitwrapper


def declare_device(name, sig):
    raise NotImplementedError('declare_device is not supported by the pyjitvm CUDA simulator')


# ---- intrinsics read inside kernels (I1)
def grid(ndim):
    t = threadIdx
    b = blockIdx
    d = blockDim
    if ndim == 1:
        return t.x + b.x * d.x
    if ndim == 2:
        return (t.x + b.x * d.x, t.y + b.y * d.y)
    if ndim == 3:
        return (t.x + b.x * d.x, t.y + b.y * d.y, t.z + b.z * d.z)
    raise ValueError('Global ID has 1-3 dimensions. %d requested' % ndim)


def gridsize(ndim):
    d = blockDim
    g = gridDim
    if ndim == 1:
        return d.x * g.x
    if ndim == 2:
        return (d.x * g.x, d.y * g.y)
    if ndim == 3:
        return (d.x * g.x, d.y * g.y, d.z * g.z)
    raise ValueError('Global grid has 1-3 dimensions. %d requested' % ndim)


def syncthreads():
    raise NotImplementedError(
        'cuda.syncthreads() must be a statement of the kernel body in the pyjitvm CUDA '
        'simulator (not in a device function or inside an expression)')


def syncwarp(mask=0xFFFFFFFF):
    pass


def threadfence():
    pass


threadfence_block = threadfence
threadfence_system = threadfence
warpsize = 32
laneid = 0


class shared:
    @staticmethod
    def array(shape, dtype):
        t = _thread
        k = t.nshared
        t.nshared = k + 1
        if k < len(_shared_arrays):
            return _shared_arrays[k]
        a = _np.zeros(shape, dtype=_nb_dtype(dtype))
        _shared_arrays.append(a)
        return a


class local:
    @staticmethod
    def array(shape, dtype):
        return _np.zeros(shape, dtype=_nb_dtype(dtype))


class const:
    @staticmethod
    def array_like(ary):
        return ary


class atomic:
    @staticmethod
    def add(ary, idx, val):
        old = ary[idx]
        ary[idx] += val
        return old

    @staticmethod
    def sub(ary, idx, val):
        old = ary[idx]
        ary[idx] -= val
        return old

    @staticmethod
    def max(ary, idx, val):
        old = ary[idx]
        ary[idx] = max(old, val)
        return old

    @staticmethod
    def min(ary, idx, val):
        old = ary[idx]
        ary[idx] = min(old, val)
        return old

    @staticmethod
    def exch(ary, idx, val):
        old = ary[idx]
        ary[idx] = val
        return old

    @staticmethod
    def and_(ary, idx, val):
        old = ary[idx]
        ary[idx] &= val
        return old

    @staticmethod
    def or_(ary, idx, val):
        old = ary[idx]
        ary[idx] |= val
        return old

    @staticmethod
    def xor(ary, idx, val):
        old = ary[idx]
        ary[idx] ^= val
        return old

    @staticmethod
    def inc(ary, idx, val):
        old = ary[idx]
        ary[idx] = 0 if old >= val else old + 1
        return old

    @staticmethod
    def dec(ary, idx, val):
        old = ary[idx]
        ary[idx] = val if (old == 0 or old > val) else old - 1
        return old

    @staticmethod
    def cas(ary, idx, old, val):
        loaded = ary[idx]
        if loaded == old:
            ary[idx] = val
        return loaded

    @staticmethod
    def compare_and_swap(ary, old, val):
        loaded = ary[0]
        if loaded == old:
            ary[0] = val
        return loaded

    nanmax = max
    nanmin = min


setattr(atomic, 'and', atomic.and_)
setattr(atomic, 'or', atomic.or_)
)PY";
}

}  // namespace pyjitvm::stdlib::nb
