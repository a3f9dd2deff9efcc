"""dy2st demo: a function with a data-dependent while loop and if/else on
tensors, run eagerly (numpy) and compiled (MLIR → LLVM), side by side."""
import time

import numpy as np

import dy2st as paddle


def power_iteration(a, v, tol):
    """The dominant eigenvalue and eigenvector of `a`, iterating until the
    estimate moves by less than `tol` (how many steps depends on the data)."""
    lam = paddle.zeros([])
    delta = paddle.ones([])
    steps = 0
    while delta > tol:
        w = paddle.matmul(a, v)
        estimate = paddle.sum(w * v) / paddle.sum(v * v)
        v = w / paddle.sqrt(paddle.sum(w * w))
        delta = paddle.abs(estimate - lam)
        lam = estimate
        steps += 1
    if paddle.sum(v) < 0.0:
        v = -v
    return lam, v, steps


def timed(fn, *args, repeat=1):
    start = time.perf_counter()
    for _ in range(repeat):
        result = fn(*args)
    return result, (time.perf_counter() - start) / repeat


def main():
    rng = np.random.default_rng(7)
    m = rng.standard_normal((64, 64)).astype(np.float32)
    a = paddle.to_tensor(m @ m.T / 64)
    v = paddle.to_tensor(np.ones((64, 1), dtype=np.float32))
    tol = 1e-4

    compiled = paddle.jit.to_static(power_iteration)
    (lam_e, v_e, steps_e), t_eager = timed(power_iteration, a, v, tol, repeat=5)
    (lam_c, v_c, steps_c), t_first = timed(compiled, a, v, tol)
    _, t_steady = timed(compiled, a, v, tol, repeat=20)

    print("power iteration on a 64x64 symmetric matrix, tol=1e-4\n")
    print(f"{'':22}{'eager (numpy)':>22}{'compiled (dy2st)':>24}")
    print(f"{'eigenvalue':22}{float(lam_e):>22.6f}{float(lam_c):>24.6f}")
    print(f"{'steps':22}{steps_e:>22}{steps_c:>24}")
    head = lambda t: " ".join(f"{x:.4f}" for x in t.numpy()[:3, 0])  # noqa: E731
    print(f"{'v[:3]':22}{head(v_e):>22}{head(v_c):>24}")
    print(f"{'time per call':22}{t_eager * 1e3:>19.3f} ms{t_steady * 1e3:>21.3f} ms")
    print(f"{'first call (compiles)':22}{'':>22}{t_first * 1e3:>21.1f} ms")
    same = steps_e == steps_c and np.allclose(v_e.numpy(), v_c.numpy(), rtol=1e-4, atol=1e-5)
    print(f"\nresults agree: {same}")
    print("\nThe program at the 'core' stage (scf.while/scf.if on tensors, linalg ops):\n")
    print(compiled.mlir("core"))


if __name__ == "__main__":
    main()
