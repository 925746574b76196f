"""Korean of the messages of checks.output_gate (notebook 02), and of the messages that
the exercises of notebooks 02 to 04 share (the ⊙ node and its backward pass)."""

_H = "h = o ⊙ tanh(c)"
_ELEMENTWISE = "원소별 곱(⊙)이어야 할 자리에 행렬 곱"
_OTHER = "⊙ 노드의 각 입력에는 {}에 '다른 쪽' 입력을 곱한 값이 간다. 여기서는 {}이다."

MESSAGES = {
    # Exercise 2.1
    "o is a gate of x and h_prev; h is o applied entry by entry to the squashed cell.": (
        "o는 x와 h_prev로 만든 게이트이다. h는 tanh로 눌러 담은 셀에 o를 원소별로 적용한 것이다."
    ),
    "o = sigmoid(x Wx + h_prev Wh + b) and h = o ⊙ tanh(c) are right": (
        "o = sigmoid(x Wx + h_prev Wh + b)와 h = o ⊙ tanh(c)가 맞다"
    ),
    "a matrix product (@) where ⊙ is elementwise: h = o * np.tanh(c).": (
        f"{_ELEMENTWISE}(@)을 썼다: h = o * np.tanh(c)."
    ),
    "the tanh of the memory is missing: h = o ⊙ tanh(c).": (
        f"기억 셀에 적용할 tanh가 빠졌다: {_H}."
    ),
    "the product with tanh(c) is missing: h = o ⊙ tanh(c).": f"tanh(c)와의 곱이 빠졌다: {_H}.",
    "the output gate is missing: h = o ⊙ tanh(c).": f"output 게이트가 빠졌다: {_H}.",
    "squash c first, then multiply: o ⊙ tanh(c), not tanh(o ⊙ c).": (
        "c에 먼저 tanh를 적용한 다음 곱하라: tanh(o ⊙ c)가 아니라 o ⊙ tanh(c)이다."
    ),
    "a sum where the gate multiplies: h = o ⊙ tanh(c).": f"게이트는 곱하는데 더했다: {_H}.",
    "the memory is squashed with sigmoid; h = o ⊙ tanh(c).": (
        f"기억 셀에 sigmoid를 적용했다. {_H}이다."
    ),
    "it multiplies by 1 - o; the gate lets through the fraction o: h = o ⊙ tanh(c).": (
        f"1 - o를 곱했다. 게이트는 비율 o만큼 통과시킨다: {_H}."
    ),
    # Exercise 2.2
    "The ⊙ node gives each input the gradient times the other input; c's branch then goes back "
    "through the tanh node.": (
        "⊙ 노드는 입력마다 기울기에 다른 쪽 입력을 곱해 보낸다. c 쪽 가지는 이어서 tanh 노드를 "
        "거슬러 간다."
    ),
    "do = dh ⊙ tanh(c) and dc = dh ⊙ o ⊙ (1 - tanh²(c)) are right": (
        "do = dh ⊙ tanh(c)와 dc = dh ⊙ o ⊙ (1 - tanh²(c))가 맞다"
    ),
    "do got o: each branch of ⊙ gets dh times the OTHER input, tanh(c).": (
        "do에 o를 곱했다. " + _OTHER.format("dh", "tanh(c)")
    ),
    "scale dh by tanh(c), the other input of ⊙, not by c itself.": (
        "dh에 c 자체가 아니라 ⊙의 다른 쪽 입력인 tanh(c)를 곱하라."
    ),
    "dh must be scaled by the other input of ⊙: do = dh ⊙ tanh(c).": (
        "dh에 ⊙의 다른 쪽 입력을 곱해야 한다: do = dh ⊙ tanh(c)."
    ),
    "a matrix product where ⊙ is elementwise: do = dh * tanh(c).": (
        f"{_ELEMENTWISE}을 썼다: do = dh * tanh(c)."
    ),
    "a matrix product with a transpose; ⊙ is elementwise: do = dh * tanh(c).": (
        "전치와 함께 행렬 곱을 썼다. ⊙ 노드는 원소별 곱이다: do = dh * tanh(c)."
    ),
    "that went on through the sigmoid; do is the gradient at o itself.": (
        "시그모이드 함수까지 거슬러 지나갔다. do는 o 자체에서의 기울기이다."
    ),
    "the tanh node is missing: multiply by 1 - tanh(c)**2 as well.": (
        "tanh 노드가 빠졌다. 1 - tanh(c)**2도 곱하라."
    ),
    "dc got tanh(c): its ⊙ branch is scaled by the OTHER input, o.": (
        "dc에 tanh(c)를 곱했다. ⊙ 노드의 이쪽 입력에는 '다른 쪽' 입력인 o를 곱한다."
    ),
    "tanh's derivative is 1 - tanh(c)**2, not 1 - c**2.": (
        "tanh의 미분은 1 - c**2가 아니라 1 - tanh(c)**2이다."
    ),
    "y (1 - y) is the sigmoid's derivative; tanh's is 1 - y**2.": (
        "y (1 - y)는 시그모이드 함수의 미분이다. tanh의 미분은 1 - y**2이다."
    ),
    "the factor o from the ⊙ node is missing.": "⊙ 노드에서 오는 인수 o가 빠졌다.",
    "tanh's derivative is 1 - tanh(c)**2, not (1 - tanh(c))**2.": (
        "tanh의 미분은 (1 - tanh(c))**2가 아니라 1 - tanh(c)**2이다."
    ),
    "a matrix product where ⊙ is elementwise: dc = dh * o * (...).": (
        f"{_ELEMENTWISE}을 썼다: dc = dh * o * (...)."
    ),
}
