"""Korean of the messages of checks.forget_gate (notebook 03)."""

_KEPT = "kept = f ⊙ c_prev"
_ELEMENTWISE = "원소별 곱(⊙)이어야 할 자리에 행렬 곱"
_TRANSPOSED = "전치와 함께 행렬 곱을 썼다. ⊙ 노드는 원소별 곱이다: "

MESSAGES = {
    # Exercise 3.1
    "f is a gate of x and h_prev; what is kept is c_prev scaled entry by entry by f.": (
        "f는 x와 h_prev로 만든 게이트이다. 남기는 것은 c_prev를 원소별로 f배 한 값이다."
    ),
    "f = sigmoid(x Wx + h_prev Wh + b) and f ⊙ c_prev are right": (
        "f = sigmoid(x Wx + h_prev Wh + b)와 f ⊙ c_prev가 맞다"
    ),
    "a matrix product (@) where ⊙ is elementwise: kept = f * c_prev.": (
        f"{_ELEMENTWISE}(@)을 썼다: kept = f * c_prev."
    ),
    "f is the fraction KEPT, not the fraction erased: kept = f ⊙ c_prev.": (
        f"f는 지우는 비율이 아니라 '남기는' 비율이다: {_KEPT}."
    ),
    "the product with c_prev is missing: kept = f ⊙ c_prev.": (f"c_prev와의 곱이 빠졌다: {_KEPT}."),
    "the forget gate is missing: kept = f ⊙ c_prev.": f"forget 게이트가 빠졌다: {_KEPT}.",
    "a sum where the gate multiplies: kept = f ⊙ c_prev.": f"게이트는 곱하는데 더했다: {_KEPT}.",
    "the memory is not squashed here: kept = f ⊙ c_prev.": (
        f"여기서는 기억 셀에 tanh를 적용하지 않는다: {_KEPT}."
    ),
    # Exercise 3.2
    "A ⊙ node passes the upstream gradient times the OTHER input to each of its inputs.": (
        "⊙ 노드는 입력마다 상류 기울기에 '다른 쪽' 입력을 곱해 보낸다."
    ),
    "df = dc ⊙ c_prev and dc_prev = dc ⊙ f are right": "df = dc ⊙ c_prev와 dc_prev = dc ⊙ f가 맞다",
    "df got f: each branch of ⊙ gets dc times the OTHER input, c_prev.": (
        "df에 f를 곱했다. ⊙ 노드의 각 입력에는 dc에 '다른 쪽' 입력을 곱한 값이 간다. "
        "여기서는 c_prev이다."
    ),
    "dc must be scaled by the other input of ⊙: df = dc ⊙ c_prev.": (
        "dc에 ⊙의 다른 쪽 입력을 곱해야 한다: df = dc ⊙ c_prev."
    ),
    "a matrix product where ⊙ is elementwise: df = dc * c_prev.": (
        f"{_ELEMENTWISE}을 썼다: df = dc * c_prev."
    ),
    "a matrix product with a transpose; ⊙ is elementwise: df = dc * c_prev.": (
        f"{_TRANSPOSED}df = dc * c_prev."
    ),
    "that went on through the sigmoid; df is the gradient at f itself.": (
        "시그모이드 함수까지 거슬러 지나갔다. df는 f 자체에서의 기울기이다."
    ),
    "dc_prev got c_prev: its branch is scaled by the OTHER input, f.": (
        "dc_prev에 c_prev를 곱했다. 이쪽 입력에는 '다른 쪽' 입력인 f를 곱한다."
    ),
    "the gradient passes the ⊙ node scaled by f: dc_prev = dc ⊙ f.": (
        "기울기는 ⊙ 노드를 지나며 f만큼 곱해진다: dc_prev = dc ⊙ f."
    ),
    "the memory was kept with f, so its gradient is scaled by f, not 1 - f.": (
        "기억은 f만큼 남았으므로 그 기울기에는 1 - f가 아니라 f를 곱한다."
    ),
    "a matrix product where ⊙ is elementwise: dc_prev = dc * f.": (
        f"{_ELEMENTWISE}을 썼다: dc_prev = dc * f."
    ),
    "a matrix product with a transpose; ⊙ is elementwise: dc_prev = dc * f.": (
        f"{_TRANSPOSED}dc_prev = dc * f."
    ),
    "the cell path has no sigmoid node: dc_prev = dc ⊙ f, without f (1 - f).": (
        "셀 경로에는 시그모이드 노드가 없다: dc_prev = dc ⊙ f이며 f (1 - f)는 곱하지 않는다."
    ),
    # Exercise 3.3
    "Take the logarithm of what is left after k steps and solve for k (a real number, not "
    "rounded).": (
        "k 시각 뒤에 남는 양에 로그를 취해 k에 대해 풀어라(k는 반올림하지 않은 실수이다)."
    ),
    "steps_to_keep gives k with f**k = fraction (half-life for fraction = 0.5)": (
        "steps_to_keep이 f**k = fraction을 만족하는 k를 준다(fraction = 0.5이면 반감기)"
    ),
    "the ratio is upside down: after taking logs of f**k = fraction, see which "
    "logarithm k multiplies.": (
        "비의 분자와 분모가 뒤집혔다. f**k = fraction의 양변에 로그를 취한 뒤 k가 어느 로그에 "
        "곱해지는지 보라."
    ),
    "f is the fraction kept per step (1 - f is erased): after k steps f**k is left.": (
        "f는 한 시각에 남기는 비율이다(1 - f는 지워진다). k 시각 뒤에는 f**k가 남는다."
    ),
    "fraction is what is LEFT, not what is lost: f**k = fraction.": (
        "fraction은 잃은 몫이 아니라 '남은' 몫이다: f**k = fraction."
    ),
    "the sign is off: both logarithms are negative (f and fraction are below 1), so "
    "k is positive.": (
        "부호가 틀렸다. 두 로그가 모두 음수이므로(f와 fraction은 1보다 작다) k는 양수이다."
    ),
    "return the real number of steps, not a rounded one.": (
        "반올림한 값이 아니라 실수인 시각 수를 돌려주라."
    ),
    "solve f**k = fraction for k (take the logarithm of both sides), not f**fraction.": (
        "f**k = fraction을 k에 대해 풀어라(양변에 로그를 취하라). f**fraction이 아니다."
    ),
    "that is a linear decay; f**k decays geometrically: solve f**k = fraction for k.": (
        "그것은 선형 감소이다. f**k는 기하급수적으로 줄어든다. f**k = fraction을 k에 대해 풀어라."
    ),
    "for f = {}, fraction = {}": "f = {}, fraction = {}일 때",
}
