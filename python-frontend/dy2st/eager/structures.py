"""Nested structures (lists, tuples, dicts of tensors and
numbers). In compiled code a structure's shape is known at compile time:
`flatten` and `pack_sequence_as` are answered by the specialization, and
`map_structure` is a composite over them."""
from __future__ import annotations

from typing import Any, Callable, Sequence


def _is_sequence(value):
    return isinstance(value, (list, tuple, dict))


def flatten(nest: Any) -> list[Any]:
    """The leaves of `nest`, depth first; a dict's values in the order of its
    sorted keys (Paddle's order)."""
    if isinstance(nest, dict):
        leaves = []
        for key in sorted(nest):
            leaves.extend(flatten(nest[key]))
        return leaves
    if isinstance(nest, (list, tuple)):
        leaves = []
        for item in nest:
            leaves.extend(flatten(item))
        return leaves
    return [nest]


def _pack(structure, flat, at):
    if isinstance(structure, dict):
        packed = {}
        for key in sorted(structure):
            packed[key], at = _pack(structure[key], flat, at)
        return {key: packed[key] for key in structure}, at
    if isinstance(structure, (list, tuple)):
        items = []
        for item in structure:
            value, at = _pack(item, flat, at)
            items.append(value)
        if isinstance(structure, list):
            return items, at
        # An instance of a namedtuple class packs as one (Paddle's _sequence_like).
        if isinstance(getattr(structure, "_fields", None), tuple):
            return type(structure)._make(items), at
        return tuple(items), at
    return flat[at], at + 1


def pack_sequence_as(structure: Any, flat_sequence: Sequence[Any]) -> Any:
    """`flat_sequence` (as flatten gives it) in the nesting of `structure`."""
    if not _is_sequence(structure):
        return flat_sequence[0]
    packed, used = _pack(structure, list(flat_sequence), 0)
    if used != len(flat_sequence):
        raise ValueError(f"pack_sequence_as: the structure has {used} leaves, the flat "
                         f"sequence {len(flat_sequence)}")
    return packed


def map_structure(func: Callable[..., Any], *structure: Any) -> Any:
    """`structure` (one or several of the same nesting) with `func` applied to
    its leaves (to the leaves at the same place of each)."""
    flats = []
    for s in structure:
        flats.append(flatten(s))
    results = []
    for i in range(len(flats[0])):
        if len(flats) == 1:
            results.append(func(flats[0][i]))
        elif len(flats) == 2:
            results.append(func(flats[0][i], flats[1][i]))
        else:
            # Up to three structures: with more, `func` (which takes one
            # argument a structure) is given too few and raises TypeError.
            results.append(func(flats[0][i], flats[1][i], flats[2][i]))
    return pack_sequence_as(structure[0], results)


STRUCTURE_BUILTINS = {flatten: "__flatten__", pack_sequence_as: "__pack__"}
"""The functions the specialization answers (`pydy.call_method` of these names)."""
