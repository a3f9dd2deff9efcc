"""Writes a .npy whose header's shape multiplies past 64 bits (to the same
byte count as the data it holds once wrapped): a reader must reject it."""
import sys

import numpy as np

np.save(sys.argv[1], np.ones(4, np.float32))
data = open(sys.argv[1], "rb").read()
length = int.from_bytes(data[8:10], "little")
header = data[10:10 + length].decode().replace("(4,)", "(4611686018427387905, 4)").rstrip("\n")
header += " " * ((64 - (10 + len(header) + 1) % 64) % 64) + "\n"
with open(sys.argv[1], "wb") as f:
    f.write(data[:8] + len(header).to_bytes(2, "little") + header.encode() + data[10 + length:])
