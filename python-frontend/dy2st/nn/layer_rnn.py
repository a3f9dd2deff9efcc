"""Recurrent layers: SimpleRNN/LSTM/GRU and their cells with Paddle's
parameter names (weight_ih_l{k}[_reverse], ...) and gate orders."""
from __future__ import annotations

from typing import Any, Callable, Mapping, Sequence

from ..eager import dtypes
from ..eager import functional as _functional
from ..eager import structures as _structures
from ..eager.tensor import Tensor
from . import functional, initializer
from .layer import Layer, ParamAttr, ParamAttrLike


class RNNCellBase(Layer):
    """The base of recurrent cells: forward(inputs, states) -> (outputs,
    new_states); `state_shape` (and `state_dtype`) describe the states that
    get_initial_states makes."""

    def get_initial_states(self, batch_ref: Any, shape: Any = None, dtype: Any = None,
                           init_value: float = 0.0, batch_dim_idx: int = 0) -> Any:
        """States filled with `init_value`: one per shape of `shape` (else
        `state_shape`: a shape, or a list or tuple of shapes), each with the
        batch size of `batch_ref` (the first tensor of it) in front, where the
        shape does not start with -1 already."""
        batch = _structures.flatten(batch_ref)[0].shape[batch_dim_idx]
        shapes = self.state_shape if shape is None else shape
        dtypes = self._state_dtype_or_default if dtype is None else dtype
        if _is_shape(shapes):
            return _filled(shapes, batch, init_value, dtypes)
        states = []
        for i, s in enumerate(shapes):
            states.append(_filled(s, batch, init_value,
                                  dtypes[i] if isinstance(dtypes, (list, tuple)) else dtypes))
        if isinstance(shapes, tuple):
            return tuple(states)
        return states

    @property
    def state_shape(self) -> Any:
        raise NotImplementedError("Please add implementation for `state_shape` in the used "
                                  "cell.")

    @property
    def state_dtype(self) -> Any:
        raise NotImplementedError("Please add implementation for `state_dtype` in the used "
                                  "cell.")

    @property
    def _state_dtype_or_default(self):
        """`state_dtype`, else the default float dtype (read in Python when
        compiled code asks)."""
        try:
            return self.state_dtype
        except NotImplementedError:
            return str(dtypes.default_float())


def _is_shape(shape):
    """A shape is a list or tuple of integers (a structure holds shapes)."""
    return all(isinstance(d, int) for d in shape)


def _filled(shape, batch, value, dtype):
    dims = list(shape)
    if dims[0] != -1:
        dims = [-1] + dims
    dims[0] = batch
    return _functional.full(dims, value, dtype)


class _RNNCellBase(RNNCellBase):
    """weight_ih [gates * hidden, input], weight_hh [gates * hidden, hidden],
    bias_ih and bias_hh [gates * hidden], all Uniform(-1/sqrt(hidden),
    1/sqrt(hidden)) as Paddle draws them."""

    def __init__(self, input_size: int, hidden_size: int, gates: int,
                 weight_ih_attr: ParamAttr | str | None = None,
                 weight_hh_attr: ParamAttr | str | None = None,
                 bias_ih_attr: ParamAttrLike = None,
                 bias_hh_attr: ParamAttrLike = None) -> None:
        super().__init__()
        self.input_size, self.hidden_size = input_size, hidden_size
        bound = 1.0 / hidden_size ** 0.5
        uniform = initializer.Uniform(-bound, bound)
        self.weight_ih = self.create_parameter([gates * hidden_size, input_size],
                                               attr=weight_ih_attr, default_initializer=uniform)
        self.weight_hh = self.create_parameter([gates * hidden_size, hidden_size],
                                               attr=weight_hh_attr, default_initializer=uniform)
        self.bias_ih = self.create_parameter([gates * hidden_size], attr=bias_ih_attr,
                                             is_bias=True, default_initializer=uniform)
        self.bias_hh = self.create_parameter([gates * hidden_size], attr=bias_hh_attr,
                                             is_bias=True, default_initializer=uniform)

    def _project(self, inputs):
        """The inputs' share of the gates, x W_ih^T + b_ih: of one step, or of
        every step at once where a layer runs the cell (one product for the
        whole sequence instead of one per step)."""
        return functional.linear_matmul(inputs, self.weight_ih, transpose_y=True) + self.bias_ih

    def _recurrent(self, hidden):
        """The hidden state's share of the gates, h W_hh^T + b_hh."""
        return functional.linear_matmul(hidden, self.weight_hh, transpose_y=True) + self.bias_hh

    def forward(self, inputs: Tensor, states: Any = None) -> tuple[Tensor, Any]:
        return self._step(self._project(inputs), states)


class SimpleRNNCell(_RNNCellBase):
    """h = act(x W_ih^T + b_ih + h W_hh^T + b_hh), act tanh or relu."""

    def __init__(self, input_size: int, hidden_size: int, activation: str = "tanh",
                 weight_ih_attr: ParamAttr | str | None = None,
                 weight_hh_attr: ParamAttr | str | None = None,
                 bias_ih_attr: ParamAttrLike = None,
                 bias_hh_attr: ParamAttrLike = None, name: str | None = None) -> None:
        super().__init__(input_size, hidden_size, 1, weight_ih_attr, weight_hh_attr,
                         bias_ih_attr, bias_hh_attr)
        self._relu = activation == "relu"

    @property
    def state_shape(self) -> Any:
        return (self.hidden_size,)

    def _step(self, x_gates, states):
        if states is None:
            states = _functional.zeros([x_gates.shape[0], self.hidden_size], x_gates.dtype)
        h_gates = self._recurrent(states)
        if self._relu:
            h = functional.relu(x_gates + h_gates)
        else:
            h = functional.tanh(x_gates + h_gates)
        return h, h


class LSTMCell(_RNNCellBase):
    """Paddle's gate order i, f, g, o: c = f c + i tanh(g), h = o tanh(c)."""

    def __init__(self, input_size: int, hidden_size: int,
                 weight_ih_attr: ParamAttr | str | None = None,
                 weight_hh_attr: ParamAttr | str | None = None,
                 bias_ih_attr: ParamAttrLike = None,
                 bias_hh_attr: ParamAttrLike = None, proj_size: int = 0,
                 name: str | None = None) -> None:
        if proj_size:
            raise ValueError("LSTMCell(proj_size=...) is not supported by dy2st")
        super().__init__(input_size, hidden_size, 4, weight_ih_attr, weight_hh_attr,
                         bias_ih_attr, bias_hh_attr)

    @property
    def state_shape(self) -> Any:
        return ((self.hidden_size,), (self.hidden_size,))

    def _step(self, x_gates, states):
        if states is None:
            zeros = _functional.zeros([x_gates.shape[0], self.hidden_size], x_gates.dtype)
            states = (zeros, zeros)
        pre_hidden, pre_cell = states
        i, f, g, o = _functional.split(x_gates + self._recurrent(pre_hidden), 4, axis=-1)
        c = functional.sigmoid(f) * pre_cell + functional.sigmoid(i) * functional.tanh(g)
        h = functional.sigmoid(o) * functional.tanh(c)
        return h, (h, c)


class GRUCell(_RNNCellBase):
    """Paddle's gate order r, z, c: c = tanh(x_c + r h_c), h = z h + (1 - z) c."""

    def __init__(self, input_size: int, hidden_size: int,
                 weight_ih_attr: ParamAttr | str | None = None,
                 weight_hh_attr: ParamAttr | str | None = None,
                 bias_ih_attr: ParamAttrLike = None,
                 bias_hh_attr: ParamAttrLike = None, name: str | None = None) -> None:
        super().__init__(input_size, hidden_size, 3, weight_ih_attr, weight_hh_attr,
                         bias_ih_attr, bias_hh_attr)

    @property
    def state_shape(self) -> Any:
        return (self.hidden_size,)

    def _step(self, x_gates, states):
        if states is None:
            states = _functional.zeros([x_gates.shape[0], self.hidden_size], x_gates.dtype)
        h_gates = self._recurrent(states)
        x_r, x_z, x_c = _functional.split(x_gates, 3, axis=1)
        h_r, h_z, h_c = _functional.split(h_gates, 3, axis=1)
        r = functional.sigmoid(x_r + h_r)
        z = functional.sigmoid(x_z + h_z)
        c = functional.tanh(x_c + r * h_c)
        h = (states - c) * z + c
        return h, h


class _Directions(Layer):
    """The cells of one layer: `forward_cell` and `backward_cell` (or None)."""

    def __init__(self, forward_cell, backward_cell):
        super().__init__()
        object.__setattr__(self, "forward_cell", forward_cell)
        object.__setattr__(self, "backward_cell", backward_cell)


class _RNNBase(Layer):
    """Stacked, optionally bidirectional cells with Paddle's parameter names
    (weight_ih_l{k}[_reverse], ...); forward(inputs, initial_states) returns
    (outputs, final states), states stacked as [layers * directions, batch,
    hidden]."""

    def __init__(self, cell_class: Callable[..., Layer], input_size: int, hidden_size: int,
                 num_layers: int, direction: str, time_major: bool, dropout: float,
                 attrs: Sequence[ParamAttrLike], extra: Sequence[Any] | None = None) -> None:
        super().__init__()
        if direction not in ("forward", "bidirect", "bidirectional"):
            raise ValueError(f"direction must be 'forward' or 'bidirect', not {direction!r}")
        self.input_size, self.hidden_size, self.num_layers = input_size, hidden_size, num_layers
        self.time_major, self.dropout = time_major, dropout
        self.proj_size = 0
        directions = 2 if direction != "forward" else 1
        self.num_directions = directions
        layers = []
        for k in range(num_layers):
            size = input_size if k == 0 else hidden_size * directions
            cells = []
            for suffix in ("", "_reverse")[:directions]:
                cell = cell_class(size, hidden_size, *(extra or ()), *attrs)
                for name in ("weight_ih", "weight_hh", "bias_ih", "bias_hh"):
                    setattr(self, f"{name}_l{k}{suffix}", getattr(cell, name))
                cells.append(cell)
            layers.append(_Directions(cells[0], cells[1] if directions == 2 else None))
        object.__setattr__(self, "_layers", layers)

    def set_state_dict(self, state_dict: Mapping[str, Any]) -> tuple[list[str], list[str]]:
        """Also takes Paddle's own state dicts, which hold every parameter twice
        (`weight_ih_l0` and `0.cell.weight_ih`): the flat names are read, and
        the others are not unexpected."""
        return Layer.set_state_dict(self, {k: v for k, v in state_dict.items() if "." not in k})

    set_dict = set_state_dict
    load_dict = set_state_dict

    def forward(self, inputs: Tensor, initial_states: Any = None,
                sequence_length: Tensor | None = None) -> tuple[Tensor, Any]:
        x = inputs
        if self.time_major:
            x = _functional.transpose(x, [1, 0, 2])
        finals = []
        index = 0
        for k, layer in enumerate(self._layers):
            if k > 0:
                x = functional.dropout(x, self.dropout, training=self.training)
            out, states = _run_cell(layer.forward_cell, x,
                                    self._initial(initial_states, index, x), sequence_length,
                                    False)
            finals.append(states)
            index = index + 1
            if layer.backward_cell is not None:
                backward, states = _run_cell(layer.backward_cell, x,
                                             self._initial(initial_states, index, x),
                                             sequence_length, True)
                finals.append(states)
                index = index + 1
                out = _functional.concat([out, backward], axis=-1)
            x = out
        if self.time_major:
            x = _functional.transpose(x, [1, 0, 2])
        return x, self._stack_states(finals)


def _run_cell(cell, x, states, sequence_length, reverse):
    """The cell over the steps of x ([batch, time, input]), last to first when
    `reverse`: the outputs [batch, time, hidden] in time order and the final
    states. Past a sequence's end the states stay and the outputs are 0. The
    inputs' share of the gates is one product for every step, before them;
    its bias is added at each step, with the step's other terms (a pass
    over the whole product less, against the bias spread over it first). A
    `while` (not `for range`): compiled, the steps stay a loop rather than
    being unrolled. Each step's output is written in place at its time in
    the result (not appended and stacked, which took a copy of all of them
    and a transpose)."""
    projected = functional.linear_matmul(x, cell.weight_ih, transpose_y=True)
    steps = x.shape[1]
    outputs = _functional.zeros([x.shape[0], steps, cell.hidden_size], projected.dtype)
    t = 0
    while t < steps:
        step = t
        if reverse:
            step = steps - 1 - t
        out, new_states = cell._step(projected[:, step, :] + cell.bias_ih, states)
        if sequence_length is not None:
            valid = _step_mask(sequence_length, step, out.dtype)
            out = out * valid
            new_states = _keep_where(valid, new_states, states)
        states = new_states
        outputs[:, step, :] = out
        t += 1
    return outputs, states


def _step_mask(sequence_length, t, dtype):
    """[batch, 1]: 1 where step t is inside the sequence, else 0."""
    return _functional.unsqueeze(_functional.cast(sequence_length > t, dtype), -1)


def _keep_where(valid, new_states, states):
    """new * valid + old * (1 - valid), state by state (Paddle's formula)."""
    if isinstance(new_states, tuple):
        h, c = new_states
        old_h, old_c = states
        return (h * valid + old_h * (1.0 - valid), c * valid + old_c * (1.0 - valid))
    return new_states * valid + states * (1.0 - valid)


class SimpleRNN(_RNNBase):
    def __init__(self, input_size: int, hidden_size: int, num_layers: int = 1,
                 direction: str = "forward",
                 time_major: bool = False, dropout: float = 0.0, activation: str = "tanh",
                 weight_ih_attr: ParamAttr | str | None = None,
                 weight_hh_attr: ParamAttr | str | None = None,
                 bias_ih_attr: ParamAttrLike = None,
                 bias_hh_attr: ParamAttrLike = None, name: str | None = None) -> None:
        super().__init__(SimpleRNNCell, input_size, hidden_size, num_layers, direction,
                         time_major, dropout,
                         (weight_ih_attr, weight_hh_attr, bias_ih_attr, bias_hh_attr),
                         (activation,))
        # Paddle's names of the kind and of the states per layer.
        self.activation, self.mode = activation, f"RNN_{activation.upper()}"
        self.state_components = 1

    def _initial(self, initial_states, index, x):
        if initial_states is None:
            return _functional.zeros([x.shape[0], self.hidden_size], x.dtype)
        return initial_states[index]

    def _stack_states(self, finals):
        return _functional.stack(finals, axis=0)


class GRU(SimpleRNN):
    def __init__(self, input_size: int, hidden_size: int, num_layers: int = 1,
                 direction: str = "forward",
                 time_major: bool = False, dropout: float = 0.0,
                 weight_ih_attr: ParamAttr | str | None = None,
                 weight_hh_attr: ParamAttr | str | None = None,
                 bias_ih_attr: ParamAttrLike = None,
                 bias_hh_attr: ParamAttrLike = None, name: str | None = None) -> None:
        _RNNBase.__init__(self, GRUCell, input_size, hidden_size, num_layers, direction,
                          time_major, dropout,
                          (weight_ih_attr, weight_hh_attr, bias_ih_attr, bias_hh_attr))
        self.mode, self.state_components = "GRU", 1


class LSTM(_RNNBase):
    def __init__(self, input_size: int, hidden_size: int, num_layers: int = 1,
                 direction: str = "forward",
                 time_major: bool = False, dropout: float = 0.0,
                 weight_ih_attr: ParamAttr | str | None = None,
                 weight_hh_attr: ParamAttr | str | None = None,
                 bias_ih_attr: ParamAttrLike = None,
                 bias_hh_attr: ParamAttrLike = None, proj_size: int = 0,
                 name: str | None = None) -> None:
        if proj_size:
            raise ValueError("LSTM(proj_size=...) is not supported by dy2st")
        super().__init__(LSTMCell, input_size, hidden_size, num_layers, direction, time_major,
                         dropout, (weight_ih_attr, weight_hh_attr, bias_ih_attr, bias_hh_attr))
        self.mode, self.state_components = "LSTM", 2

    def _initial(self, initial_states, index, x):
        if initial_states is None:
            zeros = _functional.zeros([x.shape[0], self.hidden_size], x.dtype)
            return zeros, zeros
        h, c = initial_states
        return h[index], c[index]

    def _stack_states(self, finals):
        hs = []
        cs = []
        for h, c in finals:
            hs.append(h)
            cs.append(c)
        return _functional.stack(hs, axis=0), _functional.stack(cs, axis=0)
