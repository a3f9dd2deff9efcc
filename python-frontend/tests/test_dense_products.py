"""Dense products (matmul, bmm, linear) of f32/f64 go to OpenBLAS
(dy2st-linalg-to-blas); small static ones, integers and broadcast batches
stay loops. Every case is checked against eager (numpy) and, where it
matters, that the call happened."""
import numpy as np
import pytest

import dy2st as paddle
from conftest import assert_same


def product(x, y):
    return paddle.matmul(x, y)


def product_t(x, y):
    return paddle.matmul(x, y, transpose_x=True, transpose_y=True)


def product_wt(x, w):
    return paddle.matmul(x, w, transpose_y=True)


def linear_relu(x, w, b):
    return paddle.nn.functional.relu(paddle.matmul(x, w) + b)


def in_a_loop(x, w, n):
    i = 0
    while i < n:
        x = paddle.tanh(paddle.matmul(x, w))
        i += 1
    return x


def tensor(rng, shape, dtype="float32"):
    # Small integers: every sum is exact, whatever order BLAS adds in.
    return paddle.to_tensor(rng.integers(-4, 5, shape).astype(dtype))


def calls_blas(fn):
    return any(entry in fn.mlir("llvm") for entry in
               ("dy2st_gemm", "dy2st_batch_gemm", "dy2st_packed_gemm"))


@pytest.mark.parametrize("xs, ys, dtype, blas", [
    ((64, 48), (48, 32), "float32", True),
    ((64, 48), (48, 32), "float64", True),
    ((4, 4), (4, 4), "float32", False),          # static and tiny: loops
    ((64, 48), (48, 32), "int32", False),        # integers: loops
    ((3, 40, 48), (48, 32), "float32", True),    # batch merged into the rows
    ((3, 40, 48), (3, 48, 32), "float32", True),  # batched product
    ((2, 3, 20, 48), (2, 3, 48, 16), "float64", True),
    ((3, 40, 48), (1, 48, 32), "float32", False),  # broadcast batch: loops
    ((300,), (300, 64), "float32", True),        # vector times matrix
    ((64, 300), (300,), "float32", True),
    ((1, 300), (300, 20), "float32", True),      # one row
    ((300, 20), (20, 1), "float32", True),       # one column
    ((40,), (40, 32), "float32", False),         # 40 x 32 multiply-adds: loops
    ((40, 0), (0, 32), "float32", False),        # an empty sum: zeros
])
def test_products_match_eager(xs, ys, dtype, blas):
    rng = np.random.default_rng(1)
    x, y = tensor(rng, xs, dtype), tensor(rng, ys, dtype)
    f = paddle.jit.to_static(product)
    assert_same(product(x, y), f(x, y))
    if xs[-1] != 0:
        assert calls_blas(f) == blas


@pytest.mark.parametrize("xs", [(40, 48), (3, 40, 48), (2, 3, 5, 48)])
def test_a_matrix_used_transposed_is_not_copied(xs):
    # x W^T: the product reads W transposed (BLAS's transB), no transposed copy.
    rng = np.random.default_rng(5)
    x, w = tensor(rng, xs), tensor(rng, (32, 48))
    f = paddle.jit.to_static(product_wt)
    assert_same(product_wt(x, w), f(x, w))
    assert calls_blas(f)
    assert "linalg.transpose" not in f.mlir("core")


def test_an_empty_sum_through_blas_is_zeros():
    # Dynamic sizes always take BLAS: K = 0 must still give zeros.
    f = paddle.jit.to_static(product, input_spec=[
        paddle.static.InputSpec([None, None], "float32"),
        paddle.static.InputSpec([None, None], "float32")])
    x = paddle.to_tensor(np.ones((5, 0), np.float32))
    y = paddle.to_tensor(np.ones((0, 7), np.float32))
    assert_same(product(x, y), f(x, y))
    assert calls_blas(f)


def test_transposed_operands_and_dynamic_shapes():
    rng = np.random.default_rng(2)
    f = paddle.jit.to_static(product_t, input_spec=[
        paddle.static.InputSpec([None, 48, 40], "float32"),
        paddle.static.InputSpec([None, 32, 48], "float32")])
    for batch in (1, 3):
        x, y = tensor(rng, (batch, 48, 40)), tensor(rng, (batch, 32, 48))
        assert_same(product_t(x, y), f(x, y))
    assert calls_blas(f)


def test_linear_layer_and_a_product_in_a_loop():
    rng = np.random.default_rng(3)
    x, w, b = tensor(rng, (2, 10, 64)), tensor(rng, (64, 64)) * 0.125, tensor(rng, (64,))
    f = paddle.jit.to_static(linear_relu)
    assert_same(linear_relu(x, w, b), f(x, w, b))
    assert calls_blas(f)
    g = paddle.jit.to_static(in_a_loop)
    x2 = tensor(rng, (32, 64))
    # After a tanh the sums are no longer exact: BLAS adds in another order.
    np.testing.assert_allclose(g(x2, w, 5).numpy(), in_a_loop(x2, w, 5).numpy(),
                               rtol=1e-4, atol=1e-5)
    assert calls_blas(g)


INTEL = "vendor_id\t: GenuineIntel\nflags\t\t: fpu sse2 avx {}\n"


def test_openblas_kernels_named_from_cpu_features():
    from dy2st.runtime.native import blas_kernels_for
    assert blas_kernels_for(INTEL.format("avx2 fma avx512f avx512vl avx512bw avx512dq")) \
        == "SkylakeX"
    assert blas_kernels_for(INTEL.format("avx2 fma")) == "Haswell"
    assert blas_kernels_for(INTEL.format("")) is None
    assert blas_kernels_for("vendor_id\t: AuthenticAMD\nflags\t\t: avx2 fma\n") is None


def test_a_numpy_loaded_first_is_reported(tmp_path):
    import os
    import subprocess
    import sys
    child = ("import warnings, numpy, dy2st\n"
             "with warnings.catch_warnings(record=True) as w:\n"
             "    warnings.simplefilter('always')\n"
             "    dy2st.runtime.native.module()\n"
             "print(dy2st.runtime.native.module().blas_core(), [str(x.message) for x in w])\n")
    env = dict(os.environ)
    env.pop("OPENBLAS_CORETYPE", None)
    done = subprocess.run([sys.executable, "-c", child], capture_output=True, text=True,
                          env=env, timeout=300)
    assert done.returncode == 0, done.stderr
    running, wanted = done.stdout.split(" ", 1)[0], env.get("OPENBLAS_CORETYPE")
    from dy2st.runtime.native import blas_kernels_for
    with open("/proc/cpuinfo") as f:
        chosen = blas_kernels_for(f.read(1 << 16))
    # Warned exactly where dy2st chose kernels that OpenBLAS does not run.
    assert ("numpy loaded it before dy2st" in done.stdout) == \
        bool(chosen and chosen.lower() != running.lower()), (done.stdout, wanted)


def test_float32_products_where_openblas_runs_generic_kernels():
    """OPENBLAS_CORETYPE=Prescott (what Debian's OpenBLAS runs on CPUs newer
    than it when numpy loads it first): f32 products take the packed kernels
    instead, f64 ones stay OpenBLAS's; this file's products, in a child."""
    import os
    import subprocess
    import sys
    env = dict(os.environ, OPENBLAS_CORETYPE="Prescott")
    run = subprocess.run([sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", "-W",
                          "ignore", __file__, "-k", "match_eager or loop or transposed"],
                         capture_output=True, text=True, env=env, timeout=600)
    assert run.returncode == 0, run.stdout[-3000:] + run.stderr[-3000:]
    core = subprocess.run([sys.executable, "-c", "import dy2st; "
                           "print(dy2st.runtime.native.module().blas_core())"],
                          capture_output=True, text=True, env=env, timeout=300)
    assert core.stdout.strip() == "Prescott", core.stderr


def test_threads_can_be_set():
    before = paddle.get_num_threads()
    try:
        paddle.set_num_threads(1)
        assert paddle.get_num_threads() == 1
        rng = np.random.default_rng(4)
        x, y = tensor(rng, (128, 128)), tensor(rng, (128, 128))
        assert_same(product(x, y), paddle.jit.to_static(product)(x, y))
    finally:
        paddle.set_num_threads(before)
    with pytest.raises(ValueError, match="at least one thread"):
        paddle.set_num_threads(0)


def products_in_a_loop(x, w, b, n):
    out = paddle.matmul(x, w) * 0
    i = 0
    while i < n:
        out = out * 0.5 + paddle.matmul(x + i, w) + b
        i += 1
    return out


def transposed_products_in_a_loop(xt, wt, n):
    out = paddle.matmul(xt, wt, transpose_x=True, transpose_y=True)
    for i in range(n):
        out = out + paddle.matmul(xt - i, wt, transpose_x=True, transpose_y=True)
    return out


def weights_changed_in_the_loop(x, w, n):
    out = paddle.matmul(x, w)
    i = 0
    while i < n:
        w[0] = w[0] + 1.0
        out = out + paddle.matmul(x, w)
        i += 1
    return out


DYNAMIC = paddle.static.InputSpec([None, None], "float32")


@pytest.mark.parametrize("m, k, n", [(1, 1, 16), (5, 3, 15), (6, 64, 16), (7, 64, 17),
                                     (13, 8, 40), (100, 33, 32), (200, 16, 3)])
def test_a_loop_reads_its_weights_packed_once(m, k, n):
    """A product in a loop that does not change its B packs B once before
    the loop (dy2st_pack_f32) and runs the packed kernels at every step:
    every tail of the 6 x 16 kernel, transposed operands, accumulation."""
    rng = np.random.default_rng(m * 1000 + k * 10 + n)
    f = paddle.jit.to_static(products_in_a_loop, input_spec=[DYNAMIC, DYNAMIC, None, None])
    x, w, b = tensor(rng, (m, k)), tensor(rng, (k, n)), tensor(rng, (n,))
    assert_same(products_in_a_loop(x, w, b, 3), f(x, w, b, 3))
    assert "dy2st_packed_gemm_f32" in f.mlir("llvm") and "dy2st_pack_f32" in f.mlir("llvm")
    g = paddle.jit.to_static(transposed_products_in_a_loop, input_spec=[DYNAMIC, DYNAMIC, None])
    xt, wt = tensor(rng, (k, m)), tensor(rng, (n, k))
    assert_same(transposed_products_in_a_loop(xt, wt, 3), g(xt, wt, 3))
    assert "dy2st_packed_gemm_f32" in g.mlir("llvm")


def test_weights_changed_in_the_loop_are_read_as_they_are():
    rng = np.random.default_rng(6)
    f = paddle.jit.to_static(weights_changed_in_the_loop, input_spec=[DYNAMIC, DYNAMIC, None])
    x, w = tensor(rng, (20, 30)), tensor(rng, (30, 40))
    assert_same(weights_changed_in_the_loop(x, paddle.to_tensor(w.numpy()), 4),
                f(x, paddle.to_tensor(w.numpy()), 4))
    assert "dy2st_gemm_f32" in f.mlir("llvm") and "dy2st_pack_f32" not in f.mlir("llvm")


def test_packed_products_on_two_threads_and_from_several_callers():
    """With two threads the packed kernels share a product's panels with a
    parked worker; callers on other Python threads at the same time run
    theirs alone. Every result is eager's."""
    import threading
    rng = np.random.default_rng(7)
    f = paddle.jit.to_static(products_in_a_loop, input_spec=[DYNAMIC, DYNAMIC, None, None])
    cases = [(tensor(rng, (64, 256)), tensor(rng, (256, 520)), tensor(rng, (520,)))
             for _ in range(4)]
    expected = [products_in_a_loop(x, w, b, 3).numpy() for x, w, b in cases]
    before = paddle.get_num_threads()
    try:
        paddle.set_num_threads(2)
        results = [None] * len(cases)

        def call(i):
            for _ in range(5):
                results[i] = f(*cases[i], 3).numpy()

        threads = [threading.Thread(target=call, args=(i,)) for i in range(len(cases))]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
        call(0)
    finally:
        paddle.set_num_threads(before)
    for got, want in zip(results, expected):
        np.testing.assert_array_equal(got, want)
    assert "dy2st_packed_gemm_f32" in f.mlir("llvm")


def bias_product(x, w, b):
    return paddle.matmul(x, w) + b


@pytest.mark.parametrize("m, k, n, dtype", [
    (300, 200, 100, "float32"),   # more rows: blocks of rows
    (40, 150, 700, "float32"),    # more columns: blocks of columns
    (130, 129, 131, "float64"),   # 16-row strips that do not divide the rows
    (17, 64, 23, "float32"),      # too little work: one block
])
def test_blas_products_split_among_two_threads(m, k, n, dtype):
    """With two threads an OpenBLAS product runs as blocks of C on the
    runtime's workers, OpenBLAS held at one thread meanwhile; callers on other
    Python threads at the same time share that hold. Every result is eager's,
    transposed operands too, and OpenBLAS has the configured count again
    afterwards (eager numpy's)."""
    import threading
    rng = np.random.default_rng(m + k + n)
    plain = paddle.jit.to_static(bias_product)
    transposed = paddle.jit.to_static(product_t)
    cases = [(tensor(rng, (m, k), dtype), tensor(rng, (k, n), dtype), tensor(rng, (n,), dtype))
             for _ in range(3)]
    module = paddle.runtime.native.module()
    before = paddle.get_num_threads()
    errors = []
    try:
        paddle.set_num_threads(2)
        results = [None] * len(cases)

        def call(i):
            x, w, b = cases[i]
            xt, wt = paddle.to_tensor(x.numpy().T.copy()), paddle.to_tensor(w.numpy().T.copy())
            try:
                for _ in range(4):
                    results[i] = (plain(x, w, b), transposed(xt, wt))
            except Exception as error:
                errors.append(error)

        threads = [threading.Thread(target=call, args=(i,)) for i in range(len(cases))]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
        assert module.blas_own_threads() == 2
    finally:
        paddle.set_num_threads(before)
    assert not errors, errors
    for (x, w, b), (got_plain, got_transposed) in zip(cases, results):
        assert_same(bias_product(x, w, b), got_plain)
        assert_same(product(x, w), got_transposed)
    assert calls_blas(plain) and calls_blas(transposed)


def test_packed_products_in_a_forked_child():
    """A child forked after the workers started has none of them: its
    products run on its own thread (no wait for a worker that is gone)."""
    import os
    import signal
    rng = np.random.default_rng(8)
    f = paddle.jit.to_static(products_in_a_loop, input_spec=[DYNAMIC, DYNAMIC, None, None])
    x, w, b = tensor(rng, (64, 256)), tensor(rng, (256, 520)), tensor(rng, (520,))
    want = products_in_a_loop(x, w, b, 2).numpy()
    before = paddle.get_num_threads()
    try:
        paddle.set_num_threads(2)
        np.testing.assert_array_equal(f(x, w, b, 2).numpy(), want)
        pid = os.fork()
        if pid == 0:
            signal.alarm(120)
            ok = np.array_equal(f(x, w, b, 2).numpy(), want)
            os._exit(0 if ok else 1)
        _, status = os.waitpid(pid, 0)
    finally:
        paddle.set_num_threads(before)
    assert os.WIFEXITED(status) and os.WEXITSTATUS(status) == 0, status
