"""The grader's own words, in the language of the feedback.

The checkers' messages have their Korean in lstm_lib.course.checks.ko; the words the grading
command writes itself (the headings and columns of summary.md and feedback/, the results,
its messages about a missing, timed-out or unreadable answer) have theirs here, in one table
``KOREAN`` keyed by the English text. ``say`` gives a text in the checkers' language
(checks._language), which the command sets to its key's (key.feedback_language). The
reasons an answer was flagged (grade.scan and the watchers of grade._worker) stay in English:
they quote the rule and the line, for the teacher to look at.
"""

from ..checks._language import language

KOREAN = {
    # results
    "passed": "통과",
    "failed": "실패",
    "flagged": "규칙 위반",
    "timed out": "시간 초과",
    "missing": "없음",
    # summary.md and feedback/
    "Grades": "성적",
    "Key: {names}; {count} exercises, 1 point each.": (
        "채점 기준: {names}. 연습 문제 {count}개, 문제마다 1점이다."
    ),
    "Graded with the checkers of the lstm_lib in {library}.": (
        "{library}에 있는 lstm_lib의 채점 함수로 채점했다."
    ),
    "student": "학생",
    "total": "합계",
    "exercise": "연습 문제",
    "result": "결과",
    "points": "점수",
    "message": "메시지",
    "{name}: {total} of {count}": "{name}: {count}점 만점에 {total}점",
    # the grader's messages
    "no answer cell: the key's exercise cell is not in the notebook": (
        "답 셀이 없다. 채점 기준의 연습 문제 셀이 노트북에 없다"
    ),
    "the answer did not finish within {timeout:g} s": "답이 {timeout:g}초 안에 끝나지 않았다",
    "the answer ended its own process: {error}": "답이 자기 프로세스를 끝냈다: {error}",
    "an assertion of the check cell failed": "확인 셀의 assert가 실패했다",
    "{error}: the answer cell does not define it": "{error}: 답 셀에 그 정의가 없다",
    "the check raised {kind}: {error}": "확인 셀에서 {kind} 예외가 일어났다: {error}",
    "the check passed": "확인을 통과했다",
    "the answer cell raised {error}; then {message}": (
        "답 셀에서 예외가 일어났다({error}). 그다음: {message}"
    ),
    " (answer cell found by its position: its cell id had changed)": (
        " (셀 id가 바뀌어 답 셀을 위치로 찾았다)"
    ),
    "the notebook was not handed in": "노트북을 제출하지 않았다",
    "{file} matches no key notebook: not graded": (
        "{file}: 맞는 채점 기준 노트북이 없어 채점하지 않았다"
    ),
    "{count} files could be it ({listed}); keep one": (
        "이 노트북일 수 있는 파일이 {count}개이다({listed}). 하나만 남겨라"
    ),
    "{path} is not a readable notebook ({kind}: {error})": (
        "{path}는 읽을 수 있는 노트북이 아니다({kind}: {error})"
    ),
}


def say(text, /, **fields):
    """``text`` in the feedback's language, with ``fields`` filled into its slots."""
    if language() == "ko":
        text = KOREAN.get(text, text)
    return text.format(**fields)
