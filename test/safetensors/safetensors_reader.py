"""Reads a safetensors file with the Python safetensors library (numpy API) and prints JSON.

  python3 safetensors_reader.py FILE
  -> {"version": ..., "metadata": {...}, "tensors": {name: {"dtype", "shape", "values"}}}

Tensors numpy has a dtype for come from safe_open(framework="np").get_tensor; BF16, which
numpy lacks, from safetensors.deserialize (the library's own parse: dtype, shape, raw bytes),
decoded as the top half of a float32. Output uses Python's NaN/Infinity tokens.
"""
import json
import sys

import numpy as np
import safetensors
from safetensors import safe_open


def main(path):
    with open(path, "rb") as f:
        raw = {name: view for name, view in safetensors.deserialize(f.read())}
    tensors = {}
    with safe_open(path, framework="np") as f:
        metadata = f.metadata()
        for name in f.keys():
            dtype = raw[name]["dtype"]
            if dtype == "BF16":
                bits = np.frombuffer(bytes(raw[name]["data"]), dtype="<u2").astype(np.uint32) << 16
                array = bits.view("<f4").reshape(raw[name]["shape"])
            else:
                array = f.get_tensor(name)
            tensors[name] = {"dtype": dtype, "shape": list(array.shape), "values": array.astype(np.float64).ravel().tolist()}
    print(json.dumps({"version": safetensors.__version__, "metadata": metadata, "tensors": tensors}))


if __name__ == "__main__":
    main(sys.argv[1])
