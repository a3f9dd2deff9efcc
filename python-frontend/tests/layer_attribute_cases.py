"""The settings layers keep, under Paddle's attribute names and in Paddle's
forms, as code that re-parameterizes or inspects a model reads them
(`conv._kernel_size`, `conv._stride[0]`, `bn._num_features`, `pool.ksize`,
`rnn.state_components`). Written once against Paddle's API: run(paddle)
gives the values on dy2st and on real Paddle (test_layer_attributes.py)."""

LAYERS = [
    ("Conv2D", (4, 8, 3), dict(stride=2, padding=1, groups=2),
     ["_in_channels", "_out_channels", "_kernel_size", "_stride", "_padding", "_dilation",
      "_groups", "_data_format", "_padding_mode", "_channel_dim", "output_padding"]),
    ("Conv1D", (4, 8, 3), dict(dilation=2), ["_kernel_size", "_stride", "_dilation", "_channel_dim"]),
    ("Conv3D", (2, 4, (1, 3, 3)), dict(data_format="NDHWC"), ["_kernel_size", "_channel_dim"]),
    ("Conv2DTranspose", (4, 8, 3), dict(stride=2, output_padding=1),
     ["_in_channels", "_out_channels", "_kernel_size", "_stride", "output_padding"]),
    ("BatchNorm2D", (4,), dict(momentum=0.8), ["_num_features", "_momentum", "_epsilon",
                                               "_data_format", "_use_global_stats"]),
    ("BatchNorm1D", (4,), {}, ["_num_features", "_epsilon"]),
    ("InstanceNorm2D", (4,), {}, ["_num_features", "_epsilon", "_momentum"]),
    ("GroupNorm", (2, 4), {}, ["_num_groups", "_num_channels", "_epsilon"]),
    ("LayerNorm", (4,), {}, ["_normalized_shape", "_epsilon"]),
    ("Embedding", (5, 3), dict(padding_idx=0), ["_num_embeddings", "_embedding_dim", "_size",
                                                "_padding_idx", "_sparse"]),
    ("Bilinear", (2, 3, 4), {}, ["_in1_features", "_in2_features", "_out_features"]),
    ("PReLU", (), dict(num_parameters=4, init=0.1), ["_num_parameters", "_init"]),
    ("MaxPool2D", (3, 2), dict(padding=1), ["ksize", "stride", "padding", "ceil_mode",
                                            "return_mask", "data_format"]),
    ("AvgPool2D", (3,), dict(exclusive=False, divisor_override=4),
     ["ksize", "stride", "padding", "ceil_mode", "exclusive", "divisor", "data_format"]),
    ("MaxPool1D", (3,), {}, ["kernel_size", "stride", "padding", "return_mask"]),
    ("AvgPool1D", (3,), dict(stride=2), ["kernel_size", "stride", "exclusive"]),
    ("MaxPool3D", (2,), {}, ["ksize", "stride", "data_format"]),
    ("AvgPool3D", (2,), {}, ["ksize", "exclusive", "divisor"]),
    ("LPPool1D", (2, 3), {}, ["norm_type", "kernel_size", "stride"]),
    ("LPPool2D", (2, 3), {}, ["norm_type", "ksize", "stride"]),
    ("MaxUnPool2D", (2,), {}, ["ksize", "stride", "output_size"]),
    ("AdaptiveAvgPool2D", ((2, 3),), {}, ["_output_size", "_data_format"]),
    ("AdaptiveMaxPool2D", (2,), {}, ["_output_size", "_return_mask"]),
    ("AdaptiveAvgPool1D", (2,), {}, ["output_size"]),
    ("AdaptiveMaxPool1D", (2,), {}, ["output_size", "return_mask"]),
    ("Upsample", (), dict(scale_factor=2, mode="bilinear"),
     ["size", "scale_factor", "mode", "align_corners", "align_mode"]),
    ("Pad2D", ([1, 0, 2, 1],), dict(value=1.5), ["padding", "value"]),
    ("ZeroPad2D", (1,), {}, ["padding"]),
    ("PixelShuffle", (2,), {}, ["_upscale_factor", "_data_format"]),
    ("PixelUnshuffle", (2,), {}, ["_downscale_factor"]),
    ("ChannelShuffle", (2,), {}, ["_groups"]),
    ("Unfold", ([2, 2],), dict(strides=2), ["kernel_sizes", "strides", "paddings", "dilations"]),
    ("Fold", ([4, 4], [2, 2]), {}, ["output_sizes", "kernel_sizes"]),
    ("Dropout", (0.2,), dict(mode="downscale_in_infer"), ["p", "axis", "mode"]),
    ("Dropout2D", (0.2,), {}, ["p", "data_format"]),
    ("Flatten", (), dict(start_axis=2), ["start_axis", "stop_axis"]),
    ("LSTM", (4, 8), dict(num_layers=2, direction="bidirect"),
     ["mode", "input_size", "hidden_size", "num_layers", "num_directions", "state_components",
      "proj_size", "time_major"]),
    ("GRU", (4, 8), {}, ["mode", "input_size", "state_components"]),
    ("SimpleRNN", (4, 8), dict(activation="relu"), ["mode", "activation", "state_components"]),
]


def _plain(value):
    """Tuples as lists: JSON's forms, the same on both sides."""
    if isinstance(value, (list, tuple)):
        return [_plain(v) for v in value]
    return value


def run(paddle):
    return {name: {attr: _plain(getattr(getattr(paddle.nn, name)(*args, **kwargs), attr))
                   for attr in attrs}
            for name, args, kwargs, attrs in LAYERS}
