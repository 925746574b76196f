"""Train the character-level language model of notebook 10 on any text file, or sample from it.

    python scripts/train_lm.py TEXTFILE [--epochs 5] [--hidden 64] [--out model.npz] ...
    python scripts/train_lm.py --sample model.npz [--length 300] [--start "The "] ...

Training builds the vocabulary from the characters of the file, keeps the last tenth for
validation, prints what character counts reach there (Witten-Bell interpolated n-grams of
the training part) and trains lstm_lib.LanguageModel.lstm (stacked LSTMs, dropout between
them, tied weights) by truncated BPTT (lstm_lib.train_tbptt) with Adam. After every pass it
prints the validation perplexity and a sample (lstm_lib.sample). A pass that beats the best
so far is saved to --out (written to a temporary file in the same folder, then renamed), so
--out holds the best model and Ctrl-C loses at most one pass; a pass that does not divides
the learning rate by 4, as DLFS2 §6.5 does. The .npz holds the weights, the vocabulary and
the settings. Options and files are checked before any work; a problem is one line on
stderr. --out replaces a file that is not a model saved here only with --force. A model file
is checked against its own arrays before anything is allocated from its settings.
"""

import argparse
import math
import os
import sys
import tempfile
import time
from pathlib import Path

import numpy as np

HERE = Path(__file__).resolve().parent
sys.path[:0] = [str(HERE.parent), str(HERE)]  # lstm_lib of this repository, lm_file beside
from lm_file import BadModel, inspect, read, save  # noqa: E402

from lstm_lib import Adam, LanguageModel, sample, train_tbptt  # noqa: E402

BAR = 30  # width of the progress bar, in characters
DECAY = 4  # the learning rate is divided by this after a pass that does not improve
PASS_SAMPLE = 120  # characters of the sample printed after every pass


class Stop(Exception):
    """Why the script stops: one line on stderr and the exit status (2: a bad option or
    input file, found before any work; 1: training diverged; 130: interrupted)."""

    def __init__(self, message, status=2):
        super().__init__(message)
        self.status = status


class Parser(argparse.ArgumentParser):
    """argparse that raises Stop instead of printing the usage and exiting."""

    def error(self, message):
        raise Stop(f"{message} (see --help)")


class Help(argparse.ArgumentDefaultsHelpFormatter):
    """Shows each option's default, where it has one."""

    def _get_help_string(self, action):
        return action.help if action.default is None else super()._get_help_string(action)


def _in_range(kind, test, expected):
    """An argparse type: kind(text), refused unless test(value) holds."""

    def parse(text):
        try:
            value = kind(text)
        except ValueError:
            value = None
        if value is None or not test(value):
            raise argparse.ArgumentTypeError(f"expected {expected}, got {text!r}")
        return value

    return parse


POSITIVE = _in_range(int, lambda n: n >= 1, "a positive integer")
FRACTION = _in_range(float, lambda x: 0 <= x < 1, "a number in [0, 1)")
RATE = _in_range(float, lambda x: 0 < x < math.inf, "a positive number")
TEMPERATURE = _in_range(float, lambda x: 1e-3 <= x < math.inf, "a number >= 0.001")
SEED = _in_range(int, lambda n: n >= 0, "an integer >= 0")
OPTIONS = {  # group: (option, type (None: a switch), default, help)
    "training (give a TEXTFILE)": [
        ("--epochs", POSITIVE, 5, "passes over the text"),
        ("--hidden", POSITIVE, 64, "units per layer (H, also the embedding size D)"),
        ("--layers", POSITIVE, 2, "stacked LSTM layers"),
        ("--dropout", FRACTION, 0.2, "dropout between layers"),
        ("--no-tie", None, False, "do not tie E and the output weights W"),
        ("--batch", POSITIVE, 16, "rows N read side by side"),
        ("--chunk", POSITIVE, 32, "steps T per update"),
        ("--lr", RATE, 0.01, f"Adam's learning rate; / {DECAY} after a pass that does not improve"),
        ("--out", str, "model.npz", "where the best model is kept (.npz added if missing)"),
        ("--force", None, False, "replace --out even if it is not a model saved here"),
    ],
    "sampling (give --sample MODEL)": [
        ("--sample", str, None, "a .npz model saved by training"),
        ("--length", POSITIVE, 300, "characters to sample"),
    ],
    "both": [
        ("--start", str, None, "text the samples start from (default: the text's first 8 "
         "characters when training, the model's first character with --sample)"),
        ("--temperature", TEMPERATURE, 0.8, "below 1 sharper, above 1 more random"),
        ("--seed", SEED, 0, "seed of the weights, the dropout and the samples"),
    ],
}  # fmt: skip
TRAINING, SAMPLING, _ = ({row[0] for row in rows} for rows in OPTIONS.values())


def make_parser():
    """The command line: training options, sampling options and the ones both use."""
    parser = Parser(
        prog="train_lm.py",
        description=__doc__.splitlines()[0],
        allow_abbrev=False,
        formatter_class=Help,
    )
    for title, rows in OPTIONS.items():
        group = parser.add_argument_group(title)
        if title.startswith("training"):
            group.add_argument("textfile", nargs="?", metavar="TEXTFILE", help="UTF-8 text")
        for option, kind, default, text in rows:
            if kind is None:
                group.add_argument(option, action="store_true", help=text)
            else:
                metavar = "MODEL" if option == "--sample" else None
                group.add_argument(option, type=kind, default=default, help=text, metavar=metavar)
    return parser


def check_mode(args, argv):
    """Stop unless exactly one of TEXTFILE and --sample is given, with options of its own."""
    if (args.textfile is None) == (args.sample is None):
        raise Stop("give a TEXTFILE to train on or --sample MODEL to sample, one of the two")
    mode, other = ("sampling", TRAINING) if args.sample is not None else ("training", SAMPLING)
    wrong = sorted(other & {token.split("=")[0] for token in argv})
    if wrong:
        raise Stop(f"{wrong[0]} is not an option for {mode} (see --help)")


def read_text(path, batch_size, chunk_len):
    """The text of path (UTF-8), or Stop saying why it cannot be trained on."""
    path = Path(path)
    if not path.is_file():
        raise Stop(f"{path} is not a file")
    data = path.read_bytes()
    if not data.strip():
        raise Stop(f"{path} is empty: give a text file with some text in it")
    if b"\x00" in data:
        raise Stop(f"{path} looks binary (it contains NUL bytes): give a plain text file")
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as error:
        raise Stop(
            f"{path} is not UTF-8 text (byte {error.start} cannot be decoded): "
            "give a plain text file, or convert it to UTF-8 first"
        ) from None
    needed = 10 * (batch_size * (chunk_len + 1)) // 9 + 1
    if len(text) < needed:
        raise Stop(
            f"{path} has {len(text)} characters, too short: --batch {batch_size} and --chunk "
            f"{chunk_len} need at least {needed} (90 % for training, 10 % for validation); "
            "use a longer text or smaller --batch and --chunk"
        )
    return text


def check_out(name, force, textfile):
    """The path --out names (.npz added if missing); Stop unless it can be written."""
    path = Path(name if name.endswith(".npz") else name + ".npz")
    if path.is_dir() or Path(name).is_dir() or name.endswith(("/", os.sep)):
        raise Stop(f"--out {name} is a folder; give a file name, such as {path / 'model.npz'}")
    if not path.parent.is_dir():
        raise Stop(f"--out {path}: {path.parent} is not an existing folder")
    try:
        with tempfile.NamedTemporaryFile(dir=path.parent):
            pass
    except OSError as error:
        raise Stop(f"--out {path}: cannot write in {path.parent} ({error.strerror})") from None
    if path.exists() and path.resolve() == Path(textfile).resolve():
        raise Stop(f"--out {path} is the text to train on")
    if path.exists() and not force:
        try:
            inspect(path)
        except BadModel as error:
            raise Stop(
                f"--out {path} exists and is not a model saved by this script ({error.what}); "
                "give another name, or --force to replace it"
            ) from None
    return path


def check_size(V, args):
    """Stop if the model, Adam's state and one chunk's caches need over half the memory."""
    H, L, NT = args.hidden, args.layers, args.batch * args.chunk
    params = V * H + L * (8 * H * H + 4 * H) + (H * V if args.no_tie else 0) + V
    need = 8 * (4 * params + NT * (12 * L * H + 3 * V))  # float64 weights, grads, m and v
    try:
        have = os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES")
    except (AttributeError, ValueError, OSError):  # no sysconf: assume 8 GiB
        have = 8 * 2**30
    if need > have / 2:
        raise Stop(
            f"--hidden {H}, --layers {L}, --batch {args.batch} and --chunk {args.chunk} need "
            f"about {need / 2**30:.1f} GiB, over half of this machine's {have / 2**30:.0f} GiB"
        )


def load(path):
    """The model, the vocabulary (a string) and the settings that lm_file.save wrote to path.

    lm_file.read checks the file against its own arrays first; only then is the model built
    from its settings (the weights are stored in the order of model.params).
    """
    vocabulary, settings, arrays = read(path)
    model = build(len(vocabulary), settings, np.random.default_rng(0))
    for param, array in zip(model.params, arrays, strict=True):
        param[...] = array
    return model, vocabulary, settings


def build(V, settings, rng):
    """The language model that settings describe, for V characters, drawn from rng."""
    H, layers = settings["hidden"], settings["layers"]
    tie, dropout = settings["tie_weights"], settings["dropout"]
    return LanguageModel.lstm(V, H, H, rng, layers, dropout, tie)


def check_start(start, vocabulary):
    """start, the text the samples start from; Stop unless it is made of known characters."""
    unknown = "".join(sorted(set(start) - set(vocabulary)))
    if not start or unknown:
        why = f"characters outside the vocabulary: {unknown!r}" if unknown else "it is empty"
        raise Stop(f"--start {start!r} cannot start a sample: {why}")
    return start


def sample_text(model, vocabulary, start, length, rng, temperature):
    """start and length characters sampled after it at temperature."""
    ids = np.array([vocabulary.index(ch) for ch in check_start(start, vocabulary)])
    return start + "".join(vocabulary[k] for k in sample(model, ids, length, rng, temperature))


def ngram_perplexity(ids, split, V, order):
    """Perplexity on ids[split:] of a character n-gram counted on ids[:split], order 1 to 3.

    Witten-Bell interpolation: with c(h w) the count of the history h (the order - 1
    characters before) followed by w in the training part, c(h) its sum over w, u(h) the
    number of different w seen after h and h' the history one character shorter,

        P(w | h) = (c(h w) + u(h) P(w | h')) / (c(h) + u(h)),   P(w | h) = P(w | h') if c(h) = 0,

    down to the add-one unigram (c(w) + 1) / (split + V). Nothing is tuned. The first
    characters of the validation part take their history from the end of the training part.
    """
    ids = np.asarray(ids, dtype=np.int64)
    targets = np.arange(split, ids.size)
    p = (np.bincount(ids[:split], minlength=V)[ids[targets]] + 1) / (split + V)
    for k in range(2, order + 1):
        seen, grams = _keys(ids, np.arange(k - 1, split), k, V), _keys(ids, targets, k, V)
        pairs, c_hw = np.unique(seen, return_counts=True)
        histories, c_h = np.unique(seen // V, return_counts=True)
        u_h = np.unique(pairs // V, return_counts=True)[1]  # aligned with histories
        c = _lookup(pairs, c_hw, grams)
        h, u = _lookup(histories, c_h, grams // V), _lookup(histories, u_h, grams // V)
        p = np.where(h > 0, (c + u * p) / np.maximum(h + u, 1), p)
    return float(np.exp(-np.mean(np.log(p))))


def _keys(ids, positions, k, V):
    """The k characters ending at each position as one integer (base V, the newest last)."""
    key = np.zeros(positions.size, dtype=np.int64)
    for back in range(k - 1, -1, -1):
        key = key * V + ids[positions - back]
    return key


def _lookup(keys, counts, queries):
    """counts[i] where keys[i] == query (keys sorted), 0 where the query is not a key."""
    at = np.minimum(np.searchsorted(keys, queries), keys.size - 1)
    return np.where(keys[at] == queries, counts[at], 0)


def prepare(args):
    """The text, its vocabulary and ids, the start of the samples and --out; every check
    that can be made before training, made."""
    text = read_text(args.textfile, args.batch, args.chunk)
    codes = np.frombuffer(text.encode("utf-32-le"), dtype="<u4")
    points, ids = np.unique(codes, return_inverse=True)
    vocabulary = "".join(map(chr, points))
    start = check_start(text[:8] if args.start is None else args.start, vocabulary)
    out = check_out(args.out, args.force, args.textfile)
    check_size(len(vocabulary), args)
    return text, vocabulary, ids, start, out


def train(args):
    """Train on args.textfile, keeping the best model in --out; returns the exit status."""
    text, vocabulary, ids, start, out = prepare(args)
    V, split = len(vocabulary), len(ids) * 9 // 10
    settings = dict(
        hidden=args.hidden, layers=args.layers, dropout=args.dropout, tie_weights=not args.no_tie
    )
    replacing = " (replacing the model there)" if out.exists() else ""
    print(f"{len(text)} characters, V = {V}; the best model will be kept in {out}{replacing}")
    counts = [ngram_perplexity(ids, split, V, order) for order in (1, 2, 3)]
    print(
        "validation perplexity of Witten-Bell character counts: unigram {:.2f}, "
        "bigram {:.2f}, trigram {:.2f}".format(*counts)
    )
    rng = np.random.default_rng(args.seed)
    model, optimizer = build(V, settings, rng), Adam(args.lr)
    best, best_pass, epoch = math.inf, 0, 1
    try:
        for epoch in range(1, args.epochs + 1):
            seconds, perplexity = one_pass(model, optimizer, ids, split, args, epoch)
            if not math.isfinite(perplexity):
                raise ValueError(f"validation perplexity {perplexity}")
            if perplexity < best:
                save(out, model.params, vocabulary, settings)
                best, best_pass, note = perplexity, epoch, f"best so far, saved to {out}"
            else:
                optimizer.lr /= DECAY
                note = f"not better than pass {best_pass}: learning rate {optimizer.lr:.3g}"
            print(f"  validation perplexity {perplexity:.2f} ({note}), {seconds:.1f} s")
            sampled = sample_text(model, vocabulary, start, PASS_SAMPLE, rng, args.temperature)
            print("  sample:", repr(sampled))
    except ValueError as error:  # train_tbptt refuses a gradient that is NaN or inf
        why = f"pass {epoch} diverged ({error}); {kept(best_pass, out)}; try a smaller --lr"
        raise Stop(why, 1) from None
    except OSError as error:  # the disk filled up since check_out, say
        raise Stop(f"cannot save {out} ({error}); {kept(best_pass, out)}", 1) from None
    except KeyboardInterrupt:
        print()  # ends the progress bar's line
        raise Stop(f"interrupted in pass {epoch}: {kept(best_pass, out)}", 130) from None
    print(
        f"best validation perplexity {best:.2f} (pass {best_pass}), trigram counts "
        f"{counts[2]:.2f}; the model is in {out}"
    )
    return 0


def kept(best_pass, out):
    """Where the best model is, for a message."""
    return f"the best model (pass {best_pass}) is in {out}" if best_pass else "none saved"


def one_pass(model, optimizer, ids, split, args, epoch):
    """Train one pass with a progress bar; returns its seconds and the validation perplexity."""

    def progress(k, n, loss):
        bar = "#" * (BAR * k // n) + "." * (BAR - BAR * k // n)
        print(f"\rpass {epoch}/{args.epochs} [{bar}] {k}/{n} loss {loss:.3f}", end="", flush=True)

    began, val_ids = time.perf_counter(), ids[split:]
    validation = dict(val_ids=val_ids, val_batch_size=min(args.batch, val_ids.size // 2))
    history = train_tbptt(
        model, optimizer, ids[:split], args.batch, args.chunk, 1, progress=progress, **validation
    )
    print()
    return time.perf_counter() - began, float(history.val_perplexity[0])


def main(argv=None):
    """Command line entry; returns the exit status (see Stop)."""
    argv = sys.argv[1:] if argv is None else [str(a) for a in argv]
    try:
        args = make_parser().parse_args(argv)
        check_mode(args, argv)
        if args.textfile is not None:
            return train(args)
        model, vocabulary, _ = load(args.sample)
        rng = np.random.default_rng(args.seed)
        start = vocabulary[0] if args.start is None else args.start
        print(sample_text(model, vocabulary, start, args.length, rng, args.temperature))
        return 0
    except Stop as error:
        message, status = str(error), error.status
    except BadModel as error:
        message, status = str(error), 2
    except MemoryError:
        message, status = (
            "out of memory: smaller --hidden, --layers, --batch, --chunk or --length",
            1,
        )
    except KeyboardInterrupt:
        message, status = "interrupted", 130
    print(f"train_lm.py: error: {' '.join(message.split())}", file=sys.stderr)
    return status


if __name__ == "__main__":
    sys.exit(main())
