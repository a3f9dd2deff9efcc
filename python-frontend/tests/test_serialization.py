"""paddle.save / paddle.load in Paddle's .pdparams format, both ways with
real Paddle, and untrusted files: a pickle that would run code, or a broken
one, is a ValueError and runs nothing."""
import os
import pickle

import numpy as np
import pytest

import dy2st as paddle
from test_paddle_oracle import require_paddle, run_paddle_child


def test_round_trip(tmp_path):
    layer = paddle.nn.Linear(3, 2)
    paddle.save(layer.state_dict(), tmp_path / "sub" / "m.pdparams")
    state = paddle.load(tmp_path / "sub" / "m.pdparams")
    assert sorted(state) == ["bias", "weight"]
    np.testing.assert_array_equal(state["weight"].numpy(), layer.weight.numpy())
    paddle.save({"epoch": 3, "t": paddle.to_tensor([1.0]), "l": [paddle.ones([2]), "x"]},
                tmp_path / "misc")
    misc = paddle.load(tmp_path / "misc")
    assert misc["epoch"] == 3 and misc["l"][1] == "x" and isinstance(misc["t"], paddle.Tensor)
    assert isinstance(paddle.load(tmp_path / "misc", return_numpy=True)["t"], np.ndarray)


def test_files_of_real_paddle_both_ways(tmp_path):
    require_paddle()
    run_paddle_child("paddle_save_child.py", "write", tmp_path)
    layer = paddle.nn.Linear(3, 2)
    layer.set_state_dict(paddle.load(tmp_path / "paddle.pdparams"))
    np.testing.assert_array_equal(layer.weight.numpy(), np.arange(6).reshape(3, 2))
    np.testing.assert_array_equal(layer.bias.numpy(), [0.5, -0.5])
    misc = paddle.load(tmp_path / "paddle.misc")
    assert misc["epoch"] == 3 and misc["l"][1] == "x"
    np.testing.assert_array_equal(misc["t"].numpy(), [1.0, 2.0])
    assert misc["l"][0].dtype == paddle.int64

    # Paddle's state dict of an LSTM inside another layer holds each
    # parameter twice (`0.weight_ih_l0`, `0.0.cell_fw.weight_ih`): loaded,
    # the second names are unexpected keys, as the state dict dy2st keeps
    # names each parameter once.
    tagger = paddle.nn.Sequential(paddle.nn.LSTM(4, 3, direction="bidirect"))
    missing, unexpected = tagger.set_state_dict(paddle.load(tmp_path / "tagger.pdparams"))
    assert missing == [] and len(unexpected) == 8 and all(".cell_" in k for k in unexpected)
    x = paddle.to_tensor(np.random.RandomState(0).rand(2, 5, 4).astype(np.float32))
    expected = np.load(tmp_path / "tagger_out.npy")
    np.testing.assert_allclose(tagger(x)[0].numpy(), expected, rtol=1e-5, atol=1e-6)
    np.testing.assert_allclose(paddle.jit.to_static(tagger)(x)[0].numpy(), expected,
                               rtol=1e-5, atol=1e-6)

    paddle.save(layer.state_dict(), tmp_path / "dy2st.pdparams")
    paddle.save({"epoch": 4, "t": paddle.to_tensor([3.0]), "l": [paddle.zeros([1]), "y"]},
                tmp_path / "dy2st.misc")
    run_paddle_child("paddle_save_child.py", "read", tmp_path)
    read = dict(np.load(tmp_path / "read.npz"))
    assert list(read["keys"]) == ["bias", "weight"] and int(read["epoch"]) == 4
    np.testing.assert_array_equal(read["weight"], layer.weight.numpy())
    assert str(read["l1"]) == "y" and read["t"].tolist() == [3.0]


def test_set_state_dict_skips_what_it_cannot_load_as_paddle():
    layer = paddle.nn.Linear(3, 2)
    before = layer.weight.numpy().copy()
    with pytest.warns(UserWarning) as caught:
        missing, unexpected = layer.set_state_dict({"weight": np.zeros((2, 2), np.float32),
                                                    "extra": np.ones(1, np.float32)})
    assert missing == ["weight", "bias"] and unexpected == ["weight", "extra"]
    assert [str(w.message) for w in caught] == [
        "Skip loading for weight. weight receives a shape [2, 2], but the expected shape is "
        "[3, 2].", "Skip loading for bias. bias is not found in the provided dict."]
    np.testing.assert_array_equal(layer.weight.numpy(), before)


class _RunsCode:
    def __reduce__(self):
        return (os.system, ("touch should-not-exist",))


def test_a_file_numpy_2_pickled_loads(tmp_path):
    """numpy 2 names its array module numpy._core (real Paddle's files, as
    users install it, hold that name); numpy 1 has it as numpy.core."""
    data = pickle.dumps({"w": np.arange(3.0, dtype=np.float32)}, protocol=3)
    data = data.replace(b"cnumpy.core.multiarray\n", b"cnumpy._core.multiarray\n")
    assert b"numpy._core.multiarray" in data
    path = tmp_path / "numpy2.pdparams"
    path.write_bytes(data)
    np.testing.assert_array_equal(paddle.load(str(path))["w"].numpy(), np.arange(3.0))


def test_untrusted_files_run_nothing(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    with open(tmp_path / "evil.pdparams", "wb") as f:
        pickle.dump({"weight": _RunsCode()}, f)
    with pytest.raises(ValueError, match="os.system|posix.system|never holds"):
        paddle.load(tmp_path / "evil.pdparams")
    assert not (tmp_path / "should-not-exist").exists()
    (tmp_path / "broken.pdparams").write_bytes(b"\x80\x04garbage")
    with pytest.raises(ValueError, match="not a file paddle.save wrote"):
        paddle.load(tmp_path / "broken.pdparams")
    with pytest.raises(TypeError, match="unexpected keyword"):
        paddle.load(tmp_path / "broken.pdparams", mmap=True)
