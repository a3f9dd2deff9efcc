"""Where inside the object it changed a change in place went.

A function given a container changes it in place; the caller's container
takes the change after the call (runtime `entry.update_in_place`). Its
tensors must stay the caller's tensors (other names of them see the
change), while items assigned or moved are the function's new ones. Which
is which is told by path, the keys from the object to an item:
`c[0]["k"].add_(x)` changes the tensor at (0, "k") of c in place,
`c[0]["k"] = v` replaces the item at (0, "k"), `c.insert(0, v)` moves every
item of c (ANY: a key known only at run time, or any key). An item at a path
no replacement reaches is where the caller's was."""

import ast
from typing import NamedTuple


class _AnyKey:
    def __repr__(self):
        return "ANY"


ANY = _AnyKey()

# Container methods that leave the items there in their places: they add
# after them, drop the last (`pop()` of a list: a dict's takes a key) or
# leave the other keys' values.
_KEEPING_PLACES = ("append", "extend", "setdefault", "popitem", "clear")


def path_key(node):
    """The key of a subscript's index `node` as a path holds it (see key)."""
    return key(node.value) if isinstance(node, ast.Constant) else ANY


def key(value):
    """A key known when converting as a path holds it: a string, or an int
    from the start (-1 may be any item); else ANY."""
    if isinstance(value, str) or (type(value) is int and value >= 0):
        return value
    return ANY


def _may_meet(a, b):
    """Whether the paths `a` and `b` may name one item or one inside the
    other (`a` a prefix of `b`, or the other way round)."""
    return all(x is ANY or y is ANY or x == y for x, y in zip(a, b))


class Reach(NamedTuple):
    """`kept`: paths of tensors changed in place (() is the object itself);
    `replaced`: paths of items assigned, inserted, removed or moved."""
    kept: frozenset = frozenset()
    replaced: frozenset = frozenset()

    @classmethod
    def of_method(cls, method, arguments):
        """A container's own mutating method (`c.insert(0, v)`) given
        `arguments` (how many)."""
        keeps = method in _KEEPING_PLACES or (method == "pop" and not arguments)
        return cls() if keeps else cls(replaced=frozenset({(ANY,)}))

    @classmethod
    def assigned(cls, key):
        """`c[key] = v`."""
        return cls(replaced=frozenset({(key,)}))

    def outward(self, key):
        """The change seen from the container holding the changed object at
        `key` (`c[0].add_(x)`: () of c[0] is (0,) of c)."""
        return Reach(frozenset((key,) + p for p in self.kept),
                     frozenset((key,) + p for p in self.replaced))

    def inward(self, key):
        """The change seen from the item at `key` of the changed container."""
        def inside(paths):
            return frozenset(p[1:] for p in paths if p and _may_meet(p[:1], (key,)))
        return Reach(inside(self.kept), frozenset(p for p in inside(self.replaced) if p))

    def __or__(self, other):
        return Reach(self.kept | other.kept, self.replaced | other.replaced)

    def pairing(self):
        """For entry.update_in_place: None where no item was replaced or
        moved, else `paired`."""
        return self.paired if self.replaced else None

    def paired(self, path):
        """Whether the item at `path` (its keys at run time) is where the
        caller's item was: no replacement or move reached it."""
        return not any(len(r) <= len(path) and _may_meet(r, path) for r in self.replaced)

    def mixed(self):
        """Whether a tensor changed in place (or assigned into: `c[0][1] = v`
        with c[0] a tensor) may be at or inside a place whose items were
        replaced or moved: the caller's tensor there cannot be told."""
        changed = self.kept | {r[:-1] for r in self.replaced}
        return any(len(r) <= len(k) and _may_meet(r, k)
                   for r in self.replaced for k in changed if k)
