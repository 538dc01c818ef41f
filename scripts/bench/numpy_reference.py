"""The numpy reference for `npm run bench` (jsonl-large): what a user would write to compare two
JSONL logs without repro-check. Reads each file line by line with json.loads, gathers every
metric's values and steps into lists, turns them into arrays and compares each metric with
np.allclose (numpy's default rtol/atol, equal_nan=True) after checking that the steps agree.
Prints how many metrics differ; exit 0.
Usage: python3 numpy_reference.py BASELINE.jsonl CURRENT.jsonl
"""
import json
import sys

import numpy as np


def read(path):
    steps = {}
    values = {}
    with open(path) as file:
        for line in file:
            record = json.loads(line)
            step = record.pop("step")
            for name, value in record.items():
                if name not in values:
                    steps[name], values[name] = [], []
                steps[name].append(step)
                values[name].append(value)
    return {name: (np.array(steps[name]), np.array(values[name], dtype=np.float64)) for name in values}


def main():
    baseline, current = read(sys.argv[1]), read(sys.argv[2])
    differing = 0
    for name in sorted(set(baseline) | set(current)):
        if name not in baseline or name not in current:
            differing += 1
            continue
        (baseline_steps, baseline_values), (current_steps, current_values) = baseline[name], current[name]
        same_steps = np.array_equal(baseline_steps, current_steps)
        if not same_steps or not np.allclose(current_values, baseline_values, equal_nan=True):
            differing += 1
    print(f"{differing} metrics differ")


if __name__ == "__main__":
    main()
