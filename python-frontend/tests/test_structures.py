"""paddle.utils.flatten / pack_sequence_as / map_structure over nested
containers (their nesting known at compile time), and converted functions
that take *args."""
import numpy as np

import dy2st as paddle
from conftest import assert_same


def structures(x, y):
    nest = {"b": x, "a": [y, (x * 2.0, y + 1.0)]}
    flat = paddle.utils.flatten(nest)
    doubled = paddle.utils.map_structure(lambda t: t * 2.0, nest)
    summed = paddle.utils.map_structure(lambda a, b: a + b, [x, (y,)], [y, (x,)])
    back = paddle.utils.pack_sequence_as(nest, flat)
    return flat, doubled, summed, back


def test_structures_eager_match_paddle_semantics():
    x, y = paddle.to_tensor([1.0, 2.0]), paddle.to_tensor([3.0, 5.0])
    flat, doubled, summed, back = structures(x, y)
    # Paddle's order: a dict's values by sorted key, depth first.
    assert [t.numpy().tolist() for t in flat] == [[3.0, 5.0], [2.0, 4.0], [4.0, 6.0], [1.0, 2.0]]
    assert list(doubled) == ["b", "a"] and doubled["a"][1][0].numpy().tolist() == [4.0, 8.0]
    assert isinstance(summed[1], tuple) and summed[1][0].numpy().tolist() == [4.0, 7.0]
    assert back["b"] is x


def test_structures_compiled_match_eager():
    x, y = paddle.to_tensor([1.0, 2.0]), paddle.to_tensor([3.0, 5.0])
    assert_same(structures(x, y), paddle.jit.to_static(structures)(x, y))


def total(*parts):
    result = parts[0]
    for p in parts[1:]:
        result = result + p
    return result


def star_args(x, y):
    return total(x), total(x, y, x * 2.0)


def test_converted_functions_take_star_args():
    x, y = paddle.to_tensor(np.ones(3, np.float32)), paddle.to_tensor(np.arange(3, dtype=np.float32))
    assert_same(star_args(x, y), paddle.jit.to_static(star_args)(x, y))
