"""Convolution, 1-D pooling and resizing layers with Paddle's constructor
arguments and weight layouts: Conv{1,2,3}D weight [out, in / groups, *kernel],
Conv{1,2}DTranspose weight [in, out / groups, *kernel], bias [out]."""
from __future__ import annotations

from typing import Sequence

from ..eager.tensor import Tensor
from . import functional, initializer
from .layer import Layer, ParamAttr, ParamAttrLike


def _kernel(kernel_size, n):
    if isinstance(kernel_size, (list, tuple)):
        return list(kernel_size)
    return [kernel_size] * n


class _ConvNd(Layer):
    def __init__(self, in_channels, out_channels, kernel_size, transposed, dims, stride, padding,
                 dilation, groups, padding_mode, weight_attr, bias_attr, data_format,
                 output_padding=0):
        super().__init__()
        if padding_mode != "zeros":
            raise ValueError(f"{type(self).__name__}: only padding_mode='zeros' is supported "
                             "by dy2st")
        if in_channels % groups or out_channels % groups:
            raise ValueError(f"{type(self).__name__}: channels must be divisible by groups")
        kernel = _kernel(kernel_size, dims)
        # Paddle's attribute names and forms (re-parameterizing code reads
        # conv._kernel_size, conv._in_channels, conv._stride[0]).
        self._in_channels, self._out_channels = in_channels, out_channels
        self._kernel_size = kernel
        self._stride, self._dilation = _kernel(stride, dims), _kernel(dilation, dims)
        self._padding, self._padding_mode = padding, padding_mode
        self._groups, self._data_format = groups, data_format
        self._channel_dim = len(data_format) - 1 if data_format[-1] == "C" else 1
        self.output_padding = output_padding
        self._param_attr, self._bias_attr = weight_attr, bias_attr
        if transposed:
            # Paddle draws transposed kernels with its default (Xavier) initializer.
            shape, default = [in_channels, out_channels // groups] + kernel, None
        else:
            fan_in = in_channels // groups
            for k in kernel:
                fan_in *= k
            shape = [out_channels, in_channels // groups] + kernel
            default = initializer.Normal(0.0, (2.0 / fan_in) ** 0.5)
        self.weight = self.create_parameter(shape, attr=weight_attr, default_initializer=default)
        self.bias = self.create_parameter([out_channels], attr=bias_attr, is_bias=True)


class Conv1D(_ConvNd):
    """1-D convolution over NCL."""

    def __init__(self, in_channels: int, out_channels: int, kernel_size: int | Sequence[int],
                 stride: int | Sequence[int] = 1, padding: int | str | Sequence[int] = 0,
                 dilation: int | Sequence[int] = 1,
                 groups: int = 1, padding_mode: str = "zeros",
                 weight_attr: ParamAttr | str | None = None, bias_attr: ParamAttrLike = None,
                 data_format: str = "NCL") -> None:
        super().__init__(in_channels, out_channels, kernel_size, False, 1, stride, padding,
                         dilation, groups, padding_mode, weight_attr, bias_attr, data_format)

    def forward(self, x: Tensor) -> Tensor:
        return functional.conv1d(x, self.weight, self.bias, self._stride, self._padding,
                                 self._dilation, self._groups, self._data_format)


class Conv2D(_ConvNd):
    """2-D convolution over NCHW (weight Normal(0, sqrt(2 / fan_in)) as Paddle)."""

    def __init__(self, in_channels: int, out_channels: int, kernel_size: int | Sequence[int],
                 stride: int | Sequence[int] = 1, padding: int | str | Sequence[int] = 0,
                 dilation: int | Sequence[int] = 1,
                 groups: int = 1, padding_mode: str = "zeros",
                 weight_attr: ParamAttr | str | None = None, bias_attr: ParamAttrLike = None,
                 data_format: str = "NCHW") -> None:
        super().__init__(in_channels, out_channels, kernel_size, False, 2, stride, padding,
                         dilation, groups, padding_mode, weight_attr, bias_attr, data_format)

    def forward(self, x: Tensor) -> Tensor:
        return functional.conv2d(x, self.weight, self.bias, self._stride, self._padding,
                                 self._dilation, self._groups, self._data_format)


class Conv3D(_ConvNd):
    """3-D convolution over NCDHW."""

    def __init__(self, in_channels: int, out_channels: int, kernel_size: int | Sequence[int],
                 stride: int | Sequence[int] = 1, padding: int | str | Sequence[int] = 0,
                 dilation: int | Sequence[int] = 1,
                 groups: int = 1, padding_mode: str = "zeros",
                 weight_attr: ParamAttr | str | None = None, bias_attr: ParamAttrLike = None,
                 data_format: str = "NCDHW") -> None:
        super().__init__(in_channels, out_channels, kernel_size, False, 3, stride, padding,
                         dilation, groups, padding_mode, weight_attr, bias_attr, data_format)

    def forward(self, x: Tensor) -> Tensor:
        return functional.conv3d(x, self.weight, self.bias, self._stride, self._padding,
                                 self._dilation, self._groups, self._data_format)


class Conv1DTranspose(_ConvNd):
    """Transposed 1-D convolution over NCL."""

    def __init__(self, in_channels: int, out_channels: int, kernel_size: int | Sequence[int],
                 stride: int | Sequence[int] = 1, padding: int | str | Sequence[int] = 0,
                 output_padding: int | Sequence[int] = 0, groups: int = 1,
                 dilation: int | Sequence[int] = 1, weight_attr: ParamAttr | str | None = None,
                 bias_attr: ParamAttrLike = None,
                 data_format: str = "NCL") -> None:
        super().__init__(in_channels, out_channels, kernel_size, True, 1, stride, padding,
                         dilation, groups, "zeros", weight_attr, bias_attr, data_format,
                         output_padding)

    def forward(self, x: Tensor, output_size: int | Sequence[int] | None = None) -> Tensor:
        return functional.conv1d_transpose(x, self.weight, self.bias, self._stride,
                                           self._padding, self.output_padding, self._groups,
                                           self._dilation, output_size, self._data_format)


class Conv2DTranspose(_ConvNd):
    """Transposed 2-D convolution over NCHW."""

    def __init__(self, in_channels: int, out_channels: int, kernel_size: int | Sequence[int],
                 stride: int | Sequence[int] = 1, padding: int | str | Sequence[int] = 0,
                 output_padding: int | Sequence[int] = 0, dilation: int | Sequence[int] = 1,
                 groups: int = 1, weight_attr: ParamAttr | str | None = None,
                 bias_attr: ParamAttrLike = None,
                 data_format: str = "NCHW") -> None:
        super().__init__(in_channels, out_channels, kernel_size, True, 2, stride, padding,
                         dilation, groups, "zeros", weight_attr, bias_attr, data_format,
                         output_padding)

    def forward(self, x: Tensor, output_size: int | Sequence[int] | None = None) -> Tensor:
        return functional.conv2d_transpose(x, self.weight, self.bias, self._stride,
                                           self._padding, self.output_padding, self._groups,
                                           self._dilation, self._data_format, output_size)


class Conv3DTranspose(_ConvNd):
    """Transposed 3-D convolution over NCDHW."""

    def __init__(self, in_channels: int, out_channels: int, kernel_size: int | Sequence[int],
                 stride: int | Sequence[int] = 1, padding: int | str | Sequence[int] = 0,
                 output_padding: int | Sequence[int] = 0, dilation: int | Sequence[int] = 1,
                 groups: int = 1, weight_attr: ParamAttr | str | None = None,
                 bias_attr: ParamAttrLike = None,
                 data_format: str = "NCDHW") -> None:
        super().__init__(in_channels, out_channels, kernel_size, True, 3, stride, padding,
                         dilation, groups, "zeros", weight_attr, bias_attr, data_format,
                         output_padding)

    def forward(self, x: Tensor, output_size: int | Sequence[int] | None = None) -> Tensor:
        return functional.conv3d_transpose(x, self.weight, self.bias, self._stride,
                                           self._padding, self.output_padding, self._groups,
                                           self._dilation, output_size, self._data_format)


class MaxPool1D(Layer):
    def __init__(self, kernel_size: int | Sequence[int], stride: int | Sequence[int] | None = None,
                 padding: int | str | Sequence[int] = 0, return_mask: bool = False,
                 ceil_mode: bool = False,
                 name: str | None = None) -> None:
        super().__init__()
        self.kernel_size, self.stride, self.padding = kernel_size, stride, padding
        self.ceil_mode, self.return_mask = ceil_mode, return_mask

    def forward(self, x: Tensor) -> Tensor | tuple[Tensor, Tensor]:
        return functional.max_pool1d(x, self.kernel_size, self.stride, self.padding,
                                     self.return_mask, self.ceil_mode)


class AvgPool1D(Layer):
    def __init__(self, kernel_size: int | Sequence[int], stride: int | Sequence[int] | None = None,
                 padding: int | str | Sequence[int] = 0, exclusive: bool = True,
                 ceil_mode: bool = False,
                 name: str | None = None) -> None:
        super().__init__()
        self.kernel_size, self.stride, self.padding = kernel_size, stride, padding
        self.exclusive, self.ceil_mode = exclusive, ceil_mode

    def forward(self, x: Tensor) -> Tensor:
        return functional.avg_pool1d(x, self.kernel_size, self.stride, self.padding,
                                     self.exclusive, self.ceil_mode)


class Upsample(Layer):
    """Resizes NCW/NCHW/NCDHW inputs (functional.interpolate)."""

    def __init__(self, size: int | Sequence[int] | None = None,
                 scale_factor: float | Sequence[float] | None = None, mode: str = "nearest",
                 align_corners: bool = False,
                 align_mode: int = 0, data_format: str | None = None,
                 name: str | None = None) -> None:
        super().__init__()
        self.size, self.scale_factor, self.mode = size, scale_factor, mode
        self.align_corners, self.align_mode = align_corners, align_mode
        self.data_format = data_format

    def forward(self, x: Tensor) -> Tensor:
        return functional.interpolate(x, self.size, self.scale_factor, self.mode,
                                      self.align_corners, self.align_mode, self.data_format)


class UpsamplingNearest2D(Upsample):
    def __init__(self, size: int | Sequence[int] | None = None,
                 scale_factor: float | Sequence[float] | None = None, data_format: str = "NCHW",
                 name: str | None = None) -> None:
        super().__init__(size, scale_factor, "nearest", False, 0, data_format)


class UpsamplingBilinear2D(Upsample):
    def __init__(self, size: int | Sequence[int] | None = None,
                 scale_factor: float | Sequence[float] | None = None, data_format: str = "NCHW",
                 name: str | None = None) -> None:
        super().__init__(size, scale_factor, "bilinear", True, 0, data_format)


class MaxPool2D(Layer):
    def __init__(self, kernel_size: int | Sequence[int], stride: int | Sequence[int] | None = None,
                 padding: int | str | Sequence[int] = 0, ceil_mode: bool = False,
                 return_mask: bool = False,
                 data_format: str = "NCHW", name: str | None = None) -> None:
        super().__init__()
        self.ksize, self.stride, self.padding = kernel_size, stride, padding
        self.ceil_mode, self.data_format = ceil_mode, data_format
        self.return_mask = return_mask

    def forward(self, x: Tensor) -> Tensor | tuple[Tensor, Tensor]:
        return functional.max_pool2d(x, self.ksize, self.stride, self.padding,
                                     self.return_mask, self.ceil_mode, self.data_format)


class AvgPool2D(Layer):
    def __init__(self, kernel_size: int | Sequence[int], stride: int | Sequence[int] | None = None,
                 padding: int | str | Sequence[int] = 0, ceil_mode: bool = False,
                 exclusive: bool = True,
                 divisor_override: int | None = None, data_format: str = "NCHW",
                 name: str | None = None) -> None:
        super().__init__()
        self.ksize, self.stride, self.padding = kernel_size, stride, padding
        self.ceil_mode, self.exclusive = ceil_mode, exclusive
        self.divisor, self.data_format = divisor_override, data_format

    def forward(self, x: Tensor) -> Tensor:
        return functional.avg_pool2d(x, self.ksize, self.stride, self.padding,
                                     self.ceil_mode, self.exclusive, self.divisor,
                                     self.data_format)


class AdaptiveAvgPool2D(Layer):
    def __init__(self, output_size: int | Sequence[int | None], data_format: str = "NCHW",
                 name: str | None = None) -> None:
        super().__init__()
        self._output_size, self._data_format = output_size, data_format

    def forward(self, x: Tensor) -> Tensor:
        return functional.adaptive_avg_pool2d(x, self._output_size, self._data_format)


class AdaptiveMaxPool2D(Layer):
    def __init__(self, output_size: int | Sequence[int | None], return_mask: bool = False,
                 name: str | None = None) -> None:
        super().__init__()
        self._output_size, self._return_mask = output_size, return_mask

    def forward(self, x: Tensor) -> Tensor | tuple[Tensor, Tensor]:
        return functional.adaptive_max_pool2d(x, self._output_size, self._return_mask)


class MaxPool3D(Layer):
    def __init__(self, kernel_size: int | Sequence[int], stride: int | Sequence[int] | None = None,
                 padding: int | str | Sequence[int] = 0, return_mask: bool = False,
                 ceil_mode: bool = False, data_format: str = "NCDHW",
                 name: str | None = None) -> None:
        super().__init__()
        self.ksize, self.stride, self.padding = kernel_size, stride, padding
        self.return_mask, self.ceil_mode = return_mask, ceil_mode
        self.data_format = data_format

    def forward(self, x: Tensor) -> Tensor:
        return functional.max_pool3d(x, self.ksize, self.stride, self.padding,
                                     self.return_mask, self.ceil_mode, self.data_format)


class AvgPool3D(Layer):
    def __init__(self, kernel_size: int | Sequence[int], stride: int | Sequence[int] | None = None,
                 padding: int | str | Sequence[int] = 0, ceil_mode: bool = False,
                 exclusive: bool = True, divisor_override: int | None = None,
                 data_format: str = "NCDHW", name: str | None = None) -> None:
        super().__init__()
        self.ksize, self.stride, self.padding = kernel_size, stride, padding
        self.ceil_mode, self.exclusive = ceil_mode, exclusive
        self.divisor, self.data_format = divisor_override, data_format

    def forward(self, x: Tensor) -> Tensor:
        return functional.avg_pool3d(x, self.ksize, self.stride, self.padding,
                                     self.ceil_mode, self.exclusive, self.divisor,
                                     self.data_format)


class AdaptiveAvgPool1D(Layer):
    def __init__(self, output_size: int, name: str | None = None) -> None:
        super().__init__()
        self.output_size = output_size

    def forward(self, x: Tensor) -> Tensor:
        return functional.adaptive_avg_pool1d(x, self.output_size)


class AdaptiveMaxPool1D(Layer):
    def __init__(self, output_size: int, return_mask: bool = False,
                 name: str | None = None) -> None:
        super().__init__()
        self.output_size, self.return_mask = output_size, return_mask

    def forward(self, x: Tensor) -> Tensor:
        return functional.adaptive_max_pool1d(x, self.output_size, self.return_mask)


class AdaptiveAvgPool3D(Layer):
    def __init__(self, output_size: int | Sequence[int | None], data_format: str = "NCDHW",
                 name: str | None = None) -> None:
        super().__init__()
        self._output_size, self._data_format = output_size, data_format

    def forward(self, x: Tensor) -> Tensor:
        return functional.adaptive_avg_pool3d(x, self._output_size, self._data_format)


class AdaptiveMaxPool3D(Layer):
    def __init__(self, output_size: int | Sequence[int | None], return_mask: bool = False,
                 name: str | None = None) -> None:
        super().__init__()
        self._output_size, self._return_mask = output_size, return_mask

    def forward(self, x: Tensor) -> Tensor:
        return functional.adaptive_max_pool3d(x, self._output_size, self._return_mask)


class Unfold(Layer):
    """im2col (nn.functional.unfold) with the layer's kernel, dilations,
    paddings and strides."""

    def __init__(self, kernel_sizes: int | Sequence[int], dilations: int | Sequence[int] = 1,
                 paddings: int | Sequence[int] = 0, strides: int | Sequence[int] = 1,
                 name: str | None = None) -> None:
        super().__init__()
        self.kernel_sizes, self.dilations = kernel_sizes, dilations
        self.paddings, self.strides = paddings, strides

    def forward(self, input: Tensor) -> Tensor:
        return functional.unfold(input, self.kernel_sizes, self.strides, self.paddings,
                                 self.dilations)


class Fold(Layer):
    """col2im (nn.functional.fold) with the layer's output size, kernel,
    dilations, paddings and strides."""

    def __init__(self, output_sizes: int | Sequence[int], kernel_sizes: int | Sequence[int],
                 dilations: int | Sequence[int] = 1, paddings: int | Sequence[int] = 0,
                 strides: int | Sequence[int] = 1, name: str | None = None) -> None:
        super().__init__()
        self.output_sizes, self.kernel_sizes = output_sizes, kernel_sizes
        self.dilations, self.paddings, self.strides = dilations, paddings, strides

    def forward(self, input: Tensor) -> Tensor:
        return functional.fold(input, self.output_sizes, self.kernel_sizes, self.strides,
                               self.paddings, self.dilations)


class LPPool1D(Layer):
    def __init__(self, norm_type: float, kernel_size: int | Sequence[int],
                 stride: int | Sequence[int] | None = None, padding: int | Sequence[int] = 0,
                 ceil_mode: bool = False, data_format: str = "NCL",
                 name: str | None = None) -> None:
        super().__init__()
        self.norm_type, self.kernel_size, self.stride = float(norm_type), kernel_size, stride
        self.padding, self.ceil_mode, self.data_format = padding, ceil_mode, data_format

    def forward(self, x: Tensor) -> Tensor:
        return functional.lp_pool1d(x, self.norm_type, self.kernel_size, self.stride,
                                    self.padding, self.ceil_mode, self.data_format)


class LPPool2D(Layer):
    def __init__(self, norm_type: float, kernel_size: int | Sequence[int],
                 stride: int | Sequence[int] | None = None, padding: int | Sequence[int] = 0,
                 ceil_mode: bool = False, data_format: str = "NCHW",
                 name: str | None = None) -> None:
        super().__init__()
        self.norm_type, self.ksize = float(norm_type), kernel_size
        self.stride = kernel_size if stride is None else stride
        self.padding, self.ceil_mode, self.data_format = padding, ceil_mode, data_format

    def forward(self, x: Tensor) -> Tensor:
        return functional.lp_pool2d(x, self.norm_type, self.ksize, self.stride,
                                    self.padding, self.ceil_mode, self.data_format)


class _MaxUnPool(Layer):
    """Max unpooling's settings (Paddle's names); the subclasses give the
    default data_format and call their functional form."""
    DATA_FORMAT = ""

    def __init__(self, kernel_size: int | Sequence[int], stride: int | Sequence[int] | None = None,
                 padding: int | Sequence[int] = 0, data_format: str | None = None,
                 output_size: Sequence[int] | None = None, name: str | None = None) -> None:
        super().__init__()
        self.ksize, self.stride, self.padding = kernel_size, stride, padding
        self.data_format = self.DATA_FORMAT if data_format is None else data_format
        self.output_size = output_size


class MaxUnPool1D(_MaxUnPool):
    DATA_FORMAT = "NCL"

    def forward(self, x: Tensor, indices: Tensor) -> Tensor:
        return functional.max_unpool1d(x, indices, self.ksize, self.stride, self.padding,
                                       self.data_format, self.output_size)


class MaxUnPool2D(_MaxUnPool):
    DATA_FORMAT = "NCHW"

    def forward(self, x: Tensor, indices: Tensor) -> Tensor:
        return functional.max_unpool2d(x, indices, self.ksize, self.stride, self.padding,
                                       self.data_format, self.output_size)


class MaxUnPool3D(_MaxUnPool):
    DATA_FORMAT = "NCDHW"

    def forward(self, x: Tensor, indices: Tensor) -> Tensor:
        return functional.max_unpool3d(x, indices, self.ksize, self.stride, self.padding,
                                       self.data_format, self.output_size)
