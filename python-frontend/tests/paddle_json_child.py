"""Real Paddle's side of the tests that compare a cases module written once
against Paddle's API (io_cases, metric_cases): imports the module named first
and writes its run(paddle) as JSON to the second argument. Run with real
Paddle's interpreter."""
import importlib
import json
import sys

import paddle

json.dump(importlib.import_module(sys.argv[1]).run(paddle), open(sys.argv[2], "w"))
