"""paddle.audio's functions and feature layers, written once against Paddle's
API: run by real Paddle (paddle_json_child.py) and by dy2st (test_audio.py);
each result as nested lists of floats."""
import numpy as np

WINDOWS = ["hann", "hamming", "blackman", "bartlett", "triang", "bohman", "cosine", "nuttall",
           ("tukey", 0.3), ("tukey", 1.0), ("gaussian", 2.5), ("general_gaussian", 1.5, 3.0),
           ("exponential", None, 2.0), ("kaiser", 6.0), ("taylor", 4, 30), ("general_hamming", 0.6)]


def signal(batch=2, length=1500, seed=0):
    """A chirp with noise: energy in every FFT bin."""
    rng = np.random.RandomState(seed)
    t = np.arange(length) / 8000.0
    chirp = np.sin(2 * np.pi * (200 + 1500 * t) * t)
    return (chirp[None] * (1 + np.arange(batch)[:, None]) + 0.3 * rng.randn(batch, length)) \
        .astype("float32")


def layers(paddle):
    """The feature layers checked, by name."""
    features = paddle.audio.features
    return {
        "spectrogram": features.Spectrogram(n_fft=256, hop_length=64),
        "spectrogram_power2_hamming_short_window": features.Spectrogram(
            n_fft=256, hop_length=100, win_length=200, window="hamming", power=2.0),
        "spectrogram_uncentered": features.Spectrogram(n_fft=128, hop_length=32, center=False),
        "melspectrogram": features.MelSpectrogram(sr=8000, n_fft=256, hop_length=80, n_mels=32),
        "melspectrogram_htk_l2": features.MelSpectrogram(sr=16000, n_fft=400, hop_length=160,
                                                         n_mels=40, htk=True, norm=2.0,
                                                         f_min=20.0, f_max=7000.0),
        "logmel": features.LogMelSpectrogram(sr=8000, n_fft=256, n_mels=32, top_db=60.0),
        "mfcc": features.MFCC(sr=8000, n_mfcc=13, n_fft=256, n_mels=32),
    }


def run(paddle):
    functional = paddle.audio.functional
    out = {}
    for window in WINDOWS:
        for fftbins in (True, False):
            for length in (1, 16, 17):
                w = functional.get_window(window, length, fftbins=fftbins)
                out[f"window {window} {length} fftbins={fftbins}"] = w.numpy().tolist()
    out["window float32"] = functional.get_window("hann", 20, dtype="float32").numpy().tolist()
    for htk in (False, True):
        out[f"mel_frequencies htk={htk}"] = functional.mel_frequencies(
            20, 30.0, 7000.0, htk=htk, dtype="float64").numpy().tolist()
        out[f"hz_to_mel htk={htk}"] = [functional.hz_to_mel(f, htk=htk) for f in (60.0, 2500.0)]
        out[f"mel_to_hz htk={htk}"] = [functional.mel_to_hz(m, htk=htk) for m in (5.0, 30.0)]
    out["fft_frequencies"] = functional.fft_frequencies(16000, 64).numpy().tolist()
    for norm in ("slaney", 1.0, 2.0):
        out[f"fbank {norm}"] = functional.compute_fbank_matrix(
            16000, 256, n_mels=24, f_min=50.0, norm=norm).numpy().tolist()
    for norm in ("ortho", None):
        out[f"dct {norm}"] = functional.create_dct(8, 20, norm=norm).numpy().tolist()
    spect = paddle.to_tensor(np.abs(signal(2, 60)).reshape(2, 6, 10) ** 3)
    for top_db in (None, 20.0):
        out[f"power_to_db {top_db}"] = functional.power_to_db(
            spect, ref_value=0.5, amin=1e-4, top_db=top_db).numpy().tolist()
    x = paddle.to_tensor(signal())
    for name, layer in layers(paddle).items():
        out[name] = layer(x).numpy().tolist()
        out[name + " buffers"] = sorted(layer.state_dict())
    out["spectrogram of one signal"] = paddle.audio.features.Spectrogram(n_fft=64)(x[0]) \
        .numpy().tolist()
    framed = paddle.signal.frame(paddle.to_tensor(np.arange(20, dtype="float32")), 6, 4)
    out["frame"] = framed.numpy().tolist()
    out["frame axis 0"] = paddle.signal.frame(
        paddle.to_tensor(np.arange(30, dtype="float32").reshape(10, 3)), 4, 3, axis=0) \
        .numpy().tolist()
    return out
