"""paddle.static.nn's control flow: `cond`, `while_loop`, `case` and
`switch_case`, the APIs Paddle's to_static turns `if` and `while` into.

They are written as the `if` and `while` they stand for, so that they run as
Paddle's dygraph runs them (on a one-element tensor's truth) and compile as
the user's own control flow does: a condition known only at run time
compiles both branches, whose results join."""
from __future__ import annotations

from typing import Any, Callable, Sequence

from ..eager.functional import assign
from ..eager.tensor import Tensor

__all__ = ["case", "cond", "switch_case", "while_loop"]


def _message(what: str, arg_name: str, op_name: str, right: Any, received: Any) -> str:
    """Paddle's wording of a bad argument of these functions."""
    return f"{what} of '{arg_name}' in {op_name} must be {right}, but received: {received}."


def _checked_pair(pair: Any, arg_name: str, op_name: str, shown: Any) -> Any:
    """An element of case's or switch_case's list, checked as Paddle checks
    it: a 2-tuple (Paddle's message names the type of `shown`)."""
    if not isinstance(pair, tuple):
        raise TypeError(_message("The elements' type", arg_name, op_name, tuple, type(shown)))
    if len(pair) != 2:
        raise TypeError(_message("The tuple's size", arg_name, op_name, "2",
                                 f"{len(pair)}-tuple"))
    return pair


def cond(pred: Tensor, true_fn: Callable[[], Any] | None = None,
         false_fn: Callable[[], Any] | None = None, name: str | None = None,
         return_names: Sequence[str] | None = None) -> Any:
    """`true_fn()` where the one-element tensor `pred` is true, else
    `false_fn()`; None where that function is None."""
    assert isinstance(pred, Tensor), "The pred in cond must be Variable"
    assert pred.size == 1, "condition input's numel should be 1"
    if pred:
        return _called(true_fn, "true_fn")
    return _called(false_fn, "false_fn")


def _called(fn: Callable[[], Any] | None, which: str) -> Any:
    """fn(), None for no function, Paddle's TypeError for another value.
    (callable() of a lambda folds when compiling, so only that branch stays.)"""
    if callable(fn):
        return fn()
    elif fn is None:
        return None
    raise TypeError(f"The {which} in cond must be callable, but received {type(fn).__name__}")


def _loop_condition(value: Any) -> Any:
    """What `cond` of while_loop returned, checked as Paddle checks it: a
    one-element bool tensor."""
    if not isinstance(value, Tensor) or value.dtype != "bool":
        raise TypeError("The var of cond returned in static.nn.while_loop must be a bool "
                        "Tensor")
    if value.size != 1:
        raise TypeError(f"the shape of the variable returned by cond should be [1],but given "
                        f"shape as {list(value.shape)}.")
    return value


def while_loop(cond: Callable[..., Any], body: Callable[..., Any],
               loop_vars: Sequence[Any], is_test: bool = False, name: str | None = None) -> Any:
    """`body(*loop_vars)` while `cond` of its last results, as Paddle's dygraph
    runs it: each step's results are written into the tensors of `loop_vars`
    (nested lists and tuples too), which the next step reads and which are
    returned. A Python number among them is never updated (Paddle's dygraph
    leaves it, so a condition on it loops for ever)."""
    if not callable(cond):
        raise TypeError("cond in while_loop should be callable")
    if not callable(body):
        raise TypeError("body in while_loop should be callable")
    if not isinstance(loop_vars, (list, tuple)):
        raise TypeError(_message("The type", "loop_vars", "static.nn.while_loop",
                                 "(list, tuple)", type(loop_vars)))
    if len(loop_vars) == 0:
        raise ValueError("loop_vars in while_loop should not be empty")
    going = _loop_condition(cond(*loop_vars))
    while going:
        produced = body(*loop_vars)
        if not isinstance(produced, (list, tuple)):
            produced = [produced]
        if len(produced) != len(loop_vars):
            raise ValueError("body in while_loop should return the same arity (length and "
                             "structure) and types as loop_vars")
        going = _loop_condition(cond(*produced))
        _assign_into(produced, loop_vars)
    return loop_vars


def _assign_into(produced: Sequence[Any], loop_vars: Sequence[Any]) -> None:
    """Each tensor of `produced` written into the tensor at its place in
    `loop_vars` (Paddle's map_structure of assign over them), in lists and
    tuples nested up to two levels deep. (Written out, not recursive, for
    compiled code, which follows a function's changes to its arguments.)"""
    for k in range(len(loop_vars)):
        if isinstance(produced[k], Tensor) and isinstance(loop_vars[k], Tensor):
            assign(produced[k], output=loop_vars[k])
        elif isinstance(produced[k], (list, tuple)) and isinstance(loop_vars[k], (list, tuple)):
            for j in range(min(len(produced[k]), len(loop_vars[k]))):
                if isinstance(produced[k][j], Tensor) and isinstance(loop_vars[k][j], Tensor):
                    assign(produced[k][j], output=loop_vars[k][j])
                elif isinstance(produced[k][j], (list, tuple)):
                    raise NotImplementedError("dy2st's while_loop writes back loop variables "
                                              "nested up to two levels deep")


def case(pred_fn_pairs: Sequence[Any], default: Callable[[], Any] | None = None,
         name: str | None = None) -> Any:
    """The function of the first (pred, fn) pair whose one-element tensor
    `pred` is true, called; else `default()` (the last pair's function
    where there is no default)."""
    if not isinstance(pred_fn_pairs, (list, tuple)):
        raise TypeError(_message("The type", "pred_fn_pairs", "case", "(list, tuple)",
                                 type(pred_fn_pairs)))
    for pair in pred_fn_pairs:
        _checked_pair(pair, "pred_fn_pairs", "case", pair)
        if not callable(pair[1]):
            raise TypeError("The fn of pred_fn_pairs in Op(case) must be callable.")
    if callable(default):
        return _first_true(pred_fn_pairs, default)
    if default is not None:
        raise TypeError("The default in Op(case) must be callable.")
    return _first_true(pred_fn_pairs[:-1], pred_fn_pairs[-1][1])


def _first_true(pred_fn_pairs: Sequence[Any], default: Callable[[], Any]) -> Any:
    """The function of the first pair whose pred is true, else `default`,
    called. (Whether a default was given decides which pairs come here, so
    that a compiled call folds that choice.)"""
    for pred, fn in pred_fn_pairs:
        if pred:
            return fn()
    return default()


def switch_case(branch_index: Tensor, branch_fns: Any,
                default: Callable[[], Any] | None = None, name: str | None = None) -> Any:
    """The function of `branch_fns` (a dict or list of (int, fn), or a list
    of functions by position) whose key equals the one-element integer tensor
    `branch_index`, called; else `default()` (the function of the largest
    key where there is no default)."""
    if not isinstance(branch_fns, (list, tuple, dict)):
        raise TypeError(_message("The type", "branch_fns", "switch_case", "(list, tuple, dict)",
                                 type(branch_fns)))
    pairs = list(branch_fns.items()) if isinstance(branch_fns, dict) else list(branch_fns)
    if all(callable(fn) for fn in pairs):
        pairs = [(position, fn) for position, fn in enumerate(pairs)]
    keys = []
    for pair in pairs:
        key, fn = _checked_pair(pair, "branch_fns", "switch_case", branch_fns)
        if not isinstance(key, int):
            raise TypeError(_message("The key's type", "branch_fns", "switch_case", int,
                                     type(key)))
        if key in keys:
            raise ValueError(f"The key in 'branch_fns' must be unique, but '{key}' appears "
                             "more than once.")
        keys.append(key)
        if not callable(fn):
            raise TypeError(_message(f"The type of function for key {key}", "branch_fns",
                                     "switch_case", "callable", type(fn)))
    if callable(default):
        return _first_equal(branch_index, pairs, default)
    if default is not None:
        raise TypeError("The default in Op(case) must be callable.")
    largest = max(keys)
    return _first_equal(branch_index, [pair for pair in pairs if pair[0] != largest],
                        pairs[keys.index(largest)][1])


def _first_equal(branch_index: Tensor, pairs: Sequence[Any], default: Callable[[], Any]) -> Any:
    """The function of the pair whose key equals branch_index, else
    `default`, called."""
    for key, fn in pairs:
        if branch_index == key:
            return fn()
    return default()
