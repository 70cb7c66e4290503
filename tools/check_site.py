"""Check the built site in a real browser (headless Chromium, driven by Playwright).

    python tools/check_site.py [site/_build/html] [screenshot folder]

Serves the HTML folder on localhost and opens every page. For each page it
records console errors and failed requests, images that did not load or carry no
alt text (or only a file name), internal links whose file or #anchor does not
exist, and the serious or critical violations of an axe-core accessibility check
(axe-core's own script, bundled with axe-playwright-python: nothing is fetched).
Links to other sites (Binder, GitHub, DOIs) are not followed: the check runs
offline. Saves a screenshot of every page. Prints a report; exit status 1 when a
problem was found.
"""

import functools
import http.server
import json
import os
import sys
import threading
from pathlib import Path
from urllib.parse import unquote, urldefrag, urljoin, urlparse

# Debian's Chromium (or $CHROMIUM), headless, offline: also what tests/executions.py drives JupyterLab with
CHROMIUM = os.environ.get("CHROMIUM", "/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
SERIOUS = {"serious", "critical"}
# MathJax 2 tests whether web fonts load with a font whose address is about:blank (its
# "MathJax_Blank" probe); Chromium refuses that address and logs it. Nothing is missing.
BENIGN = ("about:blank",)
PAGE_JS = """() => ({
  images: Array.from(document.images).map(i => ({src: i.getAttribute('src'), alt: i.getAttribute('alt'),
                                                  loaded: i.complete && i.naturalWidth > 0})),
  links: Array.from(document.querySelectorAll('a[href]')).map(a => a.href),
  ids: Array.from(document.querySelectorAll('[id]')).map(e => e.id),
})"""


def pages(html):
    """Every HTML page of the site except Sphinx's generated index and search pages."""
    return sorted(
        p.relative_to(html).as_posix()
        for p in Path(html).rglob("*.html")
        if p.name not in ("genindex.html", "search.html") and "_static" not in p.parts
    )


@functools.lru_cache(maxsize=None)
def _ids_of(path):
    from html.parser import HTMLParser

    class Ids(HTMLParser):
        def __init__(self):
            super().__init__()
            self.ids = set()

        def handle_starttag(self, tag, attrs):
            self.ids.update(value for name, value in attrs if name == "id")

    parser = Ids()
    parser.feed(Path(path).read_text(encoding="utf-8"))
    return parser.ids


def broken_links(html, base_url, links):
    """Internal links (same server) whose file or #anchor does not exist."""
    broken = []
    for link in links:
        if not link.startswith(base_url):
            continue
        address, anchor = urldefrag(link)
        target = Path(html) / unquote(urlparse(address).path).lstrip("/")
        if target.is_dir():
            target = target / "index.html"
        if not target.exists():
            broken.append(link)
        elif anchor and target.suffix == ".html" and anchor not in _ids_of(target):
            broken.append(link)
    return broken


class _Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


def serve(html):
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(_Quiet, directory=str(html)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server


def check(html="site/_build/html", screenshots="tests/artifacts/site"):
    """{page: {"console": [...], "images": n, "figures": n, "problems": [...], "axe": [...]}}."""
    from axe_playwright_python.sync_playwright import Axe
    from playwright.sync_api import sync_playwright

    html, screenshots = Path(html), Path(screenshots)
    screenshots.mkdir(parents=True, exist_ok=True)
    server = serve(html)
    base_url = f"http://127.0.0.1:{server.server_address[1]}/"
    axe, report = Axe(), {}
    try:
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS)
            context = browser.new_context(viewport={"width": 1280, "height": 900})
            for name in pages(html):
                page, console = context.new_page(), []
                page.on(
                    "console",
                    lambda m, c=console: (
                        c.append(f"{m.text} (at {m.location.get('url', '?')})") if m.type == "error" else None
                    ),
                )
                page.on("pageerror", lambda e, c=console: c.append(str(e)))
                page.on("requestfailed", lambda r, c=console: c.append(f"request failed: {r.url}"))
                page.on(
                    "response",
                    lambda r, c=console: (
                        c.append(f"HTTP {r.status}: {r.url} (from {r.request.headers.get('referer')})")
                        if r.status >= 400
                        else None
                    ),
                )
                page.goto(urljoin(base_url, name), wait_until="load")
                page.wait_for_timeout(300)  # let MathJax and the theme's scripts finish
                found = page.evaluate(PAGE_JS)
                problems = [f"image did not load: {i['src']}" for i in found["images"] if not i["loaded"]]
                problems += [
                    f"image without alt text: {i['src']}"
                    for i in found["images"]
                    if not (i["alt"] or "").strip() or i["alt"].endswith((".png", ".svg"))
                ]
                problems += [f"broken link: {link}" for link in broken_links(html, base_url, found["links"])]
                # what the page itself logged (axe re-reads stylesheets below), without MathJax's font probe
                console = [message for message in console if not any(b in message for b in BENIGN)]
                violations = [v for v in axe.run(page).response["violations"] if v.get("impact") in SERIOUS]
                page.screenshot(path=str(screenshots / (name.replace("/", "_") + ".png")), full_page=False)
                report[name] = {
                    "console": console,
                    "problems": problems,
                    "images": len(found["images"]),
                    "figures": sum(1 for i in found["images"] if "_images/" in (i["src"] or "")),
                    "axe": [
                        f"{v['id']} ({v['impact']}): {v['help']}, {len(v['nodes'])} element(s)" for v in violations
                    ],
                }
                page.close()
            browser.close()
    finally:
        server.shutdown()
    return report


def problems_in(report):
    return {
        name: page["console"] + page["problems"] + page["axe"]
        for name, page in report.items()
        if page["console"] or page["problems"] or page["axe"]
    }


if __name__ == "__main__":
    result = check(*sys.argv[1:3])
    print(json.dumps(result, indent=1))
    sys.exit(1 if problems_in(result) else 0)
