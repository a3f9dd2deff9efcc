"""paddle.summary and paddle.flops: a table of a network's layers with their
input and output shapes and parameter counts (and floating-point operations),
printed in Paddle's format from one eager call on random inputs, with
forward post hooks. Layer names are Paddle's (`Conv2D-1` from the layer's
full name `conv2d_0`), so the tables equal real Paddle's for the same
network."""
from __future__ import annotations

import collections
import numbers
from typing import Any, Callable

import numpy as np

from .eager.functional import cast, rand, randn
from .eager.tensor import Tensor
from .compiler.signature import InputSpec
from .nn.layer import Layer
from .nn import layer_basic, layer_conv, layer_norm, layer_rnn

def _is_shape(size: Any) -> bool:
    return isinstance(size, (list, tuple)) and all(isinstance(d, numbers.Number) for d in size)


def _checked_shape(shape: Any) -> tuple:
    """A shape with its one unknown size (None or -1, the batch) as 1."""
    unknown, checked = 0, []
    for d in shape:
        if d is None or d == -1:
            unknown += 1
            if unknown > 1:
                raise ValueError("Option input_size only the dim of batch_size can be None or -1.")
            d = 1
        elif isinstance(d, (int, float)) and d <= 0:
            raise ValueError(f"Expected element in input size greater than zero, but got {d}")
        checked.append(d)
    return tuple(checked)


def _checked_sizes(size: Any) -> Any:
    if isinstance(size, (list, tuple)) and not any(isinstance(d, (list, tuple)) for d in size):
        return _checked_shape(size)
    return [_checked_sizes(s) for s in size]


def _sizes_of(input_size: Any, input: Any) -> Any:
    """input_size as Paddle normalizes it: a shape, or a list of shapes."""
    if input_size is None:
        if input is None:
            raise ValueError("input_size and input cannot be None at the same time")
        if isinstance(input, Tensor):
            return tuple(input.shape)
        if isinstance(input, (list, tuple)):
            return [tuple(x.shape) for x in input]
        if isinstance(input, dict):
            return [tuple(x.shape) for x in input.values()]
        raise ValueError("Input is not tensor, list, tuple and dict, unable to determine "
                         "input_size, please input input_size.")
    if isinstance(input_size, InputSpec):
        return tuple(input_size.shape)
    if isinstance(input_size, int):
        return (input_size,)
    if isinstance(input_size, list):
        sizes = []
        for item in input_size:
            if isinstance(item, int):
                item = (item,)
            if not isinstance(item, (tuple, InputSpec)):
                raise TypeError(f"When input_size is list, expect item in input_size is a tuple "
                                f"or InputSpec, but got {type(item)}")
            sizes.append(tuple(item.shape) if isinstance(item, InputSpec) else item)
        return sizes
    return input_size


def _random_inputs(sizes: Any, dtypes: Any) -> Any:
    if _is_shape(sizes):
        dtype = dtypes[0] if isinstance(dtypes, (list, tuple)) else dtypes
        return cast(rand(list(sizes)), dtype)
    return [_random_inputs(s, d) for s, d in zip(sizes, dtypes)]


def _dtypes_like(sizes: Any, dtype: Any) -> list:
    if _is_shape(sizes):
        return [dtype or "float32"]
    return [_dtypes_like(s, dtype) for s in sizes]


def _shapes(value: Any) -> Any:
    if isinstance(value, Tensor):
        return list(value.shape)
    if isinstance(value, (list, tuple)):
        return [_shapes(v) for v in value]
    return None


def _output_shapes(value: Any) -> Any:
    if isinstance(value, (list, tuple)):
        return [_output_shapes(v) for v in value]
    return list(value.shape) if hasattr(value, "shape") else []


def _rows(model: Layer, run: Callable[[], Any]) -> collections.OrderedDict:
    """One row per layer Paddle's summary hooks (not the containers, nor the
    model itself unless it has no sublayers), in the order their forwards
    end: name, input and output shapes, parameters (trainable ones)."""
    rows: collections.OrderedDict = collections.OrderedDict()
    depth = len(model.sublayers())

    def record(layer, inputs, outputs):
        try:
            index = int(layer.full_name().split("_")[-1])
        except ValueError:
            index = len(rows)
        row = rows.setdefault(f"{type(layer).__name__}-{index + 1}", {})
        row["input_shape"] = _shapes(inputs)
        row["output_shape"] = _output_shapes(outputs)
        row["nb_params"], row["trainable_params"] = 0, 0
        for name, parameter in layer._parameters.items():
            if parameter is None:
                continue
            count = np.prod(parameter.shape)
            row["nb_params"] += count
            if getattr(parameter, "trainable", True) and not parameter.stop_gradient:
                row["trainable_params"] += count
                row["trainable"] = True
            elif not row.get("trainable"):
                row["trainable"] = False

    def hooked(layer):
        container = isinstance(layer, (layer_basic.Sequential, layer_basic.LayerList))
        # Paddle's recurrent layers may use cuDNN: it hooks them always.
        recurrent = isinstance(layer, layer_rnn._RNNBase)
        return (not container and (layer is not model or depth < 1)) or recurrent

    handles = [layer.register_forward_post_hook(record)
               for layer in [model] + model.sublayers() if hooked(layer)]
    try:
        run()
    finally:
        for handle in handles:
            handle.remove()
    return rows


def _table(rows: collections.OrderedDict, shapes: list) -> tuple[str, dict]:
    widths = {"layer": 15, "input": 20, "output": 20, "params": 15}
    for name, row in rows.items():
        widths["layer"] = max(widths["layer"], len(name))
        widths["input"] = max(widths["input"], len(str(row["input_shape"])))
        widths["output"] = max(widths["output"], len(str(row["output_shape"])))
        widths["params"] = max(widths["params"], len(str(row["nb_params"])))
    width = max(75, sum(widths.values()) + 5)

    def line(*cells):
        return " ".join(f"{c:^{w}}" for c, w in zip(cells, widths.values())) + "\n"

    text = "-" * width + "\n" + line("Layer (type)", "Input Shape", "Output Shape", "Param #")
    text += "=" * width + "\n"
    total = trainable = outputs = 0
    for name, row in rows.items():
        text += line(name, str(row["input_shape"]), str(row["output_shape"]),
                     f"{row['nb_params']:,}")
        total += row["nb_params"]
        try:
            outputs += np.sum(np.prod(row["output_shape"], axis=-1))
        except ValueError:  # outputs of several ranks
            for shape in row["output_shape"]:
                outputs += np.sum(np.prod(shape, axis=-1))
        if row.get("trainable"):
            trainable += row["trainable_params"]

    def megabytes(size):
        if _is_shape(size):
            return abs(np.prod(size) * 4.0 / 1024 ** 2)
        return sum(megabytes(s) for s in size)

    inputs_mb = megabytes(shapes)
    outputs_mb = abs(2.0 * outputs * 4.0 / 1024 ** 2)   # Paddle counts the gradients too
    params_mb = abs(total * 4.0 / 1024 ** 2)
    text += "=" * width + "\n"
    text += f"Total params: {total:,}\nTrainable params: {trainable:,}\n"
    text += f"Non-trainable params: {total - trainable:,}\n" + "-" * width + "\n"
    text += f"Input size (MB): {inputs_mb:0.2f}\n"
    text += f"Forward/backward pass size (MB): {outputs_mb:0.2f}\n"
    text += f"Params size (MB): {params_mb:0.2f}\n"
    text += f"Estimated Total Size (MB): {params_mb + outputs_mb + inputs_mb:0.2f}\n"
    text += "-" * width + "\n"
    return text, {"total_params": total, "trainable_params": trainable}


def summary(net: Layer, input_size: Any = None, dtypes: Any = None, input: Any = None
            ) -> dict:
    """Prints the table of `net`'s layers for inputs of `input_size` (a
    shape, or a list of shapes; the batch may be None or -1) of `dtypes`
    (float32), or for the given `input`; returns the parameter counts."""
    sizes = _checked_sizes(_sizes_of(input_size, input))
    shapes = [sizes] if isinstance(sizes, tuple) else sizes  # one input: a list of one
    training = net.training
    if training:
        net.eval()
    try:
        if input is not None:
            rows = _rows(net, lambda: net(input))
        else:
            kinds = dtypes if isinstance(dtypes, (list, tuple)) else _dtypes_like(shapes, dtypes)
            rows = _rows(net, lambda: net(*_random_inputs(shapes, kinds)))
    finally:
        if training:
            net.train()
    text, counts = _table(rows, shapes)
    print(text)
    return counts


def _convolution_flops(layer, x, y):
    kernel = np.prod(layer.weight.shape[2:])
    bias = 1 if layer.bias is not None else 0
    return abs(int(int(np.prod(y.shape)) * (x.shape[1] / layer._groups * kernel + bias)))


def _adaptive_average_flops(layer, x, y):
    kernel = np.array(x.shape[2:]) // np.array(y.shape[2:])
    return abs(int((np.prod(kernel) + 1) * np.prod(y.shape)))


_COUNTERS: dict = {
    **{cls: _convolution_flops for cls in (
        layer_conv.Conv1D, layer_conv.Conv2D, layer_conv.Conv3D, layer_conv.Conv1DTranspose,
        layer_conv.Conv2DTranspose, layer_conv.Conv3DTranspose)},
    layer_norm.BatchNorm2D: lambda layer, x, y: abs(int(2 * np.prod(x.shape))),
    layer_norm.BatchNorm: lambda layer, x, y: abs(int(2 * np.prod(x.shape))),
    layer_basic.ReLU: lambda layer, x, y: 0,
    layer_basic.ReLU6: lambda layer, x, y: 0,
    layer_basic.LeakyReLU: lambda layer, x, y: int(np.prod(x.shape)),
    layer_basic.Linear: lambda layer, x, y: abs(int(layer.weight.shape[0] * np.prod(y.shape))),
    layer_basic.Dropout: lambda layer, x, y: 0,
    **{cls: (lambda layer, x, y: int(np.prod(y.shape))) for cls in (
        layer_conv.AvgPool1D, layer_conv.AvgPool2D, layer_conv.AvgPool3D)},
    **{cls: _adaptive_average_flops for cls in (
        layer_conv.AdaptiveAvgPool1D, layer_conv.AdaptiveAvgPool2D,
        layer_conv.AdaptiveAvgPool3D)},
}
"""Paddle's counts per layer class (hapi/dynamic_flops.py): a multiply-add
of a convolution or product is one operation; the others count zero."""


def _custom_counter(count):
    """A count function of Paddle's custom_ops form (it adds to
    layer.total_ops) as one returning the count."""
    def counted(layer, x, y):
        layer.total_ops = 0
        count(layer, (x,), y)
        total = layer.total_ops
        del layer.total_ops
        return int(total)
    return counted


def flops(net: Layer, input_size: list, custom_ops: dict | None = None,
          print_detail: bool = False) -> int:
    """The floating-point operations of one call of `net` on a random input
    of `input_size` (by the counts of Paddle's layer classes, or
    custom_ops' for others), printed with the parameters (per layer with
    print_detail); returns the total."""
    counters = dict(_COUNTERS)
    counters.update({cls: _custom_counter(fn) for cls, fn in (custom_ops or {}).items()})
    leaves = [(n, layer) for n, layer in net.named_sublayers() if not layer.sublayers()]
    # Paddle hooks the network itself too where it has no sublayers, but
    # counts only its sublayers.
    hooked = [layer for _, layer in leaves] or [net]
    seen: dict = {}
    results: dict = {}
    for layer in hooked:
        kind = type(layer)
        if kind not in seen:
            if custom_ops and kind in custom_ops:
                print(f"Customize Function has been applied to {kind}")
            elif kind in counters:
                print(f"{kind}'s flops has been counted")
            else:
                print(f"Cannot find suitable count function for {kind}. Treat it as zero FLOPs.")
            seen[kind] = True

    def record(layer, inputs, outputs):
        count = counters.get(type(layer))
        x = inputs[0]
        y = outputs[0] if isinstance(outputs, (list, tuple)) else outputs
        ops = count(layer, x, y) if count is not None else 0
        params = sum(int(np.prod(p.shape)) for p in layer.parameters())
        previous = results.get(id(layer), (None, None, 0, 0))
        results[id(layer)] = (list(x.shape), list(y.shape), params, previous[3] + ops)

    training = net.training
    net.eval()
    handles = [layer.register_forward_post_hook(record) for layer in hooked]
    try:
        net(randn(list(input_size)))
    finally:
        for handle in handles:
            handle.remove()
        if training:
            net.train()
    rows = [[layer.full_name(), *results[id(layer)]] for _, layer in leaves
            if id(layer) in results]
    if print_detail:
        _print_grid(["Layer Name", "Input Shape", "Output Shape", "Params", "Flops"], rows)
    total_ops = sum(r[4] for r in rows)
    total_params = sum(r[3] for r in rows)
    print(f"Total Flops: {total_ops}     Total Params: {total_params}")
    return total_ops


def _print_grid(heads: list, rows: list) -> None:
    widths = [max([len(str(h))] + [len(str(r[i])) for r in rows]) for i, h in enumerate(heads)]
    shelf = "".join("+" + "-" * (w + 2) for w in widths) + "+"

    def row(cells):
        return "".join("|" + str(c).center(w + 2) for c, w in zip(cells, widths)) + "|"

    print("\n".join([shelf, row(heads), shelf] + [row(r) for r in rows] + [shelf]))
