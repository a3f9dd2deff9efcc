"""What an import took from objects, checked before each call of its
program: values compiled as constants (`self.training`, `self.rate`) by
value and type, objects the code was converted for (`self.head`) by
identity. `layer.eval()` or a new head makes the program stale: the
function is imported again (see StaticFunction._import)."""
from typing import Any, Callable, Sequence, Tuple

Guard = Tuple[Callable[[], Any], Any, bool]
"""(a reader of the value now, the value taken, compared by identity)."""


class Guards:
    """The guards of one import, read in one pass: a layer's hundreds of
    settings cost a few tens of µs per call."""

    def __init__(self, guards: Sequence[Guard]) -> None:
        self._readers = [read for read, _, _ in guards]
        self._values = tuple(value for _, value, _ in guards)
        self._types = tuple(type(value) for value in self._values)
        self._identity = [i for i, (_, _, by_identity) in enumerate(guards) if by_identity]

    def hold(self) -> bool:
        try:
            now = tuple([read() for read in self._readers])
        except Exception:  # an attribute deleted or an item gone: import again
            return False
        if tuple(map(type, now)) != self._types:
            return False
        if now != self._values and not all(map(_same_value, now, self._values)):
            return False
        # == passed objects equal to those taken: they must be those.
        return all(now[i] is self._values[i] for i in self._identity)


def _same_value(now: Any, value: Any) -> bool:
    """Equal, NaN being equal to NaN (a setting left NaN is unchanged)."""
    return now == value or (now != now and value != value)


__all__ = ["Guard", "Guards"]
