"""nn.RNN and nn.BiRNN: any cell (a built-in one or the user's RNNCellBase)
run over the time steps of a sequence, as Paddle's dygraph `rnn` runs it."""
from __future__ import annotations

from typing import Any

from ..eager import functional as _functional
from ..eager import structures as _structures
from ..eager.tensor import Tensor
from . import functional
from .layer import Layer


class RNN(Layer):
    """`cell` over every step of `inputs` ([batch, time, ...], or [time,
    batch, ...] when time_major), last to first when is_reverse; forward
    returns (outputs stacked in time order, final states)."""

    def __init__(self, cell: Layer, is_reverse: bool = False, time_major: bool = False) -> None:
        super().__init__()
        self.cell = cell
        self.is_reverse = is_reverse
        self.time_major = time_major

    def forward(self, inputs: Any, initial_states: Any = None,
                sequence_length: Tensor | None = None, **kwargs: Any) -> tuple[Any, Any]:
        return _rnn(self.cell, inputs, initial_states, sequence_length, self.time_major,
                    self.is_reverse, kwargs)


class BiRNN(Layer):
    """A forward RNN of `cell_fw` and a reverse one of `cell_bw` over the same
    inputs: their outputs concatenated along the last axis, and their final
    states as a pair."""

    def __init__(self, cell_fw: Layer, cell_bw: Layer, time_major: bool = False) -> None:
        super().__init__()
        if cell_fw.input_size != cell_bw.input_size:
            raise ValueError(f"input size of forward cell({cell_fw.input_size}) does not "
                             f"equals that of backward cell({cell_bw.input_size})")
        self.cell_fw = cell_fw
        self.cell_bw = cell_bw
        self.time_major = time_major

    def forward(self, inputs: Any, initial_states: Any = None,
                sequence_length: Tensor | None = None, **kwargs: Any) -> tuple[Any, Any]:
        if initial_states is None:
            states_fw, states_bw = None, None
        else:
            if len(initial_states) != 2:
                raise ValueError("length of initial_states should be 2 when it is a list/tuple")
            states_fw, states_bw = initial_states
        out_fw, final_fw = _rnn(self.cell_fw, inputs, states_fw, sequence_length,
                                self.time_major, False, kwargs)
        out_bw, final_bw = _rnn(self.cell_bw, inputs, states_bw, sequence_length,
                                self.time_major, True, kwargs)
        outputs = _structures.map_structure(
            lambda fw, bw: _functional.concat([fw, bw], axis=-1), out_fw, out_bw)
        return outputs, (final_fw, final_bw)


def _rnn(cell, inputs, initial_states, sequence_length, time_major, is_reverse, kwargs):
    """Paddle's dygraph `rnn`: past a sequence's length a step keeps the
    states (new * mask + old * (1 - mask)) but its output is the cell's as
    computed. A `while` over the steps, so that compiled code keeps a loop."""
    time_axis = 0 if time_major else 1
    first = _structures.flatten(inputs)[0]
    steps = first.shape[time_axis]
    if initial_states is None:
        initial_states = cell.get_initial_states(batch_ref=inputs,
                                                 batch_dim_idx=1 if time_major else 0)
    if not time_major:
        inputs = _structures.map_structure(_swap_batch_time, inputs)
    mask = None
    if sequence_length is not None:
        mask = _functional.transpose(
            functional.sequence_mask(sequence_length, maxlen=steps, dtype=first.dtype), [1, 0])
    states = initial_states
    outputs = []
    t = 0
    while t < steps:
        step = t
        if is_reverse:
            step = steps - 1 - t
        step_inputs = _structures.map_structure(lambda x: x[step], inputs)
        out, new_states = cell(step_inputs, states, **kwargs)
        if mask is not None:
            valid = mask[step]
            new_states = _structures.map_structure(
                lambda new, old: _kept(new, old, valid), new_states, states)
        states = new_states
        outputs.append(out)
        t += 1
    stacked = _functional.stack(outputs, axis=time_axis)
    if is_reverse:
        stacked = _functional.flip(stacked, [time_axis])
    return stacked, states


def _swap_batch_time(x):
    perm = [1, 0]
    for axis in range(2, len(x.shape)):
        perm.append(axis)
    return _functional.transpose(x, perm)


def _kept(new, old, valid):
    """new where the step is valid, else old; `valid` [batch] along axis 0."""
    valid = _functional.reshape(valid, [-1] + [1] * (len(new.shape) - 1))
    return new * valid + old * (1 - valid)
