"""Korean of the messages of checks.better_language_model (notebook 10)."""

_Y = "y = x m / (1 - p)"
_WORD = "그런 단어는 저마다"

MESSAGES = {
    # Exercise 10.1
    "Var(y) = E[y²] - E[y]², with E[m²] = E[m] = 1 - p.": (
        "Var(y) = E[y²] - E[y]²이고, E[m²] = E[m] = 1 - p이다."
    ),
    "Var(y) = x² p / (1 - p): the noise that evaluation with dropout on would add": (
        "Var(y) = x² p / (1 - p). 드롭아웃을 켠 채로 평가하면 더해질 잡음이다"
    ),
    "the variance": "분산",
    "that is the variance of x ⊙ m without the scale: y = x m / (1 - p), so the "
    "variance is divided by (1 - p)².": (
        f"그것은 배율을 뺀 x ⊙ m의 분산이다. {_Y}이므로 분산은 (1 - p)²로 나누어진다."
    ),
    "x² p leaves out the scale: Var(y) = x² Var(m) / (1 - p)² with Var(m) = p (1 - p), "
    "which gives p / (1 - p).": (
        "x² p에는 배율이 빠졌다. Var(m) = p (1 - p)이고 Var(y) = x² Var(m) / (1 - p)²이므로 "
        "p / (1 - p)가 나온다."
    ),
    "the mask's variance p (1 - p) is missing its factor 1 - p: p (1 - p) / (1 - p)² "
    "= p / (1 - p).": (
        "마스크의 분산 p (1 - p)에서 인수 1 - p가 빠졌다: p (1 - p) / (1 - p)² = p / (1 - p)."
    ),
    "that is E[y²] = x² / (1 - p); the variance subtracts the squared mean, E[y]² = x².": (
        "그것은 E[y²] = x² / (1 - p)이다. 분산은 여기서 평균의 제곱(E[y]² = x²)을 뺀 것이다."
    ),
    "x is not squared: a constant factor comes out of a variance squared, Var(a m) = a² Var(m).": (
        "x를 제곱하지 않았다. 상수 인수는 제곱되어 분산 밖으로 나온다: Var(a m) = a² Var(m)."
    ),
    "the ratio is upside down: p is the probability of DROPPING an entry, and the "
    "noise grows with it.": (
        "비율을 뒤집었다. p는 원소를 '버릴' 확률이며, 잡음은 p와 함께 커진다."
    ),
    "y has the mean x but is not constant: it is 0 or x / (1 - p), so its variance is not 0.": (
        "y의 평균은 x이지만 y는 상수가 아니다. y는 0 또는 x / (1 - p)이므로 분산은 0이 아니다."
    ),
    "that is the standard deviation; the variance is its square.": (
        "그것은 표준편차이다. 분산은 그 제곱이다."
    ),
    "the factor x² is missing: y = x m / (1 - p) scales the mask's noise by x.": (
        f"인수 x²가 빠졌다. {_Y}는 마스크의 잡음에 x를 곱한다."
    ),
    "for x of shape ({}, {}) and ratio = {}": "x의 형상이 ({}, {})이고 ratio = {}일 때",
    "for x of shape ({}, {}, {}) and ratio = {}": "x의 형상이 ({}, {}, {})이고 ratio = {}일 때",
    # Exercise 10.2
    "The perplexity is exp of the mean loss; halving a word's probability adds log 2.": (
        "퍼플렉서티는 평균 손실의 exp이다. 단어의 확률을 절반으로 줄이면 그 손실에 log 2가 "
        "더해진다."
    ),
    "forgetting the number on a share f of the words multiplies the perplexity by 2^f": (
        "단어 가운데 비율 f에서 단복수를 잊으면 퍼플렉서티에 2^f가 곱해진다"
    ),
    "only the words in `fraction` lose half their probability, not every word: the "
    "mean loss grows by fraction * log 2.": (
        "모든 단어가 아니라 비율 `fraction`에 드는 단어만 확률의 절반을 잃는다. 평균 손실은 "
        "fraction * log 2만큼 커진다."
    ),
    "log 2 is added to the perplexity; it belongs to the loss (the log of the "
    "perplexity): exp(log floor + fraction log 2).": (
        "log 2를 퍼플렉서티에 더했다. log 2는 손실(퍼플렉서티의 로그)에 더해진다: "
        "exp(log floor + fraction log 2)."
    ),
    "each such word adds log 2 to its loss, not 1: halving a probability costs log 2 nats.": (
        f"{_WORD} 손실에 1이 아니라 log 2를 더한다. 확률이 절반이 되는 대가는 log 2 nat이다."
    ),
    "perplexities do not mix linearly: the losses (their logs) average, so the "
    "factor is 2^fraction, not 1 + fraction.": (
        "퍼플렉서티는 선형으로 섞이지 않는다. 평균을 내는 것은 손실(퍼플렉서티의 로그)이므로 "
        "인수는 1 + fraction이 아니라 2^fraction이다."
    ),
    "fraction is the share of words that lose the number, so 2 is raised to "
    "fraction, not to 1 - fraction.": (
        "fraction은 단복수를 잊는 단어의 비율이므로, 2의 지수는 1 - fraction이 아니라 fraction이다."
    ),
    "forgetting makes the model worse, so the perplexity rises: 2^(+fraction).": (
        "단복수를 잊으면 모델이 나빠지므로 퍼플렉서티는 올라간다: 2^(+fraction)."
    ),
    "that is the loss in nats, log floor + fraction log 2; the perplexity is its exp.": (
        "그것은 nat 단위의 손실 log floor + fraction log 2이다. 퍼플렉서티는 그 exp이다."
    ),
    "each such word adds log 2 to the loss whatever the floor; raising the floor to "
    "a power makes the cost depend on it.": (
        f"{_WORD} 하한이 얼마이든 손실에 log 2를 더한다. 하한을 거듭제곱하면 그 대가가 "
        "하한에 따라 달라진다."
    ),
    "the floor is missing: the model also pays the grammar's own uncertainty.": (
        "하한이 빠졌다. 모델은 문법 자체가 지닌 불확실성의 대가도 치른다."
    ),
    "for floor = {} and fraction = {}": "floor = {}, fraction = {}일 때",
}
