"""paddle.linalg: norms, determinants, solvers and products of matrices
(eager/linalg_composites.py), with the operations Paddle also names here.
Decompositions that need iterative eigen- or singular-value solvers (svd, qr,
eig, eigh, lu, pinv, lstsq, matrix_rank, cond, matrix_exp) are absent."""
from .eager.functional import (cholesky, cross, diagonal, matmul, matrix_transpose,  # noqa: F401
                               norm, vecdot)
from .eager.functional import inverse as inv  # noqa: F401
from .eager.linalg_composites import (LINALG_ONLY, cholesky_inverse, cholesky_solve,  # noqa: F401
                                      corrcoef, cov, det, matrix_norm, matrix_power, multi_dot,
                                      slogdet, solve, triangular_solve, vector_norm)

FUNCTIONS = dict(LINALG_ONLY)
"""The functions only paddle.linalg names (the op-table tests cover each)."""
