#!/usr/bin/env python3
"""Prints the README's list of supported operations from the op table
(include/Dy2St/Dialect/Pydy/LibraryOps.def) and the composites."""
import pathlib
import sys

sys.path.insert(0, str(pathlib.Path(__file__).resolve().parents[1] / "python-frontend"))

from dy2st import optable  # noqa: E402
from dy2st.composites import COMPOSITES  # noqa: E402
from dy2st.nn.functional import ACTIVATIONS  # noqa: E402

families = {}
for p in optable.PRIMITIVES.values():
    families.setdefault(p.lowering, []).append(p.name)
print("Primitives (`include/Dy2St/Dialect/Pydy/LibraryOps.def`, by lowering family):")
print()
for family, names in families.items():
    print(f"- {family}: {', '.join(f'`{n}`' for n in names)}")
print()
print("Composites (`python-frontend/dy2st/composites.py`): " +
      ", ".join(f"`{n}`" for n in sorted(COMPOSITES)) + ".")
print()
print("`nn.functional` composites (`python-frontend/dy2st/nn/functional.py`): " +
      ", ".join(f"`{n}`" for n in sorted(ACTIVATIONS)) + ", and the primitives and composites "
      "`softmax`, `log_softmax`, `one_hot`, `relu`, `sigmoid`.")
