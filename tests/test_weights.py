import numpy as np
import pytest

from lstm_lib import (
    GATE_ORDER,
    PYTORCH_ORDER,
    from_pytorch,
    fuse_weights,
    init_lstm_params,
    init_rnn_params,
    reorder_blocks,
    split_weights,
    to_pytorch,
)


def test_init_shapes_scale_and_forget_bias(rng):
    Wx, Wh, b = init_lstm_params(200, 50, rng, forget_bias=2.0)
    assert Wx.shape == (200, 200) and Wh.shape == (50, 200) and b.shape == (200,)
    np.testing.assert_array_equal(b[:50], 2.0)
    np.testing.assert_array_equal(b[50:], 0.0)
    assert Wx.std() == pytest.approx(1 / np.sqrt(200), rel=0.05)
    assert Wh.std() == pytest.approx(1 / np.sqrt(50), rel=0.05)
    assert init_lstm_params(3, 2, rng, dtype=np.float32)[0].dtype == np.float32
    Wx, Wh, b = init_rnn_params(3, 2, rng)
    assert (Wx.shape, Wh.shape, b.shape) == ((3, 2), (2, 2), (2,))


def test_init_is_reproducible_and_needs_a_generator():
    a = init_lstm_params(3, 2, np.random.default_rng(1))
    b = init_lstm_params(3, 2, np.random.default_rng(1))
    for x, y in zip(a, b, strict=True):
        np.testing.assert_array_equal(x, y)
    with pytest.raises(TypeError, match="numpy.random.Generator"):
        init_lstm_params(3, 2, 0)
    with pytest.raises(ValueError, match="H must be a positive integer"):
        init_lstm_params(3, 0, np.random.default_rng(1))


def test_split_and_fuse_round_trip(rng):
    Wx, Wh, b = init_lstm_params(3, 2, rng)
    parts = split_weights(Wx, Wh, b)
    assert list(parts) == list(GATE_ORDER)
    np.testing.assert_array_equal(parts["g"][0], Wx[:, 2:4])
    for x, y in zip(fuse_weights(parts), (Wx, Wh, b), strict=True):
        np.testing.assert_array_equal(x, y)
    with pytest.raises(ValueError, match=r"missing \['o'\]"):
        fuse_weights({k: parts[k] for k in "fgi"})


def test_pytorch_order_on_a_hand_made_example():
    # Each block filled with its own letter's code: f=1, g=2, i=3, o=4; H = 2.
    b = np.repeat([1.0, 2.0, 3.0, 4.0], 2)
    np.testing.assert_array_equal(
        reorder_blocks(b, GATE_ORDER, PYTORCH_ORDER), [3, 3, 1, 1, 2, 2, 4, 4]
    )
    Wx = np.tile(b, (3, 1))  # D = 3
    Wh = np.tile(b, (2, 1))
    torch_params = to_pytorch(Wx, Wh, b)
    assert torch_params["weight_ih_l0"].shape == (8, 3)
    np.testing.assert_array_equal(torch_params["weight_ih_l0"][:, 0], [3, 3, 1, 1, 2, 2, 4, 4])
    np.testing.assert_array_equal(torch_params["bias_hh_l0"], 0)


def test_pytorch_round_trip_splits_the_bias(rng):
    Wx, Wh, b = init_lstm_params(3, 2, rng)
    b = b + rng.standard_normal(8)
    p = to_pytorch(Wx, Wh, b)
    half = p["bias_ih_l0"] / 2
    for x, y in zip(
        from_pytorch(p["weight_ih_l0"], p["weight_hh_l0"], half, half), (Wx, Wh, b), strict=True
    ):
        np.testing.assert_allclose(x, y, rtol=0, atol=1e-15)
    for order in ("ifgo", "oigf", "gfoi"):
        back = reorder_blocks(reorder_blocks(b, GATE_ORDER, order), order, GATE_ORDER)
        np.testing.assert_array_equal(back, b)


def test_reorder_errors():
    with pytest.raises(ValueError, match="order of the letters f, g, i, o"):
        reorder_blocks(np.zeros(8), "fgix", "ifgo")
    with pytest.raises(ValueError, match="divisible by 4"):
        reorder_blocks(np.zeros(6), "fgio", "ifgo")


def test_reorder_blocks_of_another_number_of_parts():
    """The GRU's three blocks go through the same function, named by parts."""
    b = np.array([1.0, 1.0, 2.0, 2.0, 3.0, 3.0])  # blocks r, z, g
    np.testing.assert_array_equal(
        reorder_blocks(b, "rzg", "zrg", parts="zrg"), [2.0, 2.0, 1.0, 1.0, 3.0, 3.0]
    )
    with pytest.raises(ValueError, match="order of the letters z, r, g"):
        reorder_blocks(b, "fgio", "zrg", parts="zrg")
    with pytest.raises(ValueError, match="divisible by 3"):
        reorder_blocks(np.zeros(4), "rzg", "zrg", parts="zrg")


def test_from_pytorch_refuses_a_bias_that_would_broadcast(rng):
    p = to_pytorch(*init_lstm_params(3, 2, rng))
    weights = p["weight_ih_l0"], p["weight_hh_l0"]
    with pytest.raises(ValueError, match=r"bias_hh must have shape \(4H=8,\), got \(1,\)"):
        from_pytorch(*weights, p["bias_ih_l0"], np.zeros(1))
    with pytest.raises(ValueError, match=r"bias_ih must have shape \(4H=8,\), got \(\)"):
        from_pytorch(*weights, 0.0, p["bias_hh_l0"])
    with pytest.raises(ValueError, match=r"weight_ih must have shape \(4H, D\), got \(6, 3\)"):
        from_pytorch(weights[0][:6], weights[1], p["bias_ih_l0"], p["bias_hh_l0"])
    with pytest.raises(ValueError, match=r"weight_hh must have shape \(4H=8, H=2\), got \(2, 8\)"):
        from_pytorch(weights[0], weights[1].T, p["bias_ih_l0"], p["bias_hh_l0"])


def test_parts_of_different_dtypes_are_refused(rng):
    from lstm_lib import LSTMCell

    parts = split_weights(*init_lstm_params(3, 2, rng))
    parts["g"] = tuple(w.astype(np.float32) for w in parts["g"])
    with pytest.raises(TypeError, match=r"same dtype, got f, g, i, o: \['float64', 'float32'"):
        fuse_weights(parts)
    with pytest.raises(TypeError, match=r"same dtype, got f, g, i, o: \['float64', 'float32'"):
        LSTMCell(parts)
