"""Seeded PyTorch smoke training for repro-check (the GPU canary run through `command:`).

Trains a small CNN for 100 steps on images generated from REPRO_SEED (no downloads), on CUDA
when available, else on the CPU, with every determinism switch PyTorch has. Writes JSONL to
$REPRO_OUT_DIR/metrics.jsonl: train.loss every step, eval.loss and eval.accuracy every 10
steps, and a final line without a step holding the final accuracy.

Exact resume (`repro-check audit --resume-at N`), the pattern to copy: a resumable run saves
everything that decides the next step, not only the weights:
  - REPRO_STOP_AT_STEP=N, REPRO_STATE_DIR=DIR: after step N, save the full state to DIR, exit 0;
  - REPRO_RESUME_FROM=DIR: load it and continue from step N+1, logging as usual.
The state (save_state below): model, optimizer (Adam's moments and step counts), learning-rate
scheduler, step, the data order and position in it, and every random generator the run draws
from: the data generator, torch's CPU and CUDA generators (dropout), numpy and Python's random.
Leave any of these out and the resumed run parts from the uninterrupted one, which the audit
reports with the first divergent step.
"""
import json
import os
import random

# cuBLAS reads this when CUDA initialises; repro-check exports it (determinism-env), and a run
# by hand gets the same default.
os.environ.setdefault("CUBLAS_WORKSPACE_CONFIG", ":4096:8")

import numpy as np
import torch
from torch import nn

STEPS = int(os.environ.get("REPRO_STEPS", "100"))
SEED = int(os.environ.get("REPRO_SEED", "1234"))
OUT_DIR = os.environ.get("REPRO_OUT_DIR", ".")
STOP_AT_STEP = int(os.environ["REPRO_STOP_AT_STEP"]) if os.environ.get("REPRO_STOP_AT_STEP") else None
STATE_DIR = os.environ.get("REPRO_STATE_DIR")
RESUME_FROM = os.environ.get("REPRO_RESUME_FROM")
EVAL_EVERY = 10
BATCH = 64
CLASSES = 4
SIZE = 12


def seed_everything(seed):
    random.seed(seed)
    np.random.seed(seed)
    torch.manual_seed(seed)  # also seeds every CUDA device
    torch.use_deterministic_algorithms(True)
    torch.backends.cudnn.benchmark = False
    torch.backends.cudnn.deterministic = True


def make_data(generator, count, prototypes):
    labels = torch.randint(0, CLASSES, (count,), generator=generator)
    scale = 0.5 + torch.rand(count, 1, 1, 1, generator=generator)
    noise = 2.0 * torch.randn(count, 1, SIZE, SIZE, generator=generator)
    return prototypes[labels] * scale + noise, labels


def save_state(directory, step, model, optimizer, scheduler, generator, order, position):
    torch.save(
        {
            "step": step,
            "model": model.state_dict(),
            "optimizer": optimizer.state_dict(),
            "scheduler": scheduler.state_dict(),
            "order": order,
            "position": position,
            "data_generator": generator.get_state(),
            "torch_rng": torch.get_rng_state(),
            "cuda_rng": torch.cuda.get_rng_state_all() if torch.cuda.is_available() else [],
            "numpy_rng": np.random.get_state(),
            "python_rng": random.getstate(),
        },
        os.path.join(directory, "state.pt"),
    )


def load_state(directory, model, optimizer, scheduler, generator):
    # Our own file: trusted, so the full pickle (numpy and Python RNG states are not tensors).
    state = torch.load(os.path.join(directory, "state.pt"), map_location="cpu", weights_only=False)
    model.load_state_dict(state["model"])
    optimizer.load_state_dict(state["optimizer"])
    scheduler.load_state_dict(state["scheduler"])
    generator.set_state(state["data_generator"])
    torch.set_rng_state(state["torch_rng"])
    if state["cuda_rng"]:
        torch.cuda.set_rng_state_all(state["cuda_rng"])
    np.random.set_state(state["numpy_rng"])
    random.setstate(state["python_rng"])
    return state["step"], state["order"], state["position"]


def main():
    seed_everything(SEED)
    device = torch.device("cuda" if torch.cuda.is_available() else "cpu")
    if device.type == "cpu":
        # Said first: a run meant for a GPU that silently trained on the CPU would compare
        # against the wrong baseline, or make one for the wrong hardware.
        print(f"CUDA is not available (torch {torch.__version__}): training on the CPU", flush=True)
    generator = torch.Generator().manual_seed(SEED)
    prototypes = torch.randn(CLASSES, 1, SIZE, SIZE, generator=generator)
    train_x, train_y = make_data(generator, 2048, prototypes)
    eval_x, eval_y = make_data(generator, 512, prototypes)
    train_x, train_y, eval_x, eval_y = (t.to(device) for t in (train_x, train_y, eval_x, eval_y))

    model = nn.Sequential(
        nn.Conv2d(1, 16, 3, padding=1), nn.BatchNorm2d(16), nn.ReLU(), nn.MaxPool2d(2),
        nn.Conv2d(16, 32, 3, padding=1), nn.ReLU(), nn.Flatten(),
        nn.Dropout(0.2), nn.Linear(32 * (SIZE // 2) ** 2, CLASSES),
    ).to(device)
    optimizer = torch.optim.Adam(model.parameters(), lr=1e-3)
    scheduler = torch.optim.lr_scheduler.StepLR(optimizer, step_size=40, gamma=0.5)
    loss_fn = nn.CrossEntropyLoss()

    def evaluate():
        model.eval()
        with torch.no_grad():
            logits = model(eval_x)
            loss = loss_fn(logits, eval_y).item()
            accuracy = (logits.argmax(1) == eval_y).float().mean().item()
        model.train()
        return loss, accuracy

    os.makedirs(OUT_DIR, exist_ok=True)
    with open(os.path.join(OUT_DIR, "metrics.jsonl"), "w") as out:
        order = torch.randperm(len(train_x), generator=generator)
        position = 0
        first_step = 1
        if RESUME_FROM:
            done, order, position = load_state(RESUME_FROM, model, optimizer, scheduler, generator)
            first_step = done + 1
        for step in range(first_step, STEPS + 1):
            if position + BATCH > len(order):
                order, position = torch.randperm(len(train_x), generator=generator), 0
            batch = order[position : position + BATCH].to(device)
            position += BATCH
            optimizer.zero_grad()
            loss = loss_fn(model(train_x[batch]), train_y[batch])
            loss.backward()
            optimizer.step()
            scheduler.step()
            out.write(json.dumps({"step": step, "train": {"loss": loss.item()}}) + "\n")
            if step % EVAL_EVERY == 0:
                eval_loss, eval_accuracy = evaluate()
                out.write(json.dumps({"step": step, "eval": {"loss": eval_loss, "accuracy": eval_accuracy}}) + "\n")
            if step == STOP_AT_STEP:
                save_state(STATE_DIR, step, model, optimizer, scheduler, generator, order, position)
                print(f"stopped after step {step}; state saved to {STATE_DIR}")
                return
        out.write(json.dumps({"accuracy": evaluate()[1]}) + "\n")
    print(f"trained {STEPS} steps on {device} (torch {torch.__version__}), seed {SEED}")


if __name__ == "__main__":
    main()
