"""dy2st.nn: layers. A layer's tensors are inputs of its compiled programs, so
changing a weight never recompiles."""
import numpy as np

from ..tensor import Tensor
from . import functional, initializer
from .. import functional as _functional
from .layer import Layer, Parameter, ParamAttr
from .layer_conv import (AvgPool1D, Conv1D, Conv1DTranspose, Conv2D, Conv2DTranspose,  # noqa: F401
                         Conv3D, MaxPool1D, Upsample, UpsamplingBilinear2D, UpsamplingNearest2D)


class Linear(Layer):
    """y = x @ weight + bias, with weight of shape [in_features, out_features]."""

    def __init__(self, in_features, out_features, weight_attr=None, bias_attr=None, name=None):
        super().__init__()
        self.weight = self.create_parameter([in_features, out_features], attr=weight_attr)
        self.bias = self.create_parameter([out_features], attr=bias_attr, is_bias=True)

    def forward(self, input):
        out = functional.linear_matmul(input, self.weight)
        if self.bias is not None:
            out = out + self.bias
        return out


class ReLU(Layer):
    def __init__(self, name=None):
        super().__init__()

    def forward(self, x):
        return functional.relu(x)


class Sigmoid(Layer):
    def __init__(self, name=None):
        super().__init__()

    def forward(self, x):
        return functional.sigmoid(x)


class Sequential(Layer):
    """Calls its layers in order."""

    def __init__(self, *layers):
        super().__init__()
        for i, layer in enumerate(layers):
            setattr(self, str(i), layer)
        object.__setattr__(self, "_ordered", tuple(layers))

    def forward(self, x):
        for layer in self._ordered:
            x = layer(x)
        return x


class Embedding(Layer):
    """Rows of `weight` [num_embeddings, embedding_dim] at integer indices;
    zeros at `padding_idx`."""

    def __init__(self, num_embeddings, embedding_dim, padding_idx=None, sparse=False,
                 weight_attr=None, name=None):
        super().__init__()
        self._padding_idx = padding_idx
        self.weight = self.create_parameter([num_embeddings, embedding_dim], attr=weight_attr)

    def forward(self, x):
        return functional.embedding(x, self.weight, padding_idx=self._padding_idx)


class LayerNorm(Layer):
    """Normalizes the last dimensions (`normalized_shape`), then scales by
    `weight` (ones) and shifts by `bias` (zeros)."""

    def __init__(self, normalized_shape, epsilon=1e-05, weight_attr=None, bias_attr=None,
                 name=None):
        super().__init__()
        shape = [normalized_shape] if isinstance(normalized_shape, int) else list(normalized_shape)
        self._normalized_shape = shape
        self._epsilon = epsilon
        size = int(np.prod(shape))
        self.weight = self.create_parameter([size], attr=weight_attr,
                                            default_initializer=initializer.Constant(1.0))
        self.bias = self.create_parameter([size], attr=bias_attr, is_bias=True)

    def forward(self, x):
        return functional.layer_norm(x, self._normalized_shape, self.weight, self.bias,
                                     self._epsilon)


def _eager_dropout(x, p, axis, mode):
    """Training-mode dropout: eager only (compiled code runs inference)."""
    shape = list(x.shape)
    if axis is not None:
        axes = [axis] if isinstance(axis, int) else list(axis)
        shape = [s if d in axes else 1 for d, s in enumerate(shape)]
    keep = (np.random.rand(*shape) >= p).astype(x.numpy().dtype)
    if mode == "upscale_in_train":
        keep = keep / (1.0 - p) if p < 1 else keep * 0
    return x * Tensor(keep)


class Dropout(Layer):
    """Zeroes elements with probability p in training (eagerly); in eval mode
    the identity ('upscale_in_train') or a scaling by 1 - p
    ('downscale_in_infer')."""

    def __init__(self, p=0.5, axis=None, mode="upscale_in_train", name=None):
        super().__init__()
        self.p = p
        self.axis = axis
        self.mode = mode

    def forward(self, input):
        if self.training and self.p > 0:
            return _eager_dropout(input, self.p, self.axis, self.mode)
        if self.mode == "downscale_in_infer":
            return input * (1.0 - self.p)
        return input


class Flatten(Layer):
    def __init__(self, start_axis=1, stop_axis=-1):
        super().__init__()
        self.start_axis = start_axis
        self.stop_axis = stop_axis

    def forward(self, input):
        return _functional.flatten(input, self.start_axis, self.stop_axis)


class Identity(Layer):
    def __init__(self, *args, **kwargs):
        super().__init__()

    def forward(self, input):
        return input


class Softmax(Layer):
    def __init__(self, axis=-1, name=None):
        super().__init__()
        self._axis = axis

    def forward(self, x):
        return functional.softmax(x, self._axis)


class LogSoftmax(Layer):
    def __init__(self, axis=-1, name=None):
        super().__init__()
        self._axis = axis

    def forward(self, x):
        return functional.log_softmax(x, self._axis)


class Tanh(Layer):
    def __init__(self, name=None):
        super().__init__()

    def forward(self, x):
        return functional.tanh(x)


class GELU(Layer):
    def __init__(self, approximate=False, name=None):
        super().__init__()
        self._approximate = approximate

    def forward(self, x):
        return functional.gelu(x, self._approximate)


class LeakyReLU(Layer):
    def __init__(self, negative_slope=0.01, name=None):
        super().__init__()
        self._negative_slope = negative_slope

    def forward(self, x):
        return functional.leaky_relu(x, self._negative_slope)


class SiLU(Layer):
    def __init__(self, name=None):
        super().__init__()

    def forward(self, x):
        return functional.silu(x)


class ReLU6(Layer):
    def __init__(self, name=None):
        super().__init__()

    def forward(self, x):
        return functional.relu6(x)


class Hardswish(Layer):
    def __init__(self, name=None):
        super().__init__()

    def forward(self, x):
        return functional.hardswish(x)


class ELU(Layer):
    def __init__(self, alpha=1.0, name=None):
        super().__init__()
        self._alpha = alpha

    def forward(self, x):
        return functional.elu(x, self._alpha)


class Softplus(Layer):
    def __init__(self, beta=1, threshold=20, name=None):
        super().__init__()
        self._beta = beta
        self._threshold = threshold

    def forward(self, x):
        return functional.softplus(x, self._beta, self._threshold)


class LayerList(Layer):
    """A list of sublayers, registered as "0", "1", ... (`self.layers[i]` and
    `for layer in self.layers` work in compiled code with literal indices)."""

    def __init__(self, sublayers=None):
        super().__init__()
        for layer in sublayers or []:
            self.append(layer)

    def _items(self):
        return list(self._registry("_sub_layers").values())

    def append(self, sublayer):
        self.add_sublayer(str(len(self)), sublayer)
        return self

    def extend(self, sublayers):
        for layer in sublayers:
            self.append(layer)
        return self

    def insert(self, index, sublayer):
        items = self._items()
        items.insert(index, sublayer)
        self._registry("_sub_layers").clear()
        self.extend(items)

    def __getitem__(self, index):
        items = self._items()
        return LayerList(items[index]) if isinstance(index, slice) else items[index]

    def __len__(self):
        return len(self._registry("_sub_layers"))

    def __iter__(self):
        return iter(self._items())


class LayerDict(Layer):
    """Sublayers by name (`self.blocks["a"]` with a literal key in compiled code)."""

    def __init__(self, sublayers=None):
        super().__init__()
        for name, layer in dict(sublayers or {}).items():
            self.add_sublayer(name, layer)

    def __getitem__(self, name):
        return self._registry("_sub_layers")[name]

    def __setitem__(self, name, layer):
        self.add_sublayer(name, layer)

    def __len__(self):
        return len(self._registry("_sub_layers"))

    def __iter__(self):
        return iter(self._registry("_sub_layers"))

    def __contains__(self, name):
        return name in self._registry("_sub_layers")

    def keys(self):
        return self._registry("_sub_layers").keys()

    def values(self):
        return self._registry("_sub_layers").values()

    def items(self):
        return self._registry("_sub_layers").items()


class ParameterList(Layer):
    """A list of parameters, registered as "0", "1", ..."""

    def __init__(self, parameters=None):
        super().__init__()
        for p in parameters or []:
            self.append(p)

    def append(self, parameter):
        self.add_parameter(str(len(self)), parameter)
        return self

    def __getitem__(self, index):
        return list(self._registry("_parameters").values())[index]

    def __len__(self):
        return len(self._registry("_parameters"))

    def __iter__(self):
        return iter(self._registry("_parameters").values())


class MaxPool2D(Layer):
    def __init__(self, kernel_size, stride=None, padding=0, ceil_mode=False, return_mask=False,
                 data_format="NCHW", name=None):
        super().__init__()
        self._kernel_size, self._stride, self._padding = kernel_size, stride, padding
        self._ceil_mode, self._data_format = ceil_mode, data_format

    def forward(self, x):
        return functional.max_pool2d(x, self._kernel_size, self._stride, self._padding,
                                     False, self._ceil_mode, self._data_format)


class AvgPool2D(Layer):
    def __init__(self, kernel_size, stride=None, padding=0, ceil_mode=False, exclusive=True,
                 divisor_override=None, data_format="NCHW", name=None):
        super().__init__()
        self._kernel_size, self._stride, self._padding = kernel_size, stride, padding
        self._ceil_mode, self._exclusive = ceil_mode, exclusive
        self._divisor_override, self._data_format = divisor_override, data_format

    def forward(self, x):
        return functional.avg_pool2d(x, self._kernel_size, self._stride, self._padding,
                                     self._ceil_mode, self._exclusive, self._divisor_override,
                                     self._data_format)


class AdaptiveAvgPool2D(Layer):
    def __init__(self, output_size, data_format="NCHW", name=None):
        super().__init__()
        self._output_size = output_size

    def forward(self, x):
        return functional.adaptive_avg_pool2d(x, self._output_size)


class AdaptiveMaxPool2D(Layer):
    def __init__(self, output_size, return_mask=False, name=None):
        super().__init__()
        self._output_size = output_size

    def forward(self, x):
        return functional.adaptive_max_pool2d(x, self._output_size)


class _BatchNorm(Layer):
    """Batch normalization over axis 1: `weight` (ones), `bias` (zeros) and
    the running statistics `_mean` (zeros) and `_variance` (ones) as Paddle
    names them. eval() uses the running statistics; training uses the batch's
    and updates the running ones (eagerly)."""

    def __init__(self, num_features, momentum=0.9, epsilon=1e-05, weight_attr=None,
                 bias_attr=None, data_format="NCHW", use_global_stats=None, name=None):
        super().__init__()
        self._momentum, self._epsilon = momentum, epsilon
        self._use_global_stats = use_global_stats
        self.weight = self.create_parameter([num_features], attr=weight_attr,
                                            default_initializer=initializer.Constant(1.0))
        self.bias = self.create_parameter([num_features], attr=bias_attr, is_bias=True)
        self._mean = Parameter(np.zeros(num_features, np.float32), trainable=False)
        self._variance = Parameter(np.ones(num_features, np.float32), trainable=False)

    def forward(self, x):
        if self.training and not self._use_global_stats:
            _update_running_stats(self, x)
        return functional.batch_norm(x, self._mean, self._variance, self.weight, self.bias,
                                     self.training, self._momentum, self._epsilon, "NCHW",
                                     self._use_global_stats)


def _update_running_stats(layer, x):
    """running = momentum * running + (1 - momentum) * batch (eager)."""
    v = x.numpy()
    axes = tuple(d for d in range(v.ndim) if d != 1)
    count = v.size // v.shape[1]
    m = layer._momentum
    layer._mean._value[...] = m * layer._mean._value + (1 - m) * v.mean(axis=axes)
    unbiased = v.var(axis=axes) * count / max(count - 1, 1)
    layer._variance._value[...] = m * layer._variance._value + (1 - m) * unbiased


class BatchNorm1D(_BatchNorm):
    pass


class BatchNorm2D(_BatchNorm):
    pass


class BatchNorm3D(_BatchNorm):
    pass


class BatchNorm(_BatchNorm):
    """Paddle's older BatchNorm(num_channels, act=None, is_test=False, ...)."""

    def __init__(self, num_channels, act=None, is_test=False, momentum=0.9, epsilon=1e-05,
                 param_attr=None, bias_attr=None, dtype="float32", data_layout="NCHW",
                 in_place=False, moving_mean_name=None, moving_variance_name=None,
                 do_model_average_for_mean_and_var=True, use_global_stats=False,
                 trainable_statistics=False):
        super().__init__(num_channels, momentum, epsilon, param_attr, bias_attr,
                         use_global_stats=use_global_stats)
        if act is not None:
            raise ValueError("BatchNorm(act=...) is not supported by dy2st: apply the "
                             "activation after the layer")


class GroupNorm(Layer):
    def __init__(self, num_groups, num_channels, epsilon=1e-05, weight_attr=None,
                 bias_attr=None, data_format="NCHW", name=None):
        super().__init__()
        self._num_groups, self._epsilon = num_groups, epsilon
        self.weight = self.create_parameter([num_channels], attr=weight_attr,
                                            default_initializer=initializer.Constant(1.0))
        self.bias = self.create_parameter([num_channels], attr=bias_attr, is_bias=True)

    def forward(self, x):
        return functional.group_norm(x, self._num_groups, self._epsilon, self.weight, self.bias)


class InstanceNorm2D(Layer):
    """Instance normalization with `scale` (ones) and `bias` (zeros), as Paddle
    names them."""

    def __init__(self, num_features, epsilon=1e-05, momentum=0.9, weight_attr=None,
                 bias_attr=None, data_format="NCHW", name=None):
        super().__init__()
        self._epsilon = epsilon
        self.scale = self.create_parameter([num_features], attr=weight_attr,
                                           default_initializer=initializer.Constant(1.0))
        self.bias = self.create_parameter([num_features], attr=bias_attr, is_bias=True)

    def forward(self, x):
        return functional.instance_norm(x, weight=self.scale, bias=self.bias, eps=self._epsilon)


InstanceNorm1D = InstanceNorm2D
InstanceNorm3D = InstanceNorm2D


# Recurrent layers -----------------------------------------------------------
class _RNNCellBase(Layer):
    """weight_ih [gates * hidden, input], weight_hh [gates * hidden, hidden],
    bias_ih and bias_hh [gates * hidden], all Uniform(-1/sqrt(hidden),
    1/sqrt(hidden)) as Paddle draws them."""

    def __init__(self, input_size, hidden_size, gates, weight_ih_attr=None, weight_hh_attr=None,
                 bias_ih_attr=None, bias_hh_attr=None):
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

    def _gates(self, inputs, hidden):
        gates = functional.linear_matmul(inputs, self.weight_ih, transpose_y=True) + self.bias_ih
        return gates, functional.linear_matmul(hidden, self.weight_hh,
                                               transpose_y=True) + self.bias_hh


class SimpleRNNCell(_RNNCellBase):
    """h = act(x W_ih^T + b_ih + h W_hh^T + b_hh), act tanh or relu."""

    def __init__(self, input_size, hidden_size, activation="tanh", weight_ih_attr=None,
                 weight_hh_attr=None, bias_ih_attr=None, bias_hh_attr=None, name=None):
        super().__init__(input_size, hidden_size, 1, weight_ih_attr, weight_hh_attr,
                         bias_ih_attr, bias_hh_attr)
        self._relu = activation == "relu"

    def forward(self, inputs, states=None):
        if states is None:
            states = _functional.zeros([inputs.shape[0], self.hidden_size], inputs.dtype)
        x_gates, h_gates = self._gates(inputs, states)
        if self._relu:
            h = functional.relu(x_gates + h_gates)
        else:
            h = functional.tanh(x_gates + h_gates)
        return h, h


class LSTMCell(_RNNCellBase):
    """Paddle's gate order i, f, g, o: c = f c + i tanh(g), h = o tanh(c)."""

    def __init__(self, input_size, hidden_size, weight_ih_attr=None, weight_hh_attr=None,
                 bias_ih_attr=None, bias_hh_attr=None, proj_size=0, name=None):
        if proj_size:
            raise ValueError("LSTMCell(proj_size=...) is not supported by dy2st")
        super().__init__(input_size, hidden_size, 4, weight_ih_attr, weight_hh_attr,
                         bias_ih_attr, bias_hh_attr)

    def forward(self, inputs, states=None):
        if states is None:
            zeros = _functional.zeros([inputs.shape[0], self.hidden_size], inputs.dtype)
            states = (zeros, zeros)
        pre_hidden, pre_cell = states
        x_gates, h_gates = self._gates(inputs, pre_hidden)
        i, f, g, o = _functional.split(x_gates + h_gates, 4, axis=-1)
        c = functional.sigmoid(f) * pre_cell + functional.sigmoid(i) * functional.tanh(g)
        h = functional.sigmoid(o) * functional.tanh(c)
        return h, (h, c)


class GRUCell(_RNNCellBase):
    """Paddle's gate order r, z, c: c = tanh(x_c + r h_c), h = z h + (1 - z) c."""

    def __init__(self, input_size, hidden_size, weight_ih_attr=None, weight_hh_attr=None,
                 bias_ih_attr=None, bias_hh_attr=None, name=None):
        super().__init__(input_size, hidden_size, 3, weight_ih_attr, weight_hh_attr,
                         bias_ih_attr, bias_hh_attr)

    def forward(self, inputs, states=None):
        if states is None:
            states = _functional.zeros([inputs.shape[0], self.hidden_size], inputs.dtype)
        x_gates, h_gates = self._gates(inputs, states)
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

    def __init__(self, cell_class, input_size, hidden_size, num_layers, direction, time_major,
                 dropout, attrs, extra=None):
        super().__init__()
        if direction not in ("forward", "bidirect", "bidirectional"):
            raise ValueError(f"direction must be 'forward' or 'bidirect', not {direction!r}")
        self.hidden_size, self.num_layers = hidden_size, num_layers
        self.time_major, self.dropout = time_major, dropout
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

    def set_state_dict(self, state_dict):
        """Also takes Paddle's own state dicts, which hold every parameter twice
        (`weight_ih_l0` and `0.cell.weight_ih`): the flat names are read."""
        Layer.set_state_dict(self, {k: v for k, v in state_dict.items() if "." not in k})

    set_dict = set_state_dict
    load_dict = set_state_dict

    def forward(self, inputs, initial_states=None, sequence_length=None):
        if sequence_length is not None:
            raise ValueError("sequence_length is not supported by dy2st yet")
        x = inputs
        if self.time_major:
            x = _functional.transpose(x, [1, 0, 2])
        finals = []
        index = 0
        for layer in self._layers:
            # The cells are run here (not in a helper): a layer is not a value
            # compiled code can pass.
            states = self._initial(initial_states, index)
            outputs = []
            for t in range(x.shape[1]):
                out, states = layer.forward_cell(x[:, t, :], states)
                outputs.append(_functional.unsqueeze(out, 1))
            finals.append(states)
            index = index + 1
            out = _functional.concat(outputs, axis=1)
            if layer.backward_cell is not None:
                states = self._initial(initial_states, index)
                backward = []
                for t in range(x.shape[1]):
                    step, states = layer.backward_cell(x[:, x.shape[1] - 1 - t, :], states)
                    backward.append(_functional.unsqueeze(step, 1))
                finals.append(states)
                index = index + 1
                out = _functional.concat([out, _functional.flip(_functional.concat(backward, 1),
                                                                [1])], axis=-1)
            x = out
        if self.time_major:
            x = _functional.transpose(x, [1, 0, 2])
        return x, self._stack_states(finals)


class SimpleRNN(_RNNBase):
    def __init__(self, input_size, hidden_size, num_layers=1, direction="forward",
                 time_major=False, dropout=0.0, activation="tanh", weight_ih_attr=None,
                 weight_hh_attr=None, bias_ih_attr=None, bias_hh_attr=None, name=None):
        super().__init__(SimpleRNNCell, input_size, hidden_size, num_layers, direction,
                         time_major, dropout,
                         (weight_ih_attr, weight_hh_attr, bias_ih_attr, bias_hh_attr),
                         (activation,))

    def _initial(self, initial_states, index):
        if initial_states is None:
            return None
        return initial_states[index]

    def _stack_states(self, finals):
        return _functional.stack(finals, axis=0)


class GRU(SimpleRNN):
    def __init__(self, input_size, hidden_size, num_layers=1, direction="forward",
                 time_major=False, dropout=0.0, weight_ih_attr=None, weight_hh_attr=None,
                 bias_ih_attr=None, bias_hh_attr=None, name=None):
        _RNNBase.__init__(self, GRUCell, input_size, hidden_size, num_layers, direction,
                          time_major, dropout,
                          (weight_ih_attr, weight_hh_attr, bias_ih_attr, bias_hh_attr))


class LSTM(_RNNBase):
    def __init__(self, input_size, hidden_size, num_layers=1, direction="forward",
                 time_major=False, dropout=0.0, weight_ih_attr=None, weight_hh_attr=None,
                 bias_ih_attr=None, bias_hh_attr=None, proj_size=0, name=None):
        if proj_size:
            raise ValueError("LSTM(proj_size=...) is not supported by dy2st")
        super().__init__(LSTMCell, input_size, hidden_size, num_layers, direction, time_major,
                         dropout, (weight_ih_attr, weight_hh_attr, bias_ih_attr, bias_hh_attr))

    def _initial(self, initial_states, index):
        if initial_states is None:
            return None
        h, c = initial_states
        return h[index], c[index]

    def _stack_states(self, finals):
        hs = []
        cs = []
        for h, c in finals:
            hs.append(h)
            cs.append(c)
        return _functional.stack(hs, axis=0), _functional.stack(cs, axis=0)
