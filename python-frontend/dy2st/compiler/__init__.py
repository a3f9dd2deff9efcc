"""The compiler layer: Python functions and traces turned into pydy text
(the importer, its AST rewrites, the tracer), signatures and compile errors.
It imports the eager layer only; the native compiler is reached by the
runtime layer."""
