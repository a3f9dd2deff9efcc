"""Attention and Transformer layers with Paddle's sublayer names, arguments and
computation order (paddle.nn.layer.transformer): MultiHeadAttention (q_proj,
k_proj, v_proj, out_proj; incremental and static caches),
TransformerEncoderLayer/Encoder, TransformerDecoderLayer/Decoder and
Transformer."""
from __future__ import annotations

import collections
from typing import Any, Sequence, Union

from ..eager import functional as _functional
from ..eager.tensor import Tensor
from . import functional
from .layer import Layer, ParamAttr, ParamAttrLike
from .layer_basic import Dropout, LayerList, LayerNorm, Linear

_INTEGERS = ("bool", "int8", "int16", "int32", "int64", "uint8")
_NEG_INF = float("-inf")


def _convert_attention_mask(attn_mask, dtype):
    """A bool or integer mask (True/1 = attend) as an additive float mask
    (0 or -1e9); a float mask is only cast."""
    if attn_mask is not None and attn_mask.dtype != dtype:
        if attn_mask.dtype in _INTEGERS:
            return (_functional.cast(attn_mask, dtype) - 1.0) * 1e9
        return _functional.cast(attn_mask, dtype)
    return attn_mask


def _arguments(local_names):
    """A constructor's arguments (its locals at entry): TransformerEncoder and
    TransformerDecoder build their other layers from them, as Paddle does."""
    return {k: v for k, v in local_names.items() if k not in ("self", "__class__")}


AttrOrAttrs = Union[ParamAttrLike, Sequence[ParamAttrLike]]
"""A parameter attribute, or a list of them (one per sublayer, as Paddle takes)."""


def _attrs(attr, n):
    """Paddle's per-sublayer parameter attributes: one for all, or a list."""
    if isinstance(attr, (list, tuple)):
        if len(attr) == 1:
            return [attr[0]] * n
        if len(attr) != n:
            raise ValueError(f"expected 1 or {n} parameter attributes, got {len(attr)}")
        return list(attr)
    return [attr] * n


class MultiHeadAttention(Layer):
    """softmax(q k^T / sqrt(head_dim) + mask) v over num_heads heads, each
    projected by q_proj/k_proj/v_proj (Linear, [in, out] weights) and merged
    by out_proj."""

    Cache = collections.namedtuple("Cache", ["k", "v"])
    StaticCache = collections.namedtuple("StaticCache", ["k", "v"])

    def __init__(self, embed_dim: int, num_heads: int, dropout: float = 0.0,
                 kdim: int | None = None, vdim: int | None = None,
                 need_weights: bool = False, weight_attr: ParamAttr | str | None = None,
                 bias_attr: ParamAttrLike = None) -> None:
        super().__init__()
        if embed_dim <= 0 or num_heads <= 0 or embed_dim % num_heads:
            raise ValueError(f"MultiHeadAttention: embed_dim {embed_dim} must be a positive "
                             f"multiple of num_heads {num_heads}")
        self.embed_dim = embed_dim
        self.kdim = kdim if kdim is not None else embed_dim
        self.vdim = vdim if vdim is not None else embed_dim
        self.num_heads = num_heads
        self.dropout = dropout
        self.need_weights = need_weights
        self.head_dim = embed_dim // num_heads
        self.q_proj = Linear(embed_dim, embed_dim, weight_attr, bias_attr=bias_attr)
        self.k_proj = Linear(self.kdim, embed_dim, weight_attr, bias_attr=bias_attr)
        self.v_proj = Linear(self.vdim, embed_dim, weight_attr, bias_attr=bias_attr)
        self.out_proj = Linear(embed_dim, embed_dim, weight_attr, bias_attr=bias_attr)

    def _heads(self, x):
        """[batch, length, embed] -> [batch, heads, length, head_dim]."""
        x = _functional.reshape(x, [0, 0, self.num_heads, self.head_dim])
        return _functional.transpose(x, [0, 2, 1, 3])

    def compute_kv(self, key: Tensor, value: Tensor) -> Any:
        return self._heads(self.k_proj(key)), self._heads(self.v_proj(value))

    def gen_cache(self, key: Tensor, value: Tensor | None = None, type: Any = None) -> Any:
        """An incremental Cache (empty, or of `key`/`value` as given) or, with
        type=MultiHeadAttention.StaticCache, the projected keys and values."""
        if type is MultiHeadAttention.StaticCache:
            if value is None:
                raise ValueError("gen_cache(type=StaticCache) computes the cache of `value`: "
                                 "give it")
            k, v = self.compute_kv(key, value)
            return self.StaticCache(k, v)
        if value is None:
            empty = _functional.zeros([key.shape[0], self.num_heads, 0, self.head_dim],
                                      key.dtype)
            return self.Cache(empty, empty)
        return self.Cache(key, value)

    def forward(self, query: Tensor, key: Tensor | None = None, value: Tensor | None = None,
                attn_mask: Tensor | None = None, cache: Any = None) -> Any:
        if key is None:
            key = query
        if value is None:
            value = query
        q = self._heads(self.q_proj(query))
        if isinstance(cache, MultiHeadAttention.StaticCache):
            k, v = cache.k, cache.v
        else:
            k, v = self.compute_kv(key, value)
        if isinstance(cache, MultiHeadAttention.Cache):
            k = _functional.concat([cache.k, k], axis=2)
            v = _functional.concat([cache.v, v], axis=2)
            cache = self.Cache(k, v)
        product = _functional.matmul(q * self.head_dim ** -0.5, k, transpose_y=True)
        if attn_mask is not None:
            product = product + _convert_attention_mask(attn_mask, product.dtype)
        weights = functional.softmax(product)
        if self.dropout:
            weights = functional.dropout(weights, self.dropout, training=self.training,
                                         mode="upscale_in_train")
        out = _functional.transpose(_functional.matmul(weights, v), [0, 2, 1, 3])
        out = self.out_proj(_functional.reshape(out, [0, 0, self.embed_dim]))
        if self.need_weights:
            if cache is not None:
                return out, weights, cache
            return out, weights
        if cache is not None:
            return out, cache
        return out


class TransformerEncoderLayer(Layer):
    """Self-attention then a feed-forward block (linear1, activation, linear2),
    each with dropout, a residual connection and LayerNorm (after, or before
    with normalize_before)."""

    def __init__(self, d_model: int, nhead: int, dim_feedforward: int, dropout: float = 0.1,
                 activation: str = "relu",
                 attn_dropout: float | None = None, act_dropout: float | None = None,
                 normalize_before: bool = False, weight_attr: AttrOrAttrs = None,
                 bias_attr: AttrOrAttrs = None, layer_norm_eps: float = 1e-05) -> None:
        self._config = _arguments(locals())
        super().__init__()
        attn_dropout = dropout if attn_dropout is None else attn_dropout
        act_dropout = dropout if act_dropout is None else act_dropout
        self.normalize_before = normalize_before
        weights, biases = _attrs(weight_attr, 2), _attrs(bias_attr, 2)
        self.self_attn = MultiHeadAttention(d_model, nhead, dropout=attn_dropout,
                                            weight_attr=weights[0], bias_attr=biases[0])
        self.linear1 = Linear(d_model, dim_feedforward, weights[1], bias_attr=biases[1])
        self.dropout = Dropout(act_dropout, mode="upscale_in_train")
        self.linear2 = Linear(dim_feedforward, d_model, weights[1], bias_attr=biases[1])
        self.norm1 = LayerNorm(d_model, layer_norm_eps)
        self.norm2 = LayerNorm(d_model, layer_norm_eps)
        self.dropout1 = Dropout(dropout, mode="upscale_in_train")
        self.dropout2 = Dropout(dropout, mode="upscale_in_train")
        self.activation = getattr(functional, activation)

    def forward(self, src: Tensor, src_mask: Tensor | None = None, cache: Any = None) -> Any:
        src_mask = _convert_attention_mask(src_mask, src.dtype)
        residual = src
        if self.normalize_before:
            src = self.norm1(src)
        if cache is None:
            src = self.self_attn(src, src, src, src_mask)
        else:
            src, incremental_cache = self.self_attn(src, src, src, src_mask, cache)
        src = residual + self.dropout1(src)
        if not self.normalize_before:
            src = self.norm1(src)
        residual = src
        if self.normalize_before:
            src = self.norm2(src)
        src = self.linear2(self.dropout(self.activation(self.linear1(src))))
        src = residual + self.dropout2(src)
        if not self.normalize_before:
            src = self.norm2(src)
        if cache is None:
            return src
        return src, incremental_cache

    def gen_cache(self, src: Tensor) -> Any:
        return self.self_attn.gen_cache(src, type=MultiHeadAttention.Cache)


class TransformerEncoder(Layer):
    """num_layers copies of an encoder layer (the first is the one given, the
    others new layers of its configuration), then an optional norm."""

    def __init__(self, encoder_layer: TransformerEncoderLayer, num_layers: int,
                 norm: Layer | None = None) -> None:
        super().__init__()
        self.layers = LayerList([encoder_layer if i == 0 else
                                 type(encoder_layer)(**encoder_layer._config)
                                 for i in range(num_layers)])
        self.num_layers = num_layers
        self.norm = norm

    def forward(self, src: Tensor, src_mask: Tensor | None = None, cache: Any = None) -> Any:
        src_mask = _convert_attention_mask(src_mask, src.dtype)
        output = src
        new_caches = []
        for i, layer in enumerate(self.layers):
            if cache is None:
                output = layer(output, src_mask=src_mask)
            else:
                output, new_cache = layer(output, src_mask=src_mask, cache=cache[i])
                new_caches.append(new_cache)
        if self.norm is not None:
            output = self.norm(output)
        if cache is None:
            return output
        return output, new_caches

    def gen_cache(self, src: Tensor) -> Any:
        return [layer.gen_cache(src) for layer in self.layers]


class TransformerDecoderLayer(Layer):
    """Self-attention, cross-attention over `memory`, then the feed-forward
    block, each with dropout, a residual connection and LayerNorm."""

    def __init__(self, d_model: int, nhead: int, dim_feedforward: int, dropout: float = 0.1,
                 activation: str = "relu",
                 attn_dropout: float | None = None, act_dropout: float | None = None,
                 normalize_before: bool = False, weight_attr: AttrOrAttrs = None,
                 bias_attr: AttrOrAttrs = None, layer_norm_eps: float = 1e-05) -> None:
        self._config = _arguments(locals())
        super().__init__()
        attn_dropout = dropout if attn_dropout is None else attn_dropout
        act_dropout = dropout if act_dropout is None else act_dropout
        self.normalize_before = normalize_before
        weights, biases = _attrs(weight_attr, 3), _attrs(bias_attr, 3)
        self.self_attn = MultiHeadAttention(d_model, nhead, dropout=attn_dropout,
                                            weight_attr=weights[0], bias_attr=biases[0])
        self.cross_attn = MultiHeadAttention(d_model, nhead, dropout=attn_dropout,
                                             weight_attr=weights[1], bias_attr=biases[1])
        self.linear1 = Linear(d_model, dim_feedforward, weights[2], bias_attr=biases[2])
        self.dropout = Dropout(act_dropout, mode="upscale_in_train")
        self.linear2 = Linear(dim_feedforward, d_model, weights[2], bias_attr=biases[2])
        self.norm1 = LayerNorm(d_model, layer_norm_eps)
        self.norm2 = LayerNorm(d_model, layer_norm_eps)
        self.norm3 = LayerNorm(d_model, layer_norm_eps)
        self.dropout1 = Dropout(dropout, mode="upscale_in_train")
        self.dropout2 = Dropout(dropout, mode="upscale_in_train")
        self.dropout3 = Dropout(dropout, mode="upscale_in_train")
        self.activation = getattr(functional, activation)

    def forward(self, tgt: Tensor, memory: Tensor, tgt_mask: Tensor | None = None,
                memory_mask: Tensor | None = None, cache: Any = None) -> Any:
        tgt_mask = _convert_attention_mask(tgt_mask, tgt.dtype)
        memory_mask = _convert_attention_mask(memory_mask, memory.dtype)
        residual = tgt
        if self.normalize_before:
            tgt = self.norm1(tgt)
        if cache is None:
            tgt = self.self_attn(tgt, tgt, tgt, tgt_mask, None)
        else:
            tgt, incremental_cache = self.self_attn(tgt, tgt, tgt, tgt_mask, cache[0])
        tgt = residual + self.dropout1(tgt)
        if not self.normalize_before:
            tgt = self.norm1(tgt)
        residual = tgt
        if self.normalize_before:
            tgt = self.norm2(tgt)
        if cache is None:
            tgt = self.cross_attn(tgt, memory, memory, memory_mask, None)
        else:
            tgt, static_cache = self.cross_attn(tgt, memory, memory, memory_mask, cache[1])
        tgt = residual + self.dropout2(tgt)
        if not self.normalize_before:
            tgt = self.norm2(tgt)
        residual = tgt
        if self.normalize_before:
            tgt = self.norm3(tgt)
        tgt = self.linear2(self.dropout(self.activation(self.linear1(tgt))))
        tgt = residual + self.dropout3(tgt)
        if not self.normalize_before:
            tgt = self.norm3(tgt)
        if cache is None:
            return tgt
        return tgt, (incremental_cache, static_cache)

    def gen_cache(self, memory: Tensor) -> Any:
        incremental = self.self_attn.gen_cache(memory, type=MultiHeadAttention.Cache)
        static = self.cross_attn.gen_cache(memory, memory, type=MultiHeadAttention.StaticCache)
        return incremental, static


class TransformerDecoder(Layer):
    def __init__(self, decoder_layer: TransformerDecoderLayer, num_layers: int,
                 norm: Layer | None = None) -> None:
        super().__init__()
        self.layers = LayerList([decoder_layer if i == 0 else
                                 type(decoder_layer)(**decoder_layer._config)
                                 for i in range(num_layers)])
        self.num_layers = num_layers
        self.norm = norm

    def forward(self, tgt: Tensor, memory: Tensor, tgt_mask: Tensor | None = None,
                memory_mask: Tensor | None = None, cache: Any = None) -> Any:
        tgt_mask = _convert_attention_mask(tgt_mask, tgt.dtype)
        memory_mask = _convert_attention_mask(memory_mask, memory.dtype)
        output = tgt
        new_caches = []
        for i, layer in enumerate(self.layers):
            if cache is None:
                output = layer(output, memory, tgt_mask=tgt_mask, memory_mask=memory_mask,
                               cache=None)
            else:
                output, new_cache = layer(output, memory, tgt_mask=tgt_mask,
                                          memory_mask=memory_mask, cache=cache[i])
                new_caches.append(new_cache)
        if self.norm is not None:
            output = self.norm(output)
        if cache is None:
            return output
        return output, new_caches

    def gen_cache(self, memory: Tensor, do_zip: bool = False) -> Any:
        cache = [layer.gen_cache(memory) for layer in self.layers]
        if do_zip:
            cache = list(zip(*cache))
        return cache


class Transformer(Layer):
    """An encoder (num_encoder_layers, final LayerNorm) and a decoder
    (num_decoder_layers, final LayerNorm), or custom ones."""

    def __init__(self, d_model: int = 512, nhead: int = 8, num_encoder_layers: int = 6,
                 num_decoder_layers: int = 6,
                 dim_feedforward: int = 2048, dropout: float = 0.1, activation: str = "relu",
                 attn_dropout: float | None = None,
                 act_dropout: float | None = None, normalize_before: bool = False,
                 weight_attr: AttrOrAttrs = None, bias_attr: AttrOrAttrs = None,
                 custom_encoder: Layer | None = None, custom_decoder: Layer | None = None) -> None:
        super().__init__()
        encoder_weights, decoder_weights = self._split(weight_attr)
        encoder_biases, decoder_biases = self._split(bias_attr)
        if custom_encoder is not None:
            self.encoder = custom_encoder
        else:
            encoder_layer = TransformerEncoderLayer(d_model, nhead, dim_feedforward, dropout,
                                                    activation, attn_dropout, act_dropout,
                                                    normalize_before, encoder_weights,
                                                    encoder_biases)
            self.encoder = TransformerEncoder(encoder_layer, num_encoder_layers, LayerNorm(d_model))
        if custom_decoder is not None:
            self.decoder = custom_decoder
        else:
            decoder_layer = TransformerDecoderLayer(d_model, nhead, dim_feedforward, dropout,
                                                    activation, attn_dropout, act_dropout,
                                                    normalize_before, decoder_weights,
                                                    decoder_biases)
            self.decoder = TransformerDecoder(decoder_layer, num_decoder_layers, LayerNorm(d_model))
        self.d_model = d_model
        self.nhead = nhead

    @staticmethod
    def _split(attr):
        """Paddle's rule for one, two or three attributes: (encoder's, decoder's)."""
        if not isinstance(attr, (list, tuple)):
            return attr, attr
        if len(attr) == 1:
            return [attr[0]] * 2, [attr[0]] * 3
        if len(attr) == 2:
            return list(attr), [attr[0], attr[0], attr[-1]]
        if len(attr) == 3:
            return [attr[0], attr[-1]], list(attr)
        raise ValueError("Transformer: weight_attr/bias_attr lists hold 1, 2 or 3 entries")

    def forward(self, src: Tensor, tgt: Tensor, src_mask: Tensor | None = None,
                tgt_mask: Tensor | None = None, memory_mask: Tensor | None = None) -> Tensor:
        src_mask = _convert_attention_mask(src_mask, src.dtype)
        memory = self.encoder(src, src_mask=src_mask)
        tgt_mask = _convert_attention_mask(tgt_mask, tgt.dtype)
        memory_mask = _convert_attention_mask(memory_mask, memory.dtype)
        return self.decoder(tgt, memory, tgt_mask=tgt_mask, memory_mask=memory_mask)

    def generate_square_subsequent_mask(self, length: int) -> Tensor:
        """[length, length]: 0 on and below the diagonal, -inf above."""
        return _functional.triu(_functional.full([length, length], _NEG_INF, "float32"), 1)
