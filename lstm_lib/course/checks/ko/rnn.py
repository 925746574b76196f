"""Korean of the messages of checks.rnn (notebook 00)."""

_LINEAR = "그것은 선형 감소 1 - k (1 - factor)이다. 기울기에는 시각마다 factor가 곱해지므로 "

MESSAGES = {
    # Exercise 0.1
    "Build it term by term: x times its weight, h_prev times its weight, the bias, then the "
    "activation of the whole sum.": (
        "항을 하나씩 만들어라. x와 그 가중치의 곱, h_prev와 그 가중치의 곱, 편향을 더한 다음, "
        "그 합 전체에 활성화 함수를 적용하라."
    ),
    "rnn_step computes tanh(x Wx + h_prev Wh + b)": (
        "rnn_step이 tanh(x Wx + h_prev Wh + b)를 계산한다"
    ),
    # Exercise 0.2
    "Go back through the step's two nodes in turn: the tanh node (its derivative written with "
    "its output h_next), then the product with Wh.": (
        "이 시각의 두 노드를 차례로 거슬러 가라. 먼저 tanh 노드(그 미분은 출력 h_next로 쓴다), "
        "그다음 Wh와의 곱이다."
    ),
    "rnn_dh_prev multiplies by tanh' = 1 - h_next**2, then by Wh.T": (
        "rnn_dh_prev가 tanh' = 1 - h_next**2를 곱한 다음 Wh.T를 곱한다"
    ),
    "it multiplies by Wh, not Wh.T: backward through h_prev @ Wh gives da @ Wh.T.": (
        "Wh.T가 아니라 Wh를 곱했다. h_prev @ Wh를 거슬러 지나면 da @ Wh.T가 된다."
    ),
    "the product with Wh.T is missing: h_prev reached h_next through h_prev @ Wh.": (
        "Wh.T와의 곱이 빠졌다. h_prev는 h_prev @ Wh를 거쳐 h_next에 닿았다."
    ),
    "the tanh node is skipped: multiply dh_next by tanh' = 1 - h_next**2 first.": (
        "tanh 노드를 건너뛰었다. 먼저 dh_next에 tanh' = 1 - h_next**2를 곱하라."
    ),
    "it uses the sigmoid's derivative h_next (1 - h_next); the RNN step uses tanh, whose "
    "derivative is 1 - h_next**2.": (
        "시그모이드 함수의 미분 h_next (1 - h_next)를 썼다. RNN은 시각마다 tanh를 쓰고, "
        "그 미분은 1 - h_next**2이다."
    ),
    "it applies tanh to h_next again: h_next already is tanh's output, so the local "
    "derivative is 1 - h_next**2.": (
        "h_next에 tanh를 한 번 더 적용했다. h_next는 이미 tanh의 출력이므로 국소적 미분은 "
        "1 - h_next**2이다."
    ),
    "it uses 1 - h_next; tanh's derivative is 1 - h_next**2 (squared).": (
        "1 - h_next를 썼다. tanh의 미분은 1 - h_next**2(제곱)이다."
    ),
    "it uses (1 - h_next)**2; tanh's derivative is 1 - h_next**2.": (
        "(1 - h_next)**2를 썼다. tanh의 미분은 1 - h_next**2이다."
    ),
    "the derivative has the wrong sign: tanh' = 1 - h_next**2, not h_next**2 - 1.": (
        "미분의 부호가 틀렸다. tanh' = 1 - h_next**2이며 h_next**2 - 1이 아니다."
    ),
    "an elementwise product * where the matrix product @ Wh.T belongs.": (
        "행렬 곱 @ Wh.T를 써야 할 자리에 원소별 곱(*)을 썼다."
    ),
    "the product is in the wrong order: Wh.T @ da; with row vectors it is da @ Wh.T.": (
        "곱의 순서가 틀렸다(Wh.T @ da). 행벡터로는 da @ Wh.T이다."
    ),
    "with h_next = 0 (tanh' = 1)": "h_next = 0일 때(tanh' = 1)",
    "for N = H = 3": "N = H = 3일 때",
    # Exercise 0.3
    "Take the logarithm of factor**k < threshold, solve for k and round to the smallest whole "
    "k that satisfies it.": (
        "factor**k < threshold의 양변에 로그를 취해 k에 대해 풀고, 그 부등식을 만족하는 가장 "
        "작은 정수 k를 골라라."
    ),
    "steps_to_vanish gives the smallest k with factor**k below the threshold": (
        "steps_to_vanish가 factor**k를 threshold 아래로 떨어뜨리는 가장 작은 k를 준다"
    ),
    "it is one step short: rounded down, factor**k is still above the threshold; round up.": (
        "한 시각이 모자란다. 내림하면 factor**k가 아직 threshold보다 크다. 올림하라."
    ),
    "it is rounded to the nearest whole number; the smallest k with factor**k < threshold "
    "is the real ratio rounded UP.": (
        "가장 가까운 정수로 반올림했다. factor**k < threshold를 만족하는 가장 작은 k는 "
        "실수인 비를 '올림'한 값이다."
    ),
    "it is not a whole number of steps: round the ratio ln(threshold) / ln(factor) up.": (
        "시각 수가 정수가 아니다. 비 ln(threshold) / ln(factor)를 올림하라."
    ),
    "the ratio is upside down: factor**k = threshold gives k = ln(threshold) / ln(factor).": (
        "비의 분자와 분모가 뒤집혔다. factor**k = threshold에서 k = ln(threshold) / ln(factor)이다."
    ),
    "that counts the steps as if each divided the gradient by 10; each step multiplies it "
    "by factor.": (
        "시각마다 기울기를 10으로 나누는 것처럼 셌다. 시각마다 기울기에 factor를 곱한다."
    ),
    "it returns the factor after k steps, factor**k; the answer is the number of steps k.": (
        "k 시각 뒤의 배율 factor**k를 돌려주었다. 답은 시각 수 k이다."
    ),
    "it is one step too many: factor**(k - 1) is already below the threshold.": (
        "한 시각이 많다. factor**(k - 1)이 이미 threshold보다 작다."
    ),
    "the logarithms have different bases: log10 on one side and ln on the other; use the "
    "same on both.": (
        "로그의 밑이 서로 다르다. 한쪽은 log10, 다른 쪽은 ln이다. 양쪽에 같은 로그를 쓰라."
    ),
    "that is a linear decay 1 - k (1 - factor); the gradient is multiplied by factor at "
    "every step, so after k steps it is factor**k.": (f"{_LINEAR}k 시각 뒤에는 factor**k이다."),
    "for factor = {} and threshold = {}": "factor = {}, threshold = {}일 때",
    "for factor = {}, threshold = {}": "factor = {}, threshold = {}일 때",
}
