"""Korean of the messages of checks.cell (notebook 05), and of the cell's mistakes that the
fused step of notebook 07 shares."""

_C = "c = f ⊙ c_prev + g ⊙ i"
_H = "h = o ⊙ tanh(c)"
_BIAS_EN = "Each part's pre-activation is x @ Wx + h_prev @ Wh + b, with the b of that part."
_BIAS = "네 부분의 활성화 전 값은 저마다 x @ Wx + h_prev @ Wh + b이며, b는 그 부분의 편향이다."
_DC = "dc = dc_next + dh ⊙ o ⊙ (1 - tanh²(c))"
_OTHER = "⊙ 노드는 기울기에 '다른 쪽' 입력을 곱해 보낸다"

MESSAGES = {
    # Exercise 5.1
    "Compute each part from its own weights in parts, then the new cell from f, g, i and "
    "c_prev, then h from o and the new cell.": (
        "네 부분을 저마다 parts에 있는 자기 가중치로 계산하고, 이어서 f, g, i, c_prev로 새 "
        "셀을, 그다음 o와 새 셀로 h를 계산하라."
    ),
    "lstm_cell_forward gives c = f ⊙ c_prev + g ⊙ i and h = o ⊙ tanh(c)": (
        f"lstm_cell_forward가 {_C}와 {_H}를 계산한다"
    ),
    "the product with the input gate is missing: c = f ⊙ c_prev + g ⊙ i.": (
        f"input 게이트와의 곱이 빠졌다: {_C}."
    ),
    "the input gate is added; it multiplies g: c = f ⊙ c_prev + g ⊙ i.": (
        f"input 게이트를 더했다. input 게이트는 g에 곱한다: {_C}."
    ),
    "the forget gate is missing: c = f ⊙ c_prev + g ⊙ i.": f"forget 게이트가 빠졌다: {_C}.",
    "f is the fraction KEPT: c = f ⊙ c_prev + g ⊙ i, not (1 - f) ⊙ c_prev.": (
        f"f는 '남기는' 비율이다: (1 - f) ⊙ c_prev가 아니라 {_C}이다."
    ),
    "the two terms are multiplied; they are added: c = f ⊙ c_prev + g ⊙ i.": (
        f"두 항을 곱했다. 두 항은 더한다: {_C}."
    ),
    "a matrix product @ where ⊙ is elementwise: f * c_prev.": (
        "원소별 곱(⊙)이어야 할 자리에 행렬 곱(@)을 썼다: f * c_prev."
    ),
    **{
        f"tanh for the {gate} gate; a gate needs sigmoid.": (
            f"{gate} 게이트에 tanh를 썼다. 게이트에는 sigmoid가 필요하다."
        )
        for gate in ("input", "forget", "output")
    },
    "sigmoid for g; g is information and needs tanh.": (
        "g에 sigmoid를 썼다. g는 정보이므로 tanh가 필요하다."
    ),
    "the weight sets of g and i are swapped: g = tanh(...) uses parts['g'], i = σ(...) "
    "uses parts['i'].": (
        "g와 i의 가중치가 뒤바뀌었다. g = tanh(...)는 parts['g']를, i = σ(...)는 parts['i']를 쓴다."
    ),
    "x @ Wx.T: a transpose too many; each part's Wx is (D, H), and x (N, D) @ Wx gives (N, H) "
    "as it is.": (
        "x @ Wx.T: 전치가 하나 더 들어갔다. 네 부분의 Wx는 저마다 (D, H)이고, x (N, D) @ Wx가 "
        "그대로 (N, H)를 준다."
    ),
    "h_prev @ Wh.T: a transpose too many; each part's Wh is (H, H), and h_prev (N, H) @ Wh is "
    "the product the forward pass needs.": (
        "h_prev @ Wh.T: 전치가 하나 더 들어갔다. 네 부분의 Wh는 저마다 (H, H)이고, 순전파에 "
        "필요한 곱은 h_prev (N, H) @ Wh 그대로이다."
    ),
    "the biases are missing. " + _BIAS_EN: "편향이 모두 빠졌다. " + _BIAS,
    **{
        f"the bias of {k} is missing. " + _BIAS_EN: f"{k}의 편향이 빠졌다. " + _BIAS for k in "fgio"
    },
    "the tanh of the cell is missing: h = o ⊙ tanh(c).": f"셀에 적용할 tanh가 빠졌다: {_H}.",
    "h uses the old cell c_prev; use the new cell c.": (
        "h에 이전 셀 c_prev를 썼다. 새 셀 c를 쓰라."
    ),
    "h = o ⊙ tanh(c), nothing added.": f"{_H}이며, 아무것도 더하지 않는다.",
    "with x = 0, h_prev = 0 and c_prev = 0 (c = g ⊙ i from the biases)": (
        "x = 0, h_prev = 0, c_prev = 0일 때(c = g ⊙ i는 편향에서 나온다)"
    ),
    "with c_prev = 0 (so c = g ⊙ i)": "c_prev = 0일 때(그러면 c = g ⊙ i)",
    "with g switched off (its weights 0, so c = f ⊙ c_prev)": (
        "g를 껐을 때(가중치가 0이므로 c = f ⊙ c_prev)"
    ),
    "for N = D = H = 3": "N = D = H = 3일 때",
    # Exercise 5.2
    "Add the two streams that reach c (the one from the next step and the one through h), then "
    "go back through each ⊙ node (times the other input) and each activation (its derivative "
    "written with its output).": (
        "c에 닿는 두 흐름(다음 시각에서 오는 것과 h를 거쳐 오는 것)을 더한 다음, ⊙ 노드(다른 "
        "쪽 입력을 곱한다)와 활성화 함수(그 미분은 출력으로 쓴다)를 하나씩 거슬러 가라."
    ),
    "both streams meet at c and every ⊙ node and activation is right": (
        "두 흐름이 c에서 만나고, ⊙ 노드와 활성화 함수가 모두 맞다"
    ),
    "the blocks are in PyTorch's order i, f, g, o; return (da_f, da_g, da_i, da_o, dc_prev).": (
        "블록이 PyTorch의 순서 i, f, g, o로 되어 있다. (da_f, da_g, da_i, da_o, dc_prev)를 "
        "돌려주라."
    ),
    "the blocks are in the order i, f, o, g (CS231n's); return "
    "(da_f, da_g, da_i, da_o, dc_prev).": (
        "블록이 i, f, o, g 순서(CS231n의 순서)로 되어 있다. (da_f, da_g, da_i, da_o, dc_prev)를 "
        "돌려주라."
    ),
    "the gradient dc_next from the next step is missing: "
    "dc = dc_next + dh ⊙ o ⊙ (1 - tanh²(c)).": f"다음 시각에서 온 기울기 dc_next가 빠졌다: {_DC}.",
    "the stream through h is missing: dc = dc_next + dh ⊙ o ⊙ (1 - tanh²(c)).": (
        f"h를 거쳐 오는 흐름이 빠졌다: {_DC}."
    ),
    "the stream through h uses 1 - c²; the derivative of tanh(c) is 1 - tanh²(c).": (
        "h를 거쳐 오는 흐름에 1 - c²를 썼다. tanh(c)의 미분은 1 - tanh²(c)이다."
    ),
    "the stream through h skips the tanh node: multiply by 1 - tanh²(c).": (
        "h를 거쳐 오는 흐름이 tanh 노드를 건너뛰었다. 1 - tanh²(c)를 곱하라."
    ),
    "dc_prev is dc itself: the ⊙ f node multiplies the gradient by f on the way back.": (
        "dc_prev가 dc 그대로이다. ⊙ f 노드는 역전파에서 기울기에 f를 곱한다."
    ),
    "the cell path has no sigmoid: dc_prev = dc ⊙ f only.": (
        "셀 경로에는 시그모이드 함수가 없다: dc_prev = dc ⊙ f일 뿐이다."
    ),
    "da_g uses the sigmoid's derivative g(1 - g); g is a tanh, its derivative is 1 - g².": (
        "da_g에 시그모이드 함수의 미분 g(1 - g)를 썼다. g는 tanh의 출력이며, 그 미분은 1 - g²이다."
    ),
    "da_g lacks the activation: multiply by tanh' = 1 - g².": (
        "da_g에 활성화 함수의 미분이 빠졌다. tanh' = 1 - g²를 곱하라."
    ),
    "da_g: a ⊙ node passes the gradient times the OTHER input: dg = dc ⊙ i, not dc ⊙ g.": (
        f"da_g: {_OTHER}: dc ⊙ g가 아니라 dg = dc ⊙ i이다."
    ),
    "da_i uses tanh's derivative 1 - i²; i is a sigmoid, its derivative is i(1 - i).": (
        "da_i에 tanh의 미분 1 - i²를 썼다. i는 시그모이드 함수의 출력이며, 그 미분은 i(1 - i)이다."
    ),
    "da_i: a ⊙ node passes the gradient times the OTHER input: di = dc ⊙ g, not dc ⊙ i.": (
        f"da_i: {_OTHER}: dc ⊙ i가 아니라 di = dc ⊙ g이다."
    ),
    "da_f lacks the activation: multiply by σ' = f(1 - f).": (
        "da_f에 활성화 함수의 미분이 빠졌다. σ' = f(1 - f)를 곱하라."
    ),
    "da_f: a ⊙ node passes the gradient times the OTHER input: df = dc ⊙ c_prev, "
    "not dc ⊙ f.": f"da_f: {_OTHER}: dc ⊙ f가 아니라 df = dc ⊙ c_prev이다.",
    "da_f uses c; the input of the ⊙ f node is c_prev.": (
        "da_f에 c를 썼다. ⊙ f 노드의 입력은 c_prev이다."
    ),
    "da_o lacks the activation: multiply by σ' = o(1 - o).": (
        "da_o에 활성화 함수의 미분이 빠졌다. σ' = o(1 - o)를 곱하라."
    ),
    "h = o ⊙ tanh(c), so do = dh ⊙ tanh(c), not dh ⊙ c.": (
        f"{_H}이므로 do는 dh ⊙ c가 아니라 dh ⊙ tanh(c)이다."
    ),
    "the output gate only sees dh (it feeds h, not c): do = dh ⊙ tanh(c).": (
        "output 게이트에는 dh만 온다(c가 아니라 h로 이어지기 때문이다): do = dh ⊙ tanh(c)."
    ),
    "with dh = 0 (only dc_next)": "dh = 0일 때(dc_next만 있다)",
    "with dc_next = 0 (only the stream through h)": "dc_next = 0일 때(h를 거쳐 오는 흐름만 있다)",
    "with both streams": "두 흐름이 모두 있을 때",
    # Exercise 5.3
    "Write the cell's update for each step and see which factor repeats.": (
        "시각마다 셀의 갱신을 적어 보고 어떤 인수가 되풀이되는지 보라."
    ),
    "c after the steps is g * f**steps": "그 시각들이 지난 뒤의 c는 g * f**steps이다",
    "one factor f too few: k steps after the write multiply by f k times.": (
        "인수 f가 하나 모자란다. 기록한 뒤 k 시각 동안 f가 k번 곱해진다."
    ),
    "one factor f too many: the write comes first, then k steps multiply by f.": (
        "인수 f가 하나 많다. 먼저 기록하고, 그다음 k 시각 동안 f를 곱한다."
    ),
    "with i = 0 nothing new is written, but f ⊙ c still acts at every step.": (
        "i = 0이면 새로 기록되는 것은 없지만, f ⊙ c는 매 시각 여전히 작용한다."
    ),
    "f is the fraction KEPT per step, 1 - f the fraction erased.": (
        "f는 한 시각에 '남기는' 비율이고, 1 - f가 지우는 비율이다."
    ),
    "the written value g ⊙ i = g is missing: multiply by it.": (
        "기록한 값 g ⊙ i = g가 빠졌다. 이 값을 곱하라."
    ),
    "the forget gate multiplies at every step (f**k); it does not subtract a fixed amount.": (
        "forget 게이트는 매 시각 곱한다(f**k). 일정한 양을 빼지 않는다."
    ),
    "f acts once per step, k times in all: f**k, not f * k.": (
        "f는 시각마다 한 번, 모두 k번 작용한다: f * k가 아니라 f**k이다."
    ),
    "only one step of forgetting is counted: f acts at every one of the k steps.": (
        "잊는 시각을 하나만 셌다. f는 k 시각 동안 매 시각 작용한다."
    ),
    "the written value is multiplied by the gate, not added to it: the forget gate "
    "scales what is in the cell.": (
        "기록한 값에는 게이트를 더하는 것이 아니라 곱한다. forget 게이트는 셀에 든 값의 크기를 "
        "조절한다."
    ),
    "for g = {}, f = {}, steps = {}": "g = {}, f = {}, steps = {}일 때",
}
