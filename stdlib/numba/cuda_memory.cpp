// stdlib/numba/cuda_memory.cpp — the numba.cuda simulator's host API: device arrays
// (FakeCUDAArray), transfers, streams, is_available/detect/synchronize.
//
// Stage: written in Python and executed into the numba.cuda module by cuda_module.cpp
// before cuda_sim.cpp's source (which refers to FakeCUDAArray).
//
// Invariants:
//   I1  A FakeCUDAArray owns a private NumPy array (`_ary`): to_device copies, and
//       copy_to_host returns a copy (or fills the given host array). Kernels receive
//       `_ary` itself, so writes by kernels are visible through the device array.
//   I2  Attributes the device array does not define come from `_ary`; array results
//       (and array results of its methods) come back wrapped as FakeCUDAArray, as in
//       Numba's simulator. Indexing returns scalars as NumPy scalars.
//   I3  The one simulated device prints as Numba 0.56's simulator does (detect()).
#include <string_view>

namespace pyjitvm::stdlib::nb {

std::string_view cuda_memory_source() {
  return R"PY(
import numpy as _np


def _wrap(r):
    if isinstance(r, _np.ndarray):
        return FakeCUDAArray(r)
    return r


class FakeCUDAArray:
    __module__ = 'numba.cuda.simulator.cudadrv.devicearray'
    __cuda_ndarray__ = True

    def __init__(self, ary, stream=0):
        self._ary = ary
        self.stream = stream

    @property
    def alloc_size(self):
        return self._ary.nbytes

    @property
    def nbytes(self):
        return self._ary.nbytes

    def __getattr__(self, name):
        attr = getattr(self._ary, name)
        if callable(attr):
            def method(*args, **kwargs):
                return _wrap(attr(*args, **kwargs))
            return method
        return _wrap(attr)

    def bind(self, stream=0):
        return FakeCUDAArray(self._ary, stream)

    @property
    def T(self):
        return self.transpose()

    def transpose(self, axes=None):
        return FakeCUDAArray(_np.transpose(self._ary, axes=axes))

    def __getitem__(self, idx):
        return _wrap(self._ary[idx])

    def __setitem__(self, idx, val):
        if isinstance(val, FakeCUDAArray):
            val = val._ary
        self._ary[idx] = val

    def __len__(self):
        return len(self._ary)

    def __repr__(self):
        return repr(self._ary)

    def __str__(self):
        return str(self._ary)

    def __iter__(self):
        for i in range(len(self._ary)):
            yield _wrap(self._ary[i])

    def copy_to_host(self, ary=None, stream=0):
        if ary is None:
            return self._ary.copy()
        if isinstance(ary, FakeCUDAArray):
            ary = ary._ary
        if ary.shape != self._ary.shape and ary.size != self._ary.size:
            raise ValueError('incompatible shape; device %s, host %s'
                             % (self._ary.shape, ary.shape))
        ary.reshape(-1)[...] = self._ary.reshape(-1)
        return ary

    def copy_to_device(self, ary, stream=0):
        if isinstance(ary, FakeCUDAArray):
            ary = ary._ary
        self._ary[...] = ary

    def is_c_contiguous(self):
        return self._ary.flags['C_CONTIGUOUS']

    def is_f_contiguous(self):
        return self._ary.flags['F_CONTIGUOUS']

    def split(self, section, stream=0):
        return [FakeCUDAArray(a) for a in _np.split(self._ary, section)]

    def get_ipc_handle(self):
        raise NotImplementedError('IPC handles are not supported by the pyjitvm CUDA simulator')


DeviceNDArray = FakeCUDAArray


def to_device(obj, stream=0, copy=True, to=None):
    if to is not None:
        to.copy_to_device(obj, stream)
        return to
    if isinstance(obj, FakeCUDAArray):
        obj = obj._ary
    return FakeCUDAArray(_np.array(obj, copy=True), stream)


def device_array(shape, dtype=_np.float64, strides=None, order='C', stream=0):
    return FakeCUDAArray(_np.zeros(shape, dtype=_nb_dtype(dtype), order=order), stream)


def device_array_like(ary, stream=0):
    if isinstance(ary, FakeCUDAArray):
        ary = ary._ary
    return FakeCUDAArray(_np.zeros_like(ary), stream)


def pinned_array(shape, dtype=_np.float64, strides=None, order='C'):
    return _np.zeros(shape, dtype=_nb_dtype(dtype), order=order)


def mapped_array(shape, dtype=_np.float64, strides=None, order='C', stream=0, portable=False,
                 wc=False):
    return device_array(shape, dtype, strides, order, stream)


managed_array = mapped_array


def pinned_array_like(ary):
    return _np.zeros_like(ary)


def is_cuda_array(obj):
    return isinstance(obj, FakeCUDAArray)


def as_cuda_array(obj, sync=True):
    if isinstance(obj, FakeCUDAArray):
        return obj
    raise TypeError('Not a CUDA array')


class _NoOpContext:
    def __enter__(self):
        return self

    def __exit__(self, *exc):
        return False


def pinned(*arylist):
    return _NoOpContext()


def mapped(*arylist, **kws):
    return _NoOpContext()


class stream:
    __module__ = 'numba.cuda.simulator.cudadrv.driver'

    def __init__(self):
        self.handle = 0

    def synchronize(self):
        pass

    def auto_synchronize(self):
        return _NoOpContext()

    def __repr__(self):
        return '<Stream 0>'


def default_stream():
    return stream()


legacy_default_stream = default_stream
per_thread_default_stream = default_stream
external_stream = lambda ptr: stream()


class event:
    def __init__(self, timing=True):
        self._time = 0.0

    def record(self, stream=0):
        pass

    def wait(self, stream=0):
        pass

    def synchronize(self):
        pass

    def elapsed_time(self, end):
        return 0.0


def event_elapsed_time(start, end):
    return 0.0


def synchronize():
    pass


def is_available():
    return True


def is_supported_version():
    return True


def detect():
    print('Found 1 CUDA devices')
    print('id %d    %20s %40s' % (0, 'SIMULATOR', '[SUPPORTED]'))
    print('%40s: 5.3' % 'compute capability')


class _Device:
    id = 0
    name = 'SIMULATOR'
    compute_capability = (5, 3)
    MAX_THREADS_PER_BLOCK = 1024
    WARP_SIZE = 32

    def reset(self):
        pass


def get_current_device():
    return _Device()


def select_device(dev_id):
    return _Device()


def list_devices():
    return [_Device()]


def close():
    pass


simulator = True
)PY";
}

}  // namespace pyjitvm::stdlib::nb
