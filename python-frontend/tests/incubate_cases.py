"""paddle.incubate's fused layers, written once and run by dy2st and by
real Paddle (test_incubate.py compares the answers): each layer's
parameters (names, shapes, dtypes, and the sums of those with constant
initial values), and the forward of those Paddle's CPU build runs."""


def _layers(paddle):
    nn = paddle.incubate.nn
    return {
        "linear": nn.FusedLinear(4, 6),
        "linear_transposed": nn.FusedLinear(4, 6, transpose_weight=True, bias_attr=False),
        "bias_dropout_residual_ln": nn.FusedBiasDropoutResidualLayerNorm(8, 0.2),
        "feedforward": nn.FusedFeedForward(8, 16),
        "feedforward_pre": nn.FusedFeedForward(8, 16, normalize_before=True, activation="gelu"),
        "attention": nn.FusedMultiHeadAttention(8, 2),
        "attention_transposed": nn.FusedMultiHeadAttention(8, 2, transpose_qkv_wb=True),
        "attention_pre": nn.FusedMultiHeadAttention(8, 2, normalize_before=True),
        "encoder": nn.FusedTransformerEncoderLayer(8, 2, 16),
        "encoder_pre": nn.FusedTransformerEncoderLayer(8, 2, 16, normalize_before=True,
                                                       bias_attr=[None, False]),
        "dropout_add": nn.FusedDropoutAdd(0.25),
        "dropout": nn.FusedDropout(0.25),
    }


def run(paddle):
    answers = {}
    for name, layer in _layers(paddle).items():
        answers[name] = [[key, list(value.shape), str(value.dtype).replace("paddle.", ""),
                          float(value.sum()) if "ln" in key or "bias" in key else None]
                         for key, value in layer.state_dict().items()]
    layer = paddle.incubate.nn.FusedDropoutAdd(0.25, mode="downscale_in_infer")
    layer.eval()
    x = paddle.to_tensor([[1.0, 2.0], [3.0, 4.0]])
    answers["dropout_add_eval"] = layer(x, x * 2.0).tolist()
    dropout = paddle.incubate.nn.FusedDropout(0.25)
    dropout.eval()
    answers["dropout_eval"] = dropout(x).tolist()
    return answers
