"""What an import took from objects, checked before each call of its
program: values compiled as constants (`self.training`, `self.rate`) by
value and type, objects the code was converted for (`self.head`) by
identity. `layer.eval()` or a new head makes the program stale: the
function is imported again (see StaticFunction._import)."""
import operator
from typing import Any, Callable, Sequence, Tuple

Guard = Tuple[Callable[[], Any], Any, bool]
"""(a reader of the value now, the value taken, compared by identity)."""


class Guards:
    """The guards of one import, read in one pass: a layer's hundreds of
    settings cost a few tens of µs per call. The objects are compared by
    identity and the values by type and value, each group in one C-level
    pass (a handful of guards cost well under a µs)."""

    def __init__(self, guards: Sequence[Guard]) -> None:
        self._object_readers = [read for read, _, by_identity in guards if by_identity]
        self._objects = [value for _, value, by_identity in guards if by_identity]
        self._value_readers = [read for read, _, by_identity in guards if not by_identity]
        self._values = tuple(value for _, value, by_identity in guards if not by_identity)
        self._types = tuple(type(value) for value in self._values)

    def hold(self) -> bool:
        try:
            objects = [read() for read in self._object_readers]
            now = tuple([read() for read in self._value_readers])
        except Exception:  # an attribute deleted or an item gone: import again
            return False
        if not all(map(operator.is_, objects, self._objects)):
            return False
        if tuple(map(type, now)) != self._types:
            return False
        return now == self._values or all(map(_same_value, now, self._values))


def _same_value(now: Any, value: Any) -> bool:
    """Equal, NaN being equal to NaN (a setting left NaN is unchanged)."""
    return now == value or (now != now and value != value)


__all__ = ["Guard", "Guards"]
