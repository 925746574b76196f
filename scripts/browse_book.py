"""Read the built web edition in headless Chromium, as a phone and as a desktop, offline.

    python scripts/browse_book.py                    # book/_build/html, screenshots in /tmp
    python scripts/browse_book.py --shots /tmp/shots --chromium /usr/bin/chromium

Serves the site on localhost and drives a Chromium through its DevTools protocol over a
pipe (the standard library only: no Playwright, no Selenium), with every host but
localhost unresolvable. At 390 px and at 1280 px it opens every page and reports what a
reader would meet: a request that left the site or failed, an error or a warning in the
console, an image not shown or without a real description, math not typeset, anything wider
than the page or its column (an equation, a code line, a table, a signature), a page that
scrolls sideways, and a language switch that is not on screen to tap. Then it opens the
chapter menu on a phone and follows a chapter from it, toggles the menu on a desktop, taps
the language switch there and back at both widths, and asks each site's search (the English
one, the Korean one in ko/) for a word. A screenshot of the top of each page at each width
goes to --shots. Exit status 1 if anything is wrong.

tests/test_book.py runs the same checks on its own build whenever a Chromium is found.
"""

import argparse
import base64
import functools
import json
import os
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

SITE = Path(__file__).resolve().parents[1] / "book" / "_build" / "html"
PHONE, DESKTOP = (390, 844), (1280, 900)
# (the site's folder, a word): what the search is asked by default.
SEARCHES = (("", "forget"), ("ko/", "게이트"))
CHROMIUM_NAMES = ("chromium", "chromium-browser", "google-chrome", "google-chrome-stable")


def find_chromium():
    """The browser named by $BOOK_CHROMIUM, else the first Chromium on the PATH, else None."""
    named = os.environ.get("BOOK_CHROMIUM")
    if named:
        return named if Path(named).is_file() else None
    return next(filter(None, map(shutil.which, CHROMIUM_NAMES)), None)


class Navigating(RuntimeError):
    """A command reached a page that was being replaced by the next one (a link followed)."""


#: what Chromium answers to a command sent to a page in the middle of a navigation
NAVIGATING = {
    "Inspected target navigated or closed",
    "Execution context was destroyed.",
    "Cannot find context with specified id",
}


class Browser:
    """One headless Chromium, spoken to in DevTools protocol messages over a pipe.

    Chromium reads commands from its file descriptor 3 and writes answers and events to 4,
    each a JSON object followed by a NUL byte. Only 127.0.0.1 resolves, so nothing a page
    asks for can leave the machine.
    """

    def __init__(self, executable, timeout=30):
        self.timeout = timeout
        self.profile = tempfile.mkdtemp(prefix="browse-book-")
        to_browser, self._write = os.pipe()
        self._read, from_browser = os.pipe()
        flags = [
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--no-first-run",
            "--hide-scrollbars",
            "--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1",
            f"--user-data-dir={self.profile}",
            "--remote-debugging-pipe",
            "about:blank",
        ]

        def give_pipes():
            os.dup2(to_browser, 3)
            os.dup2(from_browser, 4)

        self.process = subprocess.Popen(
            [executable, *flags],
            preexec_fn=give_pipes,
            pass_fds=(3, 4),
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        os.close(to_browser)
        os.close(from_browser)
        self._buffer, self._next_id, self.events = b"", 0, []

    def _receive(self):
        while b"\0" not in self._buffer:
            chunk = os.read(self._read, 1 << 20)
            if not chunk:
                raise RuntimeError("Chromium closed its DevTools pipe")
            self._buffer += chunk
        message, self._buffer = self._buffer.split(b"\0", 1)
        return json.loads(message)

    def send(self, method, session=None, **params):
        """Send one command and wait for its answer; events met meanwhile are kept."""
        self._next_id += 1
        command = {"id": self._next_id, "method": method, "params": params}
        if session:
            command["sessionId"] = session
        os.write(self._write, json.dumps(command).encode() + b"\0")
        while True:
            message = self._receive()
            if message.get("id") == self._next_id:
                if "error" in message:
                    error = message["error"].get("message", "")
                    kind = Navigating if error in NAVIGATING else RuntimeError
                    raise kind(f"{method}: {message['error']}")
                return message.get("result", {})
            self.events.append(message)

    def wait_for(self, method, session, deadline):
        """Wait for an event of this session since the events were last cleared."""
        while time.monotonic() < deadline:
            if any(
                e.get("method") == method and e.get("sessionId") == session for e in self.events
            ):
                return True
            self.send("Runtime.evaluate", session, expression="0")
            time.sleep(0.05)
        return False

    def close(self):
        try:
            self.send("Browser.close")
        except (RuntimeError, OSError):
            pass
        try:
            self.process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()
        os.close(self._read)
        os.close(self._write)
        shutil.rmtree(self.profile, ignore_errors=True)


class Tab:
    """A page of the browser at one window size, with what it requested."""

    def __init__(self, browser, width, height):
        self.browser, self.width, self.height = browser, width, height
        target = browser.send("Target.createTarget", url="about:blank")["targetId"]
        self.session = browser.send("Target.attachToTarget", targetId=target, flatten=True)[
            "sessionId"
        ]
        for domain in ("Page", "Runtime", "Network"):
            self.send(f"{domain}.enable")
        self.send(
            "Emulation.setDeviceMetricsOverride",
            width=width,
            height=height,
            deviceScaleFactor=1,
            mobile=width < 600,
        )
        if width < 600:
            self.send("Emulation.setTouchEmulationEnabled", enabled=True)

    def send(self, method, **params):
        return self.browser.send(method, self.session, **params)

    def requests(self):
        """(urls requested, urls that failed, errors logged) since the page was opened."""
        asked, failed, logged = [], [], []
        for event in self.browser.events:
            if event.get("sessionId") != self.session:
                continue
            if event["method"] == "Runtime.consoleAPICalled" and event["params"]["type"] in {
                "error",
                "warning",
            }:
                args = event["params"]["args"]
                logged.append(" ".join(str(a.get("value", a.get("description"))) for a in args))
            elif event["method"] == "Runtime.exceptionThrown":
                logged.append(event["params"]["exceptionDetails"].get("text", "exception"))
            elif event["method"] == "Network.requestWillBeSent":
                asked.append(event["params"]["request"]["url"])
            elif event["method"] == "Network.loadingFailed":
                failed.append(event["params"].get("errorText", "failed"))
            elif event["method"] == "Network.responseReceived":
                response = event["params"]["response"]
                if response["status"] >= 400:
                    failed.append(f"{response['status']} {response['url']}")
        return asked, failed, logged

    def goto(self, url):
        self.browser.events.clear()
        self.send("Page.navigate", url=url)
        deadline = time.monotonic() + self.browser.timeout
        if not self.browser.wait_for("Page.loadEventFired", self.session, deadline):
            raise RuntimeError(f"{url} did not load")
        self.evaluate(SETTLED)

    def evaluate(self, expression):
        """The value of a JavaScript expression (awaited if it is a promise)."""
        result = self.send(
            "Runtime.evaluate", expression=expression, awaitPromise=True, returnByValue=True
        )
        if "exceptionDetails" in result:
            raise RuntimeError(f"{expression[:60]}: {result['exceptionDetails']}")
        return result["result"].get("value")

    def click(self, selector):
        """Click like a finger or a mouse at the middle of the first visible match."""
        box = self.evaluate(f"({VISIBLE_BOX})({json.dumps(selector)})")
        if box is None:
            raise RuntimeError(f"nothing visible matches {selector}")
        for kind in ("mousePressed", "mouseReleased"):
            self.send(
                "Input.dispatchMouseEvent",
                type=kind,
                x=box[0],
                y=box[1],
                button="left",
                clickCount=1,
            )

    def wait_until(self, expression, seconds=10):
        """Whether ``expression`` becomes true within ``seconds``; a page that is navigating
        meanwhile (after a click on a link) is asked again once the next one is there."""
        deadline = time.monotonic() + seconds
        while time.monotonic() < deadline:
            try:
                if self.evaluate(expression):
                    return True
            except Navigating:
                pass
            time.sleep(0.1)
        return False

    def screenshot(self, path):
        data = self.send("Page.captureScreenshot", format="png")["data"]
        Path(path).write_bytes(base64.b64decode(data))


# Resolves once the page's scripts have settled: MathJax typeset, fonts and images loaded.
SETTLED = """(async () => {
  if (window.MathJax && MathJax.startup && MathJax.startup.promise) {
    await MathJax.startup.promise;
  }
  await document.fonts.ready;
  await Promise.all([...document.images].map(i => i.complete ? 0 :
    new Promise(r => { i.onload = i.onerror = r; })));
  await new Promise(r => requestAnimationFrame(() => requestAnimationFrame(r)));
  return true;
})()"""

# The middle of the first element that matches and is visible on screen, or null.
VISIBLE_BOX = """(selector) => {
  for (const e of document.querySelectorAll(selector)) {
    const r = e.getBoundingClientRect();
    if (r.width && r.height && getComputedStyle(e).visibility !== 'hidden') {
      return [r.x + r.width / 2, r.y + r.height / 2];
    }
  }
  return null;
}"""

# What a reader of the page would meet: returns a list of problems and a summary.
PAGE_STATE = """(() => {
  const problems = [];
  const article = document.querySelector('article') || document.body;
  const width = document.documentElement.clientWidth;
  const column = Math.min(width, article.getBoundingClientRect().right);
  if (document.documentElement.scrollWidth > width + 1) {
    problems.push(`the page scrolls sideways: ${document.documentElement.scrollWidth} px`);
  }
  const images = [...article.querySelectorAll('img')];
  for (const i of images) {
    const name = i.src.split('/').pop();
    if (!(i.complete && i.naturalWidth > 0)) problems.push(`image not shown: ${name}`);
    const alt = (i.getAttribute('alt') || '').trim();
    if (!alt || /_images\\/|^\\.\\.?\\/|\\.(png|svg|jpe?g)$/i.test(alt)) {
      problems.push(`image without a description: ${name} (alt "${alt}")`);
    }
  }
  // The switch to the other language: on screen without opening a menu, big enough to tap
  // (24 px, WCAG 2.5.8), and nothing covering it.
  const tappable = [...document.querySelectorAll('a.language-switch[hreflang]')].some(a => {
    const r = a.getBoundingClientRect();
    const x = r.left + r.width / 2, y = r.top + r.height / 2;
    return r.width >= 24 && r.height >= 24 && r.left >= 0 && r.right <= width && r.top >= 0
      && r.bottom <= innerHeight && document.elementFromPoint(x, y)?.closest('a') === a;
  });
  if (!tappable) problems.push('no language switch on screen to tap');
  const math = document.querySelectorAll('mjx-container').length;
  const untypeset = document.querySelectorAll('.math:not(:has(mjx-container))').length;
  const errors = document.querySelectorAll('mjx-merror').length;
  if (untypeset || errors) problems.push(`math: ${untypeset} untypeset, ${errors} errors`);
  // Wider than its box and so cut off or scrolled: an equation, code, a table, a heading, a
  // signature, an image; and, in a sidebar on screen, a link.
  const boxes = 'mjx-container, div.highlight pre, .output pre, table, h1, h2, h3, dt.sig, img';
  const links = [...document.querySelectorAll('.bd-sidebar a')].filter(a => {
    const r = a.getBoundingClientRect();
    return r.width && r.left < width && getComputedStyle(a).visibility !== 'hidden';
  });
  for (const e of [...article.querySelectorAll(boxes), ...links]) {
    if (!e.getClientRects().length || e.closest('dialog, .d-none, details:not([open])')) {
      continue;
    }
    // A box that scrolls its overflow (code, a table), or anything past its column's edge.
    const over = e.tagName === 'MJX-CONTAINER' ? 0 : e.scrollWidth - e.clientWidth;
    const edge = links.includes(e) ? width : column;
    const right = e.getBoundingClientRect().right - edge;
    if (over > 1 || right > 1) {
      const text = (e.textContent || e.getAttribute('src') || '').trim().slice(0, 50);
      problems.push(`${e.tagName.toLowerCase()} too wide by ${Math.max(over, right)} px: ${text}`);
    }
  }
  // On a desktop a code line fits the column unwrapped.
  if (width >= 1000) {
    for (const pre of article.querySelectorAll('div.cell_input pre')) {
      pre.style.whiteSpace = 'pre';
      if (pre.scrollWidth > pre.clientWidth + 1) {
        const line = pre.textContent.split('\\n').reduce((a, b) => (b.length > a.length ? b : a));
        problems.push(`code line wider than the column: ${line.trim().slice(0, 50)}`);
      }
      pre.style.whiteSpace = '';
    }
  }
  return {problems, summary: `${images.length} images, ${math} formulas`};
})()"""


def _serve(folder):
    class Quiet(SimpleHTTPRequestHandler):
        def log_message(self, *args):
            pass

        def handle(self):
            try:
                super().handle()
            except (BrokenPipeError, ConnectionResetError):
                pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(Quiet, directory=folder))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server


def check_page(tab, base, name, shots=None):
    """Open one page; return its problems and a summary line."""
    tab.goto(f"{base}/{name}")
    state = tab.evaluate(PAGE_STATE)
    asked, failed, logged = tab.requests()
    problems = [f"left the site: {u}" for u in asked if not u.startswith((base, "data:"))]
    # A browser asks every site for a favicon; this one has none.
    problems += [f"failed: {u}" for u in failed if not u.endswith("/favicon.ico")]
    problems += [f"logged: {message[:120]}" for message in logged] + state["problems"]
    if shots:
        stem = name.removesuffix(".html").replace("/", "__")
        tab.screenshot(Path(shots) / f"{stem}-{tab.width}.png")
    return problems, state["summary"]


def phone_menu_reaches(tab, base, start, chapter):
    """On a phone: open the chapter menu on `start`, tap `chapter` in it; the page reached."""
    tab.goto(f"{base}/{start}")
    tab.click(".primary-toggle")
    if not tab.wait_until("document.querySelector('#pst-primary-sidebar-modal[open]') !== null"):
        return "the chapter menu did not open"
    link = f"#pst-primary-sidebar-modal a.reference[href$='{chapter.split('/')[-1]}']"
    tab.click(link)
    if not tab.wait_until(f"location.pathname.endsWith({json.dumps(chapter)})"):
        return "tapping the chapter in the menu did not open it"
    tab.wait_until("document.readyState === 'complete'")
    return tab.evaluate("location.pathname")


def desktop_menu_toggles(tab, base, page):
    """On a desktop: the ☰ button hides the chapter list and shows it again."""
    tab.goto(f"{base}/{page}")
    shown = """(() => { const s = document.querySelector('#pst-primary-sidebar');
      return s.getBoundingClientRect().right > 0 && getComputedStyle(s).visibility !== 'hidden';
    })()"""
    states = [tab.evaluate(shown)]
    for _ in range(2):
        tab.click(".primary-toggle")
        time.sleep(0.5)
        states.append(tab.evaluate(shown))
    return states


def switch_and_back(tab, base, page):
    """Tap the language switch on `page`, then on the page it opened: the two pages reached."""
    tab.goto(f"{base}/{page}")
    reached = []
    for _ in range(2):
        before = tab.evaluate("location.pathname")
        tab.click("a.language-switch")
        if not tab.wait_until(f"location.pathname !== {json.dumps(before)}"):
            return reached + ["the language switch did not open a page"]
        tab.wait_until("document.readyState === 'complete'")
        reached.append(tab.evaluate("location.pathname"))
    return reached


def search(tab, base, word):
    """(title, snippet, address) of each page the site's search finds for a word, best first."""
    tab.goto(f"{base}/search.html?q={word}")
    # The results appear one by one; the search has finished when its pulse has stopped.
    finished = "document.querySelectorAll('#search-results li').length > 0"
    tab.wait_until(f"{finished} && Search._pulse_status === -1", seconds=20)
    return tab.evaluate(
        """[...document.querySelectorAll('#search-results li')].map(li => [
             li.querySelector('a').textContent.trim(),
             (li.querySelector('.context') || {textContent: ''}).textContent.trim(),
             li.querySelector('a').getAttribute('href')])"""
    )


def browse(site, chromium, shots=None, pages=None, searches=SEARCHES):
    """Every check above on the site in `site`, as a dict.

    "pages": {(width, page): (problems, summary)}; "phone menu": (the last chapter, the
    page that tapping it in the phone's chapter menu reached); "desktop menu": whether the
    chapter list was shown before and after each of two clicks on ☰; "switch": {width: the
    first chapter's address and the two pages its language switch, then theirs, reached};
    "search": {(folder, word): (title, snippet, address) of each result, best first}.
    """
    site = Path(site)
    if pages is None:
        pages = sorted(p.relative_to(site).as_posix() for p in site.rglob("*.html"))
        pages = [p for p in pages if not any(part.startswith("_") for part in p.split("/"))]
    if shots:
        Path(shots).mkdir(parents=True, exist_ok=True)
    chapters = sorted(p for p in pages if p.startswith("notebooks/"))
    server = _serve(site)
    base = f"http://127.0.0.1:{server.server_address[1]}"
    browser = Browser(chromium)
    report = {"pages": {}}
    try:
        for width, height in (PHONE, DESKTOP):
            tab = Tab(browser, width, height)
            for name in pages:
                report["pages"][width, name] = check_page(tab, base, name, shots)
        # One tab after the other: a tab in the background draws no frames, and SETTLED
        # waits for two.
        report["switch"] = {}
        phone = Tab(browser, *PHONE)
        reached = phone_menu_reaches(phone, base, chapters[0], chapters[-1])
        report["phone menu"] = (chapters[-1], reached)
        report["switch"][phone.width] = [
            f"/{chapters[0]}",
            *switch_and_back(phone, base, chapters[0]),
        ]
        desktop = Tab(browser, *DESKTOP)
        report["desktop menu"] = desktop_menu_toggles(desktop, base, chapters[0])
        report["switch"][desktop.width] = [
            f"/{chapters[0]}",
            *switch_and_back(desktop, base, chapters[0]),
        ]
        report["search"] = {
            (folder, word): search(desktop, f"{base}/{folder.rstrip('/')}", word)
            for folder, word in searches
        }
    finally:
        browser.close()
        server.shutdown()
    return report


def summary(report):
    """The report as lines to print, and the number of problems in it."""
    lines, bad = [], 0
    for (width, name), (problems, counts) in report["pages"].items():
        bad += len(problems)
        lines.append(f"{'PROBLEM' if problems else 'ok':8}{width:5} {name}: {counts}")
        lines += [f"{'':14}{problem}" for problem in problems]
    (wanted, reached), states = report["phone menu"], report["desktop menu"]
    checks = [
        (reached.endswith(wanted), f"phone: ☰, then {wanted} in the menu: {reached}"),
        (states == [True, False, True], f"desktop: ☰ shown, hidden, shown: {states}"),
    ]
    for width, (start, *switched) in report["switch"].items():
        there = start.replace("/", "/ko/", 1)
        checks.append((switched == [there, start], f"{width} px: switch, then back: {switched}"))
    for (folder, word), results in report["search"].items():
        checks.append((bool(results), f"search {folder}{word}: {len(results)} pages"))
    for ok, line in checks:
        bad += not ok
        lines.append(f"{'ok' if ok else 'PROBLEM':8}{line}")
    for results in report["search"].values():
        lines += [f"    {title} | {snippet[:100]}" for title, snippet, _ in results[:3]]
    return lines, bad


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--site", default=SITE, type=Path, help="the built html folder")
    parser.add_argument("--chromium", default=find_chromium(), help="browser executable")
    parser.add_argument("--shots", default="/tmp/book-shots", help="folder for screenshots")
    args = parser.parse_args()
    if not args.chromium:
        parser.error("no Chromium found: name one with --chromium")
    lines, bad = summary(browse(args.site, args.chromium, args.shots))
    print("\n".join(lines))
    print(f"{bad} problems; screenshots in {args.shots}")
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
