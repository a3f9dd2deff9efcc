"""Real Paddle's side of test_batch_norm_training.py: batch_norm_cases run
eagerly (dygraph); the results as npz. Run with real Paddle's interpreter."""
import sys

import numpy as np
import paddle

import batch_norm_cases

np.savez(sys.argv[2], **batch_norm_cases.run(paddle, dict(np.load(sys.argv[1])), lambda f: f))
