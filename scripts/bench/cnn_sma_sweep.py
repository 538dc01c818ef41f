"""A seed sweep of a small PyTorch CNN on the CPU, for the σ gate's sensitivity to the
checkpoint-averaged metric (scripts/bench/audit.mjs, `npm run bench gate`). The data is fixed
(seed 1234); the run's seed sets the initial weights, dropout and batch order, as in a real sweep.
SGD with momentum at a constant learning rate; a checkpoint every 5 steps; the SMA metric is the
held-out loss of the mean of the last 5 checkpoints' weights (BatchNorm statistics averaged too).
usage: cnn_sma_sweep.py LR SEED... ; prints one JSON line per seed:
{"seed": S, "eval_loss": final model's held-out loss, "eval_loss_sma": the averaged model's}.
"""
import copy
import json
import sys

import torch
from torch import nn

SIZE, CLASSES, TRAIN, EVAL, BATCH, STEPS, EVERY, AVERAGE = 10, 4, 1024, 512, 32, 200, 5, 5


def make_data(generator, count, prototypes):
    labels = torch.randint(0, CLASSES, (count,), generator=generator)
    scale = 0.5 + torch.rand(count, 1, 1, 1, generator=generator)
    return prototypes[labels] * scale + 3 * torch.randn(count, 1, SIZE, SIZE, generator=generator), labels


def held_out_loss(model, x, y):
    model.eval()
    with torch.no_grad():
        return nn.functional.cross_entropy(model(x), y).item()


def run(seed, lr, data):
    train_x, train_y, eval_x, eval_y = data
    torch.manual_seed(seed)
    order_generator = torch.Generator().manual_seed(seed)
    model = nn.Sequential(
        nn.Conv2d(1, 8, 3), nn.ReLU(), nn.BatchNorm2d(8), nn.Flatten(),
        nn.Linear(8 * (SIZE - 2) ** 2, 32), nn.ReLU(), nn.Dropout(0.2), nn.Linear(32, CLASSES),
    )
    optimizer = torch.optim.SGD(model.parameters(), lr=lr, momentum=0.9)
    kept = []
    order, position = torch.randperm(TRAIN, generator=order_generator), 0
    for step in range(1, STEPS + 1):
        if position + BATCH > TRAIN:
            order, position = torch.randperm(TRAIN, generator=order_generator), 0
        batch = order[position:position + BATCH]
        position += BATCH
        model.train()
        optimizer.zero_grad()
        nn.functional.cross_entropy(model(train_x[batch]), train_y[batch]).backward()
        optimizer.step()
        if step % EVERY == 0:
            kept = (kept + [copy.deepcopy(model.state_dict())])[-AVERAGE:]
    final = held_out_loss(model, eval_x, eval_y)
    averaged = {
        name: (sum(state[name] for state in kept) / len(kept)) if kept[0][name].is_floating_point() else kept[-1][name]
        for name in kept[0]
    }
    model.load_state_dict(averaged)
    return {"seed": seed, "eval_loss": final, "eval_loss_sma": held_out_loss(model, eval_x, eval_y)}


def main():
    torch.set_num_threads(1)
    lr = float(sys.argv[1])
    generator = torch.Generator().manual_seed(1234)
    prototypes = torch.randn(CLASSES, 1, SIZE, SIZE, generator=generator)
    data = (*make_data(generator, TRAIN, prototypes), *make_data(generator, EVAL, prototypes))
    for seed in sys.argv[2:]:
        print(json.dumps(run(int(seed), lr, data)), flush=True)


main()
