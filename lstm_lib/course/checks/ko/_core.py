"""Korean of the frames of every checker message (lstm_lib.course.checks._core)."""

MESSAGES = {
    "Exercise {exercise} passed: {what}": "연습 문제 {exercise} 통과: {what}",
    "Exercise {exercise}: {what} is not right: {message}": (
        "연습 문제 {exercise}: {what}의 값이 틀렸다. {message}"
    ),
    "Exercise {exercise}: not solved yet ({detail})": (
        "연습 문제 {exercise}: 아직 풀지 않았다 ({detail})"
    ),
    "the function still raises NotImplementedError; replace the stub with your code": (
        "함수가 아직 NotImplementedError를 일으킨다. 그 줄을 직접 쓴 코드로 바꾸라"
    ),
    "it returned None: did the function forget to return?": (
        "None을 돌려주었다. 함수에 return이 빠지지 않았는지 보라"
    ),
    "{n} values": "값 {n}개",
    "one value": "값 하나",
    "it should return the tuple ({names}), got {got}": (
        "돌려줄 것은 튜플 ({names})인데, 돌려준 것은 {got}이다"
    ),
    "a number": "수",
    "an array of real numbers": "실수 배열",
    "{name} should be {what}, got {kind} {raw!r}": (
        "{name}: {what}이어야 하는데, 받은 것은 {kind} {raw!r}이다"
    ),
    "{a} and {b} are swapped in the returned tuple; return ({names}) in that order.": (
        "돌려준 튜플에서 {a}, {b} 두 값의 자리가 바뀌었다. ({names}) 순서로 돌려주라."
    ),
    "it matches more than one typical mistake: ": ("흔한 실수 여러 가지에 똑같이 들어맞는다. "),
    " Or: ": " 또는: ",
    "Exercise {label}: expected the function {name}, got {kind} {function!r}": (
        "연습 문제 {label}: 채점 함수에 넘길 것은 함수 {name}인데, 받은 것은 "
        "{kind} {function!r}이다"
    ),
    "Exercise {label}: {observed} {hint}": "연습 문제 {label}: {observed} {hint}",
    "{name} {label}": "{label} {name}",
    "A matrix product @ got arrays whose inner sizes differ: in the row-vector convention a "
    "batch (N, D) @ a weight (D, H); a backward multiplies by the transposed weight (W.T); ⊙ "
    "is the elementwise product *, not @.": (
        "행렬 곱(@)에 안쪽 크기가 서로 다른 배열이 들어왔다. 행벡터 규약에서는 배치 (N, D) @ "
        "가중치 (D, H)이고, 역전파에서는 전치한 "
        "가중치(W.T)를 곱한다. ⊙ 기호는 원소별 곱(*)이며 행렬 곱(@)이 아니다."
    ),
    "An elementwise operation (*, +, ⊙) got arrays of different shapes: check the shape of "
    "each operand.": (
        "원소별 연산(*, +, ⊙)에 형상이 서로 다른 배열이 들어왔다. 피연산자마다 형상을 확인하라."
    ),
    "It was given {given}.": "받은 인자의 형상은 {given}이다.",
    "argument {k}": "인자 {k}",
    "{function} raised {error} {label}: {text}.": (
        "{label} {function}에서 {error} 예외가 일어났다: {text}."
    ),
    "{function} {label}: {problem}.": "{label} {function}: {problem}.",
    "{name} is the same for every input although the right answer changes with it: "
    "compute it from the arguments, not as a fixed number.": (
        "{name}의 값이 입력과 상관없이 늘 같다. 정답은 입력에 따라 달라진다. 고정된 수를 "
        "쓰지 말고 인자로부터 계산하라."
    ),
    "{name} {label} is not right ({function} returned {value:.6g}).": (
        "{label} {name}의 값이 틀렸다({function}의 반환값: {value:.6g})."
    ),
    "{name} {label} should have shape {right}, got {got} (the right shape reversed: "
    "a transpose?).": (
        "{label} {name}의 형상은 {right}이어야 하는데 {got}이다(올바른 형상을 뒤집은 "
        "것이다. 전치하지 않았는가?)."
    ),
    "{name} {label} should have shape {right}, got {got}.": (
        "{label} {name}의 형상은 {right}이어야 하는데 {got}이다."
    ),
    "{name} {label} is the transpose of the right answer.": (
        "{label} {name}의 값은 정답을 전치한 것이다."
    ),
    "{name} {label} contains NaN or inf: look for a division by zero, the log of 0 "
    "or an overflow.": (
        "{label} {name}에 NaN이나 inf가 들어 있다. 0으로 나눈 곳, 0의 로그, 오버플로가 "
        "없는지 찾아보라."
    ),
    "{name} {label} has the right shape but is off by up to {gap:.3g} (it was right {before}).": (
        "{label} {name}의 형상은 맞지만 값이 최대 {gap:.3g}만큼 어긋난다({before}에는 맞았다)."
    ),
    "{name} {label} has the right shape but is off by up to {gap:.3g}.": (
        "{label} {name}의 형상은 맞지만 값이 최대 {gap:.3g}만큼 어긋난다."
    ),
}
