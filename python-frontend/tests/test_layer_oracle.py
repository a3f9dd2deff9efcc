"""Every layer against real Paddle (PyPI's paddlepaddle, in its own
interpreter): the same constructor source, Paddle's random parameters loaded
through set_state_dict, the same inputs, eval mode; then compiled against
eager with a batch known only at run time, saved, reloaded and run by
dy2st-run. Real Paddle is a test oracle only."""
import importlib.util
import json
import pathlib

import numpy as np
import pytest

import dy2st as paddle
from conftest import assert_same, run_saved_model
from dy2st.static import InputSpec
from test_paddle_oracle import PYTHON, require_paddle, run_paddle_child


F4 = ("f", [2, 4, 7, 6])
NHWC = ("f", [2, 7, 6, 4])
SEQ = ("f", [2, 4, 9])
TOKENS = ("f", [2, 5, 8])
# (id, layer constructor, inputs: (kind, shape[, extra]), call)
LAYERS = [
    ("conv1d", "nn.Conv1D(4, 6, 3, stride=2, padding=1)", [SEQ], "layer(x0)"),
    ("conv1d_groups", "nn.Conv1D(4, 6, 3, padding='SAME', dilation=2, groups=2)", [SEQ],
     "layer(x0)"),
    ("conv2d", "nn.Conv2D(4, 6, (3, 2), stride=(2, 1), padding=[1, 0], bias_attr=False)", [F4],
     "layer(x0)"),
    ("conv2d_depthwise", "nn.Conv2D(4, 8, 3, padding=1, groups=4)", [F4], "layer(x0)"),
    ("conv3d", "nn.Conv3D(4, 6, (3, 2, 3), stride=[1, 2, 1], padding=1)",
     [("f", [2, 4, 5, 6, 5])], "layer(x0)"),
    ("conv2d_transpose", "nn.Conv2DTranspose(4, 6, 3, stride=2, padding=1, output_padding=1)",
     [F4], "layer(x0)"),
    ("conv2d_transpose_groups", "nn.Conv2DTranspose(4, 6, (3, 2), stride=[1, 3], padding=[2, 0], "
                                "dilation=2, groups=2)", [F4], "layer(x0)"),
    ("conv2d_transpose_size", "nn.Conv2DTranspose(4, 3, 3, stride=2)", [F4],
     "layer(x0, output_size=[16, 14])"),
    ("conv1d_transpose", "nn.Conv1DTranspose(4, 3, 4, stride=3, padding=2)", [SEQ], "layer(x0)"),
    ("max_pool1d", "nn.MaxPool1D(3, 2, padding=1)", [SEQ], "layer(x0)"),
    ("avg_pool1d", "nn.AvgPool1D(3, 2, padding=1, exclusive=False)", [SEQ], "layer(x0)"),
    ("max_pool2d", "nn.MaxPool2D(3, 2, padding=1, ceil_mode=True)", [F4], "layer(x0)"),
    ("avg_pool2d", "nn.AvgPool2D(2, ceil_mode=True)", [F4], "layer(x0)"),
    # What Paddle's kernel divides by: a window ends at the size plus the
    # padding before, so of more padding after only as much counts; windows
    # past the input (ceil_mode) count zero (NaN) or less (-0.0);
    # divisor_override scales the average.
    ("avg_pool2d_asymmetric", "nn.AvgPool2D(2, 3, padding=[0, 1, 1, 0], exclusive=False)",
     [F4], "layer(x0)"),
    ("avg_pool2d_same", "nn.AvgPool2D(3, 2, padding='SAME', exclusive=False)", [F4],
     "layer(x0)"),
    ("avg_pool2d_past", "nn.AvgPool2D(2, 3, padding=[2, 1, 0, 1], ceil_mode=True)", [F4],
     "layer(x0)"),
    ("avg_pool2d_divisor", "nn.AvgPool2D(2, 3, padding=1, ceil_mode=True, divisor_override=3)",
     [F4], "layer(x0)"),
    ("adaptive_avg", "nn.AdaptiveAvgPool2D([3, 4])", [F4], "layer(x0)"),
    ("adaptive_max", "nn.AdaptiveMaxPool2D(2)", [F4], "layer(x0)"),
    ("batch_norm1d", "nn.BatchNorm1D(4)", [SEQ], "layer(x0)"),
    ("batch_norm2d", "nn.BatchNorm2D(4, epsilon=1e-3)", [F4], "layer(x0)"),
    ("group_norm", "nn.GroupNorm(2, 4)", [F4], "layer(x0)"),
    ("instance_norm", "nn.InstanceNorm2D(4)", [F4], "layer(x0)"),
    ("layer_norm", "nn.LayerNorm([7, 6])", [F4], "layer(x0)"),
    # The input is the weight normalized (its first axis known only at run time compiled).
    ("spectral_norm", "nn.SpectralNorm([2, 4, 9], dim=1, power_iters=2)", [SEQ], "layer(x0)"),
    ("spectral_norm_no_iterations", "nn.SpectralNorm([2, 4, 9], power_iters=0)", [SEQ],
     "layer(x0)"),
    ("embedding", "nn.Embedding(10, 8, padding_idx=2)", [("i", [2, 5], 10)], "layer(x0)"),
    ("upsample_nearest", "nn.Upsample(scale_factor=2)", [F4], "layer(x0)"),
    ("upsample_bilinear", "nn.Upsample(size=[10, 9], mode='bilinear')", [F4], "layer(x0)"),
    ("upsample_align", "nn.Upsample(scale_factor=[1.5, 2], mode='bilinear', align_corners=True)",
     [F4], "layer(x0)"),
    ("upsampling_bilinear", "nn.UpsamplingBilinear2D(size=[5, 4])", [F4], "layer(x0)"),
    ("upsampling_nearest", "nn.UpsamplingNearest2D(size=[11, 13])", [F4], "layer(x0)"),
    ("upsample_linear", "nn.Upsample(size=[14], mode='linear', align_mode=1, data_format='NCW')",
     [SEQ], "layer(x0)"),
    ("conv2d_nhwc", "nn.Conv2D(4, 6, 3, padding=1, data_format='NHWC')", [NHWC], "layer(x0)"),
    ("conv1d_nlc", "nn.Conv1D(4, 6, 3, stride=2, data_format='NLC')", [("f", [2, 9, 4])],
     "layer(x0)"),
    ("conv2d_transpose_nhwc", "nn.Conv2DTranspose(4, 3, 3, stride=2, data_format='NHWC')",
     [NHWC], "layer(x0)"),
    ("max_pool2d_nhwc", "nn.MaxPool2D(3, 2, padding=1, data_format='NHWC')", [NHWC],
     "layer(x0)"),
    ("avg_pool2d_nhwc", "nn.AvgPool2D(2, data_format='NHWC')", [NHWC], "layer(x0)"),
    ("adaptive_avg_nhwc", "nn.AdaptiveAvgPool2D(3, data_format='NHWC')", [NHWC], "layer(x0)"),
    ("batch_norm_nhwc", "nn.BatchNorm2D(4, data_format='NHWC')", [NHWC], "layer(x0)"),
    ("batch_norm_legacy_act", "nn.BatchNorm(4, act='sigmoid')", [F4], "layer(x0)"),
    ("prelu", "nn.PReLU(4, 0.1)", [F4], "layer(x0)"),
    ("prelu_nhwc", "nn.PReLU(4, data_format='NHWC')", [NHWC], "layer(x0)"),
    ("activations", "nn.LayerList([nn.Hardsigmoid(), nn.Hardtanh(-0.5, 0.7), nn.Hardshrink(0.3), "
                    "nn.Softshrink(0.2), nn.ThresholdedReLU(0.4, 0.1), nn.Softsign(), nn.Swish(), "
                    "nn.Mish(), nn.LogSigmoid(), nn.Tanhshrink(), nn.CELU(0.7), nn.SELU(), "
                    "nn.Silu(), nn.GLU(1), nn.Maxout(2), nn.Softmax2D()])", [F4],
     "[f(x0) for f in layer]"),
    ("channels", "nn.LayerList([nn.PixelShuffle(2), nn.ChannelShuffle(2), nn.LocalResponseNorm(3), "
                 "nn.Unflatten(1, [2, 2])])", [F4], "[f(x0) for f in layer]"),
    ("pixel_unshuffle_nhwc", "nn.PixelUnshuffle(2, 'NHWC')", [("f", [2, 6, 4, 4])], "layer(x0)"),
    ("pads", "nn.LayerList([nn.Pad2D([1, 0, 2, 1], mode='reflect'), nn.ZeroPad2D(1), "
             "nn.ConstantPad2D([0, 1, 1, 0], 0.5), nn.ReplicationPad2D(2), "
             "nn.CircularPad2D([1, 1, 0, 2])])", [F4], "[f(x0) for f in layer]"),
    ("pads_1d", "nn.LayerList([nn.Pad1D(2, mode='replicate'), nn.ReflectionPad1D([1, 2]), "
                "nn.ZeroPad1D(1)])", [SEQ], "[f(x0) for f in layer]"),
    ("pad3d", "nn.Pad3D([1, 0, 0, 1, 1, 1], value=2.0)", [("f", [2, 3, 4, 5, 3])], "layer(x0)"),
    ("dropouts", "nn.LayerList([nn.Dropout2D(0.3), nn.AlphaDropout(0.1), "
                 "nn.FeatureAlphaDropout(0.4)])", [F4], "[f(x0) for f in layer]"),
    ("dropout3d", "nn.Dropout3D(0.2)", [("f", [2, 3, 4, 5, 3])], "layer(x0)"),
    ("cross_entropy_loss", "nn.CrossEntropyLoss(label_smoothing=0.1)",
     [("f", [4, 5]), ("i", [4], 5)], "layer(x0, x1)"),
    ("regression_losses", "nn.LayerList([nn.MSELoss(), nn.L1Loss('sum'), "
                          "nn.SmoothL1Loss('none', 0.5)])", [("f", [4, 5]), ("f", [4, 5])],
     "[f(x0, x1) for f in layer]"),
    ("probability_losses", "nn.LayerList([nn.BCELoss(), nn.KLDivLoss('sum')])",
     [("f", [4, 5]), ("f", [4, 5])],
     "[layer[0](paddle.nn.functional.sigmoid(x0), paddle.nn.functional.sigmoid(x1)), "
     "layer[1](paddle.nn.functional.log_softmax(x0), paddle.nn.functional.softmax(x1))]"),
    ("logit_losses", "nn.LayerList([nn.BCEWithLogitsLoss(), nn.MultiLabelSoftMarginLoss(), "
                     "nn.SoftMarginLoss('sum')])", [("f", [4, 5]), ("i", [4, 5], 2)],
     "[layer[0](x0, paddle.cast(x1, 'float32')), layer[1](x0, paddle.cast(x1, 'float32')), "
     "layer[2](x0, paddle.cast(x1 * 2 - 1, 'float32'))]"),
    ("nll_loss", "nn.NLLLoss(ignore_index=2)", [("f", [4, 5]), ("i", [4], 5)],
     "layer(paddle.nn.functional.log_softmax(x0), x1)"),
    ("ranking_losses", "nn.LayerList([nn.MarginRankingLoss(0.1), nn.CosineEmbeddingLoss(0.2), "
                       "nn.HingeEmbeddingLoss(0.5, 'sum')])",
     [("f", [4, 5]), ("f", [4, 5]), ("i", [4], 2)],
     "[layer[0](x0, x1, paddle.cast(x2 * 2 - 1, 'float32')[:, None]), "
     "layer[1](x0, x1, x2 * 2 - 1), "
     "layer[2](x0, paddle.cast(x2 * 2 - 1, 'float32')[:, None])]"),
    ("distances", "nn.LayerList([nn.TripletMarginLoss(swap=True), "
                  "nn.PairwiseDistance(1.0, keepdim=True), nn.CosineSimilarity(axis=-1)])",
     [("f", [4, 5]), ("f", [4, 5]), ("f", [4, 5])],
     "[layer[0](x0, x1, x2), layer[1](x0, x1), layer[2](x0, x2)]"),
    ("margin_losses", "nn.LayerList([nn.MultiMarginLoss(2, 0.5, reduction='sum'), "
                      "nn.MultiLabelMarginLoss('none'), nn.TripletMarginWithDistanceLoss("
                      "margin=0.5, swap=True), nn.HuberLoss('none', 0.5)])",
     [("f", [4, 5]), ("i", [4], 5), ("i", [4, 5], 5), ("f", [4, 5]), ("f", [4, 5])],
     "[layer[0](x0, x1), layer[1](x0, x2), layer[2](x0, x3, x4), layer[3](x0, x3)]"),
    ("likelihood_losses", "nn.LayerList([nn.GaussianNLLLoss(full=True), nn.PoissonNLLLoss()])",
     [("f", [4, 5]), ("f", [4, 5]), ("f", [4, 5])],
     "[layer[0](x0, x1, paddle.exp(x2)), layer[1](x0, paddle.exp(x1))]"),
    # Labels may hold the blank (1): no path, an infinite loss set to 0.
    ("ctc_loss", "nn.CTCLoss(blank=1, zero_infinity=True)",
     [("f", [6, 4, 5]), ("i", [4, 3], 5), ("i", [4], 3)],
     "layer(x0, paddle.cast(x1, 'int32'), paddle.full_like(x2, x0.shape[0]) - x2, x2 + 1)"),
    ("bilinear", "nn.Bilinear(3, 4, 5)", [("f", [4, 3]), ("f", [4, 4])], "layer(x0, x1)"),
    ("conv3d_transpose", "nn.Conv3DTranspose(4, 6, (3, 2, 3), stride=[2, 1, 2], padding=1, "
                         "output_padding=[1, 0, 0], groups=2)", [("f", [2, 4, 3, 4, 3])],
     "layer(x0)"),
    ("conv3d_transpose_size", "nn.Conv3DTranspose(4, 3, 2, stride=2, dilation=1)",
     [("f", [2, 4, 2, 3, 2])], "layer(x0, output_size=[5, 6, 4])"),
    ("pools_3d", "nn.LayerList([nn.MaxPool3D(2, 1, 1), nn.AvgPool3D([2, 3, 2], ceil_mode=True), "
                 "nn.AdaptiveAvgPool3D([2, 3, None]), nn.AdaptiveMaxPool3D(2)])",
     [("f", [2, 3, 4, 5, 4])], "[f(x0) for f in layer]"),
    ("adaptive_pools_1d", "nn.LayerList([nn.AdaptiveAvgPool1D(4), nn.AdaptiveMaxPool1d(3)])",
     [SEQ], "[f(x0) for f in layer]"),
    ("fold", "nn.Fold([5, 6], [2, 3], paddings=1, strides=[1, 2])", [("f", [2, 24, 18])],
     "layer(x0)"),
    ("lp_pools", "nn.LayerList([nn.LPPool2D(2.0, 2), nn.LPPool2d(3, [2, 3], stride=1, padding=1)])",
     [F4], "[f(paddle.abs(x0) + 0.1) for f in layer]"),
    ("lp_pool1d", "nn.LPPool1D(2.0, 3, stride=2)", [SEQ], "layer(paddle.abs(x0) + 0.1)"),
    ("max_unpool", "nn.LayerList([nn.MaxPool2D(2, return_mask=True), nn.MaxUnPool2D(2), "
                   "nn.MaxPool1D(3, 2, return_mask=True), nn.MaxUnPool1D(3, 2)])", [F4, SEQ],
     "[layer[0](x0), layer[1](*layer[0](x0)), layer[2](x1), layer[3](*layer[2](x1))]"),
    ("max_unpool3d", "nn.LayerList([nn.MaxPool3D(2, return_mask=True), nn.MaxUnPool3D(2), "
                     "nn.AdaptiveMaxPool3D([2, 3, 1], return_mask=True)])",
     [("f", [2, 4, 4, 6, 4])], "[layer[0](x0), layer[1](*layer[0](x0)), layer[2](x0)]"),
    ("unfold", "nn.Unfold([2, 3], dilations=[2, 1], paddings=1, strides=[1, 2])", [F4],
     "layer(x0)"),
    ("rrelu", "nn.RReLU(0.2, 0.4)", [F4], "layer(x0)"),
    ("torch_spellings", "nn.Sequential(nn.Conv2d(4, 4, 1), nn.Silu(), nn.ZeroPad2d(1))", [F4],
     "layer(x0)"),
    ("group_norm_nhwc", "nn.GroupNorm(2, 4, data_format='NHWC')", [NHWC], "layer(x0)"),
    ("upsample_nhwc", "nn.Upsample(scale_factor=2, mode='bilinear', data_format='NHWC')",
     [NHWC], "layer(x0)"),
    ("attention", "nn.MultiHeadAttention(8, 2)", [TOKENS, ("b", [2, 1, 1, 5])],
     "layer(x0, attn_mask=x1)"),
    ("attention_kv", "nn.MultiHeadAttention(8, 4, kdim=6, vdim=5, need_weights=True)",
     [TOKENS, ("f", [2, 3, 6]), ("f", [2, 3, 5])], "layer(x0, x1, x2)"),
    # The caches are namedtuples: StaticCache (the memory's projected keys and
    # values), Cache (the keys and values so far, growing by a step per call).
    ("attention_static_cache", "nn.MultiHeadAttention(8, 2)", [TOKENS, ("f", [2, 3, 8])],
     "layer(x1, x0, x0, None, "
     "layer.gen_cache(x0, x0, type=paddle.nn.MultiHeadAttention.StaticCache))"),
    ("attention_incremental_cache", "nn.MultiHeadAttention(8, 2)", [TOKENS, ("f", [2, 1, 8])],
     "layer(x1, x1, x1, None, layer(x0[:, :1], x0[:, :1], x0[:, :1], None, "
     "layer.gen_cache(x1))[1])"),
    ("decoder_cache", "nn.TransformerDecoder(nn.TransformerDecoderLayer(8, 2, 16), 2)",
     [("f", [2, 1, 8]), TOKENS], "layer(x0, x1, None, None, layer.gen_cache(x1))"),
    ("encoder_layer", "nn.TransformerEncoderLayer(8, 2, 16)", [TOKENS, ("b", [2, 1, 1, 5])],
     "layer(x0, x1)"),
    ("encoder_layer_pre", "nn.TransformerEncoderLayer(8, 2, 16, activation='gelu', "
                          "normalize_before=True)", [TOKENS], "layer(x0)"),
    ("encoder", "nn.TransformerEncoder(nn.TransformerEncoderLayer(8, 2, 16), 2, nn.LayerNorm(8))",
     [TOKENS, ("f", [2, 2, 5, 5])], "layer(x0, x1)"),
    ("decoder_layer", "nn.TransformerDecoderLayer(8, 2, 16)",
     [("f", [2, 3, 8]), TOKENS, ("b", [2, 1, 3, 3])], "layer(x0, x1, x2)"),
    ("decoder", "nn.TransformerDecoder(nn.TransformerDecoderLayer(8, 2, 16, "
                "normalize_before=True), 2)", [("f", [2, 3, 8]), TOKENS, ("b", [2, 1, 1, 5])],
     "layer(x0, x1, memory_mask=x2)"),
    ("transformer", "nn.Transformer(8, 2, 1, 2, 16)", [TOKENS, ("f", [2, 3, 8])],
     "layer(x0, x1, tgt_mask=layer.generate_square_subsequent_mask(3))"),
    ("lstm_lengths", "nn.LSTM(4, 5, num_layers=2, direction='bidirect')",
     [("f", [2, 6, 4]), ("len", [2], [6, 3])], "layer(x0, sequence_length=x1)"),
    ("gru_lengths", "nn.GRU(4, 5)", [("f", [2, 6, 4]), ("len", [2], [2, 6])],
     "layer(x0, sequence_length=x1)"),
    ("rnn_lstm_cell", "nn.RNN(nn.LSTMCell(9, 5))", [SEQ], "layer(x0)"),
    ("rnn_gru_cell_reverse_lengths", "nn.RNN(nn.GRUCell(4, 5), is_reverse=True)",
     [("f", [2, 6, 4]), ("len", [2], [6, 3])], "layer(x0, sequence_length=x1)"),
    ("rnn_simple_cell_time_major", "nn.RNN(nn.SimpleRNNCell(4, 5), time_major=True)",
     [("f", [6, 2, 4])],
     "layer(x0, layer.cell.get_initial_states(x0, batch_dim_idx=1, init_value=0.5))"),
    ("birnn_lengths", "nn.BiRNN(nn.LSTMCell(4, 5), nn.LSTMCell(4, 5))",
     [("f", [2, 6, 4]), ("len", [2], [2, 6])], "layer(x0, sequence_length=x1)"),
    # Beam search (Paddle's seq2seq way): embedding, cell and output layer in
    # a LayerList; the decoder, its namedtuple states and the loop are made
    # in the call.
    ("beam_search_gru", "nn.LayerList([nn.Embedding(10, 6), nn.GRUCell(6, 8), nn.Linear(8, 10)])",
     [("f", [2, 8])],
     "paddle.nn.dynamic_decode(paddle.nn.BeamSearchDecoder(layer[1], 0, 1, 3, "
     "embedding_fn=layer[0], output_fn=layer[2]), inits=x0, max_step_num=6, "
     "return_length=True)"),
    ("beam_search_lstm_time_major",
     "nn.LayerList([nn.Embedding(7, 4), nn.LSTMCell(4, 5), nn.Linear(5, 7)])",
     [("f", [3, 5]), ("f", [3, 5])],
     "paddle.nn.dynamic_decode(paddle.nn.BeamSearchDecoder(layer[1], 2, 3, 4, "
     "embedding_fn=layer[0], output_fn=layer[2]), inits=(x0, x1), max_step_num=4, "
     "output_time_major=True)"),
    ("rnn_lengths", "nn.SimpleRNN(4, 5, direction='bidirect', time_major=True)",
     [("f", [6, 2, 4]), ("len", [2], [4, 5])], "layer(x0, sequence_length=x1)"),
]


def _inputs(specs, rng):
    """Inputs as paddle_layers_child.py makes them (without real Paddle)."""
    values = []
    for spec in specs:
        kind, shape = spec[0], spec[1]
        if kind == "f":
            values.append(rng.randn(*shape).astype(np.float32))
        elif kind == "i":
            values.append(rng.randint(0, spec[2], size=shape).astype(np.int64))
        elif kind == "b":
            values.append(rng.rand(*shape) > 0.3)
        else:
            values.append(np.asarray(spec[2], np.int64))
    return values


@pytest.fixture(scope="module")
def paddle_layers(tmp_path_factory):
    """Real Paddle's parameters, inputs and outputs per case, or None."""
    if PYTHON is None:
        return None
    folder = tmp_path_factory.mktemp("layers")
    spec = [dict(id=i, layer=l, inputs=[list(x) for x in inputs], call=c)
            for i, l, inputs, c in LAYERS]
    (folder / "cases.json").write_text(json.dumps(spec))
    run_paddle_child("paddle_layers_child.py", folder / "cases.json", folder / "layers.npz")
    return dict(np.load(folder / "layers.npz"))


def _layer(index, results):
    """The case's layer in eval mode and its inputs: Paddle's parameters and
    inputs when real Paddle ran, else the layer's own and fresh ones."""
    name, source, inputs, _ = LAYERS[index]
    layer = eval(source, {"paddle": paddle, "nn": paddle.nn})
    if results is None:
        layer.eval()
        return layer, _inputs(inputs, np.random.RandomState(index))
    prefix = f"{name}/param/"
    layer.set_state_dict({k[len(prefix):]: v for k, v in results.items() if k.startswith(prefix)})
    layer.eval()
    values = [results[f"{name}/input{i}"] for i in range(len(inputs))]
    return layer, values


def _wrapper(index, folder):
    """A layer whose forward makes the case's call: compiled code reads it."""
    name, _, inputs, call = LAYERS[index]
    params = ", ".join(f"x{i}" for i in range(len(inputs)))
    path = pathlib.Path(folder) / f"layer_case_{index}.py"
    path.write_text("import dy2st as paddle\n\n\n"
                    "class Case(paddle.nn.Layer):\n"
                    "    def __init__(self, layer):\n"
                    "        super().__init__()\n"
                    "        self.layer = layer\n\n"
                    f"    def forward(self, {params}):\n"
                    f"        layer = self.layer\n"
                    f"        return {call}\n")
    spec = importlib.util.spec_from_file_location(f"layer_case_{index}", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module.Case


def _flat(value):
    return paddle.utils.flatten(value)


@pytest.mark.parametrize("index", range(len(LAYERS)), ids=[c[0] for c in LAYERS])
def test_eager_matches_paddle(paddle_layers, index):
    require_paddle()
    name = LAYERS[index][0]
    layer, values = _layer(index, paddle_layers)
    scope = {"layer": layer, "paddle": paddle}
    scope.update({f"x{i}": paddle.to_tensor(v) for i, v in enumerate(values)})
    got = _flat(eval(LAYERS[index][3], scope))
    assert len(got) == int(paddle_layers[f"{name}/n"])
    for i, g in enumerate(got):
        want = paddle_layers[f"{name}/out{i}"]
        assert g.numpy().dtype == want.dtype and list(g.shape) == list(want.shape)
        np.testing.assert_allclose(g.numpy(), want, rtol=1e-4, atol=2e-5, err_msg=f"{name}[{i}]")


@pytest.mark.parametrize("index", range(len(LAYERS)), ids=[c[0] for c in LAYERS])
def test_compiled_saved_and_run_match_eager(paddle_layers, index, tmp_path):
    layer, values = _layer(index, paddle_layers)
    model = _wrapper(index, tmp_path)(layer)
    model.eval()
    tensors = [paddle.to_tensor(v) for v in values]
    batch_axis = 1 if "time_major" in LAYERS[index][1] else 0
    specs = []
    for v in values:
        shape = list(v.shape)
        if v.ndim > batch_axis and v.ndim > 1:
            shape[batch_axis] = None
        specs.append(InputSpec(shape, str(v.dtype)))
    compiled = paddle.jit.to_static(model, input_spec=specs)
    eager = model(*tensors)
    assert_same(eager, compiled(*tensors))
    # Saved, reloaded and run by dy2st-run from the files.
    path = str(tmp_path / "layer")
    paddle.jit.save(model, path, input_spec=specs)
    expected = paddle.utils.flatten(eager)
    loaded = paddle.utils.flatten(paddle.jit.load(path)(*values))
    run = run_saved_model(path, values, tmp_path)
    assert len(loaded) == len(expected) and len(run) == len(expected)
    for e, got, ran in zip(expected, loaded, run):
        np.testing.assert_allclose(np.asarray(got), e.numpy(), rtol=1e-5, atol=1e-6)
        np.testing.assert_allclose(ran, e.numpy(), rtol=1e-5, atol=1e-6)
