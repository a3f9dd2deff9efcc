"""Real Paddle's side of test_metric.py: metric_cases run on real Paddle;
the results as JSON. Run with real Paddle's interpreter."""
import json
import sys

import paddle

import metric_cases

json.dump(metric_cases.run(paddle), open(sys.argv[1], "w"))
