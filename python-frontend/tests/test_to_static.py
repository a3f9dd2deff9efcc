"""The to_static decorator: forms, caching per signature, InputSpec, IR stages."""
import numpy as np
import pytest

import dy2st as paddle
from dy2st.static import InputSpec


def double(x):
    return x * 2


def test_decorator_forms():
    @paddle.jit.to_static
    def a(x):
        return x + 1

    @paddle.jit.to_static()
    def b(x):
        return x + 1

    @paddle.jit.to_static(input_spec=[InputSpec([None], "float32")])
    def c(x):
        return x + 1

    x = paddle.to_tensor([1.0, 2.0])
    for fn in (a, b, c):
        np.testing.assert_allclose(fn(x).numpy(), [2.0, 3.0])


def test_compiled_once_per_signature():
    fn = paddle.jit.to_static(double)
    fn(paddle.to_tensor([1.0, 2.0]))
    fn(paddle.to_tensor([3.0, 4.0]))
    assert len(fn.compiled_signatures) == 1
    fn(paddle.to_tensor([1.0, 2.0, 3.0]))
    fn(paddle.to_tensor([1, 2, 3]))
    assert len(fn.compiled_signatures) == 3


def scale(x, k):
    return x * k


def test_python_numbers_are_part_of_the_signature():
    fn = paddle.jit.to_static(scale)
    x = paddle.to_tensor([1.0, 2.0])
    np.testing.assert_allclose(fn(x, 2).numpy(), [2.0, 4.0])
    np.testing.assert_allclose(fn(x, 3).numpy(), [3.0, 6.0])
    np.testing.assert_allclose(fn(x, 3).numpy(), [3.0, 6.0])
    assert len(fn.compiled_signatures) == 2


def total(x):
    s = x.sum()
    n = len(x)
    return s, n


def test_input_spec_with_none_compiles_once():
    fn = paddle.jit.to_static(total, input_spec=[InputSpec([None, 2], "float32")])
    for rows in (1, 3, 7):
        x = paddle.to_tensor(np.ones((rows, 2), dtype=np.float32))
        s, n = fn(x)
        assert n == rows and isinstance(n, int)
        assert float(s) == 2 * rows
    assert len(fn.compiled_signatures) == 1
    assert "tensor<?x2xf32>" in fn.mlir("specialized")


def test_a_call_that_does_not_fit_the_input_spec_is_compiled_for_its_tensors():
    # As Paddle's to_static (test_grid_generator declares a spec its call
    # does not fit): the declaration is set aside, with a warning, once.
    fn = paddle.jit.to_static(total, input_spec=[InputSpec([None, 2], "float32")])
    with pytest.warns(UserWarning, match="do not fit its input_spec"):
        s, n = fn(paddle.to_tensor(np.ones((2, 3), dtype=np.float32)))
    assert float(s) == 6.0 and n == 2
    s, n = fn(paddle.to_tensor(np.ones((4, 2), dtype=np.float32)))
    assert float(s) == 8.0 and n == 4
    assert len(fn.compiled_signatures) == 1


def loop(x):
    while x.sum() < 10.0:
        x = x + 1.0
    return x


def test_ir_stages():
    fn = paddle.jit.to_static(loop)
    assert "pydy.while" in fn.code
    assert 'loc("' in fn.code
    with pytest.raises(RuntimeError, match="call it first"):
        fn.mlir()
    fn(paddle.to_tensor([1.0]))
    assert "pydy.while" in fn.mlir("pydy")
    assert "tensor<1xf32>" in fn.mlir("specialized")
    assert "scf.while" in fn.mlir("core")
    assert "llvm.func" in fn.mlir("llvm")
    with pytest.raises(KeyError):
        fn.mlir("nonsense")


def test_numpy_arguments_are_accepted_and_not_copied():
    fn = paddle.jit.to_static(double)
    x = np.arange(6, dtype=np.float32).reshape(2, 3)
    np.testing.assert_allclose(fn(x).numpy(), x * 2)


def test_results_own_their_buffers():
    fn = paddle.jit.to_static(double)
    results = [fn(paddle.to_tensor(np.full(1000, float(i), dtype=np.float32)))
               for i in range(50)]
    for i, r in enumerate(results):
        assert r.numpy()[0] == 2 * i


def test_unknown_backend_is_rejected():
    with pytest.raises(ValueError, match="backend must be 'cpu' or 'gpu'"):
        paddle.jit.to_static(double, backend="tpu")


def dynamic_shape_branch(x):
    n = x.shape[0]
    if n > 2:
        y = x * n
    else:
        y = x
    return y, n, x.shape


@pytest.mark.parametrize("rows", [1, 2, 5])
def test_dynamic_dimension_is_a_runtime_value(rows):
    fn = paddle.jit.to_static(dynamic_shape_branch, input_spec=[InputSpec([None, 2])])
    x = paddle.to_tensor(np.ones((rows, 2), np.float32))
    y, n, shape = fn(x)
    ey, en, eshape = dynamic_shape_branch(x)
    np.testing.assert_allclose(y.numpy(), ey.numpy())
    assert n == en == rows and shape == eshape == [rows, 2]
    assert "scf.if" in fn.mlir("core") and "tensor.dim" in fn.mlir("core")


class ModeNet(paddle.nn.Layer):
    def forward(self, x):
        return x + 1

    def foo(self):
        return True


def plain_function(x):
    return x * 2


def test_train_and_eval_of_a_converted_function():
    # Paddle's switches: a function records its mode; a Layer's method follows
    # its layer, switched by Layer.train()/eval() (a RuntimeError otherwise).
    fn = paddle.jit.to_static(plain_function)
    fn.eval()
    assert fn._training is False
    fn.train()
    assert fn._training is True
    assert np.array_equal(fn(paddle.to_tensor([1.0])).numpy(), [2.0])
    net = paddle.jit.to_static(ModeNet())
    with pytest.raises(RuntimeError, match="Failed to switch eval mode.*Layer.eval"):
        net.forward.eval()
    net.forward.train()
    net.eval()
    net.forward.eval()
    with pytest.raises(RuntimeError, match="Failed to switch train mode.*Layer.train"):
        paddle.jit.to_static(net.foo).train()


@paddle.jit.to_static
def shifted(x):
    return x - 1


class Decorated:
    scale = 3.0

    @classmethod
    @paddle.jit.to_static(full_graph=True)
    def by_class(cls, x):
        return shifted(x) * cls.scale

    @staticmethod
    @paddle.jit.to_static
    def by_nothing(x):
        return shifted(x) * 2


def test_to_static_under_classmethod_and_staticmethod():
    # The class is the compile-time object a classmethod's first parameter names.
    x = paddle.to_tensor([1.0, 3.0])
    assert np.array_equal(Decorated().by_class(x).numpy(), [0.0, 6.0])
    assert np.array_equal(Decorated.by_class(x).numpy(), [0.0, 6.0])
    assert np.array_equal(Decorated.by_nothing(x).numpy(), [0.0, 4.0])
    assert np.array_equal(Decorated().by_nothing(x).numpy(), [0.0, 4.0])


class Gated(paddle.nn.Layer):
    def __init__(self):
        super().__init__()
        self.inner = paddle.nn.Linear(4, 3)

    def forward(self, x):
        if x.sum() > 0:
            return self.inner(x) + 1
        return self.inner(x)


def test_deepcopy_and_rollback_as_paddle():
    """Paddle's test_deepcopy: a converted layer's copy is converted for the
    copy (its own parameters); a converted function's copy is its eager code;
    rollback() runs eager code again."""
    import copy
    net = paddle.jit.to_static(Gated())
    x = paddle.to_tensor(np.random.RandomState(0).rand(3, 4).astype(np.float32))
    before = net(x).numpy()
    copied = copy.deepcopy(net)
    assert isinstance(copied.forward, paddle.jit.StaticFunction)
    assert copied.forward.class_instance is copied and net.forward.class_instance is net
    np.testing.assert_array_equal(copied(x).numpy(), before)
    copied.inner.weight.set_value(copied.inner.weight.numpy() * 2)
    np.testing.assert_array_equal(net(x).numpy(), before)
    doubled = copied(x).numpy()
    assert not np.allclose(doubled, before)
    assert copied.forward.rollback().__func__ is Gated.forward
    assert not isinstance(copied.forward, paddle.jit.StaticFunction)
    np.testing.assert_allclose(copied(x).numpy(), doubled, rtol=1e-6)

    def plus(v):
        return v + 1
    converted = paddle.jit.to_static(plus)
    assert copy.deepcopy(converted) is plus and converted.rollback() is plus
    assert converted.class_instance is None


class ConvertedMethod(paddle.nn.Layer):
    @paddle.jit.to_static
    def shifted(self, x):
        if x.sum() > 0:
            return x + 2
        return x - 2


def test_rollback_of_a_method_converted_in_its_class():
    # Paddle's test_rollback: the object's method runs eagerly again.
    layer = ConvertedMethod()
    x = paddle.to_tensor([1.0, 2.0])
    compiled = layer.shifted(x).numpy()
    assert isinstance(layer.shifted, paddle.jit.StaticFunction)
    layer.shifted.rollback()
    assert not isinstance(layer.shifted, paddle.jit.StaticFunction)
    np.testing.assert_array_equal(layer.shifted(x).numpy(), compiled)
    assert isinstance(ConvertedMethod().shifted, paddle.jit.StaticFunction)
