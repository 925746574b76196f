"""The odyssey's models follow the book's model interface, their gradients are right, and the
grid and its table are what notebook 09 reads."""

from pathlib import Path

import numpy as np
import pytest

from lstm_lib import (
    Adam,
    LanguageModel,
    SequenceRegressor,
    bracket_vocabulary,
    check_model_gradients,
    decode,
    encode,
    fit,
    is_balanced,
    odyssey,
)
from lstm_lib.odyssey import (
    KINDS,
    Task,
    bracket_floor,
    format_table,
    grid,
    make_model,
    make_recurrent,
    make_task,
    run,
)


def _model_gradients_pass(model, xs, ts):
    report = check_model_gradients(model, lambda: model.forward(xs, ts))
    assert report.passed, report


@pytest.mark.parametrize("kind", ["peephole", "coupled (CIFG)", "GRU", "RNN"])
def test_both_models_pass_a_whole_model_gradient_check(kind, rng):
    adding = Task("adding", None, None)
    xs, ts = rng.random((3, 5, 2)), rng.random((3, 1))
    regressor = make_model(kind, adding, 3, rng)
    assert isinstance(regressor, SequenceRegressor)
    _model_gradients_pass(regressor, xs, ts)
    brackets = Task("brackets", None, None)
    ids = rng.integers(0, len(bracket_vocabulary()), (2, 6))
    symbols = make_model(kind, brackets, 3, rng)
    assert isinstance(symbols, LanguageModel)
    assert not symbols.stack.layers[0].stateful  # independent strings, each from zero
    _model_gradients_pass(symbols, ids[:, :-1], ids[:, 1:])


#: validation losses of odyssey.run(kind, task, seed=0, H=4, steps=5, batch_size=8), computed
#: with the odyssey's own LastStepRegressor and NextSymbolModel before lstm_lib.models
#: replaced them: the one model floor changed no number of the stored grid
BEFORE = {
    ("adding", "vanilla"): 1.3997848446411982,
    ("adding", "peephole"): 1.3872518274508865,
    ("adding", "GRU"): 1.618533067636817,
    ("adding", "RNN"): 1.8602430186956775,
    ("brackets", "vanilla"): 2.447962914617917,
    ("brackets", "coupled (CIFG)"): 2.449185648876661,
    ("brackets", "no output activation"): 2.463074020546302,
    ("brackets", "GRU"): 2.4881659492463295,
}


@pytest.mark.parametrize(("task", "kind"), sorted(BEFORE))
def test_the_models_give_the_losses_of_before_the_one_model_floor(task, kind):
    seed, T = {"adding": (1, 6), "brackets": (2, 8)}[task]
    data = make_task(task, np.random.default_rng(seed), T=T, n_train=64, n_val=32)
    loss = run(kind, data, 0, H=4, steps=5, batch_size=8)
    assert loss == pytest.approx(BEFORE[(task, kind)], rel=1e-12)


def test_bracket_strings_are_balanced_and_start_at_depth_zero(rng):
    task = make_task("brackets", rng, T=20, n_train=8, n_val=4)
    xs, ts = task.train
    assert xs.shape == ts.shape == (8, 20)
    np.testing.assert_array_equal(xs[:, 1:], ts[:, :-1])
    full = np.concatenate([xs, ts[:, -1:]], axis=1)
    assert all(is_balanced(decode(row, bracket_vocabulary())) for row in full)


def test_the_bracket_floor_is_the_generators_own_probabilities(rng):
    """a(c): '(' has 0.2 / 2; 'c' 0.3, out of 0.8 once no bracket can open and close in
    time; ')' is forced. Without the end rule, 0.1, 0.3 and 0.2."""
    ids = encode("a(c)", bracket_vocabulary())[None, :]
    task = Task("brackets", None, (ids[:, :-1], ids[:, 1:]))
    expected = -np.mean(np.log([0.1, 0.3 / 0.8, 1.0]))
    assert bracket_floor(task) == pytest.approx(expected, rel=1e-12)
    blind = -np.mean(np.log([0.1, 0.3, 0.2]))
    assert bracket_floor(task, end_rule=False) == pytest.approx(blind, rel=1e-12)
    big = make_task("brackets", rng, T=30, n_train=4, n_val=50)
    assert 1.0 < bracket_floor(big) < bracket_floor(big, end_rule=False)
    with pytest.raises(ValueError, match="task must be the task 'brackets'"):
        bracket_floor(Task("adding", None, None))


def test_training_lowers_the_loss_and_returns_a_history(rng):
    task = make_task("adding", rng, T=8, n_train=200, n_val=100)
    model = make_model("vanilla", task, 8, rng)
    before = model.forward(*task.val)
    history = fit(model, Adam(0.02), *task.train, 150, 16, rng, clip_norm=1.0)
    assert history.loss.shape == history.grad_norm.shape == (150,)
    assert model.forward(*task.val) < 0.5 * before


def test_grid_is_reproducible_and_the_table_lists_every_cell():
    task = make_task("adding", np.random.default_rng(1), T=6, n_train=64, n_val=32)
    settings = {"H": 4, "steps": 5, "batch_size": 8}
    first = grid(["vanilla", "GRU"], [task], [0, 1], **settings)
    second = grid(["vanilla", "GRU"], [task], [0, 1], **settings)
    assert first.keys() == second.keys() == {("adding", "vanilla"), ("adding", "GRU")}
    for key in first:
        np.testing.assert_array_equal(first[key], second[key])
    assert run("GRU", task, 0, **settings) == first[("adding", "GRU")][0]
    table = format_table(first, ["adding"]).splitlines()
    assert len(table) == 4 and table[2].startswith("| vanilla | ")


def test_every_kind_is_known_and_bad_names_are_refused(rng):
    assert len(KINDS) == 9 and KINDS[-2:] == ("GRU", "RNN")
    with pytest.raises(ValueError, match="kind must be one of"):
        make_recurrent("LSTM", 2, 3, rng)
    with pytest.raises(ValueError, match="name must be"):
        make_task("copying", rng, T=5)


def test_the_stored_grid_ships_with_the_library_and_covers_every_model():
    """Notebook 09 reads the full grid from lstm_lib itself, wherever the notebook runs."""
    stored = odyssey.stored_results()
    assert stored["command"] == "python benchmarks/odyssey.py"
    seeds = len(stored["settings"]["seeds"])
    expected = {f"{task}/{kind}" for task in ("adding", "brackets") for kind in odyssey.KINDS}
    assert set(stored["losses"]) == expected
    assert all(len(v) == seeds and all(np.isfinite(v)) for v in stored["losses"].values())
    pyproject = (Path(__file__).resolve().parents[1] / "pyproject.toml").read_text()
    assert 'lstm_lib = ["data/*.json"' in pyproject  # installed, not only in a clone
