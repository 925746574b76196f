"""The full grid of notebook 09's "search space odyssey": every model, both tasks, 5 seeds.

    python benchmarks/odyssey.py            (about ten minutes on a 2-core laptop)

Trains each LSTM variant, the GRU and the plain RNN (``lstm_lib.odyssey.KINDS``) on the
adding problem and on the bracket language with the same number of updates, once per seed (models
from ``lstm_lib.odyssey.make_model``: ``lstm_lib.SequenceRegressor`` and
``lstm_lib.LanguageModel``, trained by ``lstm_lib.fit``), and writes
the validation losses to ``lstm_lib/data/odyssey.json`` (shipped with the library, so that
notebook 09 finds them wherever it runs, the student edition or nbgrader's copies included)
and a Markdown table (median and range over the seeds) to ``benchmarks/odyssey.md``.
"""

import argparse
import json
import os
import sys
import time
from pathlib import Path

os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")  # small matrices: threads only cost

import numpy as np  # noqa: E402

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from lstm_lib.odyssey import KINDS, STORED, format_table, grid, make_task  # noqa: E402

HERE = Path(__file__).resolve().parent
#: the settings of the committed run; the notebook's small run uses the same, fewer seeds
SETTINGS = {"T": 60, "H": 24, "steps": 500, "batch_size": 32, "lr": 0.01, "seeds": [0, 1, 2, 3, 4]}
COMMAND = "python benchmarks/odyssey.py"


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seeds", type=int, default=len(SETTINGS["seeds"]), help="seeds per cell")
    parser.add_argument(
        "--out", type=Path, help="write odyssey.json and odyssey.md here instead (a trial run)"
    )
    args = parser.parse_args(argv)
    settings = dict(SETTINGS, seeds=list(range(args.seeds)))
    data_rng = np.random.default_rng(2017)  # the same data for every model
    tasks = [make_task(name, data_rng, settings["T"]) for name in ("adding", "brackets")]
    start = time.perf_counter()
    results = grid(
        KINDS,
        tasks,
        settings["seeds"],
        H=settings["H"],
        steps=settings["steps"],
        batch_size=settings["batch_size"],
        lr=settings["lr"],
    )
    minutes = (time.perf_counter() - start) / 60
    names = [task.name for task in tasks]
    json_path, md_path = STORED, HERE / "odyssey.md"
    if args.out is not None:
        args.out.mkdir(parents=True, exist_ok=True)
        json_path, md_path = args.out / "odyssey.json", args.out / "odyssey.md"
    payload = {
        "command": COMMAND,
        "settings": settings,
        "losses": {f"{task}/{kind}": results[(task, kind)].tolist() for task, kind in results},
    }
    json_path.write_text(json.dumps(payload, indent=1) + "\n")
    table = format_table(results, names)
    text = (
        "# The search space odyssey of notebook 09\n\n"
        f"Made by `{COMMAND}` ({len(settings['seeds'])} seeds, {minutes:.0f} minutes on a "
        "2-core machine). Validation loss after training, median and [min, max] over the "
        "seeds: mean squared error on the adding problem (predicting the mean gives 1/6 = "
        "0.167), mean cross-entropy in nats per symbol on the bracket language.\n\n"
        f"Settings: {json.dumps(settings)}\n\n{table}\n"
    )
    md_path.write_text(text)
    print(table)


if __name__ == "__main__":
    main()
