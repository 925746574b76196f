"""Korean of the messages of checks.better_language_model (notebook 10)."""

_Y = "y = x m / (1 - p)"
_WORD = "그런 단어는 저마다"

MESSAGES = {
    # Exercise 10.1
    "Compute the mean of y² as you computed E[y] on paper (m² is m), then subtract "
    "the square of the mean.": (
        "종이에서 E[y]를 구한 것처럼 y²의 평균을 구하고(m²은 m이다), 거기서 평균의 제곱을 빼라."
    ),
    "Var(y) = x² p / (1 - p): the noise that evaluation with dropout on would add": (
        "Var(y) = x² p / (1 - p). 드롭아웃을 켠 채로 평가하면 더해질 잡음이다"
    ),
    "the variance": "분산",
    "that is the variance of x ⊙ m without the scale 1 / (1 - p) of y; a constant "
    "factor comes out of a variance squared.": (
        "그것은 y의 배율 1 / (1 - p)를 뺀 x ⊙ m의 분산이다. 상수 인수는 제곱되어 분산 밖으로 "
        "나온다."
    ),
    "x² p leaves out the scale 1 / (1 - p) of y; work out E[y²] and E[y] with the "
    "scale in, using m² = m.": (
        "x² p에는 y의 배율 1 / (1 - p)가 빠졌다. m² = m을 써서 배율을 넣은 채로 E[y²]와 "
        "E[y]를 구하라."
    ),
    "the mask's variance is taken as p: m is 1 with probability 1 - p, and its variance "
    "is E[m²] - E[m]².": (
        "마스크의 분산을 p로 두었다. m은 확률 1 - p로 1이며, 그 분산은 E[m²] - E[m]²이다."
    ),
    "that is E[y²], the mean of the square; the variance subtracts the square of the "
    "mean, E[y]².": ("그것은 제곱의 평균 E[y²]이다. 분산은 여기서 평균의 제곱 E[y]²을 뺀 것이다."),
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
    "only the words in `fraction` lose half their probability, not every word: "
    "average the extra loss over all the words.": (
        "모든 단어가 아니라 비율 `fraction`에 드는 단어만 확률의 절반을 잃는다. 늘어난 손실을 "
        "모든 단어에 걸쳐 평균하라."
    ),
    "log 2 is added to the perplexity; it belongs to the loss of each such word, and "
    "the perplexity is exp of the mean loss.": (
        "log 2를 퍼플렉서티에 더했다. log 2는 그런 단어 하나하나의 손실에 더해지며, "
        "퍼플렉서티는 평균 손실의 exp이다."
    ),
    "each such word adds log 2 to its loss, not 1: halving a probability costs log 2 nats.": (
        f"{_WORD} 손실에 1이 아니라 log 2를 더한다. 확률이 절반이 되는 대가는 log 2 nat이다."
    ),
    "perplexities do not mix linearly: the losses (their logs) average over the "
    "words, and exp turns the mean loss back into a perplexity.": (
        "퍼플렉서티는 선형으로 섞이지 않는다. 단어에 걸쳐 평균을 내는 것은 손실(퍼플렉서티의 "
        "로그)이며, exp가 평균 손실을 다시 퍼플렉서티로 바꾼다."
    ),
    "fraction is the share of words that lose the number; 1 - fraction is the share "
    "that keeps it.": (
        "fraction은 단복수를 잊는 단어의 비율이고, 1 - fraction은 단복수를 지키는 단어의 비율이다."
    ),
    "forgetting makes the model worse, so the perplexity rises above the floor, not below it.": (
        "단복수를 잊으면 모델이 나빠지므로 퍼플렉서티는 하한 아래가 아니라 위로 올라간다."
    ),
    "that is the loss in nats (the log of the perplexity); the perplexity is its exp.": (
        "그것은 nat 단위의 손실(퍼플렉서티의 로그)이다. 퍼플렉서티는 그 exp이다."
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
