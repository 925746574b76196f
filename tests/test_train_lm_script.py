"""scripts/train_lm.py trains on a small generated file, saves, loads and samples, and names
what is wrong with an empty, binary or too short file."""

import importlib.util
from pathlib import Path

import numpy as np
import pytest

from lstm_lib.tasks import word_language

SCRIPT = Path(__file__).resolve().parents[1] / "scripts" / "train_lm.py"
spec = importlib.util.spec_from_file_location("train_lm", SCRIPT)
train_lm = importlib.util.module_from_spec(spec)
spec.loader.exec_module(train_lm)

SMALL = ["--epochs", "1", "--hidden", "8", "--batch", "4", "--chunk", "16", "--layers", "2"]


@pytest.fixture
def text_file(tmp_path):
    words, _ = word_language(120, np.random.default_rng(0))
    path = tmp_path / "grammar.txt"
    path.write_text(" ".join(words).replace(" . ", ".\n"), encoding="utf-8")
    return path


def test_train_save_load_and_sample(text_file, tmp_path, capsys):
    out = tmp_path / "model.npz"
    assert train_lm.main([str(text_file), *SMALL, "--out", str(out)]) == 0
    printed = capsys.readouterr().out
    assert "pass 1/1 [" in printed and "validation perplexity" in printed and "sample:" in printed
    model, vocabulary, settings = train_lm.load(out)
    assert vocabulary == "".join(sorted(set(text_file.read_text())))
    assert settings == {"hidden": 8, "layers": 2, "dropout": 0.2, "tie_weights": True}
    assert train_lm.main(["--sample", str(out), "--start", "a ", "--length", "50"]) == 0
    sampled = capsys.readouterr().out.rstrip("\n")
    assert sampled.startswith("a ") and len(sampled) == 52 and set(sampled) <= set(vocabulary)


def test_sampling_from_a_loaded_model_is_reproducible(text_file, tmp_path, capsys):
    out = tmp_path / "model.npz"
    train_lm.main([str(text_file), *SMALL, "--out", str(out)])
    capsys.readouterr()
    runs = []
    for _ in range(2):
        train_lm.main(["--sample", str(out), "--start", "the", "--seed", "3"])
        runs.append(capsys.readouterr().out)
    assert runs[0] == runs[1]


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
def test_bad_files_are_named(content, words, tmp_path, capsys):
    path = tmp_path / "input.txt"
    path.write_bytes(content)
    assert train_lm.main([str(path), *SMALL, "--out", str(tmp_path / "m.npz")]) == 2
    assert words in capsys.readouterr().err
    assert not (tmp_path / "m.npz").exists()


def test_missing_file_and_unknown_start_characters(text_file, tmp_path, capsys):
    assert train_lm.main([str(tmp_path / "nope.txt")]) == 2
    assert "is not a file" in capsys.readouterr().err
    out = tmp_path / "model.npz"
    train_lm.main([str(text_file), *SMALL, "--out", str(out)])
    assert train_lm.main(["--sample", str(out), "--start", "ZQ"]) == 2
    assert "unknown: ['Q', 'Z']" in capsys.readouterr().err
