"""Korean of the messages of checks.gradient_flow (notebook 06)."""

_ADD_EN = (
    "at every cell, its own dc_local joins the gradient carried back from the later cells (the + "
    "node copies, so the streams add)"
)
_ADD = (
    "셀마다 그 셀의 dc_local이 뒤 셀들에서 거슬러 온 기울기에 더해진다(+ 노드는 기울기를 그대로 "
    "복사하므로 두 흐름이 합쳐진다)"
)
_OFF = "forget 게이트의 시각이 하나 어긋났다."
_HALF = "σ(b)**k <= 1/2를 만족하는"

MESSAGES = {
    # Exercise 6.1
    "Walk back from the last cell: at each cell its own gradient joins what came back, and the "
    "⊙ f node on the way to the cell before multiplies by that step's gate.": (
        "마지막 셀에서부터 거슬러 가라. 셀마다 그 셀의 기울기가 거슬러 온 기울기에 더해지고, "
        "앞 셀로 가는 길의 ⊙ f 노드는 그 시각의 게이트를 곱한다."
    ),
    "cell_path_backward carries the gradient back with ⊙ f and adds each step's own": (
        "cell_path_backward가 ⊙ f로 기울기를 거슬러 보내고, 시각마다 그 시각의 기울기를 더한다"
    ),
    "an off-by-one in the forget gates: the step from dcs[:, t] back to dcs[:, t-1] "
    "multiplies by fs[:, t-1], the gate of step t.": (
        f"{_OFF} dcs[:, t]에서 dcs[:, t-1]로 거슬러 갈 때는 시각 t의 게이트인 fs[:, t-1]을 곱한다."
    ),
    "an off-by-one in the forget gates: it uses the gate of the step after.": (
        f"{_OFF} 다음 시각의 게이트를 썼다."
    ),
    "the gradient carried back from the later cells is replaced by each cell's own "
    "gradient dc_local; keep it and add: " + _ADD_EN + ".": (
        "나중 셀에서 거슬러 온 기울기를 각 셀의 기울기 dc_local로 바꿔치기했다. 거슬러 온 "
        "기울기를 남기고 더하라: " + _ADD + "."
    ),
    "only the last cell's own gradient is carried back; the dc_local of the other "
    "cells is missing: " + _ADD_EN + ".": (
        "마지막 셀의 기울기만 거슬러 보냈다. 다른 셀의 dc_local이 빠졌다: " + _ADD + "."
    ),
    "it multiplies by f (1 - f), the sigmoid's derivative; on the cell path the ⊙ node "
    "multiplies by f itself.": (
        "시그모이드 함수의 미분 f (1 - f)를 곱했다. 셀 경로에서 ⊙ 노드는 f 자체를 곱한다."
    ),
    "the ⊙ f node is skipped: the gradient passes unchanged; multiply by f on the way back.": (
        "⊙ f 노드를 건너뛰어 기울기가 그대로 지나갔다. 거슬러 가면서 f를 곱하라."
    ),
    "the loop runs forward in time; the gradient flows from c_T back to c_0 "
    "(reversed(range(T))).": (
        "반복문이 시간 순서대로 돈다. 기울기는 c_T에서 c_0으로 거슬러 흐른다(reversed(range(T)))."
    ),
    "dcs[:, t+1] is stored after the multiplication by f; store the gradient at c_(t+1), "
    "then multiply by f on the way back.": (
        "dcs[:, t+1]을 f를 곱한 뒤에 저장했다. c_(t+1)에서의 기울기를 저장한 다음, 거슬러 "
        "가면서 f를 곱하라."
    ),
    "dcs[:, 0], the gradient on the initial cell c_0, is missing: dcs has shape (N, T+1, H).": (
        "첫 셀 c_0의 기울기 dcs[:, 0]이 빠졌다. dcs의 형상은 (N, T+1, H)이다."
    ),
    "for one step (T = 1)": "한 시각일 때(T = 1)",
    "with a gradient only at the last step": "마지막 시각에만 기울기가 있을 때",
    "with a gradient at every step": "모든 시각에 기울기가 있을 때",
    "for N = {}, T = {}, H = {}": "N = {}, T = {}, H = {}일 때",
    # Exercise 6.2
    "The smallest whole k >= 1 with σ(b)**k <= 1/2.": f"{_HALF} 가장 작은 정수 k >= 1이다.",
    "steps_to_halve gives the number of steps at which σ(b)^k first reaches 1/2": (
        "steps_to_halve가 σ(b)^k가 처음으로 1/2에 이르는 시각 수를 준다"
    ),
    "it is rounded down: σ(b)**k is still above 1/2 there; round up.": (
        "내림했다. 그 시각에서 σ(b)**k는 아직 1/2보다 크다. 올림하라."
    ),
    "it is rounded to the nearest whole number; the first k with σ(b)**k <= 1/2 is rounded "
    "UP.": f"가장 가까운 정수로 반올림했다. {_HALF} 첫 k는 '올림'해서 얻는다.",
    "it is not a whole number of steps: round up to the first k with σ(b)**k <= 1/2.": (
        f"시각 수가 정수가 아니다. {_HALF} 첫 k로 올림하라."
    ),
    "it uses σ'(b) = σ(b) (1 - σ(b)); the cell path multiplies by f = σ(b) itself.": (
        "σ'(b) = σ(b) (1 - σ(b))를 썼다. 셀 경로는 f = σ(b) 자체를 곱한다."
    ),
    "it uses 1 - σ(b), the fraction erased; the cell path keeps f = σ(b).": (
        "지우는 비율 1 - σ(b)를 썼다. 셀 경로는 f = σ(b)만큼 남긴다."
    ),
    "it uses tanh(b); the forget gate is f = σ(b).": (
        "tanh(b)를 썼다. forget 게이트는 f = σ(b)이다."
    ),
    "that is a linear decay 1 - k (1 - f); the gradient is multiplied by f at every step, "
    "so after k steps it is f**k.": (
        "그것은 선형 감소 1 - k (1 - f)이다. 기울기에는 매 시각 f가 곱해지므로 k 시각 뒤에는 "
        "f**k이다."
    ),
    "the ratio is upside down: σ(b)**k = 1/2 gives k = ln(1/2) / ln σ(b).": (
        "비의 분자와 분모가 뒤집혔다. σ(b)**k = 1/2에서 k = ln(1/2) / ln σ(b)이다."
    ),
    "for b = {}": "b = {}일 때",
}
