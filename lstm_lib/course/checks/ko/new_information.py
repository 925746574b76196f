"""Korean of the messages of checks.new_information (notebook 04)."""

_C = "c = f ⊙ c_prev + g"
_SPLIT = "+ 노드는 상류에서 온 기울기를 두 갈래에 그대로 '복사'한다. 반으로 나누지 않는다."
_SPLIT_EN = "the + node COPIES the upstream gradient to both branches; it does not halve it."

MESSAGES = {
    # Exercise 4.1
    "g is the tanh of its own affine sum of x and h_prev; the new cell keeps c_prev scaled by "
    "f and adds g.": (
        "g는 x와 h_prev에 대한 g 자신의 아핀 변환에 tanh를 적용한 값이다. 새 셀은 c_prev를 f배 "
        "해서 남기고 g를 더한다."
    ),
    "g = tanh(x Wx + h_prev Wh + b) and c = f ⊙ c_prev + g are right": (
        "g = tanh(x Wx + h_prev Wh + b)와 c = f ⊙ c_prev + g가 맞다"
    ),
    "a matrix product (@) where ⊙ is elementwise: f * c_prev.": (
        "원소별 곱(⊙)이어야 할 자리에 행렬 곱(@)을 썼다: f * c_prev."
    ),
    "the new information g is not added: c = f ⊙ c_prev + g.": f"새 정보 g를 더하지 않았다: {_C}.",
    "the forget gate is missing: c = f ⊙ c_prev + g.": f"forget 게이트가 빠졌다: {_C}.",
    "f scales only the old memory: c = f ⊙ c_prev + g.": f"f는 이전 기억에만 곱한다: {_C}.",
    "g is added to the memory, not multiplied: c = f ⊙ c_prev + g.": (
        f"g는 기억에 곱하는 것이 아니라 더한다: {_C}."
    ),
    "the memory is not squashed: c = f ⊙ c_prev + g.": f"기억 셀에는 tanh를 적용하지 않는다: {_C}.",
    "f is the fraction KEPT: c = f ⊙ c_prev + g.": f"f는 '남기는' 비율이다: {_C}.",
    "the old memory c_prev is missing: c = f ⊙ c_prev + g.": f"이전 기억 c_prev가 빠졌다: {_C}.",
    # Exercise 4.2
    "The + node passes dc on to both branches unchanged; then the ⊙ f node on the cell path, "
    "and the tanh node on g's branch.": (
        "+ 노드는 dc를 두 가지에 그대로 보낸다. 그다음 셀 경로에서는 ⊙ f 노드를, g의 "
        "가지에서는 tanh 노드를 거슬러 가라."
    ),
    "dc_prev = dc ⊙ f and da = dc ⊙ (1 - g²) are right": (
        "dc_prev = dc ⊙ f와 da = dc ⊙ (1 - g²)이 맞다"
    ),
    _SPLIT_EN: _SPLIT,
    _SPLIT_EN + " Then the ⊙ node scales it by f.": _SPLIT + " 그다음 ⊙ 노드가 f를 곱한다.",
    "after the + node comes the ⊙ node: dc_prev = dc ⊙ f.": (
        "+ 노드 다음에는 ⊙ 노드가 온다: dc_prev = dc ⊙ f."
    ),
    "the old memory's branch is scaled by f, not by g.": (
        "이전 기억 쪽 갈래에는 g가 아니라 f를 곱한다."
    ),
    "a matrix product with a transpose; ⊙ is elementwise: dc * f.": (
        "전치와 함께 행렬 곱을 썼다. ⊙ 노드는 원소별 곱이다: dc * f."
    ),
    "the tanh node is missing: da = dc ⊙ (1 - g**2).": "tanh 노드가 빠졌다: da = dc ⊙ (1 - g**2).",
    "g (1 - g) is the sigmoid's derivative; tanh's is 1 - g**2.": (
        "g (1 - g)는 시그모이드 함수의 미분이다. tanh의 미분은 1 - g**2이다."
    ),
    "g is already tanh's output: the derivative is 1 - g**2, not 1 - tanh(g)**2.": (
        "g는 이미 tanh의 출력이다. 미분은 1 - tanh(g)**2가 아니라 1 - g**2이다."
    ),
    "g is added after the ⊙ f node: its branch has no factor f.": (
        "g는 ⊙ f 노드 다음에 더해진다. 그 갈래에는 인수 f가 없다."
    ),
    "tanh's derivative is 1 - g**2, not (1 - g)**2.": (
        "tanh의 미분은 (1 - g)**2가 아니라 1 - g**2이다."
    ),
    # Exercise 4.3
    "Independent writes add their variances; the spread is the square root of the total "
    "variance.": ("서로 독립인 기록은 분산이 더해진다. 퍼짐은 전체 분산의 제곱근이다."),
    "the spread of c grows like the square root of the number of steps": (
        "c의 퍼짐이 시각 수의 제곱근처럼 커진다"
    ),
    "standard deviations do not add; variances do. Take a square root.": (
        "표준편차는 더해지지 않는다. 더해지는 것은 분산이다. 제곱근을 취하라."
    ),
    "that is the variance of c; the question asks for its standard deviation.": (
        "그것은 c의 분산이다. 문제가 묻는 것은 표준편차이다."
    ),
    "the spread grows with the number of steps: variances add.": (
        "퍼짐은 시각 수와 함께 커진다. 분산이 더해지기 때문이다."
    ),
    "that is the spread of a MEAN of the steps; c sums them.": (
        "그것은 각 시각 값의 '평균'의 퍼짐이다. c는 그 값들을 더한다."
    ),
    "the mean of c is 0, but its spread is not.": "c의 평균은 0이지만 퍼짐은 0이 아니다.",
    "the square root goes over the variance n sd**2, not over n sd.": (
        "제곱근은 n sd가 아니라 분산 n sd**2에 씌운다."
    ),
    "the variance of each step is sd**2, and the spread is the square root of the total "
    "variance, not sd**2 sqrt(n).": (
        "각 시각의 분산은 sd**2이고, 퍼짐은 sd**2 sqrt(n)이 아니라 전체 분산의 제곱근이다."
    ),
    "the spread grows like the square root of n, not like n**2.": (
        "퍼짐은 n**2이 아니라 n의 제곱근처럼 커진다."
    ),
    "for steps = {}, sd = {}": "steps = {}, sd = {}일 때",
}
