"""Korean of the messages of checks.fused (notebook 07)."""

from itertools import permutations

from ..fused import _NAMED_ORDERS, GATE_ORDER

_KOREAN_ORDERS = {
    "ifgo": "PyTorch와 Keras의 순서 i, f, g, o",
    "ifog": "CS231n의 순서 i, f, o, g",
    "iofg": "ONNX의 순서 i, o, f, g",
}
_BLOCKS = (
    "이 책의 블록 순서는 f, g, i, o이다: A[:, :H]가 f, A[:, H:2H]가 g, A[:, 2H:3H]가 i, "
    "A[:, 3H:]가 o이다."
)


def _order_mistakes():
    """The mistakes of slicing the blocks in another order, one per order (checks.fused)."""
    found = {}
    for order in ("".join(p) for p in permutations(GATE_ORDER)):
        if order != GATE_ORDER:
            name = _NAMED_ORDERS.get(order, f"the order {', '.join(order)}")
            english = (
                f"the blocks are sliced in {name}; this book's blocks are f, g, i, o: "
                "A[:, :H] is f, A[:, H:2H] is g, A[:, 2H:3H] is i, A[:, 3H:] is o."
            )
            korean = _KOREAN_ORDERS.get(order, f"순서 {', '.join(order)}")
            found[english] = f"블록을 {korean}로 잘랐다. {_BLOCKS}"
    return found


MESSAGES = {
    # Exercise 7.1
    "One affine transform of x and h_prev gives the four blocks side by side; slice them in "
    "this book's order, then compute the cell as in notebook 05.": (
        "x와 h_prev의 아핀 변환 한 번으로 네 블록이 나란히 나온다. 이 책의 순서대로 잘라 낸 "
        "다음, 노트북 05에서처럼 셀을 계산하라."
    ),
    "fused_lstm_step slices A into f, g, i, o and matches the cell": (
        "fused_lstm_step이 A를 f, g, i, o로 잘라 셀과 같은 값을 낸다"
    ),
    **{
        f"tanh for {k}: a gate needs sigmoid, only g is tanh.": (
            f"{k}에 tanh를 썼다. 게이트에는 sigmoid가 필요하며, tanh는 g에만 쓴다."
        )
        for k in "fio"
    },
    "sigmoid for g: g is information and needs tanh.": (
        "g에 sigmoid를 썼다. g는 정보이므로 tanh가 필요하다."
    ),
    "A lacks h_prev @ Wh: the affine transform has three terms.": (
        "A에 h_prev @ Wh가 빠졌다. 아핀 변환에는 항이 세 개 있다."
    ),
    "h_prev @ Wh.T: a transpose too many; the fused Wh is (H, 4H), and h_prev (N, H) @ Wh "
    "gives the four blocks (N, 4H) as it is.": (
        "h_prev @ Wh.T: 전치가 하나 더 들어갔다. 융합한 Wh는 (H, 4H)이고, h_prev (N, H) @ Wh가 "
        "그대로 네 블록 (N, 4H)를 준다."
    ),
    "x @ Wx.T: a transpose too many; the fused Wx is (D, 4H), and x (N, D) @ Wx gives the four "
    "blocks (N, 4H) as it is.": (
        "x @ Wx.T: 전치가 하나 더 들어갔다. 융합한 Wx는 (D, 4H)이고, x (N, D) @ Wx가 그대로 네 "
        "블록 (N, 4H)를 준다."
    ),
    "A lacks the bias b: A = x @ Wx + h_prev @ Wh + b.": (
        "A에 편향 b가 빠졌다: A = x @ Wx + h_prev @ Wh + b."
    ),
    "the blocks are taken as every fourth column (A[:, k::4]); they are contiguous: "
    "A[:, k*H:(k+1)*H].": (
        "블록을 네 번째 열마다 하나씩 골라 만들었다(A[:, k::4]). 블록은 이어진 열이다: "
        "A[:, k*H:(k+1)*H]."
    ),
    "the product with i is missing: c = f ⊙ c_prev + g ⊙ i.": (
        "i와의 곱이 빠졌다: c = f ⊙ c_prev + g ⊙ i."
    ),
    "f is the fraction KEPT: c = f ⊙ c_prev + g ⊙ i.": (
        "f는 '남기는' 비율이다: c = f ⊙ c_prev + g ⊙ i."
    ),
    **_order_mistakes(),
    "with c_prev = 0 (so c = g ⊙ i, read from the g and i blocks)": (
        "c_prev = 0일 때(그러면 c = g ⊙ i이고, g와 i 블록에서 읽힌다)"
    ),
    # Exercise 7.2
    "Start from a zero state, run one step per time step on that step's inputs, carry the "
    "state on, and keep each step's new hidden state in the (N, T, H) layout.": (
        "0인 상태에서 시작해 시각마다 그 시각의 입력으로 한 단계를 계산하고, 상태를 넘겨주며, "
        "시각마다 새 은닉 상태를 (N, T, H) 형상으로 모아라."
    ),
    "run_sequence carries h and c through all steps": (
        "run_sequence가 모든 시각에 걸쳐 h와 c를 넘겨준다"
    ),
    "h is not carried: h_prev = 0 at every step; hand each step's h to the next.": (
        "h를 넘겨주지 않았다. 매 시각 h_prev = 0이다. 각 시각의 h를 다음 시각으로 넘겨주라."
    ),
    "the memory cell is not carried: c_prev = 0 at every step; hand c on too, not only h.": (
        "기억 셀을 넘겨주지 않았다. 매 시각 c_prev = 0이다. h만이 아니라 c도 넘겨주라."
    ),
    "neither h nor c is carried: a fresh state at every step.": (
        "h도 c도 넘겨주지 않았다. 매 시각 새 상태에서 시작한다."
    ),
    "hs holds each step's h_prev, the state before the step; store the new h.": (
        "hs에 각 시각의 h_prev, 곧 그 시각 이전의 상태를 담았다. 새 h를 담아라."
    ),
    "hs holds the cells c; the exercise asks for the hidden states h.": (
        "hs에 셀 c를 담았다. 연습 문제가 묻는 것은 은닉 상태 h이다."
    ),
    "hs is stacked time-major (T, N, H); stack the steps along axis 1: (N, T, H).": (
        "hs를 시간 축이 앞에 오도록 (T, N, H)로 쌓았다. 시각들을 축 1을 따라 쌓아라: (N, T, H)."
    ),
    "xs[t] reads row t of the batch; step t's input is xs[:, t], shape (N, D).": (
        "xs[t]는 배치의 t번째 행을 읽는다. 시각 t의 입력은 형상이 (N, D)인 xs[:, t]이다."
    ),
    "the loop runs backwards in time; the forward pass goes t = 0, 1, ..., T-1.": (
        "반복문이 시간을 거슬러 돈다. 순전파는 t = 0, 1, ..., T-1 순서로 간다."
    ),
    "for one step (N = 1, T = 1)": "한 시각일 때(N = 1, T = 1)",
    "with input only at t = 0 (everything later comes from the carried state)": (
        "t = 0에만 입력이 있을 때(그 뒤는 모두 넘겨받은 상태에서 나온다)"
    ),
    "for N = T = D = H = 3": "N = T = D = H = 3일 때",
    "for N = {}, T = {}, D = {}, H = {}": "N = {}, T = {}, D = {}, H = {}일 때",
    # Exercise 7.3
    "Go backwards in time, carrying both state gradients from each step to the one before; the "
    "weights are shared by all steps.": (
        "시간을 거슬러 가며 두 상태의 기울기를 각 시각에서 그 앞 시각으로 넘겨주라. 가중치는 "
        "모든 시각이 함께 쓴다."
    ),
    "backward_through_time carries dh and dc and sums the gradients": (
        "backward_through_time이 dh와 dc를 넘겨주고 기울기를 더한다"
    ),
    "only one step's weight gradients are returned: the weights are shared by all steps, "
    "so add (+=) every step's gradient into the total.": (
        "한 시각의 가중치 기울기만 돌려주었다. 가중치는 모든 시각이 함께 쓰므로 시각마다 "
        "기울기를 합계에 더하라(+=)."
    ),
    "dh_prev is dropped between steps: the gradient into step t is dhs[:, t] plus the "
    "dh_prev that came back from step t+1.": (
        "시각 사이에서 dh_prev를 버렸다. 시각 t로 들어가는 기울기는 dhs[:, t]에 시각 t+1에서 "
        "거슬러 온 dh_prev를 더한 것이다."
    ),
    "dc_prev is dropped between steps: carry dc back to the step before.": (
        "시각 사이에서 dc_prev를 버렸다. dc를 앞 시각으로 넘겨주라."
    ),
    "the loop runs forward in time; the backward goes from the last step to the first "
    "(reversed(range(T))).": (
        "반복문이 시간 순서대로 돈다. 역전파는 마지막 시각에서 첫 시각으로 간다"
        "(reversed(range(T)))."
    ),
    "the weight gradients are averaged over the steps; they are summed.": (
        "가중치 기울기를 시각에 걸쳐 평균했다. 기울기는 더한다."
    ),
    "only the last step receives dhs: the loss reaches every h_t, so step t gets "
    "dhs[:, t] plus the carried dh.": (
        "마지막 시각만 dhs를 받았다. 손실은 모든 h_t에 닿으므로 시각 t는 dhs[:, t]에 넘겨받은 "
        "dh를 더한 값을 받는다."
    ),
    "dxs is in reversed time order: the loop runs backwards, so reverse the list (or "
    "fill dxs[:, t]).": (
        "dxs의 시간 순서가 뒤집혔다. 반복문이 거꾸로 돌므로 리스트를 뒤집어라"
        "(또는 dxs[:, t]를 채워라)."
    ),
    "dxs is stacked time-major (T, N, D); stack along axis 1: (N, T, D).": (
        "dxs를 시간 축이 앞에 오도록 (T, N, D)로 쌓았다. 축 1을 따라 쌓아라: (N, T, D)."
    ),
    "with a loss on the last h only": "마지막 h에만 손실이 있을 때",
    "with a loss on every h": "모든 h에 손실이 있을 때",
}
