"""Complex tensors: made from Python's complex numbers and promoted as real
Paddle does (complex_cases), and the clear errors of what compiled code does
not do with them. The operations themselves are op-table cases
(test_op_table.py: numpy, compiled, the GPU pipeline and real Paddle)."""
import numpy as np
import pytest

import dy2st as paddle
import complex_cases
from test_paddle_oracle import paddle_json, require_paddle


def test_complex_numbers_agree_with_real_paddle(tmp_path):
    """Same dtypes, shapes and exceptions; values within float32 rounding
    (Paddle's z ** 2 goes through exp and log: -3.0000005+3.9999998j for
    (1+2j) ** 2, numpy's and dy2st's is exact)."""
    require_paddle()
    ours, theirs = complex_cases.run(paddle), paddle_json("complex_cases", tmp_path)
    assert ours["rejected"] == theirs["rejected"]
    for section in ("made", "promoted"):
        assert ours[section].keys() == theirs[section].keys()
        for key, (dtype, shape, values) in ours[section].items():
            assert [dtype, shape] == theirs[section][key][:2], key
            np.testing.assert_allclose(values, theirs[section][key][2], rtol=1e-6, atol=1e-6,
                                       err_msg=key)


def test_complex_dtype_promotion_matches_numpy_values():
    """The values of mixed arithmetic are numpy's (the dtypes Paddle's)."""
    got = complex_cases.promoted(paddle)
    z = np.array([1 + 2j, 3 - 1j], np.complex64)
    for key, want in [("complex64+float32", z + np.float32([1, 2])),
                      ("float32*1j", np.float32([1, 2]) * 1j), ("complex64**2", z * z)]:
        values = np.array([complex(*pair) for pair in got[key][2]])
        np.testing.assert_allclose(values, want, rtol=1e-6)


def parts_printed(z):
    print(z.real(), z.imag())
    return z


@pytest.mark.parametrize("source,message", [
    (lambda z: z * 1j, "the constant 1j is not supported"),
    (lambda z: print(z), "printing a complex tensor in compiled code is not supported"),
    (lambda z: float(z[0]), "can't convert complex to float"),
    (lambda z: paddle.floor(z), r"floor\(\): does not take complex tensors"),
    (lambda z: z < z, "complex numbers are not ordered"),
], ids=["literal", "print", "float", "floor", "ordered"])
def test_what_compiled_code_rejects_names_the_line(source, message):
    z = paddle.to_tensor(np.array([1 + 2j, 3 - 1j], np.complex64))
    with pytest.raises(paddle.Dy2StError, match=message) as caught:
        paddle.jit.to_static(source)(z)
    assert "test_complex.py" in str(caught.value)


def test_parts_of_a_complex_tensor_print_in_compiled_code(capsys):
    z = paddle.to_tensor(np.array([1 + 2j, 3 - 1j], np.complex64))
    parts_printed(z)
    eager = capsys.readouterr().out
    paddle.jit.to_static(parts_printed)(z)
    assert capsys.readouterr().out == eager


def test_complex_arguments_and_results_round_trip():
    """Complex arrays cross the compiled function's boundary as numpy's
    complex64/complex128 (the same bytes as MLIR's complex<f32>/<f64>)."""
    for dtype in (np.complex64, np.complex128):
        z = paddle.to_tensor((np.arange(6).reshape(2, 3) + 1j * np.arange(6)[::-1].reshape(2, 3))
                             .astype(dtype))
        out = paddle.jit.to_static(lambda z: (z * z, paddle.conj(z).real()))(z)
        assert out[0].dtype == str(np.dtype(dtype)) and out[1].dtype == \
            ("float32" if dtype == np.complex64 else "float64")
        np.testing.assert_array_equal(out[0].numpy(), z.numpy() * z.numpy())
        np.testing.assert_array_equal(out[1].numpy(), z.numpy().real)


def transforms_of_a_length_known_at_run_time(x):
    length = x.shape[-1]
    spectrum = paddle.fft.rfft(x)
    return (spectrum, paddle.fft.irfft(spectrum, n=length), paddle.fft.rfft(x, n=length + 1),
            paddle.fft.irfft(spectrum, n=length + 1))


@pytest.mark.parametrize("length", [1, 2, 7, 8])
def test_transforms_of_lengths_known_only_at_run_time(length):
    """One program for every length: even lengths take the half-length
    transforms, odd ones the complex ones, chosen where it runs."""
    compiled = paddle.jit.to_static(transforms_of_a_length_known_at_run_time,
                                    input_spec=[paddle.static.InputSpec([None, None], "float32")])
    x = np.random.RandomState(length).randn(3, length).astype(np.float32)
    got = [t.numpy() for t in compiled(paddle.to_tensor(x))]
    spectrum = np.fft.rfft(x)
    want = [spectrum, np.fft.irfft(spectrum, n=length), np.fft.rfft(x, n=length + 1),
            np.fft.irfft(spectrum, n=length + 1)]
    for g, w in zip(got, want):
        assert g.shape == w.shape
        np.testing.assert_allclose(g, w, rtol=1e-5, atol=1e-5)
