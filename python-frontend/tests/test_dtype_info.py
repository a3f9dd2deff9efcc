"""paddle.finfo and paddle.iinfo: the limits numpy gives for each dtype (real
Paddle's values too: its finfo reads the same IEEE formats), eagerly and in
compiled code, where `paddle.finfo(x.dtype).min` masks attention scores."""
import numpy as np
import pytest

import dy2st as paddle


@pytest.mark.parametrize("dtype", ["float32", "float64"])
def test_finfo_is_numpys(dtype):
    info, ref = paddle.finfo(getattr(paddle, dtype)), np.finfo(dtype)
    assert (info.bits, info.eps, info.min, info.max, info.tiny, info.smallest_normal,
            info.resolution, info.dtype) == (ref.bits, float(ref.eps), float(ref.min),
                                             float(ref.max), float(ref.tiny),
                                             float(ref.smallest_normal), 10.0 ** -ref.precision,
                                             dtype)


@pytest.mark.parametrize("dtype", ["int32", "int64"])
def test_iinfo_is_numpys(dtype):
    info, ref = paddle.iinfo(dtype), np.iinfo(dtype)
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
