"""paddle.text's Viterbi decoding, eagerly and compiled, against an
independent numpy Viterbi of each sequence (real Paddle's results are checked
in dy2st_cases.py's crf_viterbi_decode)."""
import numpy as np
import pytest

import dy2st as paddle
from dy2st.static import InputSpec


def viterbi_reference(potentials, transitions, lengths, with_start_and_stop):
    """Each sequence's best tags by dynamic programming over its own length:
    the start row (last) and stop row (the one before) scored where asked;
    the first of equal scores wins; the path is 0 past a sequence's end."""
    batch, _, tags = potentials.shape
    scores = np.zeros(batch, potentials.dtype)
    paths = np.zeros((batch, lengths.max()), np.int64)
    for b, n in enumerate(lengths):
        alpha = potentials[b, 0] + (transitions[tags - 1] if with_start_and_stop else 0)
        pointers = []
        for t in range(1, n):
            candidates = alpha[:, None] + transitions
            pointers.append(candidates.argmax(0))
            alpha = candidates.max(0) + potentials[b, t]
        if with_start_and_stop:
            alpha = alpha + transitions[tags - 2]
        scores[b], tag = alpha.max(), alpha.argmax()
        paths[b, n - 1] = tag
        for t in range(n - 2, -1, -1):
            tag = pointers[t][tag]
            paths[b, t] = tag
    return scores, paths


def decode(potentials, transitions, lengths):
    return paddle.text.viterbi_decode(potentials, transitions, lengths)


def decode_without_start_and_stop(potentials, transitions, lengths):
    return paddle.text.viterbi_decode(potentials, transitions, lengths, False)


@pytest.mark.parametrize("lengths", [[6, 3, 1], [4, 4, 2], [1, 1, 1], [2, 6, 5]])
@pytest.mark.parametrize("fn", [decode, decode_without_start_and_stop])
def test_viterbi_decode_is_each_sequences_best_path(lengths, fn):
    rng = np.random.RandomState(len(lengths) + sum(lengths))
    potentials = rng.randn(3, 6, 5).astype("float32")
    transitions = rng.randn(5, 5).astype("float32")
    lengths = np.array(lengths, "int64")
    expected = viterbi_reference(potentials, transitions, lengths, fn is decode)
    args = [paddle.to_tensor(a) for a in (potentials, transitions, lengths)]
    specs = [InputSpec([None, None, 5], "float32"), InputSpec([5, 5], "float32"),
             InputSpec([None], "int64")]
    for run in (fn, paddle.jit.to_static(fn), paddle.jit.to_static(fn, input_spec=specs)):
        scores, paths = run(*args)
        assert scores.dtype == paddle.float32 and paths.dtype == paddle.int64
        np.testing.assert_allclose(scores.numpy(), expected[0], rtol=1e-6)
        np.testing.assert_array_equal(paths.numpy(), expected[1])


class Tagger(paddle.nn.Layer):
    def __init__(self, transitions):
        super().__init__()
        self.emit = paddle.nn.Linear(8, 5)
        self.crf = paddle.text.ViterbiDecoder(transitions, include_bos_eos_tag=False)

    def forward(self, x, lengths):
        return self.crf(self.emit(x), lengths)


def test_a_layer_with_a_viterbi_decoder_compiles():
    rng = np.random.RandomState(3)
    transitions = rng.randn(5, 5)
    tagger = Tagger(paddle.to_tensor(transitions.astype("float32")))
    x = paddle.to_tensor(rng.randn(2, 7, 8).astype("float32"))
    lengths = paddle.to_tensor(np.array([7, 4], "int64"))
    emitted = tagger.emit(x).numpy()
    expected = viterbi_reference(emitted, transitions.astype("float32"), lengths.numpy(), False)
    for run in (tagger, paddle.jit.to_static(tagger)):
        scores, paths = run(x, lengths)
        np.testing.assert_allclose(scores.numpy(), expected[0], rtol=1e-5)
        np.testing.assert_array_equal(paths.numpy(), expected[1])


def test_a_length_beyond_the_sequences_is_a_value_error():
    args = [paddle.zeros([1, 2, 3]), paddle.zeros([3, 3]), paddle.to_tensor([3])]
    for run in (decode, paddle.jit.to_static(decode)):
        with pytest.raises(ValueError, match="longer than the sequences"):
            run(*args)
