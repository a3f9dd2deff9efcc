"""Bad programs raise a dy2st exception naming the file, the line and the
construct; the process keeps running and later calls work."""
import inspect

import numpy as np
import pytest

import dy2st as paddle
from dy2st import Dy2StError, UnsupportedSyntaxError

HERE = __file__


def line_of(fn, text):
    import inspect
    lines, start = inspect.getsourcelines(fn)
    for i, line in enumerate(lines):
        if text in line:
            return start + i
    raise AssertionError(text)


def compile_error(fn, *args, cls=Dy2StError):
    with pytest.raises(cls) as info:
        paddle.jit.to_static(fn)(*args)
    return info.value


def uses_try(x):
    try:
        y = x + 1
    except ValueError as error:
        error = x
        y = error
    return y


def uses_with(x):
    with open("f") as f:
        y = x
    return y


def uses_yield(x):
    yield x


def uses_global(x):
    global counter
    counter = 1
    return x


def uses_walrus(x):
    return x.sum() > 0 and (y := x * 2)


@pytest.mark.parametrize("fn,construct,marker", [
    (uses_try, "'except ... as error' assigning 'error' in the clause", "except ValueError"),
    (uses_with, "'with'", "with open"),
    (uses_yield, "yield", "yield x"),
    (uses_global, "'global'", "global counter"),
    (uses_walrus, "assignment expressions (:=) not evaluated first", "return x.sum() > 0 and"),
])
def test_unsupported_syntax_names_line_and_construct(fn, construct, marker):
    error = compile_error(fn, paddle.to_tensor([1.0]), cls=UnsupportedSyntaxError)
    assert error.filename == HERE
    assert error.lineno == line_of(fn, marker)
    assert construct in str(error)
    assert marker.split()[0] in str(error)  # the source line is shown


def branch_str_or_tensor(x):
    if x.sum() > 0:
        y = "positive"
    else:
        y = x
    return y


def test_branches_without_a_common_type():
    error = compile_error(branch_str_or_tensor, paddle.to_tensor([1.0]))
    assert error.lineno == line_of(branch_str_or_tensor, "if x.sum() > 0")
    assert "variable 'y' is a str in the 'if' branch but a float32" in str(error)


def numpy_function(x):
    y = np.sort(x) + 1
    return x


@pytest.mark.parametrize("fn,marker", [(numpy_function, "np.sort(x)")])
def test_numpy_conversion_inside_compiled_function(fn, marker):
    error = compile_error(fn, paddle.to_tensor([1.0]))
    assert error.lineno == line_of(fn, marker)
    assert "numpy" in str(error).lower()
    assert "compiled function" in str(error)


def maybe_undefined(x):
    if x.sum() > 0:
        y = x
    shifted = lambda v: v + y  # a read in a lambda gets no runtime check  # noqa: E731
    return shifted(x)


def test_variable_undefined_on_a_path():
    error = compile_error(maybe_undefined, paddle.to_tensor([1.0]))
    assert error.lineno == line_of(maybe_undefined, "shifted = lambda")
    assert "variable 'y' may be undefined" in str(error)
    assert error.notes and error.notes[0][2] == line_of(maybe_undefined, "y = x")


def unknown_name(x):
    return x + undefined_thing  # noqa: F821


def test_unknown_name():
    error = compile_error(unknown_name, paddle.to_tensor([1.0]))
    assert "name 'undefined_thing' is not defined" in str(error)


def bad_broadcast(x, y):
    return x + y


def test_shape_mismatch_at_compile_time():
    error = compile_error(bad_broadcast, paddle.to_tensor([1.0, 2.0]),
                          paddle.to_tensor([1.0, 2.0, 3.0]))
    assert "cannot be broadcast" in str(error)
    assert error.lineno == line_of(bad_broadcast, "return x + y")


def good(x):
    return x * 2.0


def test_process_keeps_running_after_errors():
    for fn in (numpy_function, uses_try):
        with pytest.raises(Dy2StError):
            paddle.jit.to_static(fn)(paddle.to_tensor([1.0, 2.0]))
    out = paddle.jit.to_static(good)(paddle.to_tensor([1.0, 2.0]))
    np.testing.assert_allclose(out.numpy(), [2.0, 4.0])


def test_object_argument_used_as_a_value():
    # Objects other than tensors, numbers and strings are compiled for (a
    # layer given to a function); used as a value, the error names the line.
    error = compile_error(good, object())
    assert "cannot be used as a value" in str(error)
    assert error.lineno == line_of(good, "return x * 2.0")


def test_compile_errors_carry_none_of_the_importers_frames():
    import traceback
    with pytest.raises(UnsupportedSyntaxError) as info:
        paddle.jit.to_static(uses_try)(paddle.to_tensor([1.0]))
    files = [frame.filename for frame in traceback.extract_tb(info.value.__traceback__)]
    assert not any(f.endswith("importer.py") for f in files), files
    assert sum(f.endswith("jit.py") for f in files) <= 2
    assert info.value.__suppress_context__


def add_two(x, y):
    return x + y


def test_call_time_errors_name_the_function_and_the_argument():
    fn = paddle.jit.to_static(add_two)
    x = paddle.to_tensor([1.0])
    with pytest.raises(TypeError, match=r"add_two\(\) missing a required argument: 'y'"):
        fn(x)
    with pytest.raises(TypeError, match=r"add_two\(\) argument 'y': .* not a list holding "
                                        r"both, such as set"):
        fn(x, [x, {1}])


def test_the_compiler_hands_its_diagnostics_as_records():
    """Errors reach Python as (kind, message, file, line, column) records,
    not as text that Python reads back (issue 17)."""
    from dy2st.compiler import errors
    from dy2st.runtime import native
    module = native.module()
    text = ('pydy.func @f(%a: !pydy.object {pydy.name = "a"}) -> !pydy.object {\n'
            '  %s = pydy.constant "text" loc("user.py":3:9)\n'
            '  %b = pydy.binary add %a, %s : (!pydy.object, !pydy.str) -> !pydy.object'
            ' loc("user.py":4:12)\n'
            '  pydy.return %b : !pydy.object\n}\n')
    with pytest.raises(module.CompileError) as info:
        module.compile(text, "f", [("tensor", "float32", (2,))])
    kind, message, file, line, column = info.value.diagnostics[0]
    assert (kind, file, line, column) == ("error", "user.py", 4, 12)
    assert message in str(info.value)
    error = errors.from_compiler(info.value)
    assert (error.raw_message, error.filename, error.lineno, error.col) == (
        message, "user.py", 4, 12)


def unsupported_in_helper(x):
    return x.missing_method()


def calls_helper(x):
    y = x * 2.0
    return unsupported_in_helper(y)


def calls_a_composite_badly(x):
    return paddle.std(x, axis=5)


def test_the_compiler_takes_the_signature_as_data():
    """The signature reaches the compiler as entries, not as MLIR text (issue
    17): each entry is applied (a value compiled in, a tensor's shape), and a
    malformed one is a ValueError."""
    from dy2st.runtime import native
    module = native.module()
    text = ('pydy.func @f(%a: !pydy.object {pydy.name = "a"}, %k: !pydy.object '
            '{pydy.name = "k"}) -> !pydy.object {\n'
            '  %b = pydy.binary mul %a, %k : (!pydy.object, !pydy.object) -> !pydy.object\n'
            '  pydy.return %b : !pydy.object\n}\n')
    compiled = module.compile(text, "f", [("tensor", "float32", (None,)), ("int", 3)])
    assert "pydy.func @f(%a: tensor<?xf32>" in compiled.stage("specialized")
    assert "pydy.signature" not in compiled.stage("specialized")
    out = compiled([np.array([1.0, 2.0], np.float32), 3])
    np.testing.assert_array_equal(out[0], [3.0, 6.0])
    for bad in ([("tensor", "float16", (2,)), ("int", 3)], [("matrix",), ("int", 3)],
                [("tensor", "float32", ("x",)), ("int", 3)], [("int", "3"), ("int", 3)],
                [("none", 1), ("int", 3)]):
        with pytest.raises(ValueError, match="signature"):
            module.compile(text, "f", bad)


def test_errors_in_inlined_calls_name_the_chain_of_callers():
    """An error in a called function names its line and then, as notes, the
    calls that led there; an error inside dy2st's own composites names the
    user's call, not dy2st's file."""
    x = paddle.to_tensor([[1.0, 2.0]])
    with pytest.raises(Dy2StError) as info:
        paddle.jit.to_static(calls_helper)(x)
    lines = inspect.getsourcelines(unsupported_in_helper)[1], inspect.getsourcelines(calls_helper)[1]
    error = info.value
    assert (error.filename, error.lineno) == (__file__, lines[0] + 1)
    assert [(note, file, line) for note, file, line, _ in error.notes] == [
        ("called from here", __file__, lines[1] + 2)]
    assert "note: called from here\n    return unsupported_in_helper(y)" in str(error)
    with pytest.raises(Dy2StError) as info:
        paddle.jit.to_static(calls_a_composite_badly)(x)
    assert (info.value.filename, info.value.lineno) == (
        __file__, inspect.getsourcelines(calls_a_composite_badly)[1] + 1)
    assert "axis 5 is out of range" in str(info.value)
    assert "composites.py" not in str(info.value)


def missing_key(x):
    d = {"x": x}
    return d["y"] + x


def slice_step_zero(x):
    items = [x, x * 2]
    return items[::0]


class LoadsInForward(paddle.nn.Layer):
    def __init__(self):
        super().__init__()
        self.linear = paddle.nn.Linear(2, 2)

    def forward(self, x):
        state = self.state_dict()
        state["linear.weight"] = state["linear.weight"] * 0.5
        self.set_state_dict(state)
        return self.linear(x)


@pytest.mark.parametrize("fn, args, python_error", [
    (missing_key, [paddle.ones([2])], KeyError),
    (slice_step_zero, [paddle.ones([2])], ValueError),
    (LoadsInForward(), [paddle.ones([1, 2])], ValueError),
])
def test_errors_found_when_compiling_are_pythons_exceptions_too(fn, args, python_error):
    """What eager code raises (Paddle's test_error: Dy2StKeyError), dy2st finds
    when compiling: the error is a Dy2StError and that exception, so an
    `except KeyError` around the call catches it as eagerly."""
    with pytest.raises(python_error) as info:
        paddle.jit.to_static(fn)(*args)
    assert isinstance(info.value, Dy2StError) and "test_errors.py" in str(info.value)
    if python_error is KeyError:
        assert str(info.value).count("'y'") == 1 and "\\n" not in str(info.value)
