"""Instances of namedtuple classes (collections.namedtuple, typing.NamedTuple,
classes derived from them) and of dataclasses in compiled code: made, read by
field (namedtuples also by index and unpacking), tested with isinstance(),
carried by loops and branches, given as arguments and returned as instances
of their class (checked by assert_same, which compares types)."""
import collections
import dataclasses
import typing

import numpy as np
import pytest

import dy2st as paddle
from conftest import assert_same
from dy2st.compiler.errors import Dy2StError

Cache = collections.namedtuple("Cache", ["k", "v"])
Span = collections.namedtuple("Span", "start stop", defaults=[10])
Entry = collections.namedtuple("Entry", ["k", "v"])


class Point(typing.NamedTuple):
    x: paddle.Tensor
    scale: float = 2.0


class Point3(Point):
    """A class derived from a namedtuple class: isinstance() of the base holds."""


class Plain(tuple):
    """A tuple subclass that is no namedtuple."""


ORIGIN = Span(0, 1)


def t(*values, dtype="float32"):
    return paddle.to_tensor(np.asarray(values, dtype))


def made_and_read(x):
    c = Cache(x, v=x * 2)
    p = Point(x)
    k, v = c
    first, *rest = p
    return (c, p, c.k + c[1] + v, first * p.scale, rest, len(c), Span(3), ORIGIN.stop,
            Cache._make((p.scale, 1)), c._fields)


def classes(x):
    c, p, q = Cache(x, 1), Point(x), Point3(x, 1.0)
    return (isinstance(c, Cache), isinstance(c, Point), isinstance(c, tuple),
            isinstance(p, Point), isinstance(q, Point), isinstance(p, Point3),
            isinstance(q, (Cache, Point3)), isinstance((x, 1), Cache), isinstance(x, Cache), q)


def methods(x):
    c = Cache(x, 1)
    d = c._replace(v=x.sum())._asdict()
    return c._replace(k=x * 3), d, d["v"] - c.k


def grow(x, n):
    cache = Cache(x[:1], 0)
    i = paddle.to_tensor(0)
    while i < n:
        cache = Cache(paddle.concat([cache.k, x[:1] + cache.v]), cache.v + 1)
        i += 1
    return cache


def branch(x):
    if x.sum() > 0:
        result = Point(x, 3.0)
    else:
        result = Point(-x)
    return result


def sequence_ops(x):
    c = Cache(x, 2)
    return c + (x,), c[::-1], c * 2, c[-1], len(c + c)


def update(caches, x):
    """Caches given as arguments (a list of them), returned updated."""
    return [Cache(c.k + x, c.v + 1) for c in caches], caches[0]


@pytest.mark.parametrize("fn,args", [
    (made_and_read, [t(1.0, 2.0)]),
    (classes, [t(1.0, 2.0)]),
    (methods, [t(1.0, 2.0)]),
    (grow, [t(1.0, 2.0), t(3, dtype="int64")]),
    (branch, [t(1.0, 2.0)]),
    (branch, [t(-1.0, -2.0)]),
    (sequence_ops, [t(1.0, 2.0)]),
], ids=["made_and_read", "classes", "methods", "grow", "branch_then", "branch_else",
        "sequence_ops"])
def test_compiled_matches_eager(fn, args):
    assert_same(fn(*args), paddle.jit.to_static(fn)(*args))


def test_classes_eager_are_python():
    got = classes(t(1.0))
    assert got[:9] == (True, False, True, True, True, False, True, False, False)
    assert type(grow(t(1.0), t(2, dtype="int64"))) is Cache


def test_arguments_of_namedtuple_classes():
    x = t(1.0, 2.0)
    caches = [Cache(x, 1), Cache(x * 2, 2)]
    compiled = paddle.jit.to_static(update)
    result = compiled(caches, x)
    assert_same(update(caches, x), result)
    assert type(result[1]) is Cache
    # Another class of the same fields is another structure (its own program).
    entries = [Entry(x, 1), Entry(x, 2)]
    assert type(compiled(entries, x)[1]) is Entry


def test_multi_head_attention_caches_in_a_decoding_loop():
    """A Transformer decoder's incremental and static caches carried by a
    loop whose count is known at run time (beam-search style decoding)."""
    paddle.seed(3)
    decoder = paddle.nn.TransformerDecoder(
        paddle.nn.TransformerDecoderLayer(8, 2, 16, dropout=0.0), 2)
    decoder.eval()

    def decode(memory, steps):
        cache = decoder.gen_cache(memory)
        token = memory[:, :1]
        outputs = []
        i = paddle.to_tensor(0)
        while i < steps:
            token, cache = decoder(token, memory, None, None, cache)
            outputs.append(token)
            i += 1
        return paddle.concat(outputs, axis=1), cache

    memory = paddle.to_tensor(np.random.RandomState(0).randn(2, 5, 8).astype("float32"))
    steps = t(4, dtype="int64")
    eager = decode(memory, steps)
    compiled = paddle.jit.to_static(decode)(memory, steps)
    assert_same(eager, compiled)
    incremental, static = compiled[1][0]
    assert type(incremental) is paddle.nn.MultiHeadAttention.Cache
    assert type(static) is paddle.nn.MultiHeadAttention.StaticCache
    assert incremental.k.shape == [2, 2, 4, 4]


def no_field(x):
    return Cache(x, 1).w


def too_many(x):
    return Cache(x, 1, 2)


def missing(x):
    return Cache(x)


def unknown_keyword(x):
    return Cache(x, 1, w=2)


def replace_unknown(x):
    return Cache(x, 1)._replace(w=2)


def plain_subclass(x):
    return isinstance((x, x), Plain)


@pytest.mark.parametrize("fn,message", [
    (no_field, "AttributeError: 'Cache(k=float32 tensor of shape [2], v=int)' object has no "
               "attribute 'w'"),
    (too_many, "TypeError: Cache() takes 2 arguments but 3 were given"),
    (missing, "TypeError: Cache() is missing the argument 'v'"),
    (unknown_keyword, "TypeError: Cache() got an unexpected argument 'w'"),
    (replace_unknown, "ValueError: Got unexpected field names: ['w']"),
    (plain_subclass, "isinstance() with a subclass of tuple cannot be told apart from a "
                     "plain tuple"),
])
def test_errors_name_the_line(fn, message):
    with pytest.raises(Dy2StError) as info:
        paddle.jit.to_static(fn)(t(1.0, 2.0))
    assert message in str(info.value)
    assert f"line {fn.__code__.co_firstlineno + 1}" in str(info.value)


@dataclasses.dataclass
class Batch:
    x: paddle.Tensor
    scale: float = 2.0


@dataclasses.dataclass
class Output:
    loss: paddle.Tensor
    logits: paddle.Tensor = None
    steps: list = dataclasses.field(default_factory=list)


@dataclasses.dataclass
class LabelledOutput(Output):
    label: str = "train"


def from_batch(batch):
    """Paddle's test_dataclass_as_input, and a dataclass made and returned."""
    return batch.x + 1, Output(batch.x.sum() * batch.scale, batch.x)


def output_through_control_flow(x, n):
    out = Output(x.sum())
    i = paddle.to_tensor(0)
    while i < n:
        out = Output(out.loss + 1.0, x * out.loss)
        i += 1
    if out.loss > 3:
        out = LabelledOutput(out.loss, out.logits, label="big")
    else:
        out = LabelledOutput(-out.loss, out.logits)
    return out, isinstance(out, Output), isinstance(out, tuple), isinstance(out, Cache)


@pytest.mark.parametrize("n", [0, 2])
def test_dataclasses_in_compiled_code(n):
    batch = Batch(t(1.0, 2.0), 3.0)
    assert_same(from_batch(batch), paddle.jit.to_static(from_batch)(batch))
    x, count = t(1.0, 2.0), t(n, dtype="int64")
    eager = output_through_control_flow(x, count)
    compiled = paddle.jit.to_static(output_through_control_flow)(x, count)
    assert_same(eager, compiled)
    assert type(compiled[0]) is LabelledOutput and compiled[1:] == (True, False, False)


def test_a_dataclass_result_saved_and_loaded(tmp_path):
    class Head(paddle.nn.Layer):
        def forward(self, x):
            return Output(x.mean(), x * 2)
    path = str(tmp_path / "head")
    paddle.jit.save(Head(), path, input_spec=[paddle.static.InputSpec([None, 2])])
    got = paddle.jit.load(path)(np.ones((3, 2), np.float32))
    assert type(got) is Output and got.loss.shape == [] and got.logits.shape == [3, 2]


def index_dataclass(x):
    return Output(x)[0]


def iterate_dataclass(x):
    return [v for v in Output(x)]


def unpack_dataclass(x):
    loss, logits, steps = Output(x)
    return loss


def len_of_dataclass(x):
    return len(Output(x))


@pytest.mark.parametrize("fn", [index_dataclass, iterate_dataclass, unpack_dataclass,
                                len_of_dataclass])
def test_a_dataclass_is_no_tuple(fn):
    """Python's TypeError, where eager raises it: the line and the message."""
    with pytest.raises(TypeError) as eager:
        fn(t(1.0))
    with pytest.raises(Dy2StError) as compiled:
        paddle.jit.to_static(fn)(t(1.0))
    assert f"TypeError: {eager.value}" in str(compiled.value)


KeyValue = collections.namedtuple("KeyValue", ["k", "v"])


@dataclasses.dataclass
class ScoredOutput:
    logits: object
    loss: object = None


def attributes_of_values(x, n):
    y = x * 2
    point = KeyValue(x, y)
    out = ScoredOutput(y)
    items = [x, y]
    return (hasattr(y, "shape"), hasattr(y, "no_such"), hasattr(n, "real"),
            hasattr(point, "k"), hasattr(point, "q"), hasattr(point, "_asdict"),
            hasattr(out, "loss"), hasattr(out, "_asdict"), hasattr(items, "append"),
            hasattr(x.sum(), "item"), hasattr("text", "upper"),
            getattr(y, "shape", [0]), getattr(point, "v", x), getattr(point, "q", x * 3),
            getattr(y, "no_such", 5))


@pytest.mark.parametrize("n", [3, 2.5])
def test_hasattr_and_getattr_of_values_computed_in_compiled_code(differential, n):
    differential(attributes_of_values, paddle.to_tensor([1.0, 2.0]), n)
