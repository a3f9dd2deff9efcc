"""Dynamic shapes: None in InputSpec, sizes known only at run time, shapes
that grow in loops, reshape by a runtime shape tensor."""
import numpy as np
import pytest

import dy2st as paddle
from dy2st.static import InputSpec
from conftest import assert_same


def reshape_by_tensor(x, shape):
    y = paddle.reshape(x, shape)
    return y, y.shape[0], y.shape[1]


@pytest.mark.parametrize("shape", [[2, 3], [3, 2], [1, 6]])
def test_shape_after_reshape_by_a_shape_tensor_is_the_runtime_size(differential, shape):
    fn = differential(reshape_by_tensor, paddle.to_tensor(np.arange(6, dtype=np.float32)),
                      paddle.to_tensor(shape))
    assert fn[1] == shape[0] and fn[2] == shape[1]


def reshape_literal(x):
    a = paddle.reshape(x, [2, -1])
    b = paddle.reshape(a, [0, -1, 1])
    return a, b, paddle.reshape(x, [-1]), a.shape


def test_reshape_to_a_literal_shape(differential):
    differential(reshape_literal, paddle.to_tensor(np.arange(6, dtype=np.float32).reshape(3, 2)))


def test_reshape_with_a_dynamic_input():
    fn = paddle.jit.to_static(reshape_literal, input_spec=[InputSpec([None, 2])])
    for rows in (2, 4):
        x = paddle.to_tensor(np.arange(rows * 2, dtype=np.float32).reshape(rows, 2))
        for got, want in zip(fn(x)[:3], reshape_literal(x)[:3]):
            np.testing.assert_array_equal(got.numpy(), want.numpy())


def grow_by_concat(x, y):
    while x.shape[0] < 6:
        x = paddle.concat([x, y])
    return x, x.shape[0]


def test_loop_carried_tensor_that_grows(differential):
    differential(grow_by_concat, paddle.to_tensor([1.0]), paddle.to_tensor([2.0, 3.0]))


def test_one_compilation_for_all_sizes():
    fn = paddle.jit.to_static(grow_by_concat,
                              input_spec=[InputSpec([None]), InputSpec([None])])
    for n in (1, 2, 7):
        x = paddle.to_tensor(np.ones(n, np.float32))
        y = paddle.to_tensor(np.ones(2, np.float32))
        out, size = fn(x, y)
        assert size == grow_by_concat(x, y)[1] and out.shape == [size]
    assert len(fn.compiled_signatures) == 1


def row_grows_by_broadcasting(x, n):
    h = x[:1]
    i = 0
    while i < n:
        h = h + x * i
        i += 1
    return h


@pytest.mark.parametrize("steps", [0, 1, 3])
def test_loop_carried_size_of_one_that_broadcasts_in_the_loop(differential, steps):
    x = paddle.to_tensor(np.arange(12, dtype="float32").reshape(4, 3))
    differential(row_grows_by_broadcasting, x, paddle.to_tensor(steps))


def size_one_before_a_runtime_for(x, n):
    h = paddle.zeros([1, 3])
    for i in range(n):
        h = h + x
    return h


@pytest.mark.parametrize("steps", [0, 2])
def test_loop_carried_size_of_one_before_a_runtime_for(differential, steps):
    differential(size_one_before_a_runtime_for, paddle.to_tensor(np.ones((4, 3), "float32")),
                 paddle.to_tensor(steps))


def compare_shapes(x, y):
    if x.shape == y.shape:
        out = x + y
    else:
        out = x * 2.0
    return out, x.shape != [2, 3], [x.shape[0]] == (2,), x.shape[:1] == [y.shape[0]]


@pytest.mark.parametrize("rows", [(2, 2), (2, 3), (4, 4)])
def test_shapes_with_runtime_sizes_compare_item_by_item(rows):
    fn = paddle.jit.to_static(compare_shapes, input_spec=[InputSpec([None, 3]),
                                                          InputSpec([None, 3])])
    x = paddle.to_tensor(np.arange(rows[0] * 3, dtype=np.float32).reshape(rows[0], 3))
    y = paddle.ones([rows[1], 3])
    got, want = fn(x, y), compare_shapes(x, y)
    np.testing.assert_array_equal(got[0].numpy(), want[0].numpy())
    assert tuple(got[1:]) == tuple(want[1:]) == (rows[0] != 2, False, rows[0] == rows[1])


def class_token_then_norm(x, cls, pos):
    # A ViT's class token: expanded to a batch read at run time, joined to the
    # patches (concat then knows the batch is 1), normalized over 64 (a
    # pairwise sum whose slices drop a unit dimension), its first row taken.
    batch = paddle.shape(x)[0]
    y = paddle.concat((cls.expand((batch, -1, -1)), x), axis=1) + pos
    return paddle.nn.functional.layer_norm(y, 64)[:, 0]


@pytest.mark.parametrize("batch", [1, 3])
def test_a_runtime_size_that_turns_out_one(differential, batch):
    rng = np.random.RandomState(batch)
    differential(class_token_then_norm,
                 *[paddle.to_tensor(rng.rand(*s).astype("float32"))
                   for s in ((batch, 16, 64), (1, 1, 64), (1, 17, 64))])


class SameSegmenter(paddle.nn.Layer):
    """PaddleSeg's 'same'-padded convolutions (stride 1 and 2) and a resize
    back to the input's size, exported for images of any size."""

    def __init__(self):
        super().__init__()
        self.down = paddle.nn.Conv2D(3, 4, 3, stride=2, padding="same")
        self.mix = paddle.nn.Conv2D(4, 4, (3, 5), padding="same", groups=2)
        self.head = paddle.nn.Conv2D(4, 2, 1)

    def forward(self, x):
        y = self.mix(paddle.nn.functional.relu(self.down(x)))
        return paddle.nn.functional.interpolate(self.head(y), paddle.shape(x)[2:],
                                                mode="bilinear")


@pytest.mark.parametrize("height, width", [(16, 16), (15, 22), (9, 7)])
def test_same_padding_of_sizes_known_at_run_time(height, width):
    layer = SameSegmenter()
    compiled = paddle.jit.to_static(
        layer, input_spec=[InputSpec([None, 3, None, None], "float32")])
    x = paddle.to_tensor(np.random.RandomState(height).rand(2, 3, height, width)
                         .astype(np.float32))
    expected = layer.forward.dygraph_function(layer, x)
    np.testing.assert_allclose(compiled(x).numpy(), expected.numpy(), rtol=1e-5, atol=1e-6)


def same_pools(x):
    return (paddle.nn.functional.max_pool2d(x, 3, stride=2, padding="SAME", ceil_mode=True),
            paddle.nn.functional.avg_pool2d(x, 3, stride=2, padding="same", exclusive=False),
            paddle.nn.functional.avg_pool2d(x, 2, stride=3, padding="SAME", divisor_override=3))


@pytest.mark.parametrize("size", [(7, 8), (6, 5), (9, 4)])
def test_same_pools_of_sizes_known_at_run_time(size):
    """'SAME' pools at a stride other than 1 on images of any size: the
    padding computed where they run (one compile for every size)."""
    dynamic = paddle.jit.to_static(same_pools, input_spec=[InputSpec([None, 2, None, None])])
    x = paddle.to_tensor(np.random.RandomState(sum(size)).randn(1, 2, *size).astype("float32"))
    assert_same(same_pools(x), dynamic(x))


def pad_to_match(x, y):
    # U-Net's decoder pads the upsampled map to the skip connection's size:
    # the amounts are known only at run time.
    dy = y.shape[2] - x.shape[2]
    dx = y.shape[3] - x.shape[3]
    return paddle.nn.functional.pad(x, [dx // 2, dx - dx // 2, dy // 2, dy - dy // 2])


@pytest.mark.parametrize("mode", ["constant", "replicate", "circular"])
def test_pad_by_amounts_known_only_at_run_time(mode):
    def pad(x, y):
        dy = y.shape[2] - x.shape[2]
        dx = y.shape[3] - x.shape[3]
        return paddle.nn.functional.pad(x, [dx // 2, dx - dx // 2, dy // 2, dy - dy // 2],
                                        mode=mode, value=-2.0)
    spec = InputSpec([None, 2, None, None])
    fn = paddle.jit.to_static(pad, input_spec=[spec, spec])
    rng = np.random.RandomState(0)
    # Larger (padded), the same, and smaller (cropped: negative amounts).
    for (h, w), (oh, ow) in [((3, 4), (6, 7)), ((4, 4), (4, 4)), ((5, 6), (4, 3))]:
        x = paddle.to_tensor(rng.randn(1, 2, h, w).astype(np.float32))
        y = paddle.zeros([1, 2, oh, ow])
        got, want = fn(x, y), pad(x, y)
        assert got.shape == [1, 2, oh, ow]
        assert_same(want, got)
    assert len(fn.compiled_signatures) == 1


def test_pad_to_match_with_the_reference_formula():
    x = np.arange(12, dtype=np.float32).reshape(1, 1, 3, 4)
    fn = paddle.jit.to_static(pad_to_match, input_spec=[InputSpec([None, 1, None, None])] * 2)
    got = fn(paddle.to_tensor(x), paddle.zeros([1, 1, 6, 5])).numpy()
    np.testing.assert_array_equal(got, np.pad(x, [(0, 0), (0, 0), (1, 2), (0, 1)]))
    # Cropped: one row off the top, two columns off the right.
    got = fn(paddle.to_tensor(x), paddle.zeros([1, 1, 2, 2])).numpy()
    np.testing.assert_array_equal(got, x[:, :, 1:, 1:3])


def pad_by_tensor(x, amounts):
    return paddle.nn.functional.pad(x, amounts, value=1.0)


def test_pad_by_a_tensor_of_amounts(differential):
    x = paddle.to_tensor(np.arange(6, dtype=np.float32).reshape(2, 3))
    for amounts in ([1, 0, 2, 1], [0, 0, 0, 3]):
        differential(pad_by_tensor, x, paddle.to_tensor(amounts))


def test_negative_amounts_listing_every_dimension_are_an_error():
    # Paddle's pad of every dimension takes no negative amount (its spatial
    # form crops).
    fn = paddle.jit.to_static(pad_by_tensor)
    x = paddle.ones([2, 3])
    for run in (pad_by_tensor, fn):
        with pytest.raises(ValueError, match="should be >= 0"):
            run(x, paddle.to_tensor([0, -1, 0, 0]))


def crop_edges(x):
    n = x.shape[2] - 1
    return paddle.nn.functional.pad(x, [-n, -n])


def test_pad_cropping_more_than_the_input_holds_raises_where_it_runs():
    fn = paddle.jit.to_static(crop_edges, input_spec=[InputSpec([1, 2, None])])
    x = paddle.ones([1, 2, 2])
    assert_same(crop_edges(x), fn(x))
    for run in (crop_edges, fn):
        with pytest.raises(ValueError, match="crops more than"):
            run(paddle.ones([1, 2, 3]))
