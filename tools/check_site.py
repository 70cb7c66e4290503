r"""Check the built site in a real browser (headless Chromium, driven by Playwright).

    python tools/check_site.py [site/_build/html] [screenshot folder]

Serves the HTML folder on localhost and opens every page. For each page it
records console errors and failed requests, images that did not load or carry no
alt text (or only a file name), internal links whose file or #anchor does not
exist, and the serious or critical violations of an axe-core accessibility check
(axe-core's own script, bundled with axe-playwright-python: nothing is fetched).
It waits until MathJax has typeset the page and reports any TeX left raw in the
text (``\(``, ``\[``, ``$$``, ``\begin{``) or shown as a MathJax error; figures
drawn smaller than JupyterLab on a laptop draws them; text cut off in a box that
cannot scroll; a page wider than a phone's screen. Links to other sites (Binder,
GitHub, DOIs) are not followed: the check runs offline. Saves a screenshot of
every page, at laptop width and at phone width (scrolled to its first figure).

Without a browser, ``leaks`` reads the student site's pages for anything a student
must not see: a line of a solution or of a hidden test, a written reference answer
or its rubric, or nbgrader's markers. The command line runs both and warns while
``site/repository.txt`` still names the placeholder repository. Prints a report;
exit status 1 when a problem was found.
"""

import functools
import http.server
import json
import os
import re
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
# Resolves when MathJax 2 has typeset the page (or at once when the page loads no MathJax).
MATHJAX_DONE_JS = """() => new Promise(resolve => {
  if (!window.MathJax) { resolve('no MathJax on the page'); return; }
  setTimeout(() => resolve('MathJax did not finish in 180 s'), 180000);
  const ready = () => {  // isReady: MathJax started and queued its first typesetting pass
    if (MathJax.isReady && MathJax.Hub) { MathJax.Hub.Queue(() => resolve('typeset')); } else { setTimeout(ready, 100); }
  };
  ready();
})"""
# What a reader sees: TeX left raw outside code, MathJax's error boxes, the typeset formulas,
# figures (drawn and own size), boxes whose text is cut off, visible search boxes, page width.
LAYOUT_JS = """() => {
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  const text = [];
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const parent = node.parentElement;
    if (parent && !parent.closest('pre, code, script, style, noscript, textarea, .highlight')) {
      text.push(node.textContent);
    }
  }
  const shown = e => e.offsetParent !== null || getComputedStyle(e).position === 'fixed';
  return {
    text: text.join(' '),
    mathErrors: Array.from(document.querySelectorAll('.merror, .MathJax_Error')).map(e => e.textContent.slice(0, 80)),
    formulas: document.querySelectorAll('.MathJax, .MathJax_Display, .MathJax_SVG, mjx-container').length,
    figures: Array.from(document.querySelectorAll('img')).filter(i => (i.getAttribute('src') || '').includes('_images/'))
      .map(i => ({src: i.getAttribute('src'), drawn: i.getBoundingClientRect().width, own: i.naturalWidth})),
    cutOff: Array.from(document.querySelectorAll('pre, div.cell_output, div.output'))
      .filter(e => shown(e) && e.scrollWidth > e.clientWidth + 1 && !['auto', 'scroll'].includes(getComputedStyle(e).overflowX))
      .map(e => e.textContent.trim().slice(0, 60)),
    searchBoxes: Array.from(document.querySelectorAll('.search-button-field, .bd-search, form[role=search] input'))
      .filter(shown).length,
    pageWidth: document.documentElement.scrollWidth,
    viewWidth: window.innerWidth,
  };
}"""
LAPTOP = {"width": 1280, "height": 900}
PHONE = {"width": 390, "height": 844}


ROOT = Path(__file__).resolve().parent.parent
NOTEBOOKS = sorted((ROOT / "notebooks").glob("[0-9][0-9]_*.ipynb"))
REPOSITORY_FILE = ROOT / "site" / "repository.txt"
PLACEHOLDER_REPOSITORY = "OWNER/REPO"
# nbgrader's markers and the written answers' last line: never on a student page
MARKERS = ("BEGIN SOLUTION", "END SOLUTION", "BEGIN HIDDEN TESTS", "END HIDDEN TESTS", "Rubric (")
# a line of solution code shorter than this ("else:", "return x") proves nothing
SHORTEST_CODE_LINE = 16
# a run of this many words of a written reference answer, found on a page, is a leak
ANSWER_WORDS = 8
# JupyterLab 4 at 1280 x 800 (the left bar collapsed) gives an output 1090 CSS pixels wide
# (measured in Chromium); a figure narrower than that is drawn at its own size there.
LAPTOP_LAB_OUTPUT_PX = 1090
# raw TeX in a page's text (outside code): math that MathJax did not typeset
RAW_TEX = re.compile(r"\\\(|\\\)|\\\[|\\\]|\$\$|\\begin\{|\\end\{|\\frac\{|\\mathrm\{")


def _split_regions(source):
    """(lines inside nbgrader's solution or hidden-test regions, lines outside them) of a cell."""
    inside, outside, depth = [], [], 0
    for line in source.splitlines():
        if "### BEGIN SOLUTION" in line or "### BEGIN HIDDEN TESTS" in line:
            depth += 1
        elif "### END SOLUTION" in line or "### END HIDDEN TESTS" in line:
            depth = max(0, depth - 1)
        else:
            (inside if depth else outside).append(line.strip())
    return inside, outside


def _words(markdown):
    """The plain words of a markdown text: no math, markup or link targets."""
    text = re.sub(r"\$\$.*?\$\$|\$[^$]*\$", " | ", markdown, flags=re.S)
    text = re.sub(r"\]\([^)]*\)", " ", text)
    text = re.sub(r"[*_`#>\[\]]", " ", text)
    return text


def secrets(notebook):
    """What a student must not see of one reference notebook: the lines of its solution regions
    and hidden tests (those not also visible elsewhere in it) and runs of words of its written
    reference answers (rubrics included). Returns a list of (kind, text)."""
    import nbformat

    notebook = nbformat.read(notebook, as_version=4) if isinstance(notebook, (str, Path)) else notebook
    hidden, visible, found = [], set(), []
    for cell in notebook.cells:
        grading = cell.metadata.get("nbgrader", {})
        if cell.cell_type == "markdown" and grading.get("solution"):
            for chunk in re.split(r"\s*\|\s*|[.;:!?()]\s", _words(cell.source)):
                words = chunk.split()
                if len(words) >= ANSWER_WORDS:
                    found.append(("written answer", " ".join(words[:ANSWER_WORDS])))
            continue
        inside, outside = _split_regions(cell.source)
        if cell.cell_type == "code":
            hidden += [("solution or hidden test", line) for line in inside]
        visible.update(outside)  # a line also shown outside the regions (elsewhere, in markdown) is no secret
    found += [(k, line) for k, line in hidden if len(line) >= SHORTEST_CODE_LINE and line not in visible]
    return list(dict.fromkeys(found))


def page_text(path):
    """(the text of an HTML page, whitespace collapsed; the set of its code lines, each stripped).

    Scripts and styles are left out; code lines are the lines of its ``<pre>`` blocks."""
    from html.parser import HTMLParser

    class Text(HTMLParser):
        def __init__(self):
            super().__init__(convert_charrefs=True)
            self.parts, self.code, self.skip, self.pre = [], [], 0, 0

        def handle_starttag(self, tag, attrs):
            self.skip += tag in ("script", "style")
            self.pre += tag == "pre"

        def handle_endtag(self, tag):
            self.skip -= tag in ("script", "style") and self.skip > 0
            self.pre -= tag == "pre" and self.pre > 0

        def handle_data(self, data):
            if not self.skip:
                self.parts.append(data)
                if self.pre:
                    self.code.append(data)

    parser = Text()
    parser.feed(Path(path).read_text(encoding="utf-8"))
    code_lines = {line.strip() for line in "".join(parser.code).splitlines()}
    return " ".join(" ".join(parser.parts).split()), code_lines


def _word_string(text):
    """Only the words of ``text``, lower case, one space apart (markup and punctuation ignored)."""
    return " " + " ".join(re.findall(r"\w+", text.lower())) + " "


def leaks(html, notebooks=NOTEBOOKS):
    """{page: [what leaked]}: solution or hidden-test lines, written answers, rubrics or nbgrader's
    markers found on the pages of a (student) site. Each notebook's page is searched for that
    notebook's secrets, every page for the markers."""
    found = {}
    for name in pages(html):
        text, code_lines = page_text(Path(html) / name)
        words = _word_string(text)
        problems = [f"nbgrader marker or rubric: {m!r}" for m in MARKERS if m in text]
        for notebook in notebooks:
            if name != f"notebooks/{Path(notebook).stem}.html":
                continue
            for kind, snippet in secrets(notebook):
                if kind == "written answer" and _word_string(snippet) in words:
                    problems.append(f"{kind}: {snippet!r}")
                elif kind != "written answer" and snippet in code_lines:
                    problems.append(f"{kind}: {snippet!r}")
        if problems:
            found[name] = problems
    return found


def repository():
    """The GitHub repository (OWNER/NAME) the collection is published from: site/repository.txt."""
    return REPOSITORY_FILE.read_text(encoding="utf-8").split("#")[0].strip() or PLACEHOLDER_REPOSITORY


def repository_warning():
    """A warning while site/repository.txt still names the placeholder, else None."""
    if repository() == PLACEHOLDER_REPOSITORY:
        return (
            f"site/repository.txt still says {PLACEHOLDER_REPOSITORY}: put the GitHub repository the "
            "collection is published from there (the Binder badge, the launch buttons and CITATION.cff use it)"
        )
    return None


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


def raw_tex(text):
    """Pieces of TeX in a page's visible text (math MathJax did not typeset), with some context."""
    return [text[max(0, m.start() - 30) : m.end() + 30] for m in RAW_TEX.finditer(text)]


def layout_problems(found, laptop=True):
    """What a reader would see wrong: raw TeX, MathJax errors, figures drawn smaller than JupyterLab
    on a laptop draws them, text cut off, more than one search box, a page wider than the screen."""
    problems = [f"math not typeset: ...{piece}..." for piece in raw_tex(found["text"])[:5]]
    problems += [f"MathJax error: {error}" for error in found["mathErrors"]]
    problems += [f"text cut off (cannot scroll): {text!r}" for text in found["cutOff"]]
    if found["searchBoxes"] > 1:
        problems.append(f"{found['searchBoxes']} search boxes")
    if found["pageWidth"] > found["viewWidth"] + 1:
        problems.append(f"the page is {found['pageWidth']} px wide on a {found['viewWidth']} px screen")
    if laptop:
        problems += [
            f"figure drawn {f['drawn']:.0f} px wide, JupyterLab on a laptop draws it "
            f"{min(f['own'], LAPTOP_LAB_OUTPUT_PX)} px: {f['src']}"
            for f in found["figures"]
            if f["own"] and f["drawn"] < min(f["own"], LAPTOP_LAB_OUTPUT_PX) - 2
        ]
    elif found["figures"]:  # on a phone a figure keeps at least 80 % of its own size; its box scrolls
        problems += [
            f"figure shrunk to {f['drawn']:.0f} px on a phone (own size {f['own']} px): {f['src']}"
            for f in found["figures"]
            if f["own"] and f["drawn"] < 0.8 * min(f["own"], LAPTOP_LAB_OUTPUT_PX)
        ]
    return problems


def _open(context, url, console):
    page = context.new_page()
    page.on(
        "console",
        lambda m, c=console: c.append(f"{m.text} (at {m.location.get('url', '?')})") if m.type == "error" else None,
    )
    page.on("pageerror", lambda e, c=console: c.append(str(e)))
    page.on("requestfailed", lambda r, c=console: c.append(f"request failed: {r.url}"))
    page.on(
        "response",
        lambda r, c=console: (
            c.append(f"HTTP {r.status}: {r.url} (from {r.request.headers.get('referer')})") if r.status >= 400 else None
        ),
    )
    page.goto(url, wait_until="load")
    mathjax = page.evaluate(MATHJAX_DONE_JS)
    page.wait_for_timeout(200)  # the theme's scripts
    return page, mathjax


def check(html="site/_build/html", screenshots="tests/artifacts/site", names=None, accessibility=True):
    """{page: {"console": [...], "images": n, "figures": n, "formulas": n, "problems": [...], "axe": [...]}}.

    Each page is read twice: at laptop width (1280 px; axe-core runs here) and at phone width
    (390 px), each after MathJax has finished. ``names``: only these pages (default: all)."""
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
            laptop = browser.new_context(viewport=LAPTOP)
            phone = browser.new_context(viewport=PHONE, is_mobile=True, has_touch=True)
            for name in names or pages(html):
                console = []
                page, mathjax = _open(laptop, urljoin(base_url, name), console)
                found = page.evaluate(PAGE_JS)
                layout = page.evaluate(LAYOUT_JS)
                problems = [f"image did not load: {i['src']}" for i in found["images"] if not i["loaded"]]
                problems += [
                    f"image without alt text: {i['src']}"
                    for i in found["images"]
                    if not (i["alt"] or "").strip() or i["alt"].endswith((".png", ".svg"))
                ]
                problems += [f"broken link: {link}" for link in broken_links(html, base_url, found["links"])]
                if mathjax.startswith("MathJax did not"):
                    problems.append(mathjax)
                problems += layout_problems(layout, laptop=True)
                logged = list(console)  # what the page itself logged: axe re-reads stylesheets below
                violations = []
                if accessibility:
                    violations = [v for v in axe.run(page).response["violations"] if v.get("impact") in SERIOUS]
                page.screenshot(path=str(screenshots / (name.replace("/", "_") + ".png")), full_page=False)
                page.close()
                # the same page on a phone, scrolled to its first figure
                page, _ = _open(phone, urljoin(base_url, name), logged)
                problems += [f"on a phone: {p}" for p in layout_problems(page.evaluate(LAYOUT_JS), laptop=False)]
                figure = page.locator("div.cell_output img").first
                if figure.count():
                    figure.scroll_into_view_if_needed()
                page.screenshot(path=str(screenshots / (name.replace("/", "_") + ".phone.png")), full_page=False)
                page.close()
                # without MathJax's font probe
                console = [message for message in logged if not any(b in message for b in BENIGN)]
                report[name] = {
                    "console": list(dict.fromkeys(console)),
                    "problems": problems,
                    "images": len(found["images"]),
                    "figures": sum(1 for i in found["images"] if "_images/" in (i["src"] or "")),
                    "formulas": layout["formulas"],
                    "axe": [
                        f"{v['id']} ({v['impact']}): {v['help']}, {len(v['nodes'])} element(s)" for v in violations
                    ],
                }
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
    folder = sys.argv[1] if len(sys.argv) > 1 else "site/_build/html"
    result = check(folder, *sys.argv[2:3])
    leaked = leaks(folder) if "instructor" not in Path(folder).parts else {}
    for name, found in leaked.items():
        result.setdefault(name, {"console": [], "problems": [], "axe": []})["problems"] += found
    print(json.dumps(result, indent=1))
    for name, found in problems_in(result).items():  # on stderr: tasks.sh site keeps only this
        print(f"{name}:\n  " + "\n  ".join(found), file=sys.stderr)
    warning = repository_warning()
    if warning:
        print(f"warning: {warning}", file=sys.stderr)
    sys.exit(1 if problems_in(result) else 0)
