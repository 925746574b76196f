"""Korean of the mistakes and cases that the unit exercises share (checks._units): a unit
act(x Wx + h_prev Wh + b) is a gate (sigmoid), the new information or the RNN step (tanh)."""

_ROW = "행벡터 규약에서는"


def _per_activation(act):
    """The shared mistakes of a unit whose activation is ``act``, English to Korean."""
    return {
        f"the activation {act} is missing: apply it to the whole sum x Wx + h_prev Wh + b.": (
            f"활성화 함수 {act}가 빠졌다. 합 x Wx + h_prev Wh + b 전체에 적용하라."
        ),
        f"the bias b is added after the {act}; it belongs inside, in the sum the {act} is "
        "applied to.": (
            f"편향 b를 {act} 다음에 더했다. 편향은 안쪽, 곧 {act}를 적용하는 합 안에 든다."
        ),
        f"the {act} is applied to each term apart; apply it once, to the whole sum.": (
            f"{act}를 항마다 따로 적용했다. 합 전체에 한 번만 적용하라."
        ),
    }


MESSAGES = {
    **_per_activation("sigmoid"),
    **_per_activation("tanh"),
    "tanh where sigmoid belongs: a gate is an openness between 0 and 1.": (
        "sigmoid 자리에 tanh를 썼다. 게이트는 0과 1 사이의 열림 상태이다."
    ),
    "sigmoid where tanh belongs: g is content with a sign, in (-1, 1), not an openness in "
    "(0, 1).": (
        "tanh 자리에 sigmoid를 썼다. g는 부호가 있는 내용으로 (-1, 1)의 값이며, (0, 1)의 "
        "열림 상태가 아니다."
    ),
    "sigmoid where tanh belongs: the RNN's hidden state is information in (-1, 1).": (
        "tanh 자리에 sigmoid를 썼다. RNN의 은닉 상태는 (-1, 1)의 정보이다."
    ),
    "the bias b is missing: the sum is x Wx + h_prev Wh + b.": (
        "편향 b가 빠졌다. 합은 x Wx + h_prev Wh + b이다."
    ),
    "the term x @ Wx is missing.": "항 x @ Wx가 빠졌다.",
    "the term h_prev @ Wh is missing.": "항 h_prev @ Wh가 빠졌다.",
    "x @ Wx.T: a transpose too many; in the row-vector convention x (N, D) @ Wx (D, H).": (
        f"x @ Wx.T: 전치가 하나 더 들어갔다. {_ROW} x (N, D) @ Wx (D, H)이다."
    ),
    "h_prev @ Wh.T: a transpose too many; in the row-vector convention h_prev (N, H) @ "
    "Wh (H, H).": (
        f"h_prev @ Wh.T: 전치가 하나 더 들어갔다. {_ROW} h_prev (N, H) @ Wh (H, H)이다."
    ),
    "Wx and Wh are swapped: x is multiplied by Wx and h_prev by Wh.": (
        "Wx와 Wh가 뒤바뀌었다. x에는 Wx를, h_prev에는 Wh를 곱한다."
    ),
    "an elementwise product * where the weights need the matrix product @ (x @ Wx, h_prev @ Wh).": (
        "가중치에는 행렬 곱(@)이 필요한데 원소별 곱(*)을 썼다(x @ Wx, h_prev @ Wh)."
    ),
    "with x = 0 and h_prev = 0 (only the bias left)": "x = 0, h_prev = 0일 때(편향만 남는다)",
    "with only x nonzero (h_prev = 0, b = 0)": "x만 0이 아닐 때(h_prev = 0, b = 0)",
    "with only h_prev nonzero (x = 0, b = 0)": "h_prev만 0이 아닐 때(x = 0, b = 0)",
    "with x, h_prev and b together (N = D = H = 3)": "x, h_prev, b가 모두 있을 때(N = D = H = 3)",
    "for N = {}, D = {}, H = {}": "N = {}, D = {}, H = {}일 때",
}
