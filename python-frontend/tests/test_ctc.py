"""F.ctc_loss and nn.CTCLoss beyond the op table's cases (test_op_table.py,
against Graves et al.'s recursion and real Paddle): a CRNN-style recognizer's
loss compiled for batches and lengths known only at run time, long
sequences, and bad lengths or labels, eagerly and compiled."""
import numpy as np
import pytest

import dy2st as paddle
import nn_references as ref
from dy2st.static import InputSpec

F = paddle.nn.functional
rng = np.random.RandomState(5)


class Recognizer(paddle.nn.Layer):
    """PaddleOCR's CRNN shape: convolutions over a text line, the height
    pooled away, a bidirectional LSTM over the columns, per-column logits."""

    def __init__(self, classes):
        super().__init__()
        self.conv = paddle.nn.Conv2D(1, 8, 3, padding=1)
        self.rnn = paddle.nn.LSTM(8, 16, direction="bidirect")
        self.head = paddle.nn.Linear(32, classes)
        self.loss = paddle.nn.CTCLoss(blank=0)

    def forward(self, image, labels, label_lengths):
        features = paddle.nn.functional.relu(self.conv(image)).mean(axis=2)
        sequence, _ = self.rnn(features.transpose([0, 2, 1]))
        logits = self.head(sequence).transpose([1, 0, 2])
        steps = paddle.full([image.shape[0]], logits.shape[0], "int64")
        return self.loss(logits, labels, steps, label_lengths), logits


def _recognizer_inputs(batch, width, max_label):
    image = rng.randn(batch, 1, 6, width).astype(np.float32)
    labels = rng.randint(1, 7, size=(batch, max_label)).astype(np.int32)
    lengths = rng.randint(1, max_label + 1, size=batch).astype(np.int64)
    return image, labels, lengths


def test_recognizer_loss_compiled_for_any_batch_and_width():
    model = Recognizer(7)
    model.eval()
    specs = [InputSpec([None, 1, 6, None], "float32"), InputSpec([None, None], "int32"),
             InputSpec([None], "int64")]
    compiled = paddle.jit.to_static(model, input_spec=specs)
    for batch, width, max_label in ((2, 10, 3), (3, 17, 5)):
        inputs = _recognizer_inputs(batch, width, max_label)
        loss, logits = compiled(*[paddle.to_tensor(v) for v in inputs])
        eager_loss, _ = model.forward(*[paddle.to_tensor(v) for v in inputs])
        steps = np.full(batch, width, np.int64)
        want = np.mean(ref.ctc(logits.numpy(), inputs[1], steps, inputs[2], 0) / inputs[2])
        assert np.allclose(loss.numpy(), want, rtol=1e-5)
        assert np.allclose(loss.numpy(), eager_loss.numpy(), rtol=1e-5)


def test_long_sequence():
    """300 steps, labels of 40 and 17."""
    logits = rng.randn(300, 2, 6).astype(np.float32)
    labels = rng.randint(1, 6, size=(2, 40)).astype(np.int32)
    steps, lengths = np.array([300, 211]), np.array([40, 17])

    def loss(x, l, il, ll):
        return F.ctc_loss(x, l, il, ll, reduction="none")

    compiled = paddle.jit.to_static(loss)
    got = compiled(*[paddle.to_tensor(v) for v in (logits, labels, steps, lengths)])
    assert np.allclose(got.numpy(), ref.ctc(logits, labels, steps, lengths, 0), rtol=1e-5)


def _bad_loss(x, l, il, ll):
    return F.ctc_loss(x, l, il, ll)


BAD = [
    ("label 5 of 5 classes", np.array([[1, 5]]), np.array([4]), np.array([2]),
     "labels must be in"),
    ("negative label", np.array([[-1, 2]]), np.array([4]), np.array([2]), "labels must be in"),
    ("5 steps of 4", np.array([[1, 2]]), np.array([5]), np.array([2]), "input length exceeds"),
    ("3 labels of 2", np.array([[1, 2]]), np.array([4]), np.array([3]), "label length exceeds"),
]


@pytest.mark.parametrize("compiled", [False, True], ids=["eager", "compiled"])
@pytest.mark.parametrize("case", BAD, ids=[c[0] for c in BAD])
def test_bad_lengths_and_labels_are_value_errors(case, compiled):
    _, labels, steps, lengths, message = case
    fn = paddle.jit.to_static(_bad_loss) if compiled else _bad_loss
    x = paddle.to_tensor(rng.randn(4, 1, 5).astype(np.float32))
    with pytest.raises(ValueError, match=message):
        fn(x, paddle.to_tensor(labels.astype(np.int32)), paddle.to_tensor(steps),
           paddle.to_tensor(lengths))


def test_blank_out_of_range_and_bad_reduction():
    x = paddle.to_tensor(rng.randn(4, 1, 5).astype(np.float32))
    labels = paddle.to_tensor(np.array([[1, 2]], np.int32))
    lengths = paddle.to_tensor(np.array([4])), paddle.to_tensor(np.array([2]))
    with pytest.raises(ValueError, match="blank must be in"):
        F.ctc_loss(x, labels, *lengths, blank=5)
    with pytest.raises(AssertionError):
        F.ctc_loss(x, labels, *lengths, reduction="average")
    with pytest.raises(ValueError, match="3-d"):
        F.ctc_loss(x[0], labels, *lengths)
