"""Real Paddle's side of test_io.py: io_cases run on real Paddle; the results
as JSON. Run with real Paddle's interpreter."""
import json
import sys

import paddle

import io_cases

json.dump(io_cases.run(paddle), open(sys.argv[1], "w"))
