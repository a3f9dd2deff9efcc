"""dy2st.static: input specifications, the static executor of saved
programs and the control flow APIs of `static.nn` (Paddle's `paddle.static`)."""
from __future__ import annotations

import os
from typing import Any, Mapping, Sequence

from ..compiler.signature import InputSpec  # noqa: F401 (paddle.static's API)
from ..eager.place import CPUPlace  # noqa: F401 (paddle.static's API)
from ..eager.tensor import Tensor
from ..metric import accuracy  # noqa: F401 (paddle.static's API)
from ..runtime.translated_layer import TranslatedLayer
from . import nn  # noqa: F401 (paddle.static.nn: cond, while_loop, case, switch_case)


_static_mode = [False]


def enable_static() -> None:
    """Paddle's switch to static-graph mode. dy2st runs saved programs with
    `Executor` in either mode; the flag is kept for `in_dynamic_mode()`."""
    _static_mode[0] = True


def disable_static(place: CPUPlace | None = None) -> None:
    """Leaves the static-graph mode that `enable_static` entered."""
    _static_mode[0] = False


def in_dynamic_mode() -> bool:
    """Whether Paddle code runs in dynamic (eager) mode, i.e. not after `enable_static`."""
    return not _static_mode[0]


class Executor:
    """Runs a static program loaded by `load_inference_model`."""

    def __init__(self, place: CPUPlace | None = None) -> None:
        if place is not None and not isinstance(place, CPUPlace):
            raise ValueError(f"dy2st's Executor runs on CPUPlace, not {place!r}")
        self.place = place or CPUPlace()

    def run(self, program: TranslatedLayer, feed: Mapping[str, Any] | None = None,
            fetch_list: Sequence[str] | None = None, return_numpy: bool = True) -> list[Any]:
        """Runs `program` on the arrays of `feed` (by input name); returns the
        outputs named in `fetch_list` (all by default) as numpy arrays."""
        if not isinstance(program, TranslatedLayer):
            raise TypeError("Executor.run takes a program from static.load_inference_model")
        feed = dict(feed or {})
        missing = [n for n in program.input_names if n not in feed]
        unknown = [n for n in feed if n not in program.input_names]
        if missing or unknown:
            raise ValueError(f"feed must give exactly the inputs {program.input_names}; "
                             f"missing {missing}, unknown {unknown}")
        outputs = program(*(feed[n] for n in program.input_names))
        outputs = list(outputs) if isinstance(outputs, (tuple, list)) else [outputs]
        names = program.output_names(len(outputs))
        wanted = names if fetch_list is None else list(fetch_list)
        result = []
        for target in wanted:
            if target not in names:
                raise ValueError(f"unknown fetch target {target!r}; the program has {names}")
            value = outputs[names.index(target)]
            result.append(value.numpy() if return_numpy and isinstance(value, Tensor) else value)
        return result


def load_inference_model(path_prefix: str | os.PathLike[str], executor: Executor | None = None,
                         **kwargs: Any) -> tuple[TranslatedLayer, list[str], list[str]]:
    """(program, feed names, fetch targets) of a program saved by
    `save_inference_model`: `path_prefix` is its folder or its path prefix."""
    if os.path.isdir(path_prefix):
        path_prefix = os.path.join(path_prefix, "model")
    program = TranslatedLayer(path_prefix)
    return program, program.input_names, program.output_names()
