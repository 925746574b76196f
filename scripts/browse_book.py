"""Open every page of the built web edition in headless Chromium with the network cut off.

A maintainer's check, not part of `make test` (it needs a browser): serves book/_build/html
on localhost, blocks every request that leaves it, and for each page reports blocked or
failed requests, images that did not load, and math that MathJax did not typeset; it saves
a full-page screenshot of each page to look at.

    pip install playwright        # in a throwaway venv; the browser is the system's
    python scripts/browse_book.py --chromium /usr/bin/chromium --shots /tmp/book-shots

Exit status 1 if any page has a problem.
"""

import argparse
import functools
import sys
import threading
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import urlsplit

SITE = Path(__file__).resolve().parents[1] / "book" / "_build" / "html"

# Runs in the page: images that failed, math typeset or not, MathJax errors.
PAGE_STATE = """async () => {
  if (window.MathJax && MathJax.startup && MathJax.startup.promise) {
    await MathJax.startup.promise;
  }
  const images = [...document.querySelectorAll('img')];
  return {
    broken: images.filter(i => !(i.complete && i.naturalWidth > 0)).map(i => i.src),
    images: images.length,
    math: document.querySelectorAll('mjx-container').length,
    untypeset: document.querySelectorAll('.math:not(:has(mjx-container))').length,
    errors: document.querySelectorAll('mjx-merror').length,
  };
}"""


class _QuietHandler(SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


def _serve(folder):
    handler = functools.partial(_QuietHandler, directory=str(folder))
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server


def check_page(page, url, shot):
    """Load one page; return the list of problems found on it."""
    blocked, failed = [], []
    page.on("requestfailed", lambda r: failed.append(r.url))
    page.on("response", lambda r: r.status >= 400 and failed.append(f"{r.status} {r.url}"))
    host = urlsplit(url).netloc

    def route(request_route):
        if urlsplit(request_route.request.url).netloc == host:
            request_route.continue_()
        else:
            blocked.append(request_route.request.url)
            request_route.abort()

    page.route("**/*", route)
    page.goto(url, wait_until="networkidle")
    state = page.evaluate(PAGE_STATE)
    page.screenshot(path=str(shot), full_page=True)
    problems = [f"blocked {u}" for u in blocked] + [f"failed {u}" for u in failed]
    problems += [f"image not shown {u}" for u in state["broken"]]
    if state["untypeset"] or state["errors"]:
        problems.append(f"math: {state['untypeset']} untypeset, {state['errors']} errors")
    summary = f"{state['images']} images, {state['math']} formulas"
    return problems, summary


def walk_next(page, base):
    """Follow the "next" links from the landing page; return the titles met, in order."""
    page.route("**/*", lambda r: r.continue_() if r.request.url.startswith(base) else r.abort())
    page.goto(f"{base}/index.html")
    titles = []
    while page.locator("a.right-next").count():
        page.locator("a.right-next").first.click()
        page.wait_for_load_state()
        titles.append(page.locator("h1").first.inner_text().strip())
    return titles


def search(page, base, word):
    """Titles of the pages the site's own search finds for a word."""
    page.goto(f"{base}/search.html?q={word}")
    page.wait_for_selector("#search-results li", timeout=10_000)
    return page.locator("#search-results li > a").all_inner_texts()


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--chromium", default="/usr/bin/chromium", help="browser executable")
    parser.add_argument("--shots", default="/tmp/book-shots", help="folder for screenshots")
    args = parser.parse_args()
    from playwright.sync_api import sync_playwright

    shots = Path(args.shots)
    shots.mkdir(parents=True, exist_ok=True)
    pages = sorted(p.relative_to(SITE).as_posix() for p in SITE.rglob("*.html"))
    pages = [p for p in pages if not p.startswith("_static/")]
    server = _serve(SITE)
    base = f"http://127.0.0.1:{server.server_address[1]}"
    flags = [
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
    ]
    bad = 0
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=args.chromium, args=flags)
        for name in pages:
            page = browser.new_page(viewport={"width": 1280, "height": 900})
            shot = shots / (name.replace("/", "__").removesuffix(".html") + ".png")
            problems, summary = check_page(page, f"{base}/{name}", shot)
            page.close()
            bad += bool(problems)
            print(f"{'PROBLEM' if problems else 'ok':8} {name}: {summary}")
            for problem in problems:
                print(f"         {problem}")
        page = browser.new_page()
        titles = walk_next(page, base)
        print(f"next, next, ...: {len(titles)} pages: " + " | ".join(titles))
        found = search(page, base, "forget")
        print(f"search 'forget': {len(found)} pages, first {found[:3]}")
        bad += not found
        browser.close()
    server.shutdown()
    print(f"{len(pages)} pages, {bad} with problems; screenshots in {shots}")
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
