"""scripts/train_lm.py: trains on a small generated file, keeps the best model (saved
atomically every pass that improves), divides the learning rate when a pass does not, stops
on Ctrl-C saying where the best model is, prints an n-gram baseline; refuses every bad
option and every bad input or model file with one line on stderr, before any work."""

import importlib.util
import json
import subprocess
import sys
import tracemalloc
import zipfile
from pathlib import Path

import numpy as np
import pytest

from lstm_lib.tasks import word_language

SCRIPT = Path(__file__).resolve().parents[1] / "scripts" / "train_lm.py"
spec = importlib.util.spec_from_file_location("train_lm", SCRIPT)
train_lm = importlib.util.module_from_spec(spec)
spec.loader.exec_module(train_lm)

SMALL = ["--epochs", "1", "--hidden", "8", "--batch", "4", "--chunk", "16", "--layers", "2"]


def grammar_text(path):
    words, _ = word_language(120, np.random.default_rng(0))
    path.write_text(" ".join(words).replace(" . ", ".\n"), encoding="utf-8")
    return path


@pytest.fixture
def text_file(tmp_path):
    return grammar_text(tmp_path / "grammar.txt")


@pytest.fixture(scope="module")
def saved(tmp_path_factory):
    """A model trained for one pass: (its path, the text it was trained on)."""
    folder = tmp_path_factory.mktemp("saved")
    text, out = grammar_text(folder / "grammar.txt"), folder / "model.npz"
    assert train_lm.main([str(text), *SMALL, "--out", str(out)]) == 0
    return out, text


def one_error_line(capsys):
    """What main wrote to stderr: exactly one line, no traceback."""
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "Traceback" not in err, err
    return err


def test_train_save_load_and_sample(text_file, tmp_path, capsys):
    out = tmp_path / "model.npz"
    assert train_lm.main([str(text_file), *SMALL, "--out", str(out)]) == 0
    printed = capsys.readouterr().out
    assert "pass 1/1 [" in printed and "validation perplexity" in printed and "sample:" in printed
    assert "trigram" in printed and f"saved to {out}" in printed
    model, vocabulary, settings = train_lm.load(out)
    assert vocabulary == "".join(sorted(set(text_file.read_text())))
    assert settings == {"hidden": 8, "layers": 2, "dropout": 0.2, "tie_weights": True}
    assert train_lm.main(["--sample", str(out), "--start", "a ", "--length", "50"]) == 0
    sampled = capsys.readouterr().out.rstrip("\n")
    assert sampled.startswith("a ") and len(sampled) == 52 and set(sampled) <= set(vocabulary)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["grammar.txt", "model.npz"]


def test_sampling_from_a_loaded_model_is_reproducible(saved, capsys):
    runs = []
    for _ in range(2):
        train_lm.main(["--sample", str(saved[0]), "--start", "the", "--seed", "3"])
        runs.append(capsys.readouterr().out)
    assert runs[0] == runs[1]


def test_help_shows_defaults_and_separates_training_from_sampling(capsys):
    with pytest.raises(SystemExit) as stop:
        train_lm.main(["--help"])
    assert stop.value.code == 0
    text = capsys.readouterr().out
    training, sampling = text.index("training (give a TEXTFILE)"), text.index("sampling (give")
    epochs, length = text.index("  --epochs EPOCHS"), text.index("  --length LENGTH")
    assert training < epochs < sampling < length
    assert "(default: 5)" in text and "(default: model.npz)" in text


@pytest.mark.parametrize(
    ("content", "words"),
    [
        (b"", "is empty"),
        (b"  \n\n ", "is empty"),
        (b"abc\x00def" * 200, "looks binary"),
        (b"\xff\xfe\xfa" * 300, "not UTF-8"),
        (b"a short text", "too short"),
    ],
)
def test_bad_text_files_are_named(content, words, tmp_path, capsys):
    path = tmp_path / "input.txt"
    path.write_bytes(content)
    assert train_lm.main([str(path), *SMALL, "--out", str(tmp_path / "m.npz")]) == 2
    err = one_error_line(capsys)
    assert words in err and str(path) in err
    assert not (tmp_path / "m.npz").exists()


BAD_OPTIONS = [  # (arguments after TEXTFILE or --sample MODEL, words of the message)
    (["--epochs", "0"], "--epochs"),
    (["--epochs", "2.5"], "--epochs"),
    (["--hidden", "0"], "--hidden"),
    (["--hidden", "x"], "--hidden"),
    (["--layers", "-1"], "--layers"),
    (["--batch", "0"], "--batch"),
    (["--chunk", "0"], "--chunk"),
    (["--dropout", "1"], "--dropout"),
    (["--dropout", "nan"], "--dropout"),
    (["--lr", "0"], "--lr"),
    (["--lr", "inf"], "--lr"),
    (["--temperature", "0"], "--temperature"),
    (["--temperature", "inf"], "--temperature"),
    (["--seed", "-1"], "--seed"),
    (["--bogus"], "--bogus"),
    (["--epo", "2"], "--epo"),
    (["--length", "5"], "--length is not an option for training"),
    (["--sample", "m.npz"], "one of the two"),
    (["--start", ""], "empty"),
    (["--start", "ZQ"], "'QZ'"),
    (["--hidden", "30000"], "--hidden 30000"),
    (["--out", "nowhere/m.npz"], "nowhere is not an existing folder"),
    (["--out", "grammar.txt/m.npz"], "grammar.txt is not an existing folder"),
    (["--out", "folder/"], "is a folder"),
    (["--out", "folder"], "--out folder is a folder"),
    (["--out", "folder.npz"], "is a folder"),
    (["--out", "notes.npz"], "--force"),
    (["--out", "notes"], "--out notes.npz exists and is not a model"),
]


@pytest.mark.parametrize(("options", "words"), BAD_OPTIONS)
def test_bad_training_options_stop_before_any_work(options, words, text_file, capsys, monkeypatch):
    monkeypatch.chdir(text_file.parent)
    (text_file.parent / "folder.npz").mkdir()
    (text_file.parent / "folder").mkdir()
    (text_file.parent / "notes.npz").write_text("a reader's notes")
    monkeypatch.setattr(train_lm, "build", lambda *a: pytest.fail("training began"))
    assert train_lm.main([text_file.name, *SMALL, *options]) == 2
    assert words in one_error_line(capsys)
    assert (text_file.parent / "notes.npz").read_text() == "a reader's notes"


@pytest.mark.parametrize(
    ("options", "words"),
    [
        (["--length", "0"], "--length"),
        (["--epochs", "3"], "--epochs is not an option for sampling"),
        (["--out", "x.npz"], "--out is not an option for sampling"),
        (["--start", "ZQ"], "outside the vocabulary"),
        (["--temperature", "-1"], "--temperature"),
    ],
)
def test_bad_sampling_options(options, words, saved, capsys):
    assert train_lm.main(["--sample", str(saved[0]), *options]) == 2
    assert words in one_error_line(capsys)


def test_nothing_to_do_is_one_line(capsys):
    assert train_lm.main([]) == 2
    assert "give a TEXTFILE" in one_error_line(capsys)


def _arrays(path):
    with np.load(path) as data:
        return {name: data[name] for name in data.files}


def _rewrite(good, bad, change):
    arrays = _arrays(good)
    change(arrays)
    np.savez(bad, **arrays)


def _settings(**changes):
    def change(arrays):
        arrays["settings"] = json.dumps({**json.loads(str(arrays["settings"])), **changes})

    return change


def _npy(bad):
    """A single .npy array under a .npz name."""
    with bad.open("wb") as file:
        np.save(file, np.zeros(3))


def _short_member(good, bad):
    """A zip whose param_1.npy declares its shape but holds fewer bytes."""
    with zipfile.ZipFile(good) as source, zipfile.ZipFile(bad, "w") as target:
        for info in source.infolist():
            data = source.read(info)
            target.writestr(info.filename, data[:-8] if info.filename == "param_1.npy" else data)


def _flipped(good, bad):
    """A byte of param_1's data changed: the zip's checksum no longer matches."""
    data, tail = bytearray(good.read_bytes()), _arrays(good)["param_1"].tobytes()[-8:]
    data[data.index(tail)] ^= 0xFF
    bad.write_bytes(bytes(data))


BAD_MODELS = {  # name: (how to make it from a good model file, words of the message)
    "missing": (lambda good, bad: None, "no such file"),
    "folder": (lambda good, bad: bad.mkdir(), "is a folder"),
    "empty": (lambda good, bad: bad.write_bytes(b""), "is empty"),
    "text": (lambda good, bad: bad.write_text("hello " * 100), "not a .npz archive"),
    "truncated": (lambda good, bad: bad.write_bytes(good.read_bytes()[:2000]), "damaged"),
    "npy": (lambda good, bad: _npy(bad), "not a .npz archive"),
    "missing array": (lambda g, b: _rewrite(g, b, lambda a: a.pop("param_3")), "param_3"),
    "extra array": (lambda g, b: _rewrite(g, b, lambda a: a.update(x=np.ones(2))), "x.npy"),
    "no settings": (lambda g, b: _rewrite(g, b, lambda a: a.pop("settings")), "settings.npy"),
    "huge hidden": (lambda g, b: _rewrite(g, b, _settings(hidden=30000)), "(E) must be"),
    "string switch": (lambda g, b: _rewrite(g, b, _settings(tie_weights="no")), "tie_weights"),
    "unknown setting": (lambda g, b: _rewrite(g, b, _settings(colour=1)), "exactly hidden"),
    "float hidden": (lambda g, b: _rewrite(g, b, _settings(hidden=8.0)), "setting hidden"),
    "scalar param": (
        lambda g, b: _rewrite(g, b, lambda a: a.update(param_0=np.float64(0.5))),
        "param_0 (E) must be",
    ),
    "float32": (
        lambda g, b: _rewrite(g, b, lambda a: a.update(param_2=a["param_2"].astype(np.float32))),
        "float32",
    ),
    "nan": (
        lambda g, b: _rewrite(g, b, lambda a: a["param_1"].__setitem__((0, 0), np.nan)),
        "param_1 (Wx1) holds NaN",
    ),
    "not json": (lambda g, b: _rewrite(g, b, lambda a: a.update(settings="{hid")), "not JSON"),
    "compressed": (lambda g, b: np.savez_compressed(b, **_arrays(g)), "compressed"),
    "short member": (_short_member, "param_1.npy does not hold"),
    "flipped byte": (_flipped, "damaged (Bad CRC-32"),
}


@pytest.mark.parametrize("case", BAD_MODELS)
def test_bad_model_files_are_named(case, saved, tmp_path, capsys):
    make, words = BAD_MODELS[case]
    bad = tmp_path / "bad.npz"
    make(saved[0], bad)
    assert train_lm.main(["--sample", str(bad)]) == 2
    err = one_error_line(capsys)
    assert str(bad) in err and words in err, err
    with pytest.raises(train_lm.BadModel, match=words.replace("(", r"\(").replace(")", r"\)")):
        train_lm.load(bad)


def test_a_small_file_cannot_make_the_loader_allocate_much(saved, tmp_path):
    bad = tmp_path / "huge.npz"
    _rewrite(saved[0], bad, _settings(hidden=30000, layers=100000))
    assert bad.stat().st_size < 30_000
    tracemalloc.start()
    with pytest.raises(train_lm.BadModel):
        train_lm.load(bad)
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    assert peak < 2**20


def test_out_gets_its_suffix_and_the_printed_name_is_true(text_file, tmp_path, capsys):
    assert train_lm.main([str(text_file), *SMALL, "--out", str(tmp_path / "model")]) == 0
    assert f"kept in {tmp_path / 'model.npz'}" in capsys.readouterr().out
    assert (tmp_path / "model.npz").is_file() and not (tmp_path / "model").exists()


def test_out_replaces_a_saved_model_but_a_readers_file_only_with_force(text_file, tmp_path, capsys):
    out = tmp_path / "model.npz"
    assert train_lm.main([str(text_file), *SMALL, "--out", str(out)]) == 0
    assert train_lm.main([str(text_file), *SMALL, "--out", str(out), "--seed", "1"]) == 0
    assert "replacing the model there" in capsys.readouterr().out
    notes = tmp_path / "notes.npz"
    notes.write_text("mine")
    assert train_lm.main([str(text_file), *SMALL, "--out", str(notes)]) == 2
    assert "--force" in one_error_line(capsys) and notes.read_text() == "mine"
    assert train_lm.main([str(text_file), *SMALL, "--out", str(notes), "--force"]) == 0
    assert train_lm.load(notes)[2]["hidden"] == 8


def scripted(monkeypatch, perplexities, seen):
    """Replace one_pass: pass k stamps the model's b_out with k, records the learning rate
    it was given and reports perplexities[k - 1] (raising it if it is an exception)."""

    def one_pass(model, optimizer, ids, split, args, epoch):
        model.params[-1][...] = epoch
        seen.append(optimizer.lr)
        result = perplexities[epoch - 1]
        if isinstance(result, BaseException):
            raise result
        return 0.0, result

    monkeypatch.setattr(train_lm, "one_pass", one_pass)


def test_keeps_the_best_pass_and_divides_the_rate_when_a_pass_does_not_improve(
    text_file, tmp_path, capsys, monkeypatch
):
    lrs, out = [], tmp_path / "model.npz"
    scripted(monkeypatch, [5.0, 4.0, 4.5, 3.0, 3.5], lrs)
    argv = [str(text_file), *SMALL, "--epochs", "5", "--lr", "0.04", "--out", str(out)]
    assert train_lm.main(argv) == 0
    assert lrs == [0.04, 0.04, 0.04, 0.01, 0.01]
    assert np.all(train_lm.load(out)[0].params[-1] == 4)  # pass 4 had the best perplexity
    printed = capsys.readouterr().out
    assert "not better than pass 2: learning rate 0.01" in printed
    assert "best validation perplexity 3.00 (pass 4)" in printed
    assert sorted(p.name for p in tmp_path.iterdir()) == ["grammar.txt", "model.npz"]


@pytest.mark.parametrize(
    ("perplexities", "status", "words", "best"),
    [
        ([3.0, 2.0, KeyboardInterrupt()], 130, "interrupted in pass 3: the best model (pass 2)", 2),
        ([KeyboardInterrupt()], 130, "interrupted in pass 1: none saved", None),
        ([3.0, np.inf], 1, "pass 2 diverged (validation perplexity inf); the best model", 1),
        ([3.0, ValueError("gradient norm is nan")], 1, "diverged (gradient norm is nan)", 1),
    ],
)
def test_a_stopped_run_says_where_the_best_model_is(
    perplexities, status, words, best, text_file, tmp_path, capsys, monkeypatch
):
    out = tmp_path / "model.npz"
    scripted(monkeypatch, perplexities, [])
    argv = [str(text_file), *SMALL, "--epochs", "3", "--out", str(out)]
    assert train_lm.main(argv) == status
    err = one_error_line(capsys)
    assert words in err
    if best is None:
        assert not out.exists()
    else:
        assert f"(pass {best}) is in {out}" in err
        assert np.all(train_lm.load(out)[0].params[-1] == best)
    assert not [p for p in tmp_path.iterdir() if p.name.endswith(".tmp")]


def test_a_save_that_fails_leaves_the_old_model_and_no_temporary_file(saved, tmp_path):
    out = tmp_path / "model.npz"
    out.write_bytes(saved[0].read_bytes())
    model, vocabulary, settings = train_lm.load(out)

    class Unsaveable:
        def __array__(self, *args, **kwargs):
            raise KeyboardInterrupt

    with pytest.raises(KeyboardInterrupt):
        train_lm.save(out, [*model.params, Unsaveable()], vocabulary, settings)
    assert out.read_bytes() == saved[0].read_bytes()
    assert [p.name for p in tmp_path.iterdir()] == ["model.npz"]


def test_temperature_applies_to_the_samples_printed_while_training(
    text_file, tmp_path, monkeypatch
):
    temperatures = []

    def fake_sample(model, start, length, rng, temperature=1.0):
        temperatures.append(temperature)
        return np.zeros(length, dtype=np.int64)

    monkeypatch.setattr(train_lm, "sample", fake_sample)
    argv = [str(text_file), *SMALL, "--temperature", "1.7", "--out", str(tmp_path / "m.npz")]
    assert train_lm.main(argv) == 0
    assert temperatures == [1.7]


def test_ngram_distributions_sum_to_one():
    """For a seen and an unseen history, P(w | h) over all V characters sums to 1."""
    V, rng = 5, np.random.default_rng(0)
    train = list(rng.integers(0, 3, size=200))  # characters 3 and 4 never seen
    for order in (1, 2, 3):
        for history in ([0, 1], [4, 3]):
            total = sum(
                1 / train_lm.ngram_perplexity(train + history + [w], len(train) + 2, V, order)
                for w in range(V)
            )
            assert total == pytest.approx(1.0, abs=1e-12)


def test_ngram_baseline_values():
    V, ids = 3, [0, 1, 2] * 100
    unigram = train_lm.ngram_perplexity(ids, 270, V, 1)
    assert unigram == pytest.approx(3.0)  # every character (90 + 1) / (270 + 3) = 1 / 3
    assert train_lm.ngram_perplexity(ids, 270, V, 3) < 1.05  # the cycle is predictable


def test_the_command_line_prints_one_line_and_no_traceback(tmp_path):
    for argv in (["--sample", str(tmp_path / "missing.npz")], ["x.txt", "--epochs", "0"]):
        run = subprocess.run(
            [sys.executable, str(SCRIPT), *argv], capture_output=True, text=True, check=False
        )
        assert run.returncode == 2 and run.stdout == ""
        assert run.stderr.count("\n") == 1 and run.stderr.startswith("train_lm.py: error:")
