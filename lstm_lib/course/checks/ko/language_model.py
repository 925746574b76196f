"""Korean of the messages of checks.language_model (notebook 08)."""

_MIXED = "로그의 밑이 섞였다."
_WEIGHTED = "각 구간의 평균 손실에 그 구간의 목표 개수만큼 가중치를 주라"

MESSAGES = {
    # Exercise 8.1
    "Average the negative natural log-probabilities, then undo the logarithm.": (
        "자연로그 확률에 음수 부호를 붙여 평균한 다음, 로그를 되돌려라."
    ),
    "perplexity = exp(mean cross-entropy); 1 for a sure model, V for a uniform one": (
        "퍼플렉서티 = exp(평균 교차 엔트로피). 확신하는 모델이면 1, 균등한 모델이면 V이다"
    ),
    "the exponent is the SUM of -log p; use the mean (one symbol's share), otherwise "
    "the value grows with the length of the text.": (
        "지수에 -log p의 '합'을 썼다. 평균(기호 하나의 몫)을 쓰라. 그러지 않으면 값이 텍스트 "
        "길이와 함께 커진다."
    ),
    "the sign is off: perplexity is exp(-mean log p), at least 1 (this is its reciprocal).": (
        "부호가 틀렸다. 퍼플렉서티는 exp(-mean log p)이며 1 이상이다(이 값은 그 역수이다)."
    ),
    "that is the cross-entropy, mean(-log p); the perplexity is its exponential.": (
        "그것은 교차 엔트로피 mean(-log p)이다. 퍼플렉서티는 그 지수 함숫값이다."
    ),
    "log base mixed up: exp must undo the natural log, not log2.": (
        f"{_MIXED} exp는 log2가 아니라 자연로그를 되돌린다."
    ),
    "log base mixed up: 2 ** goes with log2, not with the natural log.": (
        f"{_MIXED} 2 **는 자연로그가 아니라 log2와 짝을 이룬다."
    ),
    "log base mixed up: exp must undo the natural log, not log10.": (
        f"{_MIXED} exp는 log10이 아니라 자연로그를 되돌린다."
    ),
    "that is 1 / (arithmetic mean of p); perplexity averages the LOG-probabilities.": (
        "그것은 1 / (p의 산술 평균)이다. 퍼플렉서티는 '로그' 확률을 평균한다."
    ),
    "that is the arithmetic mean of 1/p; perplexity is their geometric mean, exp(-mean log p).": (
        "그것은 1/p의 산술 평균이다. 퍼플렉서티는 그 기하 평균 exp(-mean log p)이다."
    ),
    "for probs = [0.5, 0.25, 0.8, 0.1, 0.6, 0.3]": "probs = [0.5, 0.25, 0.8, 0.1, 0.6, 0.3]일 때",
    "for random probs": "probs가 무작위일 때",
    "for a model always sure and right (every p = 1)": (
        "늘 확신하고 늘 맞히는 모델일 때(모든 p = 1)"
    ),
    "for a uniform guess over {} symbols": "기호 {}개에 걸친 균등한 추측일 때",
    # Exercise 8.2
    "Count every symbol of the vocabulary in the training stream, seen or not, with add-one "
    "smoothing; normalise; score the test stream as in Exercise 8.1.": (
        "어휘의 모든 기호를, 나오지 않은 것까지 포함해 1을 더하는 평활화(add-one smoothing)로 "
        "학습용 시계열에서 세고, 정규화한 다음, 연습 문제 8.1에서처럼 테스트용 시계열을 평가하라."
    ),
    "the add-one unigram baseline, fitted on train, scored on test": (
        "학습용 시계열로 맞추고 테스트용 시계열에서 잰, 1을 더하는 평활화(add-one smoothing)를 쓴 "
        "유니그램 기준 모델"
    ),
    "that is V, a uniform guess: use the frequencies of the training stream.": (
        "그것은 균등한 추측인 V이다. 학습용 시계열의 빈도를 쓰라."
    ),
    "the counts come from the TEST stream; a baseline may only learn from the training stream.": (
        "빈도를 '테스트용' 시계열에서 셌다. 기준 모델은 학습용 시계열에서만 배울 수 있다."
    ),
    "it is scored on the training stream; the perplexity is measured on test_ids.": (
        "학습용 시계열에서 평가했다. 퍼플렉서티는 test_ids에서 잰다."
    ),
    "without smoothing a symbol never seen in training gets probability 0 (an infinite "
    "perplexity): add one to every count.": (
        "평활화가 없으면 학습에서 보지 못한 기호의 확률이 0이 된다(퍼플렉서티는 무한대). "
        "모든 빈도에 1을 더하라."
    ),
    "the probabilities do not sum to 1: after adding one to each of the V counts, divide "
    "by len(train_ids) + V.": (
        "확률의 합이 1이 아니다. V개 빈도에 1씩 더했으면 len(train_ids) + V로 나누라."
    ),
    "add one to every count, not only V to the denominator.": (
        "분모에 V만 더하지 말고 모든 빈도에 1을 더하라."
    ),
    "np.bincount without minlength=V stops at the largest id seen in training: a symbol "
    "above it has no count (and no +1). Use np.bincount(train_ids, minlength=V).": (
        "minlength=V가 없는 np.bincount는 학습에서 본 가장 큰 id에서 멈춘다. 그보다 큰 기호는 "
        "빈도가 없다(+1도 없다). np.bincount(train_ids, minlength=V)를 쓰라."
    ),
    "log base mixed up: 2 ** must go with log2, exp with the natural log.": (
        f"{_MIXED} 2 **는 log2와, exp는 자연로그와 짝을 이룬다."
    ),
    "the exponent is the sum over the test stream; use the mean.": (
        "지수에 테스트용 시계열 전체의 합을 썼다. 평균을 쓰라."
    ),
    "for a training stream that misses the last symbol (V = {})": (
        "학습용 시계열에 마지막 기호가 없을 때(V = {})"
    ),
    "for a training stream that misses a middle symbol (V = {})": (
        "학습용 시계열에 가운데 기호가 없을 때(V = {})"
    ),
    "for a training stream that holds every symbol (V = {})": (
        "학습용 시계열에 모든 기호가 있을 때(V = {})"
    ),
    # Exercise 8.3
    "Reset the state once, cut the stream into batch_size consecutive rows, predict each next "
    "symbol chunk by chunk, and give every target the same weight.": (
        "상태를 한 번 초기화하고, 시계열을 이어진 batch_size개 행으로 자르고, 구간마다 다음 "
        "기호를 예측하고, 모든 목표에 같은 가중치를 주라."
    ),
    "the state is handed from chunk to chunk; every target counts once": (
        "상태가 구간에서 구간으로 넘어가고, 모든 목표가 한 번씩 들어간다"
    ),
    "the state is not carried from chunk to chunk: reset it once before the first chunk, "
    "never inside the loop.": (
        "상태를 구간에서 구간으로 넘기지 않았다. 첫 구간 전에 한 번만 초기화하고, 반복문 "
        "안에서는 초기화하지 마라."
    ),
    "the state left from earlier work is used: reset it once at the start of the stream "
    "(model.reset_state()).": (
        "이전 작업에서 남은 상태를 썼다. 시계열을 시작할 때 한 번 초기화하라(model.reset_state())."
    ),
    "the rows are interleaved (ids.reshape(L, N).T); each row must be one consecutive "
    "piece of the stream, ids[:N*L].reshape(N, L).": (
        "행이 엇갈려 섞였다(ids.reshape(L, N).T). 각 행은 시계열에서 이어진 한 조각이어야 "
        "한다: ids[:N*L].reshape(N, L)."
    ),
    "the targets must be the NEXT symbols: inputs rows[:, :-1], targets rows[:, 1:].": (
        "목표는 '다음' 기호여야 한다: 입력 rows[:, :-1], 목표 rows[:, 1:]."
    ),
    "the last chunk is shorter but counts like a full one: weight each chunk's mean loss "
    "by its number of targets.": f"마지막 구간은 더 짧은데 온전한 구간처럼 셌다. {_WEIGHTED}.",
    "the last, shorter chunk is left out: every target must count once.": (
        "더 짧은 마지막 구간을 빼먹었다. 모든 목표가 한 번씩 들어가야 한다."
    ),
    "the chunk losses are summed; return the mean over all targets.": (
        "구간의 손실을 더했다. 모든 목표에 걸친 평균을 돌려주라."
    ),
    "that is the perplexity exp(loss); return the mean cross-entropy itself.": (
        "그것은 퍼플렉서티 exp(loss)이다. 평균 교차 엔트로피 자체를 돌려주라."
    ),
    "for a fresh model (V = {}, batch_size = {}, T = {})": (
        "새 모델일 때(V = {}, batch_size = {}, T = {})"
    ),
    "for a model holding a state from earlier work (V = {}, batch_size = {}, T = {})": (
        "모델이 이전 작업의 상태를 지니고 있을 때(V = {}, batch_size = {}, T = {})"
    ),
    "for another stream (V = {}, batch_size = {}, T = {})": (
        "다른 시계열일 때(V = {}, batch_size = {}, T = {})"
    ),
}
