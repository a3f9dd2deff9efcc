"""Python's builtins that compiled code calls, written in the Python that
compiled code supports: the importer converts and inlines them like user
functions. Eagerly Python's own builtins run (on tensors through their
operators), and these follow the same definitions, so both agree.

Over lists and tuples the loops unroll; over a tensor they run along its
first axis."""
import builtins
import functools
import itertools
from typing import Any, Callable

from ..eager.basic_composites import abs as _tensor_abs, sort as _tensor_sort
from ..eager.tensor import Tensor, copy_dtype_message
from . import pymath, pyoperator


def abs_(x):
    if isinstance(x, Tensor):
        return _tensor_abs(x)
    return -x if x < 0 else x


def _items(args):
    # min(a, b, ...) compares its arguments; min(iterable) the items (a
    # dict's: its keys).
    if len(args) != 1:
        return args
    return list(args[0]) if isinstance(args[0], dict) else args[0]


# `items.__unordered__()` (the specializer's): a set's items in an order of
# their own, for a builtin whose result does not depend on the order (Python
# iterates a set in its hash table's, which compiled code does not follow);
# any other iterable as it is.


def min_(*args, key=None):
    # The first of the smallest (Python keeps the first of equal items).
    items = _items(args)
    if key is None:
        items = items.__unordered__()
    best = items[0]
    for item in items[1:]:
        if (item < best) if key is None else (key(item) < key(best)):
            best = item
    return best


def max_(*args, key=None):
    items = _items(args)
    if key is None:
        items = items.__unordered__()
    best = items[0]
    for item in items[1:]:
        if (item > best) if key is None else (key(item) > key(best)):
            best = item
    return best


def divmod_(a, b):
    if isinstance(a, Tensor) or isinstance(b, Tensor):
        raise TypeError("unsupported operand type(s) for divmod(): a Tensor")
    return a // b, a % b


def round_(number, ndigits=None):
    """round(): halves to even, as Python's; a float to `ndigits` places
    as Python's decimal rounding of its exact binary value (see
    _round_float)."""
    if isinstance(number, Tensor):
        raise TypeError("type Tensor doesn't define __round__ method")
    if ndigits is None:
        if isinstance(number, int):
            return int(number)
        floor = number // 1.0
        diff = number - floor  # exact: both lie within one unit
        if diff > 0.5 or (diff == 0.5 and floor % 2 == 1):
            floor = floor + 1
        return int(floor)
    if not isinstance(number, int):
        return _round_float(number, ndigits)
    if ndigits >= 0:
        return int(number)
    factor = 10 ** (-ndigits)
    quotient = number // factor
    remainder = number % factor
    if 2 * remainder > factor or (2 * remainder == factor and quotient % 2 == 1):
        quotient = quotient + 1
    return quotient * factor


def _product_error(a, b):
    """a * b - fl(a * b), exactly (Dekker's product: the halves of 26 bits
    multiply exactly; compiled code fuses no multiply-add)."""
    p = a * b
    c = 134217729.0 * a
    a_high = c - (c - a)
    a_low = a - a_high
    c = 134217729.0 * b
    b_high = c - (c - b)
    b_low = b - b_high
    return ((a_high * b_high - p) + a_high * b_low + a_low * b_high) + a_low * b_low


def _round_float(x, ndigits):
    """round(x, ndigits) of a float: the double nearest the decimal rounding
    (halves to even) of x's exact value. To places after the point, with
    f = 10**ndigits (exact up to 22): the integer nearest the exact x * f
    differs from y = fl(x * f)'s nearest only where one of them is a tie,
    which the exact rounding error of the product (Dekker's) decides; z / f
    is then the double nearest the decimal value, as Python's strtod gives
    it. Where y reaches 2**53, x has no digit at that place: x itself. To
    tens, hundreds, ...: see _round_float_to_tens."""
    if ndigits > 22 or ndigits < -22:
        raise NotImplementedError("round() of a float to more than 22 digits either side of "
                                  "the point is not supported by dy2st yet")
    if x != x or x == x + 1.0 or x == 0:
        return x  # nan, inf, floats beyond 2**53 (no digits to round), zeros
    if ndigits < 0:
        return _round_float_to_tens(x, ndigits)
    factor = 1.0
    for _ in range(ndigits):
        factor = factor * 10.0
    y = x * factor
    if y >= 9007199254740992.0 or y <= -9007199254740992.0:
        return x
    floor = y // 1.0
    diff = y - floor  # exact
    if y >= 4503599627370496.0 or y <= -4503599627370496.0:
        # y is an integer (ulp 1): the exact product lies within a half of it.
        error = _product_error(x, factor)
        z = y
        if (error == 0.5 or error == -0.5) and y % 2 == 1:
            z = y + (1.0 if error > 0 else -1.0)
    else:
        up = diff > 0.5
        if diff == 0.5:
            error = _product_error(x, factor)  # exact x * factor - y
            up = error > 0 or (error == 0 and floor % 2 == 1)
        z = floor + 1.0 if up else floor
    if z == 0:
        return -0.0 if x < 0 else 0.0
    return z / factor


def _round_float_to_tens(x, ndigits):
    """round(x, ndigits) of a float for ndigits < 0: x = q + fraction (q an
    int, the fraction in [0, 1), both exact), rounded to the multiple of
    10**-ndigits as integers; the int's float is the nearest double. Beyond
    64-bit ints, x is an integer: y = fl(x / f) as for places after the
    point, a tie decided by the sign of the exact remainder x - y * f."""
    factor = 10 ** (-ndigits)
    if -9.2e18 < x < 9.2e18:
        floor = x // 1.0
        fraction = x - floor  # exact
        q = int(floor)
        quotient = q // factor
        remainder = q % factor
        if 2 * remainder > factor or (2 * remainder == factor and
                                      (fraction > 0 or quotient % 2 == 1)):
            quotient = quotient + 1
        if quotient == 0:
            return -0.0 if x < 0 else 0.0
        return float(quotient * factor)
    f = float(factor)
    y = x / f
    if y >= 4503599627370496.0 or y <= -4503599627370496.0:
        return x  # no digit at that place to round
    floor = y // 1.0
    diff = y - floor  # exact
    up = diff > 0.5
    if diff == 0.5:
        product = y * f
        remainder = (x - product) - _product_error(y, f)  # x - y * f, its sign exact
        up = remainder > 0 or (remainder == 0 and floor % 2 == 1)
    z = floor + 1.0 if up else floor
    if z == 0:
        return -0.0 if x < 0 else 0.0
    return z * f


def pow_(base, exp, mod=None):
    if mod is None:
        return base ** exp
    if not isinstance(base, int) or not isinstance(exp, int) or not isinstance(mod, int):
        raise TypeError("pow() 3rd argument not allowed unless all arguments are integers")
    if mod == 0:
        raise ValueError("pow() 3rd argument cannot be 0")
    if exp < 0:
        raise NotImplementedError("pow() with a negative exponent and a modulus (a modular "
                                  "inverse) is not supported by dy2st yet")
    # Square and multiply, reduced at each step: no intermediate leaves 64 bits
    # for a modulus below 2**31.
    result = 1 % mod
    square = base % mod
    while exp > 0:
        if exp % 2 == 1:
            result = result * square % mod
        square = square * square % mod
        exp = exp // 2
    return result


def sum_(iterable, start=0):
    total = start
    for item in iterable.__unordered__():
        total = total + item
    return total


def any_(iterable):
    for item in iterable.__unordered__():
        if item:
            return True
    return False


def all_(iterable):
    for item in iterable.__unordered__():
        if not item:
            return False
    return True


def zip_(*iterables):
    length = len(iterables[0])
    for iterable in iterables:
        if len(iterable) < length:
            length = len(iterable)
    tuples = []
    for k in range(length):
        item = ()
        for iterable in iterables:
            item = item + (iterable[k],)
        tuples.append(item)
    return tuples


def reversed_(sequence):
    return sequence[::-1]


def reversed_range(start, stop=None, step=1):
    """The bounds (start, stop, step) of the range that reversed(range(...))
    iterates (the importer's, for `for i in reversed(range(n))`)."""
    if stop is None:
        start, stop = 0, start
    if step == 0:
        raise ValueError("range() arg 3 must not be zero")
    if step > 0:
        count = (stop - start + step - 1) // step
    else:
        count = (start - stop - step - 1) // -step
    if count < 0:
        count = 0
    return start + (count - 1) * step, start - step, -step


def sorted_(iterable, key=None, reverse=False):
    # A bubble sort: it swaps neighbours only when strictly out of order, so
    # equal items keep their order (Python's sort is stable, reversed too),
    # and it reads items at positions known when compiling only.
    items = list(iterable.__unordered__() if key is None else iterable)
    for done in range(len(items)):
        for j in range(len(items) - 1 - done):
            key_a = items[j] if key is None else key(items[j])
            key_b = items[j + 1] if key is None else key(items[j + 1])
            if (key_a < key_b) if reverse else (key_b < key_a):
                items[j], items[j + 1] = items[j + 1], items[j]
    return items


def enumerate_(iterable, start=0):
    """enumerate() as a value (a `for` over it stays a loop of the importer's):
    the list of its pairs."""
    pairs = []
    for i, item in enumerate(iterable):
        pairs.append((start + i, item))
    return pairs


def first_item(items):
    """next(iter(items)): the first item; Python's StopIteration where there
    is none."""
    for item in items:
        return item
    raise StopIteration()


def first_item_or(items, default):
    """next(iter(items), default)."""
    for item in items:
        return item
    return default


def join_texts(separator, items):
    """separator.join(items) of strings known when compiling."""
    text = ""
    for i, item in enumerate(items):
        if not isinstance(item, str):
            raise TypeError(f"sequence item {i}: expected str instance")
        text = text + (separator if i > 0 else "") + item
    return text


def dict_(*args, **kwargs):
    """dict(mapping or pairs, **kwargs): keys known when compiling."""
    if len(args) > 1:
        raise TypeError(f"dict expected at most 1 argument, got {len(args)}")
    made = {}
    if len(args) == 1:
        if isinstance(args[0], dict):
            for key in args[0]:
                made[key] = args[0][key]
        else:
            for pair in args[0]:
                if len(pair) != 2:
                    raise ValueError("dictionary update sequence element has the wrong length")
                made[pair[0]] = pair[1]
    for key in kwargs:
        made[key] = kwargs[key]
    return made


def merged_dicts(*parts):
    """`{**a, k: v, **b}`: the parts' entries, later ones replacing."""
    made = {}
    for part in parts:
        for key in part:
            made[key] = part[key]
    return made


def reduce_(function, iterable, *initial):
    """functools.reduce (its initial value, where given, in `initial`)."""
    items = list(iterable)
    if len(initial) == 0:
        if len(items) == 0:
            raise TypeError("reduce() of empty iterable with no initial value")
        value = items[0]
        items = items[1:]
    else:
        value = initial[0]
    for item in items:
        value = function(value, item)
    return value


def _applied(function, items):
    """function(*items) of a tuple of up to four items (its length known when
    compiling picks the call)."""
    if len(items) == 1:
        return function(items[0])
    if len(items) == 2:
        return function(items[0], items[1])
    if len(items) == 3:
        return function(items[0], items[1], items[2])
    if len(items) == 4:
        return function(items[0], items[1], items[2], items[3])
    raise NotImplementedError("map() and itertools.starmap() of more than four iterables "
                              "(items) are not supported by dy2st yet")


def map_(function, *iterables):
    """map() as the list of its results (a `for` over it, list(), sum() and the
    builtins that iterate it read them all, in order)."""
    results = []
    for items in zip_(*iterables):
        results.append(_applied(function, items))
    return results


def filter_(function, iterable):
    """filter() as the list of the items it keeps (true, or that `function`
    calls true)."""
    kept = []
    for item in iterable:
        if (item if function is None else function(item)):
            kept.append(item)
    return kept


def chain_(*iterables):
    """itertools.chain: the items of each in turn."""
    items = []
    for iterable in iterables:
        for item in iterable:
            items.append(item)
    return items


def chain_from_iterable(iterables):
    """itertools.chain.from_iterable."""
    return chain_(*iterables)


def islice_(iterable, *bounds):
    """itertools.islice(iterable, stop) or (iterable, start, stop[, step]):
    None bounds as a slice's."""
    if len(bounds) == 1:
        return list(iterable)[:bounds[0]]
    step = bounds[2] if len(bounds) == 3 else None
    return list(iterable)[bounds[0]:bounds[1]:step]


def accumulate_(iterable, func=None, *, initial=None):
    """itertools.accumulate: the running totals (of `func`, else +)."""
    totals = []
    total = initial
    if initial is not None:
        totals.append(initial)
    for k, item in enumerate(iterable):
        if k == 0 and initial is None:
            total = item
        else:
            total = total + item if func is None else func(total, item)
        totals.append(total)
    return totals


def starmap_(function, iterable):
    """itertools.starmap: function(*items) of each tuple."""
    results = []
    for items in iterable:
        results.append(_applied(function, items))
    return results


def zip_longest_(*iterables, fillvalue=None):
    """itertools.zip_longest: tuples to the longest, `fillvalue` past the
    shorter ones' ends."""
    length = 0
    for iterable in iterables:
        if len(iterable) > length:
            length = len(iterable)
    tuples = []
    for k in range(length):
        item = ()
        for iterable in iterables:
            item = item + ((iterable[k] if k < len(iterable) else fillvalue),)
        tuples.append(item)
    return tuples


def product_(*iterables):
    """itertools.product of sequences: the list of its tuples."""
    tuples = [()]
    for iterable in iterables:
        tuples = [prefix + (item,) for prefix in tuples for item in iterable]
    return tuples


def sort_method(obj, key=None, reverse=False):
    """obj.sort(key=..., reverse=...): a list sorted in place (as sorted()
    orders it); a tensor's sort() is Paddle's, a sorted copy."""
    if isinstance(obj, Tensor):
        return _tensor_sort(obj)
    ordered = sorted_(obj, key, reverse)
    for i in range(len(obj)):
        obj[i] = ordered[i]


def remaining_items(mapping, taken, extra):
    """The items of `mapping` whose keys are not in `taken`, then `extra`:
    what a `**kwargs` parameter receives from `f(**mapping, ...)`."""
    rest = {}
    for key in mapping:
        if key not in taken:
            rest[key] = mapping[key]
    for key in extra:
        rest[key] = extra[key]
    return rest


def tensor_set_value(x, value):
    """What Tensor.set_value(value) gives x (the importer writes it into x):
    a tensor of x's shape and dtype, with Paddle's AssertionError otherwise."""
    if not isinstance(value, Tensor):
        raise TypeError("Tensor.set_value() in compiled code takes a tensor (an array or a "
                        "list would take numpy's dtype)")
    if list(value.shape) != list(x.shape):
        raise AssertionError("Variable Shape not match: the value's shape is not the tensor's")
    if value.dtype != x.dtype:
        raise AssertionError("Variable dtype not match: the value's dtype is not the tensor's")
    return value + 0


def tensor_copy(x, src, blocking=True):
    """What Tensor.copy_(src) gives x (the importer writes it into x): src's
    values and shape, with Paddle's RuntimeError for another dtype."""
    if not isinstance(src, Tensor):
        raise TypeError("Tensor.copy_() takes a tensor")
    if src.dtype != x.dtype:
        raise RuntimeError(copy_dtype_message(x.dtype, src.dtype))
    return src + 0


def tensor_item(x, *indices):
    """Tensor.item(i) (a flat index) and item(i, j, ...) (one per axis), with
    Paddle's checks and messages (indices are not wrapped)."""
    for position, index in enumerate(indices, 1):
        if isinstance(index, bool) or not isinstance(index, int):
            # (type() of a compiled value names no class: the kinds an index may be)
            kind = "bool" if isinstance(index, bool) else \
                "float" if isinstance(index, float) else "Tensor"
            raise TypeError(f"argument (position {position}) must be long, but got {kind}")
    if len(indices) == 1:
        size = 1
        for n in x.shape:
            size = size * n
        if indices[0] < 0 or indices[0] >= size:
            raise ValueError(f"index {indices[0]} is out of bounds for size {size}")
        return x.reshape([-1])[indices[0]].item()
    if len(indices) != x.ndim:
        raise ValueError("incorrect number of indices for Tensor")
    for axis, index in enumerate(indices):
        if index < 0 or index >= x.shape[axis]:
            raise ValueError(f"index {index} is out of bounds for axis {axis} with size "
                             f"{x.shape[axis]}")
    return x[indices].item()


def is_view_index(base, *items):
    """Whether base[index] is a view of base eagerly (eager/tensor.py's
    _basic_index): base is a tensor and each of the index's items other than
    slices, None, ... and integer literals (`items`) is an integer or a 0-d
    integer tensor. Folds once specialized (views.py)."""
    if not isinstance(base, Tensor):
        return False
    for item in items:
        if isinstance(item, bool):
            return False
        if isinstance(item, Tensor):
            if item.ndim != 0 or item.dtype == "bool" or item.is_floating_point():
                return False
        elif not isinstance(item, int):
            return False
    return True


def is_container(base):
    """Whether base[index] is an item of a list, tuple or dict (the object
    itself, not a view). Folds once specialized (views.py)."""
    return isinstance(base, (list, tuple, dict))


def is_sequence(base):
    """Whether unpacking base gives its items (a list or tuple; a dict gives
    its keys). Folds once specialized (views.py)."""
    return isinstance(base, (list, tuple))


def unpacked_item(base, key, current, item_changed):
    """What `a` of `a, b = base` names after base changed in place: the row
    base[key] of a tensor (a view), the item of a list or tuple where the
    change reached into its items, else `current` (a dict's key; an item
    replaced). Folds once specialized (views.py)."""
    if isinstance(base, Tensor) or (item_changed and isinstance(base, (list, tuple))):
        return base[key]
    return current


def _check_nan_identity(items, value):
    """Python's `in`, `index`, `count` and `remove` take an item that is the
    value itself before comparing values, which only a NaN (equal to
    nothing) tells apart; compiled values have no identity to ask, so a NaN
    sought where an item is NaN too is an error rather than a guess."""
    if value != value:
        for item in items:
            if item != item:
                raise NotImplementedError(
                    "dy2st cannot tell whether a NaN sought in a list is the NaN it holds: "
                    "Python's 'in', index(), count() and remove() find the item that is the "
                    "same object, and compiled values are not objects")


def contains(items, value):
    """`value in items`: in a list or tuple (of a length known when compiling,
    or grown at run time), an item equal to the value (see
    _check_nan_identity). Other containers (a dict's keys, a string's
    substrings) answer as the comparison does."""
    if isinstance(items, (list, tuple)):
        for item in items:
            if item == value:
                return True
        _check_nan_identity(items, value)
        return False
    return value in items


def sequence_index(items, value, removing=False):
    """items.index(value) of a list or tuple, with Python's ValueError where
    no item equals it (list.remove's where `removing`); of another object,
    its own index()."""
    if isinstance(items, (list, tuple)):
        i = 0
        for item in items:
            if item == value:
                return i
            i += 1
        _check_nan_identity(items, value)
        if removing:
            raise ValueError("list.remove(x): x not in list")
        if isinstance(items, tuple):
            raise ValueError("tuple.index(x): x not in tuple")
        raise ValueError(f"{value!r} is not in list")
    return items.index(value)


def sequence_count(items, value):
    """items.count(value) of a list or tuple; of another object, its own."""
    if isinstance(items, (list, tuple)):
        _check_nan_identity(items, value)
        n = 0
        for item in items:
            if item == value:
                n += 1
        return n
    return items.count(value)


def dict_item(keys, values, key):
    """mapping[key] of a dict of Python literals known when compiling (its
    `keys` and `values`) at a key known at run time: the value of the key
    equal to it (as a dict finds 1.0 at 1), with Python's KeyError where no
    key is."""
    for k, value in zip(keys, values):
        if k == key:
            return value
    _check_nan_identity(keys, key)
    raise KeyError(key)


def dict_get(keys, values, key, default=None):
    """mapping.get(key, default) of a dict of Python literals (see dict_item)."""
    for k, value in zip(keys, values):
        if k == key:
            return value
    _check_nan_identity(keys, key)
    return default


SEQUENCE_HELPERS = (contains, sequence_index, sequence_count)
"""The helpers whose own `in`, index() and count() are the primitive ones."""


def at_most(sequence, count, message):
    """Python's TypeError for more positional arguments than a function takes
    (`f(*seq)` of a sequence too long)."""
    if len(sequence) > count:
        raise TypeError(message)


def list_index_error():
    """What indexing a list of layers past its end raises."""
    raise IndexError("list index out of range")


def dict_key_error(key):
    """What indexing a dict of layers at a key it lacks raises."""
    raise KeyError(key)


def range_list(start, stop=None, step=1):
    """list(range(...)), and a range given to a builtin that iterates it
    (`zip(range(n), items)`, `sum(range(n))`): the importer's, range itself
    being a loop's iterable only."""
    if stop is None:
        start, stop = 0, start
    items = []
    for i in range(start, stop, step):
        items.append(i)
    return items


REPLACEMENTS: dict[Any, Callable[..., Any]] = {
    builtins.abs: abs_, builtins.min: min_, builtins.max: max_, builtins.sum: sum_,
    builtins.any: any_, builtins.all: all_, builtins.zip: zip_, builtins.reversed: reversed_,
    builtins.sorted: sorted_, builtins.divmod: divmod_, builtins.pow: pow_,
    builtins.round: round_, builtins.dict: dict_, builtins.enumerate: enumerate_,
    builtins.map: map_, builtins.filter: filter_, functools.reduce: reduce_,
    itertools.product: product_, itertools.chain: chain_,
    itertools.chain.from_iterable: chain_from_iterable, itertools.islice: islice_,
    itertools.accumulate: accumulate_, itertools.starmap: starmap_,
    itertools.zip_longest: zip_longest_, **pyoperator.REPLACEMENTS, **pymath.REPLACEMENTS}
"""The builtins (and math's and operator's functions, see pymath and
pyoperator) compiled code calls as the functions above."""
