"""lstm_lib.models: Stack, SequenceRegressor and LanguageModel on every recurrent layer.

Whole-model gradient checks in float64 (CONVENTIONS §6: relative error below 1e-7), the
carried state and the cut of truncated BPTT, stacking, dropout and tied weights, dtypes, and
the errors a wrong composition gives. Training and sampling are in tests/test_training.py.
"""

import numpy as np
import pytest

from lstm_lib import (
    LSTM,
    Affine,
    Embedding,
    FastTimeLSTM,
    LanguageModel,
    SequenceRegressor,
    Stack,
    TimeAffine,
    TimeGRU,
    TimeLSTM,
    TimeRNN,
    TimeVariantLSTM,
    check_model_gradients,
    init_gru_params,
    init_lstm_params,
    init_rnn_params,
)

TOL = 1e-7  # CONVENTIONS §6
KINDS = ["fast", "lstm", "rnn", "gru", "gru reset_after", "peephole", "coupled"]


def recurrent(kind, D, H, rng, stateful=False, dtype=np.float64):
    """A time layer of kind with input size D and H units; non-trivial biases and peepholes."""
    if kind.startswith("gru"):
        after = kind.endswith("reset_after")
        params = list(init_gru_params(D, H, rng, reset_after=after, dtype=dtype))
        params[2] = params[2] + (0.3 * rng.standard_normal(params[2].shape)).astype(dtype)
        return TimeGRU(*params, reset_after=after, stateful=stateful)
    if kind == "rnn":
        return TimeRNN(*init_rnn_params(D, H, rng, dtype), stateful=stateful)
    Wx, Wh, b = init_lstm_params(D, H, rng, dtype=dtype)
    b = b + (0.3 * rng.standard_normal(b.shape)).astype(dtype)
    if kind == "fast":
        return FastTimeLSTM(Wx, Wh, b, stateful)
    if kind == "lstm":
        return TimeLSTM(Wx, Wh, b, stateful)
    if kind == "peephole":
        P = (0.5 * rng.standard_normal((3, H))).astype(dtype)
        return TimeVariantLSTM(Wx, Wh, b, P, stateful=stateful, peephole=True)
    return TimeVariantLSTM(Wx, Wh, b, stateful=stateful, coupled=True)


def regressor(kinds, rng, D=3, H=4, K=2, dtype=np.float64, dropout=0.0):
    """A SequenceRegressor on the layers of kinds (one name or a list), each H units."""
    names = [kinds] if isinstance(kinds, str) else kinds
    layers = [recurrent(k, D if n == 0 else H, H, rng, dtype=dtype) for n, k in enumerate(names)]
    head = Affine(rng.standard_normal((H, K)).astype(dtype), rng.standard_normal(K).astype(dtype))
    return SequenceRegressor(layers if len(layers) > 1 else layers[0], head, dropout, rng)


def language_model(kinds, rng, V=6, D=4, H=4, tied=False, dtype=np.float64, dropout=0.0):
    """A LanguageModel with stateful layers of kinds (one name or a list), each H units."""
    names = [kinds] if isinstance(kinds, str) else kinds
    layers = [
        recurrent(k, D if n == 0 else H, H, rng, stateful=True, dtype=dtype)
        for n, k in enumerate(names)
    ]
    embed = Embedding(rng.standard_normal((V, D)).astype(dtype))
    head = (
        None if tied else TimeAffine(*(rng.standard_normal(s).astype(dtype) for s in [(H, V), V]))
    )
    return LanguageModel(embed, layers if len(layers) > 1 else layers[0], head, dropout, rng)


def _fixed_masks(model, loss):
    """loss with the same dropout masks at every evaluation (a fresh rng per Dropout)."""

    def fixed():
        model.reset_state()
        for k, drop in enumerate(model.stack.drops):
            drop.rng = np.random.default_rng(k)
        return loss()

    return fixed


def _passes(model, loss):
    report = check_model_gradients(model, loss, tol=TOL)
    assert report.passed, report


# --- the gradient of every model on every recurrent layer --------------------------------


@pytest.mark.parametrize("kinds", [*KINDS, ["gru", "fast"], ["lstm", "peephole"]], ids=str)
def test_regressor_gradient_on_every_recurrent_layer(kinds, rng):
    model = regressor(kinds, rng)
    xs, ts = rng.standard_normal((3, 5, 3)), rng.standard_normal((3, 2))
    _passes(model, lambda: model.forward(xs, ts))


@pytest.mark.parametrize("kinds", [*KINDS, ["rnn", "gru reset_after"], ["fast", "lstm"]], ids=str)
@pytest.mark.parametrize("tied", [False, True], ids=["untied", "tied"])
def test_language_model_gradient_on_every_recurrent_layer(kinds, tied, rng):
    model = language_model(kinds, rng, tied=tied)
    xs, ts = rng.integers(0, 6, (2, 5)), rng.integers(0, 6, (2, 5))

    def loss():
        model.reset_state()
        return model.forward(xs, ts)

    _passes(model, loss)


@pytest.mark.parametrize("model", ["regressor", "language model"])
def test_gradient_with_dropout_between_stacked_layers(model, rng):
    if model == "regressor":
        net = regressor(["gru", "fast"], rng, dropout=0.3)
        xs, ts = rng.standard_normal((3, 5, 3)), rng.standard_normal((3, 2))
    else:
        net = language_model(["fast", "rnn"], rng, tied=True, dropout=0.3)
        xs, ts = rng.integers(0, 6, (2, 5)), rng.integers(0, 6, (2, 5))
    _passes(net, _fixed_masks(net, lambda: net.forward(xs, ts)))


@pytest.mark.parametrize(
    ("layers", "dropout", "tie"), [(1, 0.0, False), (2, 0.0, False), (2, 0.3, True), (1, 0.5, True)]
)
def test_every_parameter_gradient_of_the_book_language_model(layers, dropout, tie, rng):
    model = LanguageModel.lstm(7, 4, 4, rng, layers=layers, dropout=dropout, tie_weights=tie)
    xs, ts = rng.integers(0, 7, (2, 5)), rng.integers(0, 7, (2, 5))
    assert len(model.params) == len(model.param_names) == 3 + 3 * layers - tie
    _passes(model, _fixed_masks(model, lambda: model.forward(xs, ts)))


@pytest.mark.parametrize("carried", [False, True])
def test_language_model_gradient_from_a_carried_state(carried, rng):
    model = LanguageModel.lstm(5, 3, 4, rng)
    ids, targets = rng.integers(0, 5, (2, 6)), rng.integers(0, 5, (2, 6))
    h0, c0 = rng.standard_normal((2, 4)), rng.standard_normal((2, 4))

    def loss():
        model.reset_state()
        if carried:  # a state handed over from a previous chunk is a constant input
            model.stack.layers[0].set_state(h0, c0)
        return model.forward(ids, targets)

    _passes(model, loss)


@pytest.mark.parametrize("kind", ["lstm", "rnn"])
def test_regressor_factories_gradient_and_dout(kind, rng):
    make = SequenceRegressor.lstm if kind == "lstm" else SequenceRegressor.rnn
    model = make(3, 4, 2, rng)
    xs, ys = rng.standard_normal((5, 6, 3)), rng.standard_normal((5, 2))
    model.forward(xs, ys)
    assert model.backward() is None  # the gradients are in model.grads
    grads = [g.copy() for g in model.grads]
    report = check_model_gradients(model, lambda: model.forward(xs, ys), eps=1e-6)
    assert report.passed, report
    model.forward(xs, ys)
    model.backward(dout=2.0)
    for grad, twice in zip(grads, model.grads, strict=True):
        np.testing.assert_allclose(twice, 2 * grad, rtol=1e-12)


def test_tied_gradient_is_the_sum_of_both_uses_of_E(rng):
    """Tied, dL/dE = (embedding's gradient) + (the output layer's dW)^T."""
    tied = LanguageModel.lstm(6, 4, 4, rng, tie_weights=True)
    E = tied.params[0]
    untied = LanguageModel(
        Embedding(E.copy()),
        FastTimeLSTM(*(p.copy() for p in tied.stack.params), True),
        TimeAffine(E.T.copy(), np.zeros(6)),
    )
    xs, ts = rng.integers(0, 6, (2, 5)), rng.integers(0, 6, (2, 5))
    assert tied.forward(xs, ts) == pytest.approx(untied.forward(xs, ts), rel=1e-12)
    tied.backward()
    untied.backward()
    dE, dW = untied.grads[0], untied.grads[4]
    np.testing.assert_allclose(tied.grads[0], dE + dW.T, rtol=1e-10, atol=1e-14)


# --- composition: params, stacking, equivalences ------------------------------------------


def test_regressor_params_are_the_layers_arrays(rng):
    model = SequenceRegressor.lstm(2, 3, 1, rng)
    assert len(model.params) == len(model.grads) == 5
    assert isinstance(model.stack.layers[0], FastTimeLSTM)
    assert model.params[0] is model.stack.layers[0].params[0]
    assert model.grads[-1] is model.head.grads[-1]


def test_language_model_params_and_names(rng):
    model = LanguageModel.lstm(5, 3, 4, rng)
    assert model.param_names == ["E", "Wx", "Wh", "b", "W", "b_out"]
    assert model.params[0] is model.embed.params[0]
    assert model.grads[4] is model.head.grads[0]
    shapes = [p.shape for p in model.params]
    assert shapes == [(5, 3), (3, 16), (4, 16), (16,), (4, 5), (5,)]
    stacked = LanguageModel.lstm(5, 4, 4, rng, layers=2, tie_weights=True)
    assert stacked.param_names == ["E", "Wx1", "Wh1", "b1", "Wx2", "Wh2", "b2", "b_out"]
    gru = language_model(["gru reset_after", "peephole"], rng)
    assert gru.param_names == [
        "E",
        "Wx1",
        "Wh1",
        "b1",
        "b_hg1",
        "Wx2",
        "Wh2",
        "b2",
        "P2",
        "W",
        "b_out",
    ]
    assert [p.shape for p in gru.params] == [p.shape for p in gru.grads]


def test_the_lstm_regressor_trains_the_fast_lstm_and_the_readable_one_agrees(rng):
    """SequenceRegressor.lstm builds on FastTimeLSTM (what training uses); the readable
    TimeLSTM with the same weights gives the same loss and gradients."""
    fast = SequenceRegressor.lstm(3, 4, 2, rng)
    head = Affine(*(p.copy() for p in fast.head.params))
    readable = SequenceRegressor(TimeLSTM(*(p.copy() for p in fast.stack.params)), head)
    xs, ys = rng.standard_normal((5, 6, 3)), rng.standard_normal((5, 2))
    np.testing.assert_allclose(readable.forward(xs, ys), fast.forward(xs, ys), rtol=1e-12)
    readable.backward()
    fast.backward()
    for mine, theirs in zip(readable.grads, fast.grads, strict=True):
        np.testing.assert_allclose(mine, theirs, rtol=1e-10, atol=1e-14)


def test_two_layers_equal_two_time_lstms_stacked_by_hand(rng):
    model = LanguageModel.lstm(8, 3, 5, rng, layers=2)
    E, Wx1, Wh1, b1, Wx2, Wh2, b2, W, b_out = model.params
    ids = rng.integers(0, 8, (2, 7))
    hs = TimeLSTM(Wx2, Wh2, b2).forward(TimeLSTM(Wx1, Wh1, b1).forward(E[ids]))
    model.reset_state()
    np.testing.assert_allclose(model.predict(ids), hs @ W + b_out, rtol=1e-10, atol=1e-12)


def test_the_factory_draws_its_weights_in_the_documented_order(rng):
    """E from N(0, 1/D), then init_lstm_params, then W from N(0, 1/H), b_out zero."""
    V, D, H = 7, 3, 5
    model = LanguageModel.lstm(V, D, H, np.random.default_rng(3))
    draw = np.random.default_rng(3)
    E = draw.standard_normal((V, D)) / np.sqrt(D)
    Wx, Wh, b = init_lstm_params(D, H, draw)
    W = draw.standard_normal((H, V)) / np.sqrt(H)
    for got, want in zip(model.params, [E, Wx, Wh, b, W, np.zeros(V)], strict=True):
        np.testing.assert_array_equal(got, want)


def test_tied_weights_are_one_array(rng):
    model = LanguageModel.lstm(9, 6, 6, rng, tie_weights=True)
    assert np.shares_memory(model.head.params[0], model.params[0])
    model.params[0][...] += 1.0  # an optimizer step on E changes the output weights too
    np.testing.assert_array_equal(model.head.params[0], model.params[0].T)
    with pytest.raises(ValueError, match="D == H"):
        LanguageModel.lstm(9, 4, 6, rng, tie_weights=True)


def test_dtype_is_preserved_float32(rng):
    regress = regressor(["gru", "fast"], rng, dtype=np.float32)
    xs = rng.standard_normal((3, 5, 3)).astype(np.float32)
    y = regress.predict(xs)
    assert y.dtype == np.float32 and y.shape == (3, 2)
    assert np.isfinite(regress.forward(xs, np.zeros((3, 2), np.float32)))
    regress.backward()
    assert all(g.dtype == np.float32 for g in regress.grads)
    factory = SequenceRegressor.lstm(2, 3, 1, rng, dtype=np.float32)
    assert factory.predict(np.zeros((4, 7, 2), np.float32)).dtype == np.float32
    lm = LanguageModel.lstm(6, 4, 4, rng, layers=2, dropout=0.2, tie_weights=True, dtype=np.float32)
    ids = rng.integers(0, 6, (2, 5))
    assert lm.predict(ids).dtype == np.float32
    assert np.isfinite(lm.forward(ids, ids))
    lm.backward()
    assert all(p.dtype == g.dtype == np.float32 for p, g in zip(lm.params, lm.grads, strict=True))


# --- the carried state, the chunk border, states ------------------------------------------


def test_state_is_carried_from_one_chunk_to_the_next(rng):
    model = LanguageModel.lstm(5, 3, 4, rng, layers=2)
    ids = rng.integers(0, 5, (2, 10))
    model.reset_state()
    whole = model.predict(ids)
    model.reset_state()
    first = model.predict(ids[:, :4])
    second = model.predict(ids[:, 4:])  # continues from the end of the first chunk
    np.testing.assert_allclose(np.concatenate([first, second], axis=1), whole, atol=1e-12)
    model.reset_state()
    assert not np.allclose(model.predict(ids[:, 4:]), second), "chunk 2 must depend on chunk 1"


def test_gradient_is_cut_at_the_chunk_border(rng):
    model = LanguageModel.lstm(5, 3, 4, rng)
    lstm = model.stack.layers[0]
    ids, targets = rng.integers(0, 5, (2, 8)), rng.integers(0, 5, (2, 8))
    model.reset_state()
    model.forward(ids[:, :4], targets[:, :4])
    model.forward(ids[:, 4:], targets[:, 4:])
    model.backward()
    truncated = [g.copy() for g in model.grads]
    h, c = lstm.h, lstm.c
    # the same gradient as a fresh forward from the carried state, treated as a constant
    model.reset_state()
    model.forward(ids[:, :4], targets[:, :4])
    lstm.set_state(lstm.h, lstm.c)
    model.forward(ids[:, 4:], targets[:, 4:])
    model.backward()
    for a, b in zip(truncated, model.grads, strict=True):
        np.testing.assert_allclose(a, b, atol=1e-12)
    np.testing.assert_allclose(lstm.h, h, atol=1e-12)
    np.testing.assert_allclose(lstm.c, c, atol=1e-12)


@pytest.mark.parametrize("layers", [1, 2])
def test_states_agree_with_forward(layers, rng):
    model = LanguageModel.lstm(5, 4, 4, rng, layers=layers, dropout=0.3)
    ids = rng.integers(0, 5, 7)
    hs, cs = model.states(ids)
    assert hs.shape == cs.shape == (7, 4)
    model.reset_state()
    model.training = False
    scores = model.predict(ids[None])[0]
    W, b_out = model.params[-2:]
    np.testing.assert_allclose(scores, hs @ W + b_out, atol=1e-12)
    np.testing.assert_allclose(model.stack.layers[-1].c[0], cs[-1], atol=1e-12)


def test_states_and_sampling_leave_a_pending_backward_alone(rng):
    model = LanguageModel.lstm(5, 3, 4, rng)
    ids, targets = rng.integers(0, 5, (2, 6)), rng.integers(0, 5, (2, 6))
    model.reset_state()
    model.forward(ids, targets)
    model.backward()
    expected = [g.copy() for g in model.grads]
    model.reset_state()
    loss = model.forward(ids, targets)
    model.states(np.array([3, 0, 4]))
    model.backward()
    for name, got, want in zip(model.param_names, model.grads, expected, strict=True):
        np.testing.assert_array_equal(got, want, err_msg=name)
    model.reset_state()
    assert model.forward(ids, targets) == loss


def test_states_refuses_ids_outside_the_vocabulary_and_a_top_without_memory(rng):
    """A negative id must not wrap around to the last row of the embedding."""
    model = LanguageModel.lstm(5, 3, 4, rng)
    with pytest.raises(ValueError, match=r"ids must lie in \[0, V=5\), got \[-1, 0\]"):
        model.states(np.array([0, -1]))
    with pytest.raises(ValueError, match="V=5"):
        model.states(np.array([5]))
    hs, cs = model.states(np.array([], dtype=np.int64))
    assert hs.shape == cs.shape == (0, 4)
    with pytest.raises(
        TypeError, match="states needs a FastTimeLSTM or TimeLSTM on top, got TimeGRU"
    ):
        language_model(["fast", "gru"], rng).states(np.array([0, 1]))
    variant = LanguageModel(
        Embedding(rng.standard_normal((5, 3))),
        TimeVariantLSTM(*init_lstm_params(3, 4, rng), forget_gate=False),
        TimeAffine(rng.standard_normal((4, 5)), np.zeros(5)),
    )
    with pytest.raises(TypeError, match="got TimeVariantLSTM"):  # it steps another cell
        variant.states(np.array([0, 1]))


def test_the_step_by_step_lstm_of_states_is_the_fused_one(rng):
    model = LanguageModel.lstm(5, 3, 4, rng)
    ids = rng.integers(0, 5, 6)
    hs, _ = model.states(ids)
    step, h, c = LSTM(*model.stack.params), np.zeros((1, 4)), np.zeros((1, 4))
    for t, k in enumerate(ids):
        h, c = step.forward(model.params[0][k][None], h, c)
        np.testing.assert_allclose(hs[t], h[0], atol=1e-14)


# --- dropout switch --------------------------------------------------------------------


def test_the_training_switch_reaches_every_dropout_and_refuses_strings(rng):
    model = LanguageModel.lstm(6, 4, 4, rng, layers=2, dropout=0.5)
    assert model.training and len(model.stack.drops) == 3
    model.training = False
    assert not any(drop.training for drop in model.stack.drops)
    ids = rng.integers(0, 6, (2, 5))
    model.reset_state()
    first = model.predict(ids)
    model.reset_state()
    np.testing.assert_array_equal(model.predict(ids), first)  # no random masks
    model.training = np.True_
    assert model.training
    with pytest.raises(TypeError, match="training must be True or False, got 'False'"):
        model.training = "False"
    with pytest.raises(TypeError, match="tie_weights must be True or False"):
        LanguageModel.lstm(6, 4, 4, rng, tie_weights="yes")


# --- clear errors --------------------------------------------------------------------------


def test_a_mismatched_stack_is_refused(rng):
    lower, upper = recurrent("fast", 3, 4, rng), recurrent("gru", 5, 4, rng)
    with pytest.raises(ValueError, match=r"recurrent\[1\] must read H=4 features"):
        Stack([lower, upper])
    f32 = recurrent("rnn", 4, 4, rng, dtype=np.float32)
    with pytest.raises(TypeError, match=r"one dtype, got \['float32', 'float64'\]"):
        Stack([lower, f32])
    with pytest.raises(ValueError, match="at least one recurrent layer"):
        Stack([])
    with pytest.raises(
        TypeError, match=r"recurrent\[1\] must be a FastTimeLSTM, TimeLSTM, TimeRNN"
    ):
        Stack([lower, Affine(np.zeros((4, 4)), np.zeros(4))])
    with pytest.raises(TypeError, match=r"recurrent\[0\] must be a .* got str"):
        SequenceRegressor("lstm", Affine(np.zeros((4, 1)), np.zeros(1)))
    with pytest.raises(ValueError, match=r"dropout must lie in \[0, 1\), got 1.0"):
        Stack(lower, dropout=1.0, rng=rng)
    with pytest.raises(TypeError, match="rng must be a numpy.random.Generator"):
        Stack(lower, dropout=0.2)


def test_a_wrong_head_or_embedding_is_refused(rng):
    lstm = recurrent("fast", 2, 3, rng)
    with pytest.raises(TypeError, match="head must be an Affine"):
        SequenceRegressor(lstm, lstm)
    with pytest.raises(ValueError, match=r"head.W must have shape \(H=3, K\)"):
        SequenceRegressor(lstm, Affine(np.zeros((4, 1)), np.zeros(1)))
    f32 = Affine(np.zeros((3, 1), np.float32), np.zeros(1, np.float32))
    with pytest.raises(ValueError, match="dtype float64"):
        SequenceRegressor(lstm, f32)
    embed = Embedding(rng.standard_normal((6, 2)))
    with pytest.raises(TypeError, match="head must be a TimeAffine layer or None, got Affine"):
        LanguageModel(embed, lstm, Affine(np.zeros((3, 6)), np.zeros(6)))
    with pytest.raises(ValueError, match=r"head.W must have shape \(H=3, V=6\)"):
        LanguageModel(embed, lstm, TimeAffine(np.zeros((3, 5)), np.zeros(5)))
    with pytest.raises(ValueError, match=r"embed.E must have shape \(V, D=2\)"):
        LanguageModel(Embedding(np.zeros((6, 3))), lstm, None)
    with pytest.raises(TypeError, match="embed must be an Embedding layer, got ndarray"):
        LanguageModel(np.zeros((6, 2)), lstm, None)
    with pytest.raises(ValueError, match="tied weights need D == H"):
        LanguageModel(embed, lstm, None)


def test_bad_input_gives_clear_errors(rng):
    model = SequenceRegressor.lstm(2, 3, 1, rng)
    xs, ys = rng.standard_normal((10, 5, 2)), rng.standard_normal((10, 1))
    with pytest.raises(ValueError, match=r"ts must have shape \(N=10, K=1\)"):
        model.forward(xs, ys[:, 0])
    with pytest.raises(ValueError, match=r"xs must have shape \(N, T, D=2\)"):
        model.predict(xs[..., :1])
    with pytest.raises(RuntimeError, match="before forward"):
        SequenceRegressor.rnn(2, 3, 1, rng).backward()
    with pytest.raises(ValueError, match="K must be a positive integer"):
        SequenceRegressor.lstm(2, 3, 0, rng)
    lm = LanguageModel.lstm(5, 3, 4, rng)
    with pytest.raises(TypeError, match="integer"):
        lm.predict(np.zeros((2, 3)))
    with pytest.raises(ValueError, match=r"\(N, T\)"):
        lm.predict(np.zeros(3, dtype=int))
    with pytest.raises(ValueError, match="V=5"):
        lm.predict(np.full((1, 2), 5))
    with pytest.raises(ValueError, match="H"):
        LanguageModel.lstm(5, 3, 0, rng)
    with pytest.raises(ValueError, match="layers must be a positive integer"):
        LanguageModel.lstm(5, 3, 4, rng, layers=0)
    lm.reset_state()
    lm.predict(np.zeros((2, 3), dtype=int))
    with pytest.raises(ValueError, match="reset_state"):
        lm.predict(np.zeros((3, 3), dtype=int))
