"""Korean of the messages of checks.variants (notebook 09: the GRU and the LSTM's variants).

The notebook calls the two forms of the GRU's reset "앞" 형태 (the reset before the product,
Cho et al. and DLFS2) and "뒤" 형태 (after it, PyTorch and cuDNN); so do these messages.
"""

_H = "h = z ⊙ h_prev + (1 - z) ⊙ g"
_LOGIT = "b_z = log(z / (1 - z))"
_F = "f = (c_target - g) / (c_prev - g)"
_COUPLED = "f ⊙ c_prev + (1 - f) ⊙ g = c_target"
_BEFORE = '"앞" 형태'

MESSAGES = {
    # Exercise 9.1
    "z = σ(x Wx_z + h_prev Wh_z + b_z), r likewise, g = tanh(x Wx_g + b_g + "
    "(r ⊙ h_prev) Wh_g), h_next = z ⊙ h_prev + (1 - z) ⊙ g.": (
        "z = σ(x Wx_z + h_prev Wh_z + b_z)이고 r도 마찬가지이며, g = tanh(x Wx_g + b_g + "
        "(r ⊙ h_prev) Wh_g), h_next = z ⊙ h_prev + (1 - z) ⊙ g이다."
    ),
    "the GRU step (reset before the product) is right": (
        "GRU의 한 시각(reset 게이트를 곱 앞에 두는 형태)이 맞다"
    ),
    "z and 1 - z are swapped: in this book z keeps the old state, "
    "h = z ⊙ h_prev + (1 - z) ⊙ g (DLFS2 writes it the other way round).": (
        f"z와 1 - z가 뒤바뀌었다. 이 책에서는 z가 이전 상태를 남겨 둔다: {_H}"
        "(DLFS2는 이를 반대로 쓴다)."
    ),
    "the reset is applied after the product, r ⊙ (h_prev @ Wh_g) (PyTorch's form); "
    "here it comes first: (r ⊙ h_prev) @ Wh_g.": (
        "reset 게이트를 곱 뒤에 적용했다: r ⊙ (h_prev @ Wh_g)(PyTorch의 형태). 여기서는 "
        "곱 앞에 온다: (r ⊙ h_prev) @ Wh_g."
    ),
    "the reset gate is missing: g reads (r ⊙ h_prev) @ Wh_g.": (
        "reset 게이트가 빠졌다. g는 (r ⊙ h_prev) @ Wh_g를 읽는다."
    ),
    "r multiplies the whole sum; it resets only the memory: "
    "tanh(x Wx_g + b_g + (r ⊙ h_prev) Wh_g).": (
        "r을 합 전체에 곱했다. r은 이전 상태에서 오는 항에만 곱한다: "
        "tanh(x Wx_g + b_g + (r ⊙ h_prev) Wh_g)."
    ),
    "a wrong transpose of Wh_g: (r ⊙ h_prev) (N, H) @ Wh_g (H, H).": (
        "Wh_g를 잘못 전치했다: (r ⊙ h_prev) (N, H) @ Wh_g (H, H)."
    ),
    "g uses sigmoid: the new information is tanh, in (-1, 1).": (
        "g에 sigmoid를 썼다. 새 정보는 tanh를 거친 (-1, 1)의 값이다."
    ),
    "the gates use tanh: z and r are sigmoid, an openness in (0, 1).": (
        "게이트에 tanh를 썼다. z와 r은 sigmoid를 거친 (0, 1)의 열림 상태이다."
    ),
    "the blocks z and r are swapped: the columns of Wx, Wh and b are z, r, g in that order.": (
        "블록 z와 r이 뒤바뀌었다. Wx, Wh, b의 열은 z, r, g 순서이다."
    ),
    "the blocks z and g are swapped: the columns are z (first H), r, then g (last H).": (
        "블록 z와 g가 뒤바뀌었다. 열은 z(처음 H개), r, 그다음 g(마지막 H개) 순서이다."
    ),
    "the new information is not scaled: (1 - z) ⊙ g.": (
        "새 정보의 크기를 조절하지 않았다: (1 - z) ⊙ g."
    ),
    "the old state is missing: h = z ⊙ h_prev + (1 - z) ⊙ g.": f"이전 상태가 빠졌다: {_H}.",
    "the update gate is missing: h = z ⊙ h_prev + (1 - z) ⊙ g.": f"update 게이트가 빠졌다: {_H}.",
    "for the example N = D = H = 3": "예제(N = D = H = 3)일 때",
    "for random inputs (N = D = H = 3)": "무작위 입력(N = D = H = 3)일 때",
    "for a batch with D != H (N = {}, D = {}, H = {})": (
        "D != H인 배치(N = {}, D = {}, H = {})일 때"
    ),
    # Exercise 9.2
    "u = h_prev Wh_g + b_hg, du = da_g ⊙ r: dr = da_g ⊙ u, dh_prev = du Wh_g^T, "
    "dWh_g = h_prev^T du, db_hg = the sum of du over the batch.": (
        "u = h_prev Wh_g + b_hg, du = da_g ⊙ r이라 하면 dr = da_g ⊙ u, dh_prev = du Wh_g^T, "
        "dWh_g = h_prev^T du이고, db_hg는 du를 배치에 걸쳐 더한 것이다."
    ),
    "the reset-after form's backward (dr, dh_prev, dWh_g, db_hg) is right": (
        '"뒤" 형태의 역전파(dr, dh_prev, dWh_g, db_hg)가 맞다'
    ),
    "dr leaves out the bias: the reset multiplies u = h_prev Wh_g + b_hg, and dr = da_g ⊙ u.": (
        "dr에 편향이 빠졌다. reset 게이트는 u = h_prev Wh_g + b_hg에 곱해지므로 dr = da_g ⊙ u이다."
    ),
    "dr is the reset-before form's, (da_g Wh_g^T) ⊙ h_prev; after the product the reset "
    "multiplies u = h_prev Wh_g + b_hg: dr = da_g ⊙ u.": (
        f"dr을 {_BEFORE}에서처럼 (da_g Wh_g^T) ⊙ h_prev로 구했다. 곱 뒤에 오는 reset 게이트는 "
        "u = h_prev Wh_g + b_hg에 곱해진다: dr = da_g ⊙ u."
    ),
    "dr went on through the sigmoid; dr is the gradient at r itself.": (
        "dr이 시그모이드 함수까지 거슬러 갔다. dr은 r 자체에서의 기울기이다."
    ),
    "dh_prev misses the reset: u is multiplied by r, so du = da_g ⊙ r and dh_prev = du Wh_g^T.": (
        "dh_prev에 reset 게이트가 빠졌다. u에 r이 곱해지므로 du = da_g ⊙ r이고 "
        "dh_prev = du Wh_g^T이다."
    ),
    "dh_prev applies r after the product with Wh_g^T, as in the reset-before form; "
    "here r scales the gradient first: (da_g ⊙ r) Wh_g^T.": (
        f"dh_prev에서 {_BEFORE}에서처럼 Wh_g^T와 곱한 뒤에 r을 곱했다. 여기서는 r이 먼저 "
        "기울기에 곱해진다: (da_g ⊙ r) Wh_g^T."
    ),
    "dh_prev lacks the transpose: du (N, H) @ Wh_g.T.": (
        "dh_prev에 전치가 빠졌다: du (N, H) @ Wh_g.T."
    ),
    "dWh_g misses the reset: dWh_g = h_prev^T (da_g ⊙ r).": (
        "dWh_g에 reset 게이트가 빠졌다: dWh_g = h_prev^T (da_g ⊙ r)."
    ),
    "dWh_g is the reset-before form's, (r ⊙ h_prev)^T da_g; after the product the reset "
    "scales the gradient: h_prev^T (da_g ⊙ r).": (
        f"dWh_g를 {_BEFORE}에서처럼 (r ⊙ h_prev)^T da_g로 구했다. 곱 뒤에 오는 reset 게이트는 "
        "기울기에 곱해진다: h_prev^T (da_g ⊙ r)."
    ),
    "dWh_g is transposed: the input's transpose comes first, h_prev^T (da_g ⊙ r).": (
        "dWh_g가 전치되었다. 입력의 전치가 앞에 온다: h_prev^T (da_g ⊙ r)."
    ),
    "db_hg misses the reset: db_hg = the sum over the batch of da_g ⊙ r.": (
        "db_hg에 reset 게이트가 빠졌다. db_hg는 da_g ⊙ r을 배치에 걸쳐 더한 것이다."
    ),
    "db_hg is averaged over the batch; the loss already holds any mean: sum it.": (
        "db_hg를 배치의 평균으로 구했다. 평균은 이미 손실에 들어 있으니 더하라."
    ),
    "db_hg is summed over the units (axis 1); sum over the batch, axis 0.": (
        "db_hg를 유닛에 걸쳐(축 1) 더했다. 배치에 걸쳐, 곧 축 0을 따라 더하라."
    ),
    "for the example N = H = 3": "예제(N = H = 3)일 때",
    "for random inputs (N = H = 3)": "무작위 입력(N = H = 3)일 때",
    # Exercise 9.3
    "z**steps = fraction, so z = fraction**(1/steps), and σ(b_z) = z gives "
    "b_z = log(z / (1 - z)).": (
        f"z**steps = fraction이므로 z = fraction**(1/steps)이고, σ(b_z) = z에서 {_LOGIT}이다."
    ),
    "b_z = logit(fraction**(1/steps)) keeps the fraction over the steps": (
        "b_z = logit(fraction**(1/steps))가 steps 시각 동안 fraction만큼을 남긴다"
    ),
    "this is z itself; the exercise asks for the bias b_z with σ(b_z) = z: take the "
    "logit, log(z / (1 - z)).": (
        "그것은 z 자체이다. 연습 문제가 묻는 것은 σ(b_z) = z를 만족하는 편향 b_z이다. "
        "로짓(logit) log(z / (1 - z))를 구하라."
    ),
    "the sign is flipped: this is DLFS2's convention, where 1 - z keeps; here z keeps, "
    "so b_z = log(z / (1 - z)) with z = fraction**(1/steps).": (
        "부호가 뒤집혔다. 그것은 1 - z가 남기는 DLFS2의 규약이다. 여기서는 z가 남기므로, "
        f"z = fraction**(1/steps)일 때 {_LOGIT}이다."
    ),
    "only one step is counted: the old state is multiplied by z at every one of the "
    "steps, so z**steps = fraction.": (
        "한 시각만 셌다. 이전 상태에는 steps 시각 동안 매 시각 z가 곱해지므로 "
        "z**steps = fraction이다."
    ),
    "z**steps = fraction gives z = fraction**(1/steps), not fraction**steps.": (
        "z**steps = fraction에서 z는 fraction**steps가 아니라 fraction**(1/steps)이다."
    ),
    "the logarithm of z is not its inverse under σ: b_z = log(z / (1 - z)).": (
        f"z의 로그로는 σ를 되돌리지 못한다: {_LOGIT}."
    ),
    "the gate is a sigmoid, not a tanh: b_z = log(z / (1 - z)), not arctanh(z).": (
        "게이트는 tanh가 아니라 sigmoid이다: b_z는 arctanh(z)가 아니라 log(z / (1 - z))이다."
    ),
    "log10 where the natural log belongs: σ uses e, b_z = ln(z / (1 - z)).": (
        "자연로그를 써야 할 자리에 log10을 썼다. σ는 밑 e를 쓴다: b_z = ln(z / (1 - z))."
    ),
    "a linear decay: each step keeps the fraction z of what was there, so what is left "
    "shrinks as z**steps, not by (1 - fraction) / steps per step.": (
        "선형 감소로 계산했다. 시각마다 있던 값의 z만큼을 남기므로, 남는 값은 시각마다 "
        "(1 - fraction) / steps씩 줄어드는 것이 아니라 z**steps로 줄어든다."
    ),
    "one step too many: after the write, the value passes the ⊙ z node once per step, "
    "steps times.": (
        "한 시각이 많다. 값을 쓴 뒤 그 값은 시각마다 한 번, 모두 steps번 ⊙ z 노드를 지난다."
    ),
    "for steps = {}, fraction = {}": "steps = {}, fraction = {}일 때",
    "for steps = {}, fraction = {} (one step only)": "steps = {}, fraction = {}(한 시각만)일 때",
    # Exercise 9.4
    "f ⊙ c_prev + (1 - f) ⊙ g = c_target gives f = (c_target - g) / (c_prev - g).": (
        f"{_COUPLED}에서 {_F}이다."
    ),
    "f = (c_target - g) / (c_prev - g); the target is reachable only where f is in [0, 1]": (
        f"{_F}이다. f가 [0, 1] 안에 있는 곳에서만 목표에 이를 수 있다"
    ),
    "this is 1 - f, the input gate i: solve f ⊙ c_prev + (1 - f) ⊙ g = c_target for f.": (
        f"그것은 1 - f, 곧 input 게이트 i이다. {_COUPLED}을 f에 대해 풀어라."
    ),
    "g is left out: the coupled cell writes (1 - f) ⊙ g, f ⊙ c_prev + (1 - f) ⊙ g = c_target.": (
        f"g를 빠뜨렸다. 결합된 셀은 (1 - f) ⊙ g를 기록한다: {_COUPLED}."
    ),
    "i = 1, as in the uncoupled cell: here i = 1 - f, so f = (c_target - g) / (c_prev - g).": (
        f"결합되지 않은 셀에서처럼 i = 1로 두었다. 여기서는 i = 1 - f이므로 {_F}이다."
    ),
    "the sign is flipped: f = (c_target - g) / (c_prev - g).": f"부호가 뒤집혔다: {_F}.",
    "a missing bracket: c_target - g / (c_prev - g) divides g alone.": (
        "괄호가 빠졌다. c_target - g / (c_prev - g)는 g만 나눈다."
    ),
    "this is f - 1: the kept part is f ⊙ c_prev, f = (c_target - g) / (c_prev - g).": (
        f"그것은 f - 1이다. 남기는 부분은 f ⊙ c_prev이며, {_F}이다."
    ),
    "f is clipped to [0, 1]: return the f the equation needs, outside (0, 1) too; that "
    "it falls outside is what the exercise asks you to see.": (
        "f를 [0, 1]로 잘랐다. (0, 1) 밖의 값이라도 식이 요구하는 f를 돌려주라. 그 값이 "
        "밖으로 벗어난다는 것이 이 연습 문제에서 보아야 할 점이다."
    ),
    "σ is applied: f is the gate's value, not its pre-activation.": (
        "σ를 적용했다. f는 게이트의 활성화 전 값이 아니라 게이트의 값이다."
    ),
}
