"""The model zoo: each model with example inputs and their InputSpecs (a
`None` batch where `batch` is None). Used by the tests and bench/models.py;
runs on dy2st (`import dy2st` first) and on real Paddle alike."""
import zlib

import numpy as np
import paddle
from paddle.static import InputSpec

from bert import BertModel
from bigru import BiGRUClassifier
from lenet import LeNet
from lstm_lm import LSTMLanguageModel
from mobilenet_v2 import MobileNetV2
from resnet import resnet18
from seq2seq import Seq2SeqAttention
from swin import Stage as SwinStage
from transformer import TransformerTranslator
from vit import VisionTransformer

VOCAB = 1000


def _ids(rng, batch, length, low=1):
    return rng.randint(low, VOCAB, size=(batch, length)).astype("int64")


def _lengths(rng, batch, length):
    lengths = rng.randint(1, length + 1, size=batch).astype("int64")
    lengths[0] = length
    return lengths


def _padded(ids, lengths):
    ids = ids.copy()
    for row, n in enumerate(lengths):
        ids[row, n:] = 0
    return ids


class Entry:
    """A model: `build()` makes it, `inputs(rng, batch)` its arguments (numpy),
    `specs(batch)` their InputSpecs, `method` what is compiled."""

    def __init__(self, build, inputs, specs, method="forward"):
        self.build, self.inputs, self.specs, self.method = build, inputs, specs, method


def _seq2seq_inputs(rng, batch):
    lengths = _lengths(rng, batch, 12)
    return [_padded(_ids(rng, batch, 12), lengths), lengths]


MODELS = {
    "lenet": Entry(LeNet, lambda rng, b: [rng.randn(b, 1, 28, 28).astype("float32")],
                   lambda b: [InputSpec([b, 1, 28, 28], "float32")]),
    "resnet18": Entry(lambda: resnet18(num_classes=10),
                      lambda rng, b: [rng.randn(b, 3, 64, 64).astype("float32")],
                      lambda b: [InputSpec([b, 3, 64, 64], "float32")]),
    "mobilenet_v2": Entry(lambda: MobileNetV2(num_classes=10),
                          lambda rng, b: [rng.randn(b, 3, 64, 64).astype("float32")],
                          lambda b: [InputSpec([b, 3, 64, 64], "float32")]),
    "lstm_lm": Entry(lambda: LSTMLanguageModel(VOCAB, 128, 2),
                     lambda rng, b: [_ids(rng, b, 20), rng.randn(2, b, 128).astype("float32"),
                                     rng.randn(2, b, 128).astype("float32")],
                     lambda b: [InputSpec([b, 20], "int64"), InputSpec([2, b, 128], "float32"),
                                InputSpec([2, b, 128], "float32")]),
    "bigru": Entry(lambda: BiGRUClassifier(VOCAB),
                   lambda rng, b: [_padded(_ids(rng, b, 16), _lengths(rng, b, 16)),
                                   _lengths(np.random.RandomState(1), b, 16)],
                   lambda b: [InputSpec([b, 16], "int64"), InputSpec([b], "int64")]),
    "seq2seq_greedy": Entry(lambda: Seq2SeqAttention(VOCAB, VOCAB), _seq2seq_inputs,
                            lambda b: [InputSpec([b, 12], "int64"), InputSpec([b], "int64")],
                            "greedy_search"),
    "seq2seq_beam": Entry(lambda: Seq2SeqAttention(VOCAB, VOCAB), _seq2seq_inputs,
                          lambda b: [InputSpec([b, 12], "int64"), InputSpec([b], "int64")],
                          "beam_search"),
    "seq2seq_dynamic_decode": Entry(lambda: Seq2SeqAttention(VOCAB, VOCAB), _seq2seq_inputs,
                                    lambda b: [InputSpec([b, 12], "int64"),
                                               InputSpec([b], "int64")],
                                    "dynamic_beam_search"),
    "transformer_beam": Entry(lambda: TransformerTranslator(VOCAB, VOCAB),
                              lambda rng, b: [_ids(rng, b, 10)],
                              lambda b: [InputSpec([b, 10], "int64")], "beam_search"),
    "vit": Entry(lambda: VisionTransformer(img_size=32, patch_size=8, class_num=10, embed_dim=64,
                                           depth=3, num_heads=4, qkv_bias=True,
                                           drop_path_rate=0.1),
                 lambda rng, b: [rng.randn(b, 3, 32, 32).astype("float32")],
                 lambda b: [InputSpec([b, 3, 32, 32], "float32")]),
    "swin_stage": Entry(SwinStage, lambda rng, b: [rng.randn(b, 64, 32).astype("float32")],
                        lambda b: [InputSpec([b, 64, 32], "float32")]),
    "bert": Entry(lambda: BertModel(VOCAB),
                  lambda rng, b: [_padded(_ids(rng, b, 24), _lengths(rng, b, 24)),
                                  rng.randint(0, 2, size=(b, 24)).astype("int64")],
                  lambda b: [InputSpec([b, 24], "int64"), InputSpec([b, 24], "int64")]),
}


def build(name, seed=0):
    """The model `name` in eval mode, each float parameter drawn from `seed`
    and its name: the same weights on dy2st and on real Paddle (whose RNN
    state dicts list each parameter a second time, under a dotted name: set
    once); integer buffers (Swin's position index) keep what the model made."""
    np.random.seed(seed)
    paddle.seed(seed)
    model = MODELS[name].build()
    values, seen = {}, set()
    for key, tensor in model.state_dict().items():
        if id(tensor) in seen or "int" in str(tensor.dtype):
            continue
        seen.add(id(tensor))
        rng = np.random.RandomState(zlib.crc32(f"{seed}/{key}".encode()))
        values[key] = (rng.randn(*tensor.shape) * 0.1 +
                       (1.0 if "variance" in key else 0.0)).astype("float32")
    model.set_state_dict(values)
    model.eval()
    return model
