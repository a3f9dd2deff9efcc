"""Complex tensors as Paddle makes and promotes them: Python's complex
numbers given to to_tensor and full, the dtypes of arithmetic between real
and complex tensors and numbers, casts, and the errors of what takes no
complex tensor. Written once against Paddle's API: run(paddle) on dy2st and
on real Paddle (test_complex.py)."""
import numpy as np


def _dtype(t):
    return str(t.dtype).replace("paddle.", "")


def _described(t):
    """dtype, shape and the values as [real, imaginary] pairs."""
    values = np.asarray(t.numpy()).astype(np.complex128).ravel()
    return [_dtype(t), list(t.shape), [[float(v.real), float(v.imag)] for v in values]]


def made(paddle):
    """Tensors made from Python's and NumPy's complex numbers."""
    return {
        "scalar": _described(paddle.to_tensor(1 + 2j)),
        "list": _described(paddle.to_tensor([1j, 2])),
        "given_dtype": _described(paddle.to_tensor([1.5, 2j], dtype="complex128")),
        "numpy": _described(paddle.to_tensor(np.array([1 - 1j], np.complex128))),
        "full": _described(paddle.full([2], 1 + 2j)),
        "full_complex64": _described(paddle.full([2], 1 + 2j, dtype="complex64")),
        "full_real": _described(paddle.full([2], 1 + 2j, dtype="float32")),
        "zeros": _described(paddle.zeros([2], dtype="complex64")),
        "complex_of_parts": _described(paddle.complex(paddle.to_tensor([1.0, 2.0]),
                                                      paddle.to_tensor([0.5, -1.0]))),
    }


def promoted(paddle):
    """The dtypes of arithmetic mixing complex and real operands."""
    z = paddle.to_tensor(np.array([1 + 2j, 3 - 1j], np.complex64))
    f32 = paddle.to_tensor([1.0, 2.0])
    f64 = paddle.to_tensor([1.0, 2.0], dtype="float64")
    ints = paddle.to_tensor([1, 2])
    return {
        "complex64+float32": _described(z + f32),
        "complex64*float64": _described(z * f64),
        "complex64-int64": _described(z - ints),
        "float32*1j": _described(f32 * 1j),
        "float64*1j": _described(f64 * 1j),
        "int64+1j": _described(ints + 1j),
        "complex64/2": _described(z / 2),
        "complex64**2": _described(z ** 2),
        "abs": _described(paddle.abs(z)),
        "to_float32": _described(z.astype("float32")),
        "to_bool": _described(z.astype("bool")),
        "from_float32": _described(f32.astype("complex64")),
        "equal": _described(z == z),
    }


def rejected(paddle):
    """What takes no complex tensor: the exception's class (Paddle's
    kernels are not registered for complex dtypes)."""
    z = paddle.to_tensor(np.array([1 + 2j, 3 - 1j], np.complex64))
    found = {}
    for name, fn in [("floor", lambda: paddle.floor(z)), ("real_of_float",
                                                          lambda: paddle.real(z.real())),
                     ("argsort", lambda: paddle.argsort(z))]:
        try:
            fn()
            found[name] = "accepted"
        except Exception:  # Paddle's RuntimeError, dy2st's TypeError
            found[name] = "rejected"
    return found


def run(paddle):
    return {"made": made(paddle), "promoted": promoted(paddle), "rejected": rejected(paddle)}
