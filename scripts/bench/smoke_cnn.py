"""builtin:smoke's CNN in PyTorch, for the trainer bench (scripts/bench-trainer.mjs): the same
shapes, layers, optimizer, batch size, step count and evaluation schedule as
src/trainer/smoke.ts, on the CPU, with PyTorch's default thread count. Only its time is used;
the data comes from torch's generator, so the numbers differ from the TensorFlow.js run's.
Prints one JSON line: {"training_seconds": ...}.
"""
import json
import sys
import time

import torch
from torch import nn

STEPS = int(sys.argv[1]) if len(sys.argv) > 1 else 200
SIZE, CLASSES, TRAIN, EVAL, BATCH, EVAL_EVERY = 10, 4, 1024, 256, 32, 10


def make_data(generator, count, prototypes):
    labels = torch.randint(0, CLASSES, (count,), generator=generator)
    scale = 0.5 + torch.rand(count, 1, 1, 1, generator=generator)
    return prototypes[labels] * scale + 3 * torch.randn(count, 1, SIZE, SIZE, generator=generator), labels


def main():
    torch.manual_seed(1234)
    generator = torch.Generator().manual_seed(1234)
    prototypes = torch.randn(CLASSES, 1, SIZE, SIZE, generator=generator)
    train_x, train_y = make_data(generator, TRAIN, prototypes)
    eval_x, eval_y = make_data(generator, EVAL, prototypes)
    model = nn.Sequential(
        nn.Conv2d(1, 8, 3), nn.ReLU(), nn.BatchNorm2d(8), nn.Flatten(),
        nn.Linear(8 * (SIZE - 2) ** 2, 32), nn.ReLU(), nn.Dropout(0.2), nn.Linear(32, CLASSES),
    )
    optimizer = torch.optim.Adam(model.parameters(), lr=0.01)
    loss_fn = nn.CrossEntropyLoss()
    started = time.perf_counter()
    order = torch.randperm(TRAIN, generator=generator)
    position = 0
    for step in range(1, STEPS + 1):
        if position + BATCH > TRAIN:
            order, position = torch.randperm(TRAIN, generator=generator), 0
        batch = order[position:position + BATCH]
        position += BATCH
        optimizer.zero_grad()
        loss = loss_fn(model(train_x[batch]), train_y[batch])
        loss.backward()
        optimizer.step()
        loss.item()
        if step % EVAL_EVERY == 0 or step == STEPS:
            model.eval()
            with torch.no_grad():
                logits = model(eval_x)
                loss_fn(logits, eval_y).item()
                (logits.argmax(1) == eval_y).float().mean().item()
            model.train()
    print(json.dumps({"training_seconds": time.perf_counter() - started}))


if __name__ == "__main__":
    main()
