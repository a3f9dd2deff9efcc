"""paddle.audio and paddle.signal.frame: against real Paddle (every window,
the mel scales, filter banks, DCT, decibels and the feature layers), against
NumPy's own windows and FFT, and compiled against eager."""
import numpy as np
import pytest

import dy2st as paddle
import audio_cases
from conftest import assert_same
from dy2st.static import InputSpec
from test_paddle_oracle import paddle_json, require_paddle


@pytest.fixture(scope="module")
def paddle_side(tmp_path_factory):
    require_paddle()
    return paddle_json("audio_cases", tmp_path_factory.mktemp("audio_cases"))


@pytest.fixture(scope="module")
def ours():
    return audio_cases.run(paddle)


def _keys():
    keys = []
    for window in audio_cases.WINDOWS:
        for fftbins in (True, False):
            for length in (1, 16, 17):
                keys.append(f"window {window} {length} fftbins={fftbins}")
    return keys


def _close(key, got, want):
    if isinstance(want, list) and want and isinstance(want[0], str):
        assert got == want, key
        return
    got, want = np.asarray(got, np.float64), np.asarray(want, np.float64)
    assert got.shape == want.shape, f"{key}: shape {got.shape}, Paddle {want.shape}"
    # Spectra: the DFT as a product against Paddle's FFT, float32 rounding
    # relative to the largest value.
    scale = max(np.abs(want).max(), 1e-30)
    np.testing.assert_allclose(got, want, rtol=1e-5, atol=2e-6 * scale, err_msg=key)


def test_every_case_matches_paddle(paddle_side, ours):
    assert sorted(ours) == sorted(paddle_side)
    for key in paddle_side:
        _close(key, ours[key], paddle_side[key])


@pytest.mark.parametrize("name, reference", [("hann", np.hanning), ("hamming", np.hamming),
                                             ("blackman", np.blackman),
                                             ("bartlett", np.bartlett)])
def test_symmetric_windows_are_numpys(name, reference):
    for length in (2, 9, 64):
        w = paddle.audio.functional.get_window(name, length, fftbins=False)
        assert w.dtype == paddle.float64
        np.testing.assert_allclose(w.numpy(), reference(length), atol=1e-14)
        # Periodic: the symmetric window one longer, its last point dropped.
        periodic = paddle.audio.functional.get_window(name, length).numpy()
        np.testing.assert_allclose(periodic, reference(length + 1)[:-1], atol=1e-14)


def test_kaiser_and_the_bessel_functions_are_numpys():
    w = paddle.audio.functional.get_window(("kaiser", 8.6), 33, fftbins=False)
    np.testing.assert_allclose(w.numpy(), np.kaiser(33, 8.6), rtol=1e-12)
    x = np.array([-30.0, -8.5, -8.0, -1.0, 0.0, 0.3, 7.9, 8.0, 12.0, 50.0])
    np.testing.assert_allclose(paddle.i0(paddle.to_tensor(x)).numpy(), np.i0(x), rtol=1e-14)
    np.testing.assert_allclose(paddle.i0e(paddle.to_tensor(x)).numpy(),
                               np.exp(-np.abs(x)) * np.i0(x), rtol=1e-14)
    # I1 by its power series, sum over k of (x/2)^(2k+1) / (k! (k+1)!).
    from math import factorial
    series = np.array([sum((v / 2) ** (2 * k + 1) / (factorial(k) * factorial(k + 1))
                           for k in range(80)) for v in x])
    np.testing.assert_allclose(paddle.i1(paddle.to_tensor(x)).numpy(), series, rtol=1e-13)
    np.testing.assert_allclose(paddle.i1e(paddle.to_tensor(x)).numpy(),
                               np.exp(-np.abs(x)) * series, rtol=1e-13)
    assert paddle.i0(paddle.to_tensor([1.0])).dtype == paddle.float32


def test_spectrogram_is_numpys_fft():
    x = audio_cases.signal(2, 1000)
    layer = paddle.audio.features.Spectrogram(n_fft=128, hop_length=40, power=2.0)
    got = layer(paddle.to_tensor(x)).numpy()
    padded = np.pad(x, [(0, 0), (64, 64)], mode="reflect")
    frames = np.stack([padded[:, s:s + 128] for s in range(0, padded.shape[1] - 127, 40)], 1)
    window = 0.5 - 0.5 * np.cos(2 * np.pi * np.arange(128) / 128)
    want = (np.abs(np.fft.rfft(frames * window, axis=-1)) ** 2).transpose(0, 2, 1)
    assert got.shape == want.shape
    np.testing.assert_allclose(got, want, rtol=1e-4, atol=1e-5 * want.max())


@pytest.mark.parametrize("name", sorted(audio_cases.layers(paddle)))
def test_feature_layers_compile(name):
    layer = audio_cases.layers(paddle)[name]
    x = paddle.to_tensor(audio_cases.signal(2, 1500))
    static = paddle.jit.to_static(layer, input_spec=[InputSpec([None, None], "float32")])
    got, want = static(x), layer(x)
    np.testing.assert_allclose(got.numpy(), want.numpy(), rtol=1e-5,
                               atol=1e-6 * np.abs(want.numpy()).max())
    # Another batch and length, the same program.
    y = paddle.to_tensor(audio_cases.signal(3, 1111, seed=1))
    np.testing.assert_allclose(static(y).numpy(), layer(y).numpy(), rtol=1e-5,
                               atol=1e-6 * np.abs(layer(y).numpy()).max())


def frames_along_first(x):
    return paddle.signal.frame(x, 4, 2, axis=0)


def frames_along_last(x):
    return paddle.signal.frame(x, 5, 3)


def test_frame_compiles_for_lengths_known_at_run_time():
    first = paddle.jit.to_static(frames_along_first, input_spec=[InputSpec([None, 2])])
    last = paddle.jit.to_static(frames_along_last, input_spec=[InputSpec([2, None])])
    for n in (5, 9, 12):
        x = np.arange(2 * n, dtype=np.float32).reshape(n, 2)
        got = first(paddle.to_tensor(x))
        assert_same(frames_along_first(paddle.to_tensor(x)), got)
        np.testing.assert_array_equal(
            got.numpy(), np.stack([x[s:s + 4] for s in range(0, n - 3, 2)]))
        t = np.ascontiguousarray(x.T)
        got = last(paddle.to_tensor(t))
        assert_same(frames_along_last(paddle.to_tensor(t)), got)
        np.testing.assert_array_equal(
            got.numpy(), np.stack([t[:, s:s + 5] for s in range(0, n - 4, 3)], -1))
    with pytest.raises(ValueError, match="frame_length should be less equal"):
        last(paddle.zeros([2, 4]))


def windowed(x, window, fftbins=True):
    return x * paddle.audio.functional.get_window(window, x.shape[-1], fftbins, "float32")


@pytest.mark.parametrize("window", ["hann", "blackman", ("kaiser", 4.0), ("gaussian", 2.0),
                                    ("tukey", 0.3)], ids=str)
def test_get_window_compiles(window):
    """A window chosen by name inside compiled code (its name a string
    argument: the window's function is chosen when compiling)."""
    x = paddle.to_tensor(audio_cases.signal(2, 12, seed=3))
    static = paddle.jit.to_static(windowed)
    for fftbins in (True, False):
        assert_same(windowed(x, window, fftbins), static(x, window, fftbins))
    with pytest.raises(ValueError, match="Unknown window type"):
        static(x, "triangle-ish")


def test_bad_arguments_are_paddles_errors():
    with pytest.raises(ValueError, match="needs one or more parameters"):
        paddle.audio.functional.get_window("kaiser", 8)
    with pytest.raises(ValueError, match="Unknown window type"):
        paddle.audio.functional.get_window("nonesuch", 8)
    with pytest.raises(ValueError, match="frame_length should be less equal"):
        paddle.signal.frame(paddle.zeros([4]), 5, 1)
    with pytest.raises(ValueError, match="n_mfcc cannot be larger"):
        paddle.audio.features.MFCC(n_mfcc=70, n_mels=64)
