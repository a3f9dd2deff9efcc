"""paddle.io against real Paddle: the same datasets and loaders give the same
batches (structure, dtypes, values) and lengths; shuffled loaders and
random_split give permutations of the same samples."""
import json

import numpy as np
import pytest

import dy2st as paddle
import io_cases
from test_paddle_oracle import paddle_json, require_paddle


@pytest.fixture(scope="module")
def paddle_side(tmp_path_factory):
    require_paddle()
    return paddle_json("io_cases", tmp_path_factory.mktemp("io_cases"))


def test_loaders_batch_as_paddles(paddle_side):
    ours = json.loads(json.dumps(io_cases.run(paddle)))
    assert sorted(ours) == sorted(paddle_side)
    for key, want in paddle_side.items():
        assert ours[key] == want, key


def test_loader_arguments_are_checked_as_paddles():
    dataset = paddle.io.TensorDataset([paddle.ones([4, 2])])
    with pytest.raises(ValueError, match="batch_size should be None or a positive value"):
        paddle.io.DataLoader(dataset, batch_size=0)
    with pytest.raises(ValueError, match="shuffle should be False when sampler is set"):
        paddle.io.BatchSampler(sampler=paddle.io.SequenceSampler(dataset), shuffle=True)
    with pytest.raises(ValueError, match="tensors not have same shape"):
        paddle.io.TensorDataset([paddle.ones([4]), paddle.ones([3])])
    with pytest.raises(ValueError, match="Sum of input lengths"):
        paddle.io.random_split(dataset, [3, 2])


class Scaled(paddle.nn.Layer):
    def forward(self, x):
        if x.sum() > 10:
            return x * 0.5
        return x


def test_a_compiled_model_reads_a_loaders_batches():
    data = np.arange(24, dtype="float32").reshape(6, 4)
    loader = paddle.io.DataLoader(paddle.io.TensorDataset([paddle.to_tensor(data)]),
                                  batch_size=4)
    model = Scaled()
    compiled = paddle.jit.to_static(model)
    for (batch,) in loader:
        np.testing.assert_allclose(compiled(batch).numpy(), model(batch).numpy())
