"""paddle.finfo and paddle.iinfo: the limits numpy gives for each dtype (real
Paddle's values too: its finfo reads the same IEEE formats), eagerly and in
compiled code, where `paddle.finfo(x.dtype).min` masks attention scores."""
import numpy as np
import pytest

import dy2st as paddle


@pytest.mark.parametrize("dtype", ["float16", "float32", "float64"])
def test_finfo_is_numpys(dtype):
    info, ref = paddle.finfo(getattr(paddle, dtype)), np.finfo(dtype)
    assert (info.bits, info.eps, info.min, info.max, info.tiny, info.smallest_normal,
            info.resolution, info.dtype) == (ref.bits, float(ref.eps), float(ref.min),
                                             float(ref.max), float(ref.tiny),
                                             float(ref.smallest_normal), 10.0 ** -ref.precision,
                                             dtype)


@pytest.mark.parametrize("dtype", ["complex64", "complex128"])
def test_finfo_of_complex_is_its_parts(dtype):
    """Paddle's finfo of a complex dtype is its parts' (numpy's too)."""
    info, ref = paddle.finfo(getattr(paddle, dtype)), np.finfo(dtype)
    assert (info.bits, info.eps, info.min, info.max, info.dtype) == \
        (ref.bits, float(ref.eps), float(ref.min), float(ref.max), str(ref.dtype))


def test_finfo_of_bfloat16_is_its_format():
    """bfloat16: float32's exponent (8 bits) with 7 bits of mantissa (numpy
    has no such dtype); 2 decimal digits of precision, as Paddle says."""
    info = paddle.finfo(paddle.bfloat16)
    largest = (2 - 2.0 ** -7) * 2.0 ** 127
    assert (info.bits, info.eps, info.min, info.max, info.tiny, info.smallest_normal,
            info.resolution, info.dtype) == (16, 2.0 ** -7, -largest, largest, 2.0 ** -126,
                                             2.0 ** -126, 0.01, "bfloat16")


@pytest.mark.parametrize("dtype", ["uint8", "int8", "int16", "int32", "int64"])
def test_iinfo_is_numpys(dtype):
    info, ref = paddle.iinfo(getattr(paddle, dtype)), np.iinfo(dtype)
    assert (info.bits, info.min, info.max, info.dtype) == (ref.bits, ref.min, ref.max, dtype)


def test_other_dtypes_are_paddles_value_error():
    with pytest.raises(ValueError, match="paddle.finfo can only be"):
        paddle.finfo(paddle.int32)
    with pytest.raises(ValueError, match="paddle.iinfo can only be"):
        paddle.iinfo("float32")


def masked_scores(scores, mask):
    lowest = paddle.finfo(scores.dtype).min
    return paddle.where(mask, scores, paddle.full_like(scores, lowest))


def clamped_ids(ids):
    info = paddle.iinfo(ids.dtype)
    return paddle.clip(ids, 0, info.max) + info.bits


@pytest.mark.parametrize("dtype", ["float32", "float64"])
def test_finfo_in_compiled_code(dtype):
    scores = paddle.to_tensor(np.random.RandomState(0).rand(2, 3).astype(dtype))
    mask = paddle.to_tensor(np.array([[True, False, True], [False, True, True]]))
    eager = masked_scores(scores, mask)
    compiled = paddle.jit.to_static(masked_scores)(scores, mask)
    assert compiled.dtype == eager.dtype
    np.testing.assert_array_equal(compiled.numpy(), eager.numpy())
    assert compiled.numpy()[0, 1] == np.finfo(dtype).min


@pytest.mark.parametrize("dtype", ["int32", "int64"])
def test_iinfo_in_compiled_code(dtype):
    ids = paddle.to_tensor(np.array([-1, 5], dtype))
    eager = clamped_ids(ids)
    compiled = paddle.jit.to_static(clamped_ids)(ids)
    assert compiled.dtype == eager.dtype
    np.testing.assert_array_equal(compiled.numpy(), eager.numpy())


def dtype_chosen_by_name(x):
    # AMP-aware model code: the half-precision branch folds away.
    if x.dtype == paddle.float16 or x.dtype in (paddle.bfloat16, paddle.half):
        return x.astype(paddle.float16)
    return x * paddle.pi + paddle.finfo(paddle.float16).max, x.dtype == paddle.float


def test_dtypes_tensors_do_not_hold_are_named():
    """float16, bfloat16 and the small integers exist as names (compared,
    given to finfo/iinfo); a tensor of one is a TypeError."""
    x = paddle.to_tensor([1.0, 2.0])
    eager = dtype_chosen_by_name(x)
    compiled = paddle.jit.to_static(dtype_chosen_by_name)(x)
    np.testing.assert_array_equal(eager[0].numpy(), compiled[0].numpy())
    assert eager[1] is compiled[1] is True
    assert repr(paddle.float16) == "paddle.float16" and isinstance(paddle.int8, paddle.dtype)
    assert (paddle.double, paddle.long, paddle.int) == ("float64", "int64", "int32")
    assert (paddle.e, paddle.newaxis) == (np.e, None) and np.isinf(paddle.inf)
    for dtype in (paddle.float16, paddle.bfloat16, paddle.uint8):
        with pytest.raises(TypeError, match=f"complex128, not paddle.{dtype}$"):
            paddle.to_tensor([1.0], dtype=dtype)
    with pytest.raises(TypeError, match="complex128, not paddle.float16$"):
        x.astype(paddle.half)
    with pytest.raises(paddle.Dy2StError, match="float16"):
        paddle.jit.to_static(lambda v: v.astype(paddle.float16))(x)
