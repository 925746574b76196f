"""Korean of the messages of checks.gates (notebook 01)."""

_AT_MOST = "노드 n개는 최대 1/4인 인수 n개를 준다."

MESSAGES = {
    # Exercise 1.1
    "the gated information": "게이트를 거친 정보",
    "First the openness, the sigmoid of the gate's affine sum of x and h_prev; then apply it "
    "to v, entry by entry.": (
        "먼저 열림 상태를 구하라. x와 h_prev에 대한 게이트의 아핀 변환에 시그모이드 함수를 "
        "적용한 값이다. 그다음 그것을 v에 원소별로 적용하라."
    ),
    "apply_gate computes sigmoid(x Wx + h_prev Wh + b) * v": (
        "apply_gate가 sigmoid(x Wx + h_prev Wh + b) * v를 계산한다"
    ),
    "v is ignored: the gate multiplies the information, openness * v.": (
        "v를 쓰지 않았다. 게이트는 정보에 열림 상태를 곱한다: openness * v."
    ),
    "v is added; a gate multiplies: openness * v.": ("v를 더했다. 게이트는 곱한다: openness * v."),
    "a matrix product @ where the gate acts elementwise: openness * v.": (
        "게이트는 원소별로 작용하는데 행렬 곱(@)을 썼다: openness * v."
    ),
    "it multiplies by 1 - openness: the openness sigmoid(...) is the fraction let through, "
    "openness * v.": (
        "1 - openness를 곱했다. 열림 상태 sigmoid(...)는 통과시키는 비율이므로 openness * v이다."
    ),
    "v is multiplied before the sigmoid: apply sigmoid to the affine part, then * v.": (
        "sigmoid를 적용하기 전에 v를 곱했다. 아핀 변환 부분에 sigmoid를 적용한 다음 "
        "v를 곱하라(* v)."
    ),
    # Exercise 1.2
    "First back through the sigmoid node (its derivative written with its output y), then the "
    "rule of the affine transform for each input and each weight; the bias is shared by the "
    "whole batch.": (
        "먼저 시그모이드 노드를 거슬러 가고(그 미분은 출력 y로 쓴다), 이어서 입력과 가중치마다 "
        "아핀 변환의 규칙을 적용하라. 편향은 배치 전체가 함께 쓴다."
    ),
    "gate_backward: da = dy * y * (1 - y), then the affine rule": (
        "gate_backward: da = dy * y * (1 - y), 그다음 아핀 변환의 규칙"
    ),
    "the sigmoid node is skipped: first da = dy * y * (1 - y).": (
        "시그모이드 노드를 건너뛰었다. 먼저 da = dy * y * (1 - y)이다."
    ),
    "it uses tanh's derivative 1 - y**2; the gate's activation is the sigmoid, whose "
    "derivative is y * (1 - y).": (
        "tanh의 미분 1 - y**2를 썼다. 게이트의 활성화 함수는 시그모이드 함수이고, 그 미분은 "
        "y * (1 - y)이다."
    ),
    "it applies sigmoid to y again: y already is the gate's output, so the local derivative "
    "is y * (1 - y).": (
        "y에 sigmoid를 한 번 더 적용했다. y는 이미 게이트의 출력이므로 국소적 미분은 "
        "y * (1 - y)이다."
    ),
    "db is not summed over the batch: the bias was broadcast over the N rows, so "
    "db = da.sum(axis=0), shape (H,).": (
        "db를 배치에 걸쳐 더하지 않았다. 편향은 N개 행에 브로드캐스트되었으므로 "
        "db = da.sum(axis=0)이고, 형상은 (H,)이다."
    ),
    "db is summed over the wrong axis: da.sum(axis=0) sums over the batch.": (
        "db를 엉뚱한 축을 따라 더했다. 배치에 걸쳐 더하는 것은 da.sum(axis=0)이다."
    ),
    "db is a mean over the batch; the gradient of a broadcast bias is the sum.": (
        "db를 배치의 평균으로 구했다. 브로드캐스트된 편향의 기울기는 합이다."
    ),
    "dWx is transposed: with row vectors dWx = x.T @ da, shape (D, H).": (
        "dWx가 전치되었다. 행벡터로는 dWx = x.T @ da이고, 형상은 (D, H)이다."
    ),
    "dWh is transposed: with row vectors dWh = h_prev.T @ da, shape (H, H).": (
        "dWh가 전치되었다. 행벡터로는 dWh = h_prev.T @ da이고, 형상은 (H, H)이다."
    ),
    "dx multiplies by Wx, not Wx.T: dx = da @ Wx.T.": (
        "dx에서 Wx.T가 아니라 Wx를 곱했다. dx = da @ Wx.T이다."
    ),
    "dh_prev multiplies by Wh, not Wh.T: dh_prev = da @ Wh.T.": (
        "dh_prev에서 Wh.T가 아니라 Wh를 곱했다. dh_prev = da @ Wh.T이다."
    ),
    # Exercise 1.3
    "Each sigmoid node multiplies the gradient by its slope, at most 1/4 (chain rule).": (
        "시그모이드 노드는 저마다 기울기에 자신의 미분값(최대 1/4)을 곱한다(연쇄 법칙)."
    ),
    "through n sigmoid nodes a gradient is multiplied by at most 0.25**n": (
        "시그모이드 노드 n개를 지나는 기울기에 곱해지는 값은 많아야 0.25**n이다"
    ),
    "1 is the largest slope of tanh; the sigmoid's slope is at most 1/4, at x = 0.": (
        "1은 tanh의 가장 큰 미분값이다. 시그모이드 함수의 미분은 x = 0에서 가장 크고, "
        "그 값은 1/4이다."
    ),
    "0.25 bounds one sigmoid node; n nodes in a row multiply n slopes.": (
        "0.25는 시그모이드 노드 하나의 상한이다. 노드 n개가 이어지면 미분값 n개가 곱해진다."
    ),
    "the n slopes are added; the chain rule multiplies them.": (
        "미분값 n개를 더했다. 연쇄 법칙은 미분값을 곱한다."
    ),
    "0.5 is sigmoid(0), the value; the slope there is sigmoid(0) (1 - sigmoid(0)) = 0.25.": (
        "0.5는 sigmoid(0), 곧 함숫값이다. 그곳의 미분값은 sigmoid(0) (1 - sigmoid(0)) = 0.25이다."
    ),
    "one factor too few: n nodes give n factors of at most 1/4.": (
        f"곱하는 인수가 하나 모자란다. {_AT_MOST}"
    ),
    "one factor too many: n nodes give n factors of at most 1/4.": (
        f"곱하는 인수가 하나 많다. {_AT_MOST}"
    ),
    "4**n is the reciprocal: each slope is at most 1/4, so the gradient shrinks.": (
        "4**n은 역수이다. 미분값은 저마다 최대 1/4이므로 기울기는 줄어든다."
    ),
    "0.75 = 1 - 1/4 is not a slope; each node multiplies by its slope, at most 1/4.": (
        "0.75 = 1 - 1/4는 미분값이 아니다. 노드마다 자신의 미분값(최대 1/4)을 곱한다."
    ),
    "for n = {}": "n = {}일 때",
}
