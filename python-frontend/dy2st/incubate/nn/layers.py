"""paddle.incubate.nn's fused layers, with Paddle's parameter names, shapes
and initializers (their state dicts load into real Paddle's and back),
computed by the composites of .functional."""
from __future__ import annotations

from typing import Sequence, Union

from ...eager.tensor import Tensor
from ...nn import initializer
from ...nn.layer import Layer, ParamAttr, ParamAttrLike
from ...nn.layer_basic import Dropout
from ...nn.layer_transformer import AttrOrAttrs, _attrs, _convert_attention_mask
from . import functional
from . import transformer


WeightAttr = Union[ParamAttr, str, None]
"""A weight's attribute: never False (the fused layers need their weights)."""


def _norm_parameters(layer: Layer, size: int, scale_attr: ParamAttrLike,
                     bias_attr: ParamAttrLike):
    """A layer norm's scale (ones) and bias (zeros), as the fused layers make them."""
    return (layer.create_parameter([size], attr=scale_attr,
                                   default_initializer=initializer.Constant(1.0)),
            layer.create_parameter([size], attr=bias_attr, is_bias=True))


class FusedLinear(Layer):
    """x @ weight + bias; weight [in, out], or [out, in] when transpose_weight."""

    def __init__(self, in_features: int, out_features: int, weight_attr: WeightAttr = None,
                 bias_attr: ParamAttrLike = None, transpose_weight: bool = False,
                 name: str | None = None) -> None:
        super().__init__()
        shape = [out_features, in_features] if transpose_weight else [in_features, out_features]
        self.weight = self.create_parameter(shape, attr=weight_attr)
        self.bias = self.create_parameter([out_features], attr=bias_attr, is_bias=True)
        self.transpose_weight = transpose_weight
        self.name = name

    def forward(self, input: Tensor) -> Tensor:
        return functional.fused_linear(input, self.weight, self.bias, self.transpose_weight)


class FusedDropout(Dropout):
    """paddle.nn.Dropout under its fused name, with Paddle's checks of p.
    (Paddle's own rejects mode='downscale_in_infer' by a slip; this one
    takes it, as nn.Dropout does.)"""

    def __init__(self, p: float = 0.5, axis: int | Sequence[int] | None = None,
                 mode: str = "upscale_in_train", name: str | None = None) -> None:
        if not isinstance(p, (float, int)):
            raise TypeError("p argument should be a number")
        if p < 0 or p > 1:
            raise ValueError("p argument should between 0 and 1")
        if mode not in ("upscale_in_train", "downscale_in_infer"):
            raise ValueError("mode argument should be 'downscale_in_infer' or "
                             "'upscale_in_train'")
        super().__init__(p, axis, mode, name)


class FusedDropoutAdd(Layer):
    """dropout(x) + y."""

    def __init__(self, p: float = 0.5, mode: str = "upscale_in_train",
                 name: str | None = None) -> None:
        super().__init__()
        self.p, self.mode, self.name = p, mode, name

    def forward(self, x: Tensor, y: Tensor) -> Tensor:
        return functional.fused_dropout_add(x, y, self.p, self.training, self.mode)


class FusedBiasDropoutResidualLayerNorm(Layer):
    """layer_norm(residual + dropout(x + linear_bias))."""

    def __init__(self, embed_dim: int, dropout_rate: float = 0.5,
                 weight_attr: ParamAttrLike = None, bias_attr: ParamAttrLike = None,
                 epsilon: float = 1e-5, name: str | None = None) -> None:
        super().__init__()
        assert embed_dim > 0, f"Expected embed_dim to be greater than 0, but received {embed_dim}"
        self.embed_dim = embed_dim
        self.linear_bias = self.create_parameter([embed_dim], attr=bias_attr, is_bias=True)
        self.ln_scale, self.ln_bias = _norm_parameters(self, embed_dim, weight_attr, bias_attr)
        self.dropout_rate = dropout_rate
        self._epsilon = epsilon
        self.name = name

    def forward(self, x: Tensor, residual: Tensor) -> Tensor:
        return transformer.fused_bias_dropout_residual_layer_norm(
            x, residual, self.linear_bias, self.ln_scale, self.ln_bias, self.dropout_rate,
            self._epsilon, self.training)


class FusedMultiHeadAttention(Layer):
    """Self-attention with a packed qkv weight [3, heads, head_dim, embed]
    (or [embed, 3 * embed] with transpose_qkv_wb) and a layer norm before
    (normalize_before: pre_ln_scale/pre_ln_bias) or after (ln_scale/ln_bias).
    key and value are not read (Paddle's fused layer attends over query)."""

    def __init__(self, embed_dim: int, num_heads: int, dropout_rate: float = 0.5,
                 attn_dropout_rate: float = 0.5, kdim: int | None = None,
                 vdim: int | None = None, normalize_before: bool = False,
                 need_weights: bool = False, qkv_weight_attr: WeightAttr = None,
                 qkv_bias_attr: ParamAttrLike = None, linear_weight_attr: WeightAttr = None,
                 linear_bias_attr: ParamAttrLike = None, pre_ln_scale_attr: ParamAttrLike = None,
                 pre_ln_bias_attr: ParamAttrLike = None, ln_scale_attr: ParamAttrLike = None,
                 ln_bias_attr: ParamAttrLike = None, epsilon: float = 1e-5, nranks: int = 1,
                 ring_id: int = -1, transpose_qkv_wb: bool = False,
                 name: str | None = None) -> None:
        super().__init__()
        assert embed_dim > 0, f"Expected embed_dim to be greater than 0, but received {embed_dim}"
        assert num_heads > 0, f"Expected nhead to be greater than 0, but received {num_heads}"
        assert embed_dim % num_heads == 0, "embed_dim must be divisible by num_heads"
        assert need_weights is False, "Only support need_weight is False now."
        if nranks != 1:
            raise NotImplementedError("FusedMultiHeadAttention(): nranks > 1 (tensor "
                                      "parallelism) is not supported")
        self.normalize_before, self._epsilon, self._ring_id = normalize_before, epsilon, ring_id
        self.embed_dim, self.num_heads = embed_dim, num_heads
        self.head_dim = embed_dim // num_heads
        self.kdim, self.vdim, self.need_weights = kdim, vdim, need_weights
        self.transpose_qkv_wb = transpose_qkv_wb
        if transpose_qkv_wb:
            weight_shape, bias_shape = [embed_dim, 3 * embed_dim], [3 * embed_dim]
        else:
            weight_shape = [3, num_heads, self.head_dim, embed_dim]
            bias_shape = [3, num_heads, self.head_dim]
        self.qkv_weight = self.create_parameter(weight_shape, attr=qkv_weight_attr)
        self.qkv_bias = self.create_parameter(bias_shape, attr=qkv_bias_attr, is_bias=True)
        self.linear_weight = self.create_parameter([embed_dim, embed_dim],
                                                   attr=linear_weight_attr)
        self.linear_bias = self.create_parameter([embed_dim], attr=linear_bias_attr,
                                                 is_bias=True)
        self.pre_ln_scale = self.pre_ln_bias = self.ln_scale = self.ln_bias = None
        if normalize_before:
            self.pre_ln_scale, self.pre_ln_bias = _norm_parameters(
                self, embed_dim, pre_ln_scale_attr, pre_ln_bias_attr)
        else:
            self.ln_scale, self.ln_bias = _norm_parameters(self, embed_dim, ln_scale_attr,
                                                           ln_bias_attr)
        self.dropout_rate, self.attn_dropout_rate, self.name = dropout_rate, attn_dropout_rate, name

    def forward(self, query: Tensor, key: Tensor | None = None, value: Tensor | None = None,
                attn_mask: Tensor | None = None, cache: Tensor | None = None):
        if attn_mask is not None:
            attn_mask = _convert_attention_mask(attn_mask, query.dtype)
        return transformer.fused_multi_head_attention(
            query, self.qkv_weight, self.linear_weight, self.normalize_before,
            self.pre_ln_scale, self.pre_ln_bias, self.ln_scale, self.ln_bias, self._epsilon,
            self.qkv_bias, self.linear_bias, cache, attn_mask, self.dropout_rate,
            self.attn_dropout_rate, self._epsilon, self.training, "upscale_in_train",
            self._ring_id, True, self.num_heads, self.transpose_qkv_wb)


class FusedFeedForward(Layer):
    """The Transformer's feed-forward block (Paddle's _linear1_weight ...
    _ln2_bias parameters; the layer norm before or after)."""

    def __init__(self, d_model: int, dim_feedforward: int, dropout_rate: float = 0.1,
                 epsilon: float = 1e-05, activation: str = "relu",
                 act_dropout_rate: float | None = None, normalize_before: bool = False,
                 linear1_weight_attr: WeightAttr = None,
                 linear1_bias_attr: ParamAttrLike = None,
                 linear2_weight_attr: WeightAttr = None,
                 linear2_bias_attr: ParamAttrLike = None, ln1_scale_attr: ParamAttrLike = None,
                 ln1_bias_attr: ParamAttrLike = None, ln2_scale_attr: ParamAttrLike = None,
                 ln2_bias_attr: ParamAttrLike = None, nranks: int = 1, ring_id: int = -1,
                 name: str | None = None) -> None:
        super().__init__()
        assert d_model > 0, f"Expected d_model to be greater than 0, but received {d_model}"
        assert dim_feedforward > 0, (f"Expected dim_feedforward to be greater than 0, but "
                                     f"received {dim_feedforward}")
        if nranks != 1:
            raise NotImplementedError("FusedFeedForward(): nranks > 1 (tensor parallelism) is "
                                      "not supported")
        self._d_model, self._dim_feedforward = d_model, dim_feedforward
        self._dropout_rate = dropout_rate
        self._act_dropout_rate = dropout_rate if act_dropout_rate is None else act_dropout_rate
        self._act_method, self._normalize_before = activation, normalize_before
        self._epsilon, self._ring_id = epsilon, ring_id
        self._linear1_weight = self.create_parameter([d_model, dim_feedforward],
                                                     attr=linear1_weight_attr)
        self._linear1_bias = self.create_parameter([dim_feedforward], attr=linear1_bias_attr,
                                                   is_bias=True)
        self._linear2_weight = self.create_parameter([dim_feedforward, d_model],
                                                     attr=linear2_weight_attr)
        self._linear2_bias = self.create_parameter([d_model], attr=linear2_bias_attr,
                                                   is_bias=True)
        self._ln1_scale = self._ln1_bias = self._ln2_scale = self._ln2_bias = None
        if normalize_before:
            self._ln1_scale, self._ln1_bias = _norm_parameters(self, d_model, ln1_scale_attr,
                                                               ln1_bias_attr)
        else:
            self._ln2_scale, self._ln2_bias = _norm_parameters(self, d_model, ln2_scale_attr,
                                                               ln2_bias_attr)
        self.name = name

    def forward(self, src: Tensor, cache: Tensor | None = None) -> Tensor:
        return transformer.fused_feedforward(
            src, self._linear1_weight, self._linear2_weight, self._linear1_bias,
            self._linear2_bias, self._ln1_scale, self._ln1_bias, self._ln2_scale,
            self._ln2_bias, self._act_dropout_rate, self._dropout_rate, self._act_method,
            self._epsilon, self._epsilon, self._normalize_before, self.training,
            ring_id=self._ring_id)


class FusedTransformerEncoderLayer(Layer):
    """FusedMultiHeadAttention (fused_attn) then FusedFeedForward (ffn)."""

    def __init__(self, d_model: int, nhead: int, dim_feedforward: int, dropout_rate: float = 0.1,
                 activation: str = "relu", attn_dropout_rate: float | None = None,
                 act_dropout_rate: float | None = None, normalize_before: bool = False,
                 weight_attr: AttrOrAttrs = None, bias_attr: AttrOrAttrs = None) -> None:
        super().__init__()
        assert d_model > 0, f"Expected d_model to be greater than 0, but received {d_model}"
        assert nhead > 0, f"Expected nhead to be greater than 0, but received {nhead}"
        assert dim_feedforward > 0, ("Expected dim_feedforward to be greater than 0, but "
                                     f"received {dim_feedforward}")
        attn_dropout = dropout_rate if attn_dropout_rate is None else attn_dropout_rate
        act_dropout = dropout_rate if act_dropout_rate is None else act_dropout_rate
        self.normalize_before = normalize_before
        weights, biases = _attrs(weight_attr, 2), _attrs(bias_attr, 2)
        self.fused_attn = FusedMultiHeadAttention(
            d_model, nhead, dropout_rate=dropout_rate, attn_dropout_rate=attn_dropout,
            normalize_before=normalize_before, qkv_weight_attr=weights[0],
            qkv_bias_attr=biases[0], linear_weight_attr=weights[0],
            linear_bias_attr=biases[0], pre_ln_scale_attr=weights[0],
            pre_ln_bias_attr=biases[0], ln_scale_attr=weights[0], ln_bias_attr=biases[0])
        self.ffn = FusedFeedForward(
            d_model, dim_feedforward, dropout_rate=dropout_rate, activation=activation,
            act_dropout_rate=act_dropout, normalize_before=normalize_before,
            linear1_weight_attr=weights[1], linear1_bias_attr=biases[1],
            linear2_weight_attr=weights[1], linear2_bias_attr=biases[1])

    def forward(self, src: Tensor, src_mask: Tensor | None = None,
                cache: Tensor | None = None):
        src_mask = _convert_attention_mask(src_mask, src.dtype)
        if cache is None:
            return self.ffn(self.fused_attn(src, attn_mask=src_mask))
        attn_out, incremental_cache = self.fused_attn(src, attn_mask=src_mask, cache=cache)
        return self.ffn(attn_out), incremental_cache
