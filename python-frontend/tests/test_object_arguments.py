"""Objects given to a converted function (a layer, a function, a lambda, a
config object, a list of layers), as Paddle's own tests pass them
(test_deal_inplace's `fn_with_inplace_op(inplace_op, x)`): the program is
compiled for each object, reads its weights at every call, and is compiled
again when a setting it read changes (also for a global object)."""
import numpy as np
import pytest

import dy2st as paddle
from conftest import assert_same
from dy2st.static import InputSpec


def x_of(*shape, seed=0):
    return paddle.to_tensor(np.random.default_rng(seed).standard_normal(shape).astype("float32"))


def fn_with_inplace_op(inplace_op, x):
    y = inplace_op(x)
    z = inplace_op(x)
    return y + z


def run_blocks(x, blocks):
    for block in blocks:
        x = block(x)
    return x


def apply_twice(x, fn):
    return fn(fn(x))


class Config:
    def __init__(self, scale, use):
        self.scale = scale
        self.use = use


def configured(x, cfg):
    if cfg.use:
        return x * cfg.scale
    return x


GLOBAL_CONFIG = Config(2.0, True)


def globally_configured(x):
    return x * GLOBAL_CONFIG.scale


class State:
    pass


def accumulate(x, state):
    state.total = state.total + x
    return state.total * 2.0


@pytest.mark.parametrize("make", [lambda: paddle.nn.Sigmoid(), lambda: paddle.nn.Linear(4, 4),
                                  lambda: paddle.nn.functional.relu, lambda: paddle.tanh],
                         ids=["Sigmoid", "Linear", "F.relu", "paddle.tanh"])
def test_a_layer_or_function_argument(make):
    op, x = make(), x_of(3, 4)
    assert_same(fn_with_inplace_op(op, x), paddle.jit.to_static(fn_with_inplace_op)(op, x))


def test_a_layer_argument_in_training_updates_its_statistics():
    eager_bn, compiled_bn = paddle.nn.BatchNorm2D(3), paddle.nn.BatchNorm2D(3)
    x = x_of(2, 3, 4, 4)
    compiled = paddle.jit.to_static(fn_with_inplace_op)
    assert_same(fn_with_inplace_op(eager_bn, x), compiled(compiled_bn, x))
    assert_same(eager_bn._mean, compiled_bn._mean)
    assert_same(eager_bn._variance, compiled_bn._variance)
    eager_bn.eval()
    compiled_bn.eval()
    assert_same(fn_with_inplace_op(eager_bn, x), compiled(compiled_bn, x))


def test_each_layer_given_has_its_own_program_and_weights():
    compiled = paddle.jit.to_static(apply_twice)
    first, second = paddle.nn.Linear(4, 4), paddle.nn.Linear(4, 4)
    x = x_of(2, 4)
    assert_same(apply_twice(x, first), compiled(x, first))
    assert_same(apply_twice(x, second), compiled(x, second))
    # Weights are inputs, read at every call: a change is seen without a compile.
    first.weight.set_value(first.weight * 3.0)
    assert_same(apply_twice(x, first), compiled(x, first))


def test_a_list_of_layers_and_a_lambda():
    blocks = [paddle.nn.Linear(4, 4), paddle.nn.ReLU(), paddle.nn.Linear(4, 2)]
    x = x_of(3, 4)
    assert_same(run_blocks(x, blocks), paddle.jit.to_static(run_blocks)(x, blocks))
    affine = lambda t: t * 2.0 + 1.0  # noqa: E731
    assert_same(apply_twice(x, affine), paddle.jit.to_static(apply_twice)(x, affine))
    # Applied to a lambda itself (its name is not an identifier).
    compiled = paddle.jit.to_static(lambda t, f: f(t) - 1.0)
    assert_same(x - 1.0 + 0.0, compiled(x, lambda t: t))


def test_a_changed_setting_of_a_config_argument_compiles_again():
    cfg, x = Config(3.0, True), x_of(2, 2)
    compiled = paddle.jit.to_static(configured)
    assert_same(configured(x, cfg), compiled(x, cfg))
    cfg.scale = 5.0
    assert_same(configured(x, cfg), compiled(x, cfg))
    cfg.use = False
    assert_same(configured(x, cfg), compiled(x, cfg))


def test_a_changed_setting_of_a_global_object_compiles_again():
    x = x_of(2, 2)
    compiled = paddle.jit.to_static(globally_configured)
    assert_same(globally_configured(x), compiled(x))
    GLOBAL_CONFIG.scale = 7.0
    try:
        assert_same(globally_configured(x), compiled(x))
    finally:
        GLOBAL_CONFIG.scale = 2.0


THRESHOLD = 0.5
OFFSETS = (1.0, 2.0)


def globally_thresholded(x):
    return paddle.where(x > THRESHOLD, x + OFFSETS[1], x), THRESHOLD


def test_a_global_number_or_tuple_rebound_compiles_again():
    """A global Python value the function reads is a constant of its
    program: rebound later (`THRESHOLD = 0.9`), the function compiles again
    rather than keep the old value."""
    global THRESHOLD, OFFSETS
    x = x_of(2, 2)
    compiled = paddle.jit.to_static(globally_thresholded)
    assert_same(globally_thresholded(x), compiled(x))
    try:
        THRESHOLD, OFFSETS = 0.9, (1.0, -3.0)
        assert_same(globally_thresholded(x), compiled(x))
        THRESHOLD = 1
        assert_same(globally_thresholded(x), compiled(x))
        assert type(compiled(x)[1]) is int
    finally:
        THRESHOLD, OFFSETS = 0.5, (1.0, 2.0)


def test_an_attribute_the_function_assigns_is_written_to_the_object():
    eager_state, compiled_state = State(), State()
    eager_state.total = compiled_state.total = paddle.zeros([2])
    x = x_of(2)
    compiled = paddle.jit.to_static(accumulate)
    for _ in range(2):
        assert_same(accumulate(x, eager_state), compiled(x, compiled_state))
    assert_same(eager_state.total, compiled_state.total)


def test_a_container_mixing_objects_and_tensors_is_a_type_error():
    with pytest.raises(TypeError, match=r"run_blocks\(\) argument 'blocks': .*holding both, "
                                        r"such as ReLU"):
        paddle.jit.to_static(run_blocks)(x_of(2, 4), [x_of(2), paddle.nn.ReLU()])


def test_an_object_used_as_a_value_names_the_line():
    with pytest.raises(paddle.Dy2StError, match="cannot be used as a value") as info:
        paddle.jit.to_static(apply_twice)(object(), paddle.tanh)
    assert "return fn(fn(x))" in str(info.value)


def test_a_list_of_layers_changed_between_calls():
    blocks = [paddle.nn.Linear(4, 4)]
    x = x_of(2, 4)
    compiled = paddle.jit.to_static(run_blocks)
    assert_same(run_blocks(x, blocks), compiled(x, blocks))
    first = blocks[0]
    blocks.append(paddle.nn.Tanh())
    assert_same(run_blocks(x, blocks), compiled(x, blocks))
    blocks[0] = paddle.nn.Linear(4, 4)
    assert_same(run_blocks(x, blocks), compiled(x, blocks))
    # Another list of the first layer alone: its own program, not the changed list's.
    alone = [first]
    assert_same(run_blocks(x, alone), compiled(x, alone))


def compiled_closure(model, cfg):
    @paddle.jit.to_static
    def run(x):
        return model(x) * cfg.scale
    return run


def test_a_changed_setting_of_a_closures_object_compiles_again():
    """An object a closure holds (a model, a config), read through its cell
    at every call: a changed setting compiles again (before: a stale constant)."""
    model, cfg = paddle.nn.Linear(4, 4), Config(2.0, True)
    run, x = compiled_closure(model, cfg), x_of(2, 4)
    assert_same(model(x) * 2.0, run(x))
    cfg.scale = 3.0
    assert_same(model(x) * 3.0, run(x))


class RollCache:
    """PaddleClas's Swin keeps its roll on a class, set by the first call."""
    index = None
    calls = 0
    roll = None


TALLY = State()


def kept_on_a_class_and_a_global(x):
    RollCache.calls += 1
    if RollCache.index is None:
        RollCache.index = paddle.arange(x.shape[0] - 1, -1, -1)
    TALLY.last = x * 2.0
    TALLY.seen = TALLY.seen + 1
    return paddle.index_select(x, RollCache.index) + TALLY.seen


def test_attributes_of_a_class_and_a_global_object_are_written_back():
    """Assigned in compiled code, compiled first (the cache empty): written
    back after each call, as eagerly."""
    x = x_of(3)
    states = []
    for fn in (kept_on_a_class_and_a_global, paddle.jit.to_static(kept_on_a_class_and_a_global)):
        RollCache.index, RollCache.calls, TALLY.seen = None, 0, 0
        results = [fn(x) for _ in range(3)]
        states.append((results, RollCache.index, RollCache.calls, TALLY.last, TALLY.seen))
    (eager, e_index, e_calls, e_last, e_seen), (got, g_index, g_calls, g_last, g_seen) = states
    assert_same(eager, got)
    assert_same(e_index, g_index)
    assert_same(e_last, g_last)
    assert (e_calls, e_seen) == (g_calls, g_seen) == (3, 3)


class _OnAnNpu:
    def __call__(self, x, shift, axis):
        return x


def rolled_by_a_kept_function(x):
    # PaddleClas's Swin: the roll chosen by the first call, kept on a class.
    if RollCache.roll is None:
        RollCache.roll = _OnAnNpu() if "npu" in paddle.device.get_all_custom_device_type() \
            else paddle.roll
    return RollCache.roll(x, 1, 0)


def _rolled_twice(x, shift, axis):
    return paddle.roll(x, 2 * shift, axis)


def test_a_function_assigned_to_a_class_is_written_back():
    """Compiled code holds a function only as code it inlines; a tag says
    which one the attribute holds, and the function is written back after
    the call (compiled first, then with the attribute set)."""
    x = x_of(3)
    RollCache.roll = None
    eager = rolled_by_a_kept_function(x)
    assert RollCache.roll is paddle.roll
    RollCache.roll = None
    compiled = paddle.jit.to_static(rolled_by_a_kept_function)
    assert_same(eager, compiled(x))
    assert RollCache.roll is paddle.roll
    assert_same(eager, compiled(x))
    RollCache.roll = _rolled_twice
    assert_same(rolled_by_a_kept_function(x), compiled(x))
    assert RollCache.roll is _rolled_twice
    RollCache.roll = None


class _Activated(paddle.nn.Layer):
    def __init__(self):
        super().__init__()
        self.act = None

    def forward(self, x, kind):
        if kind == "relu":
            self.act = paddle.nn.functional.relu
        elif kind == "none":
            self.act = None
        return x if self.act is None else self.act(x)


@pytest.mark.parametrize("kinds", [["relu", "relu"], ["relu", "none", "relu"]])
def test_a_function_assigned_in_forward_is_the_layers_after_the_call(kinds):
    x = x_of(4) - 0.5
    eager_layer, layer = _Activated(), _Activated()
    compiled = paddle.jit.to_static(layer)
    for kind in kinds:
        assert_same(eager_layer(x, kind), compiled(x, kind))
        assert layer.act is eager_layer.act


def assigns_a_lambda(x):
    RollCache.roll = lambda v: v * 2
    return x


def assigns_a_tensor_over_a_function(x):
    RollCache.roll = x * 2
    return x


@pytest.mark.parametrize("fn,message", [
    (assigns_a_lambda, "assigning a lambda to the attribute 'roll' of RollCache"),
    (assigns_a_tensor_over_a_function, "the attribute 'roll' of RollCache holds a function"),
])
def test_what_an_attribute_holding_functions_cannot_take_is_a_clear_error(fn, message):
    RollCache.roll = paddle.roll
    with pytest.raises(paddle.Dy2StError, match=message):
        paddle.jit.to_static(fn)(x_of(3))
    RollCache.roll = None


class _SwinLike(paddle.nn.Layer):
    def __init__(self):
        super().__init__()
        self.fc = paddle.nn.Linear(3, 3)

    def forward(self, x):
        return self.fc(rolled_by_a_kept_function(x))


def test_a_layer_keeping_a_function_on_a_class_saves_and_loads(tmp_path):
    """The saved program gives the tag back too; a loaded one has no Python
    objects to write it to, and drops it."""
    RollCache.roll = None
    layer = _SwinLike()
    compiled = paddle.jit.to_static(layer, input_spec=[InputSpec([None, 3])])
    paddle.jit.save(compiled, str(tmp_path / "swin_like"))
    loaded = paddle.jit.load(str(tmp_path / "swin_like"))
    x = x_of(2, 3)
    assert_same(layer(x), loaded(x))
    RollCache.roll = None
