"""nn.dynamic_decode with nn.BeamSearchDecoder over a cell that attends to an
encoder's output (passed as a keyword, tiled per beam), and with a user's
Decoder subclass (greedy, finished tracked by dynamic_decode): compiled
against eager, the greedy decoder also against a plain Python loop. Beam
search over Paddle's own cells is checked against real Paddle in
test_layer_oracle.py."""
import numpy as np

import dy2st as paddle
from conftest import assert_same
from dy2st import nn

VOCAB, HIDDEN, BEAM, END = 9, 6, 3, 1


class AttentionCell(nn.RNNCellBase):
    """A GRU cell whose input is the token's embedding and an attention
    summary of the encoder's output."""

    def __init__(self):
        super().__init__()
        self.cell = nn.GRUCell(2 * HIDDEN, HIDDEN)
        self.query = nn.Linear(HIDDEN, HIDDEN)

    def forward(self, inputs, states, encoder_output=None):
        scores = paddle.matmul(encoder_output, self.query(states).unsqueeze(-1)).squeeze(-1)
        weights = nn.functional.softmax(scores)
        context = paddle.sum(encoder_output * weights.unsqueeze(-1), axis=1)
        return self.cell(paddle.concat([inputs, context], axis=-1), states)


class Translator(nn.Layer):
    def __init__(self):
        super().__init__()
        self.embedding = nn.Embedding(VOCAB, HIDDEN)
        self.encoder = nn.GRU(HIDDEN, HIDDEN)
        self.cell = AttentionCell()
        self.output = nn.Linear(HIDDEN, VOCAB)
        self.beam = BEAM

    def forward(self, source):
        encoded, final = self.encoder(self.embedding(source))
        decoder = nn.BeamSearchDecoder(self.cell, start_token=0, end_token=1, beam_size=self.beam,
                                       embedding_fn=self.embedding, output_fn=self.output)
        memory = nn.BeamSearchDecoder.tile_beam_merge_with_batch(encoded, BEAM)
        ids, states, lengths = nn.dynamic_decode(decoder, inits=final[0], max_step_num=8,
                                                 return_length=True, encoder_output=memory)
        return ids, states.log_probs, lengths


def test_beam_search_with_attention_compiled_matches_eager():
    paddle.seed(11)
    model = Translator()
    model.eval()
    source = paddle.to_tensor(np.random.RandomState(2).randint(2, VOCAB, (2, 5)))
    eager = model(source)
    assert list(eager[0].shape[::2]) == [2, BEAM] and eager[0].dtype == paddle.int64
    assert_same(eager, paddle.jit.to_static(model)(source))


class GreedyDecoder(nn.decode.Decoder):
    """The most likely token at each step; finished once it is end_token."""

    def __init__(self, cell, embedding, output, end_token):
        self.cell, self.embedding, self.output = cell, embedding, output
        self.end_token = end_token

    def initialize(self, inits):
        batch = inits.shape[0]
        start = paddle.zeros([batch], "int64")
        return self.embedding(start), inits, paddle.full([batch], False, "bool")

    def step(self, time, inputs, states, **kwargs):
        out, new_states = self.cell(inputs, states)
        token = paddle.argmax(self.output(out), axis=-1)
        return token, new_states, self.embedding(token), token == self.end_token


class Greedy(nn.Layer):
    def __init__(self):
        super().__init__()
        self.embedding = nn.Embedding(VOCAB, HIDDEN)
        self.cell = nn.GRUCell(HIDDEN, HIDDEN)
        self.output = nn.Linear(HIDDEN, VOCAB)

    def forward(self, h):
        decoder = GreedyDecoder(self.cell, self.embedding, self.output, end_token=END)
        return nn.dynamic_decode(decoder, inits=h, max_step_num=6, impute_finished=True,
                                 return_length=True)


def test_users_decoder_matches_a_python_loop_and_compiles():
    paddle.seed(4)
    model = Greedy()
    h = paddle.to_tensor(np.random.RandomState(3).randn(4, HIDDEN).astype("float32"))
    tokens, states, lengths = model(h)
    # A plain loop: steps until every sequence produced end_token (at most
    # max_step_num + 1), the states kept once a sequence is finished.
    state, inputs = h, model.embedding(paddle.zeros([4], "int64"))
    finished, count, steps = np.zeros(4, bool), np.zeros(4, "int64"), []
    while not finished.all() and len(steps) <= 6:
        out, new_state = model.cell(inputs, state)
        token = paddle.argmax(model.output(out), axis=-1)
        finished = finished | (token.numpy() == 1)
        count += ~finished
        state = paddle.to_tensor(np.where(finished[:, None], state.numpy(), new_state.numpy()))
        inputs = model.embedding(token)
        steps.append(token.numpy())
    np.testing.assert_array_equal(tokens.numpy(), np.stack(steps, axis=1))
    np.testing.assert_array_equal(lengths.numpy(), count)
    np.testing.assert_allclose(states.numpy(), state.numpy(), rtol=1e-6)
    assert_same(model(h), paddle.jit.to_static(model)(h))
