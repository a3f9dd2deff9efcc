"""dy2st: convert Paddle-style Python functions with dynamic control flow into
compiled static programs. The package is filled in by the Python frontend issue."""
