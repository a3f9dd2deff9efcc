"""The eager layer: tensors on numpy, the op table's kernels and the
composites over them. Eager mode is the specification compiled code must
reproduce; nothing here imports the compiler or the runtime (a recorder such
as TracedLayer's tracer observes eager operations through `recording`).

Importing the layer registers the tensor methods (`functional`)."""
from . import functional  # noqa: F401 (registers Tensor's methods)
