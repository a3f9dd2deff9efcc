"""A sequence-to-sequence model with Luong attention in the style of Paddle's
seq2seq tests and PaddleNLP's seq2seq example: an LSTM encoder that stops at
each source's length, a decoder cell fed its previous attentional output,
greedy decoding, a hand-written beam search (a `while` loop growing
TensorArrays of ids and parent beams, traced back with gather_tree), and
Paddle's own: nn.BeamSearchDecoder over the cell, run by nn.dynamic_decode."""
import paddle
from paddle import nn
import paddle.nn.functional as F


class AttentionCell(nn.RNNCellBase):
    """The decoder's step: the LSTM cell on [embedding, previous attentional
    output], attention over the encoder states (padding masked), and the
    attentional output, which is the cell's output and next feed. States:
    [(h, c), feed]."""

    def __init__(self, embed_dim, hidden_size):
        super().__init__()
        self.cell = nn.LSTMCell(embed_dim + hidden_size, hidden_size)
        self.attention = nn.Linear(hidden_size, hidden_size, bias_attr=False)
        self.attention_output = nn.Linear(hidden_size * 2, hidden_size, bias_attr=False)

    def forward(self, embedded, states, encoded=None, mask=None):
        (h, c), feed = states
        out, (h, c) = self.cell(paddle.concat([embedded, feed], axis=-1), (h, c))
        scores = paddle.matmul(paddle.unsqueeze(self.attention(out), 1), encoded,
                               transpose_y=True)
        scores = scores + paddle.unsqueeze((mask - 1.0) * 1e9, 1)
        context = paddle.squeeze(paddle.matmul(F.softmax(scores, axis=-1), encoded), 1)
        feed = paddle.tanh(self.attention_output(paddle.concat([context, out], axis=-1)))
        return feed, [(h, c), feed]


class Seq2SeqAttention(nn.Layer):
    def __init__(self, src_vocab_size, trg_vocab_size, embed_dim=64, hidden_size=64, bos_id=1,
                 eos_id=2, max_out_len=16, beam_size=4):
        super().__init__()
        self.hidden_size, self.trg_vocab_size = hidden_size, trg_vocab_size
        self.bos_id, self.eos_id = bos_id, eos_id
        self.max_out_len, self.beam_size = max_out_len, beam_size
        self.src_embedder = nn.Embedding(src_vocab_size, embed_dim)
        self.encoder = nn.LSTM(embed_dim, hidden_size)
        self.trg_embedder = nn.Embedding(trg_vocab_size, embed_dim)
        self.decoder_cell = AttentionCell(embed_dim, hidden_size)
        self.output = nn.Linear(hidden_size, trg_vocab_size)
        # PaddleNLP's way: the decoder made once, run by dynamic_decode.
        self.beam_search_decoder = nn.BeamSearchDecoder(
            self.decoder_cell, start_token=bos_id, end_token=eos_id, beam_size=beam_size,
            embedding_fn=self.trg_embedder, output_fn=self.output)

    def encode(self, src, src_length):
        encoded, (h, c) = self.encoder(self.src_embedder(src), sequence_length=src_length)
        mask = F.sequence_mask(src_length, maxlen=src.shape[1], dtype="float32")
        return encoded, h[0], c[0], mask

    def decode_step(self, token, h, c, feed, encoded, mask):
        """One step: the decoder cell and the vocabulary logits."""
        feed, [(h, c), _] = self.decoder_cell(self.trg_embedder(token), [(h, c), feed],
                                              encoded, mask)
        return self.output(feed), h, c, feed

    def greedy_search(self, src, src_length):
        """The most likely token at each step until every sentence has ended
        (then eos) or max_out_len steps: [batch, steps] ids."""
        encoded, h, c, mask = self.encode(src, src_length)
        batch = src.shape[0]
        token = paddle.full([batch], self.bos_id, "int64")
        feed = paddle.zeros([batch, self.hidden_size], "float32")
        finished = paddle.zeros([batch], "bool")
        outputs = []
        # A tensor step: the loop is a graph loop under Paddle's to_static too.
        step = paddle.zeros([1], "int64")
        while step < self.max_out_len:
            logits, h, c, feed = self.decode_step(token, h, c, feed, encoded, mask)
            token = paddle.argmax(logits, axis=-1)
            token = paddle.where(finished, paddle.full_like(token, self.eos_id), token)
            outputs.append(token)
            finished = paddle.logical_or(finished, token == self.eos_id)
            step = step + 1
            if paddle.all(finished):
                break
        return paddle.stack(outputs, axis=1)

    def _tile(self, x):
        """[batch, ...] -> [batch * beam_size, ...], each row beam_size times."""
        tiled = paddle.tile(paddle.unsqueeze(x, 1), [1, self.beam_size] + [1] * (x.ndim - 1))
        return paddle.reshape(tiled, [-1] + x.shape[1:])

    def beam_search(self, src, src_length):
        """beam_size hypotheses per sentence, extended by their best
        continuations; a finished beam only extends with eos at no cost.
        Returns [batch, beam, steps] ids (best first) and their scores."""
        beam, vocab = self.beam_size, self.trg_vocab_size
        encoded, h, c, mask = self.encode(src, src_length)
        batch = src.shape[0]
        encoded, h, c, mask = self._tile(encoded), self._tile(h), self._tile(c), self._tile(mask)
        feed = paddle.zeros([batch * beam, self.hidden_size], "float32")
        token = paddle.full([batch * beam], self.bos_id, "int64")
        scores = paddle.concat([paddle.zeros([batch, 1], "float32"),
                                paddle.full([batch, beam - 1], -1e9, "float32")], axis=1)
        finished = paddle.zeros([batch, beam], "bool")
        eos_only = (paddle.cast(paddle.arange(vocab) == self.eos_id, "float32") - 1.0) * 1e9
        offsets = paddle.unsqueeze(paddle.arange(batch) * beam, 1)
        ids, parents = [], []
        # A tensor step: the loop is a graph loop under Paddle's to_static too.
        step = paddle.zeros([1], "int64")
        while step < self.max_out_len:
            logits, h, c, feed = self.decode_step(token, h, c, feed, encoded, mask)
            log_probs = paddle.reshape(F.log_softmax(logits, axis=-1), [-1, beam, vocab])
            log_probs = paddle.where(paddle.unsqueeze(finished, -1), eos_only, log_probs)
            total = paddle.reshape(paddle.unsqueeze(scores, -1) + log_probs, [-1, beam * vocab])
            scores, index = paddle.topk(total, beam)
            parent = index // vocab
            word = index % vocab
            rows = paddle.reshape(parent + offsets, [-1])
            h, c, feed = paddle.gather(h, rows), paddle.gather(c, rows), paddle.gather(feed, rows)
            # (Paddle's take_along_axis has no bool kernel.)
            finished = paddle.logical_or(
                paddle.take_along_axis(finished.astype("int64"), parent, 1) > 0,
                word == self.eos_id)
            token = paddle.reshape(word, [-1])
            ids.append(word)
            parents.append(parent)
            step = step + 1
            if paddle.all(finished):
                break
        traced = F.gather_tree(paddle.stack(ids), paddle.stack(parents))
        return paddle.transpose(traced, [1, 2, 0]), scores

    def dynamic_beam_search(self, src, src_length):
        """The same search by Paddle's BeamSearchDecoder and dynamic_decode:
        [batch, steps, beam] ids and the final beams' log probabilities."""
        encoded, h, c, mask = self.encode(src, src_length)
        feed = self.decoder_cell.get_initial_states(batch_ref=encoded, shape=[self.hidden_size])
        encoded = nn.BeamSearchDecoder.tile_beam_merge_with_batch(encoded, self.beam_size)
        mask = nn.BeamSearchDecoder.tile_beam_merge_with_batch(mask, self.beam_size)
        ids, states = nn.dynamic_decode(self.beam_search_decoder, inits=[(h, c), feed],
                                        max_step_num=self.max_out_len, encoded=encoded,
                                        mask=mask)
        return ids, states.log_probs
