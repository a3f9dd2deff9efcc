"""`in`, index(), count() and remove() of lists and tuples holding values known
only at run time (a token against stop tokens, a list grown in a loop), and
`is` where compiled values can tell: eager and compiled agree, and where
Python's answer depends on which objects are one (a NaN) compiled code
raises rather than guesses."""
import numpy as np
import pytest

import dy2st as paddle
import dy2st_cases
from conftest import assert_same


def stop_tokens(x):
    tok = int(x[0])
    return tok in [1, 2, 5], tok not in (3, 4), x[1] in [x[0], x[2]], x[1] not in [x[0]]


def removed(x, n):
    items = []
    i = 0
    while i < n:
        items.append(int(x[i % 3]))
        i += 1
    items.remove(int(x[1]))
    fixed = [1, 2, 3, 2]
    fixed.remove(int(x[0]))
    return items, fixed, (7, 8, 9).index(int(x[2]) + 6)


def missing(x, kind):
    items = [1, 2]
    if kind == "index":
        return items.index(int(x[0]))
    if kind == "tuple":
        return (1, 2).index(int(x[0]))
    items.remove(int(x[0]))
    return items


def nan_sought(x):
    v = float(x[0])
    return v in [1.0, v]


def keys_and_layers(x, mode):
    d = {"a": x}
    return "a" in d, "b" in d, mode in ("train", "eval"), LAYER in LAYERS


LAYER = paddle.nn.ReLU()
LAYERS = [paddle.nn.Tanh(), LAYER]
X = paddle.to_tensor([2, 1, 3])


def test_membership_of_values_known_at_run_time():
    compiled = paddle.jit.to_static(stop_tokens)
    for x in (X, paddle.to_tensor([5, 2, 1])):
        assert_same(stop_tokens(x), compiled(x))


def test_in_index_count_and_remove_of_a_list_grown_at_run_time():
    # (dy2st_cases checks it against real Paddle too)
    fn = dy2st_cases.stop_tokens_and_seen
    x, n = paddle.to_tensor([3, 5, 0, 7]), paddle.to_tensor(9)
    assert_same(fn(x, n), paddle.jit.to_static(fn)(x, n))


def test_remove_from_lists_and_index_of_a_tuple():
    n = paddle.to_tensor(5)
    assert_same(removed(X, n), paddle.jit.to_static(removed)(X, n))


@pytest.mark.parametrize("kind,message", [("index", "5 is not in list"),
                                          ("tuple", r"tuple.index\(x\): x not in tuple"),
                                          ("remove", r"list.remove\(x\): x not in list")])
def test_a_missing_value_is_pythons_value_error(kind, message):
    x = paddle.to_tensor([5])
    for fn in (missing, paddle.jit.to_static(missing)):
        with pytest.raises(ValueError, match=message):
            fn(x, kind)
    assert paddle.jit.to_static(missing)(paddle.to_tensor([2]), "index") == 1


def test_a_nan_sought_among_nans_is_a_clear_error():
    # Eagerly True: the list holds v itself. Compiled values are not objects.
    x = paddle.to_tensor([float("nan")])
    assert nan_sought(x) is True
    with pytest.raises(NotImplementedError, match="cannot tell whether a NaN"):
        paddle.jit.to_static(nan_sought)(x)
    assert paddle.jit.to_static(nan_sought)(paddle.to_tensor([0.5])) is True


def test_dict_keys_strings_and_layers_answer_when_compiling():
    x = paddle.to_tensor([1.0])
    assert_same(keys_and_layers(x, "eval"), paddle.jit.to_static(keys_and_layers)(x, "eval"))
    assert_same(keys_and_layers(x, "test"), paddle.jit.to_static(keys_and_layers)(x, "test"))


def identities(x, flag):
    a = x * 2
    b = a
    three = 3
    return a is b, a is not b, a is x.astype("float32"), x is three, bool(x.sum() > 0) is flag


def apart(x):
    return x is x + 1


def test_is_where_compiled_values_tell_and_a_clear_error_where_not():
    compiled = paddle.jit.to_static(identities)
    for flag in (True, False):
        assert_same(identities(X, flag), compiled(X, flag))
    with pytest.raises(paddle.Dy2StError, match="cannot tell whether two values computed "
                                                "apart .* are one object"):
        paddle.jit.to_static(apart)(X)
    np.testing.assert_array_equal(X.numpy(), [2, 1, 3])


ID_TO_WORD = {0: "pad", 1: "hello", 2: "world"}
WORD_TO_ID = {"pad": 0, "hello": 1}


def decoded(x):
    word = ID_TO_WORD[int(x[0])]
    return (word, WORD_TO_ID[word] if word in WORD_TO_ID else -1, int(x[1]) in ID_TO_WORD,
            ID_TO_WORD.get(int(x[1]), "<unk>"))


def test_a_table_of_literals_read_at_a_key_known_at_run_time():
    """A global dict of Python literals indexed by a value known only when
    running (decoding ids to words): Python's answer and KeyError, and the
    program compiled again when the table changes."""
    compiled = paddle.jit.to_static(decoded)
    for x in (paddle.to_tensor([1, 7]), paddle.to_tensor([2, 0])):
        assert_same(decoded(x), compiled(x))
    for fn in (decoded, compiled):
        with pytest.raises(KeyError, match="7"):
            fn(paddle.to_tensor([7, 0]))
    ID_TO_WORD[2] = "pad"
    try:
        assert_same(decoded(paddle.to_tensor([2, 0])), compiled(paddle.to_tensor([2, 0])))
    finally:
        ID_TO_WORD[2] = "world"


def _doubled(x):
    return x * 2.0


ACTIVATIONS = {"relu": paddle.nn.functional.relu, "tanh": paddle.tanh, "double": _doubled,
               "negate": lambda x: -x}


def activated(x, name, fallback="relu"):
    # A registry of functions read by a string argument, as model code
    # picks its activation: `in`, `.get` with and without a default.
    if name not in ACTIVATIONS:
        raise ValueError(f"unknown activation {name}")
    act = ACTIVATIONS.get(name)
    other = ACTIVATIONS.get(name + "_inverse", ACTIVATIONS[fallback])
    missing = ACTIVATIONS.get("swish")
    return act(x), other(x), missing is None, "tanh" in ACTIVATIONS


def test_a_dict_of_functions_read_at_a_string_argument():
    """`.get` and `in` of a global dict of functions at a string given to the
    function: the entry chosen when compiling (each string its program),
    Python's answers for missing keys, and the program compiled again when
    the dict changes."""
    x = paddle.to_tensor([-1.0, 0.5, 2.0])
    compiled = paddle.jit.to_static(activated)
    for name, fallback in (("relu", "relu"), ("negate", "tanh"), ("double", "negate")):
        assert_same(activated(x, name, fallback), compiled(x, name, fallback))
    for fn in (activated, compiled):
        with pytest.raises(ValueError, match="unknown activation gelu"):
            fn(x, "gelu")
    ACTIVATIONS["relu"] = paddle.nn.functional.sigmoid
    try:
        assert_same(activated(x, "relu"), compiled(x, "relu"))
        np.testing.assert_allclose(compiled(x, "relu")[0].numpy(), 1 / (1 + np.exp(-x.numpy())),
                                   rtol=1e-6)
    finally:
        ACTIVATIONS["relu"] = paddle.nn.functional.relu


LABELS = ["negative", "neutral", "positive"]


def labelled(x, shift):
    label = LABELS[int(paddle.argmax(x)) + shift]
    print("label:", label)
    return label, label == "neutral", (x, x * 2)[int(x[0] > 0.5)]


def test_a_list_of_strings_read_at_an_index_known_at_run_time(capsys):
    """`LABELS[int(pred)]` of a global list of strings (and a tuple of tensors
    at such an index): the string chosen when running, compared and printed,
    negative indices counted from the end, Python's IndexError past it, and
    the program compiled again when the list changes."""
    compiled = paddle.jit.to_static(labelled)
    x = paddle.to_tensor(np.float32([0.1, 0.7, 0.2]))
    for shift in (0, 1, -4, -2):
        eager = labelled(x, shift)
        printed = capsys.readouterr().out
        assert_same(eager, compiled(x, shift))
        assert capsys.readouterr().out == printed
    for fn in (labelled, compiled):
        with pytest.raises(IndexError, match="list index out of range"):
            fn(x, 2)
    LABELS[1] = "mixed"
    try:
        assert_same(labelled(x, 0), compiled(x, 0))
        assert compiled(x, 0)[0] == "mixed"
    finally:
        LABELS[1] = "neutral"


def in_a_set_of_literals(x, mode="relu"):
    # Membership of a set display of literals is membership of their tuple.
    if mode not in {"relu", "gelu"}:
        raise ValueError(f"unknown mode {mode}")
    k = int(x[0])
    return mode in {"gelu", "relu"}, k in {1, 2, 3}, 2.0 in {2, 5}, k not in {0}, x * 2


@pytest.mark.parametrize("first", [3.0, 1.0])
def test_membership_of_a_set_of_literals(differential, first):
    differential(in_a_set_of_literals, paddle.to_tensor([first, 2.0]))


def a_set_as_a_value(x):
    seen = {1, 2}
    names = {"a"}
    return len(seen), len(names)


def test_a_set_of_ints_as_a_value_and_one_of_strings_is_a_clear_error():
    # Sets of ints: test_sets.py.
    with pytest.raises(paddle.Dy2StError, match="a set in compiled code holds ints, not a str"):
        paddle.jit.to_static(a_set_as_a_value)(paddle.to_tensor([1.0]))
