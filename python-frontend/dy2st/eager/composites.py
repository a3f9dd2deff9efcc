"""Composites: Paddle operations written once, in Python, over the primitives.

Eagerly they run as plain Python; under `to_static` the importer converts them
like any user function (they are inlined into the caller's program), so eager
and compiled results agree by construction. They use only what compiled code
supports: primitives, arithmetic, and Python values that fold at compile time
(axes, `x.ndim`, static sizes).

Adding a composite is one function in basic_composites.py, math_composites.py,
layout_composites.py, linalg_composites.py, counting_composites.py,
special_composites.py, numeric_composites.py, scatter_composites.py or
complex_composites.py (which build on the basic ones) and its name in that
module's table."""
from .basic_composites import BASIC_COMPOSITES, topk, topk_returned
from .complex_composites import COMPLEX_COMPOSITES
from .counting_composites import COUNTING_COMPOSITES
from .layout_composites import LAYOUT_COMPOSITES, median_returned, median_with_positions
from .linalg_composites import LINALG_COMPOSITES
from .math_composites import MATH_COMPOSITES
from .numeric_composites import NUMERIC_COMPOSITES
from .scatter_composites import SCATTER_COMPOSITES
from .special_composites import SPECIAL_COMPOSITES

COMPOSITES = {**BASIC_COMPOSITES, **MATH_COMPOSITES, **LAYOUT_COMPOSITES, **LINALG_COMPOSITES,
              **COUNTING_COMPOSITES, **SPECIAL_COMPOSITES, **NUMERIC_COMPOSITES,
              **SCATTER_COMPOSITES, **COMPLEX_COMPOSITES}

PAIR_OUTPUTS = {"topk": (topk, topk_returned), "median": (median_with_positions, median_returned)}
"""{function: (what its `out=(values, indices)` takes, what it then returns)}
for Paddle 3.3's functions that write a pair of results (eager/inplace.py)."""
