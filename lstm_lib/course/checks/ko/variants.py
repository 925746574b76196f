"""Korean of the messages of checks.variants (notebook 09: the GRU and the LSTM's variants).

The notebook calls the two forms of the GRU's reset "앞" 형태 (the reset before the product,
Cho et al. and DLFS2) and "뒤" 형태 (after it, PyTorch and cuDNN); so do these messages.
"""

_F = "f = (c_target - g) / (c_prev - g)"
_COUPLED = "f ⊙ c_prev + (1 - f) ⊙ g = c_target"
_BEFORE = '"앞" 형태'

MESSAGES = {
    # Exercise 9.1
    "Slice x Wx + b into the blocks z, r, g (in that order); each gate adds its own "
    "block of h_prev Wh, g's block of Wh reads h_prev only after r has scaled it, and the "
    "update gate mixes h_prev with g as in section 1.": (
        "x Wx + b를 블록 z, r, g(이 순서)로 나누어라. 두 게이트는 저마다 h_prev Wh에서 자기 "
        "블록을 더하고, Wh의 g 블록은 r이 크기를 조절한 뒤의 h_prev만 읽으며, update 게이트는 "
        "1절에서처럼 h_prev와 g를 섞는다."
    ),
    "the GRU step (reset before the product) is right": (
        "GRU의 한 시각(reset 게이트를 곱 앞에 두는 형태)이 맞다"
    ),
    "z and 1 - z are swapped: in this book z keeps the old state (it scales h_prev) "
    "and 1 - z lets the new information in (DLFS2 writes it the other way round).": (
        "z와 1 - z가 뒤바뀌었다. 이 책에서는 z가 이전 상태를 남겨 두고(h_prev에 곱해진다) "
        "1 - z가 새 정보를 들인다(DLFS2는 이를 반대로 쓴다)."
    ),
    "the reset is applied after the product with Wh_g (PyTorch's form, section 3); "
    "in this exercise r scales h_prev before it meets Wh_g.": (
        "reset 게이트를 Wh_g와의 곱 뒤에 적용했다(PyTorch의 형태, 3절). 이 연습 문제에서는 "
        "r이 Wh_g와 만나기 전의 h_prev에 곱해진다."
    ),
    "the reset gate is missing: g reads the old state only after r has scaled it.": (
        "reset 게이트가 빠졌다. g는 r이 크기를 조절한 뒤에야 이전 상태를 읽는다."
    ),
    "r multiplies the whole sum; it resets only the term of the old state: the term "
    "of x and the bias b_g reach g as they are.": (
        "r을 합 전체에 곱했다. r은 이전 상태에서 오는 항에만 곱한다. x의 항과 편향 b_g는 "
        "그대로 g에 이른다."
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
    "the new information is not scaled: it comes in by the share 1 - z that the update "
    "gate does not keep.": (
        "새 정보의 크기를 조절하지 않았다. 새 정보는 update 게이트가 남기지 않는 몫 1 - z만큼 "
        "들어온다."
    ),
    "the old state is missing: the update gate keeps the share z of h_prev, and the new "
    "information fills the rest.": (
        "이전 상태가 빠졌다. update 게이트는 h_prev의 몫 z를 남기고, 나머지는 새 정보가 채운다."
    ),
    "the update gate is missing: h_prev and g are not simply added; z decides how much "
    "of each the new state takes.": (
        "update 게이트가 빠졌다. h_prev와 g를 그냥 더하는 것이 아니다. 새 상태가 둘을 각각 "
        "얼마나 받을지는 z가 정한다."
    ),
    "for the example N = D = H = 3": "예제(N = D = H = 3)일 때",
    "for random inputs (N = D = H = 3)": "무작위 입력(N = D = H = 3)일 때",
    "for a batch with D != H (N = {}, D = {}, H = {})": (
        "D != H인 배치(N = {}, D = {}, H = {})일 때"
    ),
    # Exercise 9.2
    "Go back through the reset's ⊙ node first (each input gets the gradient times the "
    "other input: look at what the reset multiplies in this form), then through the product "
    "with Wh_g and its bias by the affine rule of section 2.": (
        "먼저 reset 게이트의 ⊙ 노드를 거슬러 가고(각 입력은 기울기에 다른 입력을 곱한 값을 "
        "받는다. 이 형태에서 reset 게이트가 무엇에 곱해지는지 보라), 그다음 2절의 아핀 변환 "
        "규칙으로 Wh_g와의 곱과 그 편향을 거슬러 가라."
    ),
    "the reset-after form's backward (dr, dh_prev, dWh_g, db_hg) is right": (
        '"뒤" 형태의 역전파(dr, dh_prev, dWh_g, db_hg)가 맞다'
    ),
    "dr leaves out the bias: in this form the reset multiplies u = h_prev Wh_g + b_hg, "
    "the bias included, and a ⊙ node passes the gradient times the OTHER input.": (
        "dr에 편향이 빠졌다. 이 형태에서 reset 게이트는 편향까지 포함한 u = h_prev Wh_g + b_hg에 "
        "곱해지고, ⊙ 노드는 기울기에 '다른' 입력을 곱해 넘긴다."
    ),
    "dr is the reset-before form's, taken back through Wh_g to h_prev; here the reset "
    "comes after the product and multiplies u = h_prev Wh_g + b_hg itself.": (
        f"dr을 {_BEFORE}에서처럼 Wh_g를 거쳐 h_prev까지 거슬러 가서 구했다. 여기서는 reset "
        "게이트가 곱 뒤에 와서 u = h_prev Wh_g + b_hg 자체에 곱해진다."
    ),
    "dr went on through the sigmoid; dr is the gradient at r itself.": (
        "dr이 시그모이드 함수까지 거슬러 갔다. dr은 r 자체에서의 기울기이다."
    ),
    "dh_prev misses the reset: u is multiplied by r, so the gradient that reaches u is "
    "scaled by r before it goes back through Wh_g.": (
        "dh_prev에 reset 게이트가 빠졌다. u에 r이 곱해지므로, u에 이른 기울기에는 Wh_g를 "
        "거슬러 가기 전에 r이 곱해진다."
    ),
    "dh_prev applies r after the product with Wh_g^T, as in the reset-before form; "
    "here r acts on the gradient before it meets Wh_g^T.": (
        f"dh_prev에서 {_BEFORE}에서처럼 Wh_g^T와 곱한 뒤에 r을 곱했다. 여기서는 r이 "
        "Wh_g^T와 만나기 전의 기울기에 곱해진다."
    ),
    "dh_prev lacks the transpose: back through a product with Wh_g (H, H) the gradient "
    "is multiplied by Wh_g^T.": (
        "dh_prev에 전치가 빠졌다. Wh_g (H, H)와의 곱을 거슬러 가는 기울기에는 Wh_g^T가 곱해진다."
    ),
    "dWh_g misses the reset: the gradient that reaches the product h_prev Wh_g is "
    "da_g scaled by r.": (
        "dWh_g에 reset 게이트가 빠졌다. 곱 h_prev Wh_g에 이르는 기울기는 r을 곱한 da_g이다."
    ),
    "dWh_g is the reset-before form's: there Wh_g reads r ⊙ h_prev; here it reads "
    "h_prev itself, and r scales the gradient instead.": (
        f"dWh_g를 {_BEFORE}에서처럼 구했다. 그 형태에서는 Wh_g가 r ⊙ h_prev를 읽지만, "
        "여기서는 h_prev 자체를 읽고 대신 r이 기울기에 곱해진다."
    ),
    "dWh_g is transposed: a weight's gradient has the weight's shape (H, H), the "
    "input's transpose first, then the gradient.": (
        "dWh_g가 전치되었다. 가중치의 기울기는 가중치와 같은 형상 (H, H)이며, 입력의 전치가 "
        "앞에, 기울기가 뒤에 온다."
    ),
    "db_hg misses the reset: b_hg sits inside u, which r multiplies, so its gradient "
    "is scaled by r too.": (
        "db_hg에 reset 게이트가 빠졌다. b_hg는 r이 곱해지는 u 안에 있으므로 그 기울기에도 "
        "r이 곱해진다."
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
    "Follow the written value: every step keeps the share σ(b_z) of it. Find the "
    "gate value that leaves fraction after all the steps, then invert the sigmoid.": (
        "기록한 값을 따라가라. 시각마다 그 값의 σ(b_z)만큼이 남는다. steps 시각이 모두 지난 "
        "뒤에 fraction이 남게 하는 게이트 값을 찾고, 시그모이드 함수의 역함수를 취하라."
    ),
    "b_z = logit(fraction**(1/steps)) keeps the fraction over the steps": (
        "b_z = logit(fraction**(1/steps))가 steps 시각 동안 fraction만큼을 남긴다"
    ),
    "this is z itself; the exercise asks for the bias b_z with σ(b_z) = z: invert the sigmoid.": (
        "그것은 z 자체이다. 연습 문제가 묻는 것은 σ(b_z) = z를 만족하는 편향 b_z이다. "
        "시그모이드 함수의 역함수를 취하라."
    ),
    "the sign is flipped: this is DLFS2's convention, where 1 - z keeps; here z keeps, "
    "so a gate that keeps most of the state has a positive bias.": (
        "부호가 뒤집혔다. 그것은 1 - z가 남기는 DLFS2의 규약이다. 여기서는 z가 남기므로, "
        "상태를 대부분 남기는 게이트의 편향은 양수이다."
    ),
    "only one step is counted: the old state is multiplied by z at every one of the "
    "steps, so z**steps = fraction.": (
        "한 시각만 셌다. 이전 상태에는 steps 시각 동안 매 시각 z가 곱해지므로 "
        "z**steps = fraction이다."
    ),
    "fraction**steps is what a gate equal to fraction would leave; here fraction is "
    "what is left after all the steps, so solve z**steps = fraction for z.": (
        "fraction**steps는 값이 fraction인 게이트가 남길 양이다. 여기서 fraction은 steps 시각이 "
        "모두 지난 뒤에 남는 양이므로, z**steps = fraction을 z에 대해 풀어라."
    ),
    "the logarithm of z does not undo the sigmoid: solve σ(b_z) = z for b_z.": (
        "z의 로그로는 σ를 되돌리지 못한다. σ(b_z) = z를 b_z에 대해 풀어라."
    ),
    "the gate is a sigmoid, not a tanh: undo σ, not tanh (arctanh is tanh's inverse).": (
        "게이트는 tanh가 아니라 sigmoid이다. tanh가 아니라 σ를 되돌려라(arctanh는 tanh의 "
        "역함수이다)."
    ),
    "log10 where the natural log belongs: σ is built on e, so its inverse takes ln.": (
        "자연로그를 써야 할 자리에 log10을 썼다. σ는 밑 e로 만들어지므로 그 역함수에는 ln이 "
        "들어간다."
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
    "Write the coupled cell's update with c_target as its result and solve it for f: "
    "gather the terms with f on one side (entry by entry).": (
        "결합된 셀의 갱신을 결과가 c_target이 되게 적고 f에 대해 풀어라. f가 든 항을 "
        "한쪽으로 모아라(원소별로)."
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
    "i = 1, as in the uncoupled cell: here i = 1 - f, so f appears in g's term too.": (
        "결합되지 않은 셀에서처럼 i = 1로 두었다. 여기서는 i = 1 - f이므로 g의 항에도 f가 "
        "들어 있다."
    ),
    "the sign is flipped: a target equal to c_prev needs f = 1 (keep it all), one equal "
    "to g needs f = 0.": (
        "부호가 뒤집혔다. 목표가 c_prev와 같으면 f = 1(모두 남김)이어야 하고, g와 같으면 "
        "f = 0이어야 한다."
    ),
    "a missing bracket: c_target - g / (c_prev - g) divides g alone.": (
        "괄호가 빠졌다. c_target - g / (c_prev - g)는 g만 나눈다."
    ),
    "this is f - 1: f is the share of c_prev that is kept, 1 where c_target equals c_prev.": (
        "그것은 f - 1이다. f는 c_prev 가운데 남기는 몫이며, c_target이 c_prev와 같은 곳에서 1이다."
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
