"""A Transformer encoder-decoder translator (Vaswani et al.) built on
paddle.nn.Transformer: embeddings scaled by sqrt(d_model) plus sinusoidal
positions, and beam search that re-runs the decoder over each hypothesis's
prefix (a tensor that grows inside the `while` loop)."""
import math

import numpy as np
import paddle
from paddle import nn
import paddle.nn.functional as F


def _positions(max_length, d_model):
    position = np.arange(max_length)[:, None]
    rate = np.exp(np.arange(0, d_model, 2) * -(math.log(10000.0) / d_model))
    table = np.zeros((max_length, d_model), "float32")
    table[:, 0::2] = np.sin(position * rate)
    table[:, 1::2] = np.cos(position * rate)
    return table


class TransformerTranslator(nn.Layer):
    def __init__(self, src_vocab_size, trg_vocab_size, d_model=64, nhead=4, num_layers=2,
                 dim_feedforward=128, dropout=0.1, bos_id=1, eos_id=2, pad_id=0,
                 max_out_len=12, beam_size=4, max_length=64):
        super().__init__()
        self.d_model, self.trg_vocab_size = d_model, trg_vocab_size
        self.bos_id, self.eos_id, self.pad_id = bos_id, eos_id, pad_id
        self.max_out_len, self.beam_size = max_out_len, beam_size
        self.src_embedding = nn.Embedding(src_vocab_size, d_model)
        self.trg_embedding = nn.Embedding(trg_vocab_size, d_model)
        self.register_buffer("positions", paddle.to_tensor(_positions(max_length, d_model)))
        self.transformer = nn.Transformer(d_model, nhead, num_layers, num_layers,
                                          dim_feedforward, dropout)
        self.project = nn.Linear(d_model, trg_vocab_size)

    def _embed(self, embedding, ids):
        length = ids.shape[1]
        return embedding(ids) * (self.d_model ** 0.5) + self.positions[:length]

    def encode(self, src):
        src_mask = paddle.unsqueeze((src == self.pad_id).astype("float32") * -1e9, [1, 2])
        memory = self.transformer.encoder(self._embed(self.src_embedding, src), src_mask)
        return memory, src_mask

    def _tile(self, x):
        tiled = paddle.tile(paddle.unsqueeze(x, 1), [1, self.beam_size] + [1] * (x.ndim - 1))
        return paddle.reshape(tiled, [-1] + x.shape[1:])

    def beam_search(self, src):
        """[batch, beam, steps] ids (best first) and their scores."""
        beam, vocab = self.beam_size, self.trg_vocab_size
        memory, src_mask = self.encode(src)
        batch = src.shape[0]
        memory, src_mask = self._tile(memory), self._tile(src_mask)
        prefix = paddle.full([batch * beam, 1], self.bos_id, "int64")
        scores = paddle.concat([paddle.zeros([batch, 1], "float32"),
                                paddle.full([batch, beam - 1], -1e9, "float32")], axis=1)
        finished = paddle.zeros([batch, beam], "bool")
        eos_only = (paddle.cast(paddle.arange(vocab) == self.eos_id, "float32") - 1.0) * 1e9
        offsets = paddle.unsqueeze(paddle.arange(batch) * beam, 1)
        # A tensor step: the loop is a graph loop under Paddle's to_static too.
        step = paddle.zeros([1], "int64")
        while step < self.max_out_len:
            causal = self.transformer.generate_square_subsequent_mask(prefix.shape[1])
            decoded = self.transformer.decoder(self._embed(self.trg_embedding, prefix), memory,
                                               tgt_mask=causal, memory_mask=src_mask)
            logits = self.project(decoded[:, -1])
            log_probs = paddle.reshape(F.log_softmax(logits, axis=-1), [-1, beam, vocab])
            log_probs = paddle.where(paddle.unsqueeze(finished, -1), eos_only, log_probs)
            total = paddle.reshape(paddle.unsqueeze(scores, -1) + log_probs, [-1, beam * vocab])
            scores, index = paddle.topk(total, beam)
            parent = index // vocab
            word = index % vocab
            rows = paddle.reshape(parent + offsets, [-1])
            prefix = paddle.concat([paddle.gather(prefix, rows),
                                    paddle.reshape(word, [-1, 1])], axis=1)
            # (Paddle's take_along_axis has no bool kernel.)
            finished = paddle.logical_or(
                paddle.take_along_axis(finished.astype("int64"), parent, 1) > 0,
                word == self.eos_id)
            step = step + 1
            if paddle.all(finished):
                break
        return paddle.reshape(prefix[:, 1:], [batch, beam, -1]), scores
