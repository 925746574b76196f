"""Train the character-level language model of notebook 10 on any text file, or sample from it.

    python scripts/train_lm.py TEXTFILE [--epochs 5] [--hidden 64] [--out model.npz] ...
    python scripts/train_lm.py --sample model.npz [--length 300] [--start "The "] ...

Training builds the vocabulary from the characters of the file, keeps the last tenth for
validation, and trains ``lstm_lib.LanguageModel.lstm`` (stacked LSTM layers, dropout
between them, tied weights) by stateful truncated BPTT (``lstm_lib.train_tbptt``) with
Adam. It shows a progress bar, the validation perplexity and a generated sample
(``lstm_lib.sample``) after every pass, and saves the weights, the vocabulary and the
settings in one ``.npz`` file that ``--sample`` loads.
An empty, binary or too short file stops with a message that says what is wrong.
"""

import argparse
import json
import sys
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from lstm_lib import Adam, LanguageModel, sample, train_tbptt  # noqa: E402

BAR = 30  # width of the progress bar, in characters


def read_text(path, batch_size, chunk_len):
    """The text of ``path`` (UTF-8), or ``ValueError`` saying why it cannot be trained on."""
    path = Path(path)
    if not path.is_file():
        raise ValueError(f"{path} is not a file")
    data = path.read_bytes()
    if not data.strip():
        raise ValueError(f"{path} is empty: give a text file with some text in it")
    if b"\x00" in data:
        raise ValueError(f"{path} looks binary (it contains NUL bytes): give a plain text file")
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as error:
        raise ValueError(
            f"{path} is not UTF-8 text (byte {error.start} cannot be decoded): "
            "give a plain text file, or convert it to UTF-8 first"
        ) from None
    needed = 10 * (batch_size * (chunk_len + 1)) // 9 + 1
    if len(text) < needed:
        raise ValueError(
            f"{path} has {len(text)} characters, too short: --batch {batch_size} and --chunk "
            f"{chunk_len} need at least {needed} (90 % for training, 10 % for validation); "
            "use a longer text or smaller --batch and --chunk"
        )
    return text


def save(path, model, vocabulary, settings):
    """Write the weights, the vocabulary and the settings to ``path`` (.npz)."""
    arrays = {f"param_{k}": p for k, p in enumerate(model.params)}
    np.savez(path, vocabulary=np.array(list(vocabulary)), settings=json.dumps(settings), **arrays)


def load(path):
    """The model, the vocabulary (a string) and the settings saved by save.

    The arrays are stored by position (param_0, param_1, ...) in the order of model.params:
    E, then Wx, Wh, b of each layer, then W (unless tied) and b_out. That is also the order
    of the BetterLanguageModel that wrote the files of earlier versions, so they still load.
    """
    with np.load(path) as data:
        settings = json.loads(str(data["settings"]))
        vocabulary = "".join(data["vocabulary"].tolist())
        model = _build(len(vocabulary), settings, np.random.default_rng(0))
        for k, param in enumerate(model.params):
            param[...] = data[f"param_{k}"]
    return model, vocabulary, settings


def _build(V, settings, rng):
    H = settings["hidden"]
    return LanguageModel.lstm(
        V,
        H,
        H,
        rng,
        layers=settings["layers"],
        dropout=settings["dropout"],
        tie_weights=settings["tie_weights"],
    )


def _sample_text(model, vocabulary, start, length, rng, temperature):
    unknown = sorted(set(start) - set(vocabulary))
    if not start or unknown:
        raise ValueError(
            f"--start must be non-empty text made of the model's characters; unknown: {unknown}"
        )
    ids = np.array([vocabulary.index(ch) for ch in start])
    out = sample(model, ids, length, rng, temperature)
    return start + "".join(vocabulary[k] for k in out)


def train(args):
    """Train on ``args.textfile``; returns the saved path."""
    text = read_text(args.textfile, args.batch, args.chunk)
    vocabulary = "".join(sorted(set(text)))
    ids = np.array([vocabulary.index(ch) for ch in text])
    split = len(ids) * 9 // 10
    train_ids, val_ids = ids[:split], ids[split:]
    settings = {
        "hidden": args.hidden,
        "layers": args.layers,
        "dropout": args.dropout,
        "tie_weights": not args.no_tie,
    }
    rng = np.random.default_rng(args.seed)
    model = _build(len(vocabulary), settings, rng)
    optimizer = Adam(args.lr)
    updates = -(-(len(train_ids) // args.batch - 1) // args.chunk)
    print(f"{len(text)} characters, V = {len(vocabulary)}; {updates} updates per pass")
    val_batch = min(args.batch, len(val_ids) // 2)
    for epoch in range(1, args.epochs + 1):

        def progress(k, n, loss, epoch=epoch):
            bar = "#" * (BAR * k // n) + "." * (BAR - BAR * k // n)
            print(f"\rpass {epoch}/{args.epochs} [{bar}] {k}/{n} loss {loss:.3f}", end="")

        history = train_tbptt(
            model, optimizer, train_ids, args.batch, args.chunk, 1,
            val_ids=val_ids, val_batch_size=val_batch, progress=progress,
        )  # fmt: skip
        print(f"  validation perplexity {history.val_perplexity[0]:.2f}")
        start = text[: min(8, len(text))]
        print("  sample:", repr(_sample_text(model, vocabulary, start, 120, rng, 0.8)))
    save(args.out, model, vocabulary, settings)
    print(f"saved {args.out}")
    return args.out


def main(argv=None):
    """Command line entry; returns the exit status (0 fine, 2 a bad file or argument)."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("textfile", nargs="?", help="a UTF-8 text file to train on")
    parser.add_argument("--sample", metavar="MODEL", help="load a saved .npz model and sample")
    parser.add_argument("--epochs", type=int, default=5, help="passes over the text")
    parser.add_argument("--hidden", type=int, default=64, help="H (also the embedding size)")
    parser.add_argument("--layers", type=int, default=2, help="stacked LSTM layers")
    parser.add_argument("--dropout", type=float, default=0.2, help="dropout between layers")
    parser.add_argument("--no-tie", action="store_true", help="do not tie E and W")
    parser.add_argument("--batch", type=int, default=16, help="rows N")
    parser.add_argument("--chunk", type=int, default=32, help="chunk length T")
    parser.add_argument("--lr", type=float, default=0.01, help="Adam learning rate")
    parser.add_argument("--seed", type=int, default=0, help="seed of weights and samples")
    parser.add_argument("--out", default="model.npz", help="where to save the model")
    parser.add_argument("--length", type=int, default=300, help="characters to sample")
    parser.add_argument("--start", default=None, help="text the sample starts from")
    parser.add_argument("--temperature", type=float, default=0.8, help="sampling temperature")
    args = parser.parse_args(argv)
    try:
        if args.sample:
            model, vocabulary, _ = load(args.sample)
            start = args.start if args.start is not None else vocabulary[0]
            rng = np.random.default_rng(args.seed)
            print(_sample_text(model, vocabulary, start, args.length, rng, args.temperature))
        elif args.textfile:
            train(args)
        else:
            parser.error("give a TEXTFILE to train on, or --sample MODEL")
    except ValueError as error:
        print(f"error: {error}", file=sys.stderr)
        return 2
    return 0


if __name__ == "__main__":
    sys.exit(main())
