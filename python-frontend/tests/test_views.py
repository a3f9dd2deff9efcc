"""Views as Paddle 3.3 makes them: basic indexing, reshape, transpose,
squeeze, flatten, detach, ... share the tensor's memory, so an in-place change
of one is seen through the other, eagerly (against real Paddle, and against
the table it gave on 2026-12-05) and compiled (against eager: a view made by
indexing follows every in-place change; the other views only may share, and
an in-place change through one of them while the other is read later is a
clear error)."""
import json

import numpy as np
import pytest

import dy2st as paddle
from dy2st.compiler.errors import Dy2StError
from test_paddle_oracle import paddle_json, require_paddle
import view_cases

# What real Paddle 3.3.1 gave for view_cases.makers with y.scale_(2.0) (the
# paddle_json oracle below checks it again where Paddle is installed).
PADDLE_VIEWS = {
    "T", "astype_same", "atleast_2d", "contiguous", "detach", "diagonal", "flatten",
    "flatten_one_axis",
    "getitem_column", "getitem_ellipsis", "getitem_int", "getitem_ints", "getitem_neg",
    "getitem_nested", "getitem_none", "getitem_of_transpose", "getitem_slice", "getitem_step",
    "getitem_tensor_0d", "iterate", "mT", "moveaxis", "narrow", "permute", "reshape",
    "reshape_function", "reshape_same", "slice", "squeeze", "squeeze_nothing", "strided_slice",
    "swapaxes", "t", "transpose", "unbind", "unsqueeze", "view", "view_as",
}
PADDLE_COPIES = {
    "add_zero", "assign", "astype_other", "cast_same", "chunk", "clip", "clone", "concat_one",
    "expand", "flip", "getitem_list", "getitem_mask", "getitem_tensor_1d", "index_select",
    "reshape_of_transpose", "rot90", "split", "stack_one", "tensor_split", "tile_once",
    "to_tensor", "to_tensor_of_numpy", "unstack",
}


def test_the_recorded_table_names_every_maker():
    assert PADDLE_VIEWS | PADDLE_COPIES == set(view_cases.makers(paddle))


@pytest.mark.parametrize("name", sorted(view_cases.makers(paddle)))
def test_eager_view_or_copy_as_paddle(name):
    x = view_cases.base(paddle)
    original = x.numpy().copy()
    view_cases.makers(paddle)[name](x).scale_(2.0)
    changed = bool((x.numpy() != original).any())
    assert changed == (name in PADDLE_VIEWS)


@pytest.fixture(scope="module")
def paddle_results(tmp_path_factory):
    require_paddle()
    return paddle_json("view_cases", tmp_path_factory.mktemp("view_cases"))


def test_eager_matches_real_paddle(paddle_results):
    ours = json.loads(json.dumps(view_cases.run(paddle)))
    differ = {k: (v, ours.get(k)) for k, v in paddle_results.items()
              if ours.get(k) != v}
    assert not differ
    assert {k.split("/")[0] for k, v in paddle_results.items() if v is True} == PADDLE_VIEWS


@pytest.fixture(scope="module")
def paddle_functions(tmp_path_factory):
    require_paddle()
    return paddle_json("view_function_cases", tmp_path_factory.mktemp("view_functions"))


def _results(fn, args):
    results = fn(*args)
    results = results if isinstance(results, tuple) else (results,)
    return [r.numpy().tolist() for r in results + (args[0],)]


@pytest.mark.parametrize("fn", view_cases.FUNCTIONS, ids=lambda f: f.__name__)
def test_compiled_views_match_eager(fn):
    eager = _results(fn, view_cases.arguments(paddle, fn))
    compiled = _results(paddle.jit.to_static(fn), view_cases.arguments(paddle, fn))
    assert compiled == eager


@pytest.mark.parametrize("fn", view_cases.FUNCTIONS, ids=lambda f: f.__name__)
def test_eager_functions_match_real_paddle(paddle_functions, fn):
    assert _results(fn, view_cases.arguments(paddle, fn)) == paddle_functions[fn.__name__]


def reshaped_then_changed(x):
    flat = x.reshape([12])
    flat.scale_(2.0)
    return x


def view_in_a_branch(x, first):
    if first:
        row = x[0]
    else:
        row = x[1]
    row.zero_()
    return x


def view_of_an_argument_assigned_since(x):
    row = x[0]
    x = x * 2.0
    row.zero_()
    return x


def reshaped_by_function(x):
    flat = paddle.reshape(x, [12])
    flat.zero_()
    return x


def rows_unbound(x):
    first, second, third = paddle.unbind(x)
    second.zero_()
    return x


def diagonal_changed(x):
    d = x.diagonal()
    d.zero_()
    return x


def _first_row(t):
    return t[0]


def view_from_a_helper(x):
    row = _first_row(x)
    row.zero_()
    return x


def view_of_a_view(x):
    # The fuzzer's seed 66045: a view of a view, changed by a helper.
    v = paddle.squeeze(paddle.unsqueeze(x, 0), 0)
    _zero_last_column(v)
    return x


def _zero_last_column(p):
    p[:, -1] = 0.0


def view_of_a_row(x):
    v = x[0].reshape([-1])
    v[0] = 5.0
    return x


def row_of_a_view(x):
    v = x.T[1]
    v[0] = 5.0
    return x


def view_of_a_named_row(x):
    row = x[1]
    v = row.unsqueeze(0)
    v[0, 0] = 9.0
    return x


def _flat(t):
    return t.reshape([-1])


def _row_as_matrix(t):
    return _first_row(t).reshape([1, -1])


def helper_view_of_a_row(x):
    v = _flat(x[1])
    v[0] = 50.0
    return x


def view_of_a_helpers_view(x):
    v = _first_row(x).unsqueeze(0)
    v[0, 0] = 5.0
    return x


def helper_returning_a_view_of_a_view(x):
    v = _row_as_matrix(x)
    v[0, 0] = 8.0
    return x


def view_read_after_its_base_changes(x):
    v = x[0].reshape([-1])
    x[0, 0] = 5.0
    return v


@pytest.mark.parametrize("fn", [reshaped_then_changed, view_in_a_branch,
                                view_of_an_argument_assigned_since, reshaped_by_function,
                                rows_unbound, view_from_a_helper,
                                diagonal_changed, view_of_a_view, view_of_a_row,
                                row_of_a_view, view_of_a_named_row, helper_view_of_a_row,
                                view_of_a_helpers_view, helper_returning_a_view_of_a_view],
                         ids=lambda f: f.__name__)
def test_views_only_maybe_shared_are_a_clear_error(fn):
    x = view_cases.base(paddle)
    args = [x] + ([paddle.to_tensor(True)] if fn is view_in_a_branch else [])
    eager_x = view_cases.base(paddle)
    fn(*([eager_x] + args[1:]))
    assert (eager_x.numpy() != x.numpy()).any()  # eagerly the view changes x
    with pytest.raises(Dy2StError, match="may name the same object or be a view of it"):
        paddle.jit.to_static(fn)(*args)


def row_kept_past_the_loop(x):
    for row in x:
        last = row
    x[2] = x[0] * 7.0
    return last


def row_read_after_its_change(x):
    out = []
    for i, row in enumerate(x):
        x[i] = row * 2.0
        out.append(row + 1.0)
    return out[0]


@pytest.mark.parametrize("fn, seen", [(row_kept_past_the_loop, [7.0, 14.0, 21.0, 28.0]),
                                      (row_read_after_its_change, [3.0, 5.0, 7.0, 9.0])],
                         ids=lambda f: getattr(f, "__name__", ""))
def test_rows_read_after_their_tensor_changes_are_a_clear_error(fn, seen):
    """Eagerly a row of a tensor (`for row in x`) is a view and sees a later
    change of x (`seen`, with x = 1..12 in 3 rows); compiled code does not
    follow a row the loop took (`a, b = x` it does: view_cases)."""
    np.testing.assert_array_equal(fn(view_cases.base(paddle)).numpy(), seen)
    with pytest.raises(Dy2StError, match="holds a row of it"):
        paddle.jit.to_static(fn)(view_cases.base(paddle))


def view_changed_through_a_list(x):
    rows = [x[0], x[1]]
    rows[0].zero_()
    return x


def tensor_changed_while_a_list_holds_it(x):
    kept = []
    kept.append(x)
    x.scale_(2.0)
    return kept[0]


@pytest.mark.parametrize("fn", [view_changed_through_a_list,
                                tensor_changed_while_a_list_holds_it], ids=lambda f: f.__name__)
def test_objects_held_by_a_container_and_a_name_are_a_clear_error(fn):
    """Eagerly a list holds the tensor (or a view of it) itself, so a change
    in place of an item reaches the name and one of the name reaches the
    item; compiled code treats lists as values."""
    base = view_cases.base(paddle)
    before = base.numpy()
    after = fn(base)
    assert not np.array_equal(after.numpy(), before)  # eagerly the change shows
    with pytest.raises(Dy2StError, match="or hold one"):
        paddle.jit.to_static(fn)(view_cases.base(paddle))


def list_changed_as_a_container(x):
    outs = [x * 1.0]
    h = x
    for i in range(3):
        h = h + 1.0
        outs.append(h)
    outs[0] = h
    outs.append(x)
    return paddle.stack(outs), x


def test_a_container_changed_itself_compiles():
    """Appending to a list or replacing an item changes no object it holds."""
    eager = list_changed_as_a_container(view_cases.base(paddle))
    compiled = paddle.jit.to_static(list_changed_as_a_container)(view_cases.base(paddle))
    for e, c in zip(eager, compiled):
        np.testing.assert_array_equal(c.numpy(), e.numpy())


def test_a_view_not_read_again_compiles():
    def changed_copy_only(x):
        flat = x.reshape([12])
        flat.scale_(2.0)
        return flat

    x = view_cases.base(paddle)
    result = paddle.jit.to_static(changed_copy_only)(x)
    np.testing.assert_array_equal(result.numpy(), np.arange(1, 13, dtype="float32") * 2)


def test_inplace_of_another_dtype_leaves_the_views():
    x = view_cases.base(paddle)
    row = x[0]
    x.add_(paddle.ones([4]))
    np.testing.assert_array_equal(row.numpy(), [2.0, 3.0, 4.0, 5.0])
    x.equal_(x)  # another dtype: x takes new memory, as Paddle's cast_ of a view does not
    assert x.dtype == paddle.bool and row.dtype == paddle.float32
    np.testing.assert_array_equal(row.numpy(), [2.0, 3.0, 4.0, 5.0])


def test_set_value_writes_into_a_view():
    x = view_cases.base(paddle)
    x[1:].set_value(np.zeros([2, 4], "float32"))
    np.testing.assert_array_equal(x.numpy()[1:], 0.0)


def test_numpy_is_a_copy_as_paddles():
    x = view_cases.base(paddle)
    values = x.numpy()
    values[0, 0] = -1.0
    assert x.numpy()[0, 0] == 1.0
    np.asarray(x)[0, 0] = -2.0  # the array protocol shares the memory
    assert x.numpy()[0, 0] == -2.0


def test_a_view_read_after_its_base_changes_is_a_clear_error():
    x = view_cases.base(paddle)
    eager = view_read_after_its_base_changes(view_cases.base(paddle))
    assert eager.numpy()[0] == 5.0  # eagerly the view sees the change
    with pytest.raises(Dy2StError, match="'v' would not see the change"):
        paddle.jit.to_static(view_read_after_its_base_changes)(x)
