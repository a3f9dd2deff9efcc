#!/usr/bin/env python3
"""Prints the README's list of supported operations from the op table
(include/Dy2St/Dialect/Pydy/LibraryOps.def) and the composites; with
--readme, writes it into README.md between its op-table markers."""
import contextlib
import io
import pathlib
import sys

sys.path.insert(0, str(pathlib.Path(__file__).resolve().parents[1] / "python-frontend"))

from dy2st.eager import optable  # noqa: E402
from dy2st.eager.composites import COMPOSITES  # noqa: E402
from dy2st.eager.functional import ALIASES  # noqa: E402
from dy2st.nn.functional import FUNCTIONS  # noqa: E402
from dy2st.linalg import FUNCTIONS as LINALG_FUNCTIONS  # noqa: E402
from dy2st import fft as paddle_fft  # noqa: E402


def main():
    families = {}
    for p in optable.PRIMITIVES.values():
        families.setdefault(p.lowering, []).append(p.name)
    print("Primitives (`include/Dy2St/Dialect/Pydy/LibraryOps.def`, by lowering family):")
    print()
    for family, names in families.items():
        print(f"- {family}: {', '.join(f'`{n}`' for n in names)}")
    print()
    print("Composites (`python-frontend/dy2st/eager/basic_composites.py`, `math_composites.py`, "
          "`layout_composites.py`, `linalg_composites.py`, `counting_composites.py`, "
          "`special_composites.py`, `numeric_composites.py`, `scatter_composites.py`, "
          "`complex_composites.py`): " + ", ".join(f"`{n}`" for n in sorted(COMPOSITES)) + ".")
    print()
    print("Primitives that take complex tensors (complex64, complex128; the table's "
          "`DY2ST_COMPLEX_OPERANDS`): " +
          ", ".join(f"`{n}`" for n in sorted(optable.complex_operands())) + ".")
    print()
    print("Other names Paddle gives them (`python-frontend/dy2st/eager/functional.py`): " +
          ", ".join(f"`{n}` ({_name_of(fn)})" for n, fn in sorted(ALIASES.items())) + ".")
    print()
    print("`nn.functional` composites (`python-frontend/dy2st/nn/functional.py`): " +
          ", ".join(f"`{n}`" for n in sorted(FUNCTIONS)) + ", and the primitives and composites "
          "`softmax`, `log_softmax`, `one_hot`, `relu`, `sigmoid`.")
    print()
    print("`paddle.linalg` composites (`python-frontend/dy2st/linalg.py`): " +
          ", ".join(f"`{n}`" for n in sorted(LINALG_FUNCTIONS)) + ", and `inv` (inverse), "
          "`cholesky`, `cross`, `diagonal`, `matmul`, `matrix_transpose`, `norm`, `vecdot`.")
    print()
    print("`paddle.fft` composites (`python-frontend/dy2st/fft.py`): " +
          ", ".join(f"`{n}`" for n in paddle_fft.__all__) + ".")


def _name_of(fn):
    return getattr(fn, "__name__", "?")


def update_readme():
    readme = pathlib.Path(__file__).resolve().parents[1] / "README.md"
    text = readme.read_text()
    start = text.index("\n", text.index("<!-- op-table")) + 1
    end = text.index("<!-- /op-table -->")
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        main()
    readme.write_text(text[:start] + out.getvalue() + text[end:])


if __name__ == "__main__":
    update_readme() if "--readme" in sys.argv[1:] else main()
