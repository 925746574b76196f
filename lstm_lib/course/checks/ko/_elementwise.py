"""Korean of the cases that the elementwise backward exercises share (checks._elementwise)."""

MESSAGES = {
    "for N = {}, H = {}": "N = {}, H = {}일 때",
}
