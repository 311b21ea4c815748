"""页面检查 — what every page must pass on a phone and on a desktop, for any Playwright
page already showing it:

- :func:`no_horizontal_overflow`: nothing sticks out past the right edge of the screen
  (a phone must never scroll sideways);
- :func:`no_text_overlap`: no two pieces of visible text (or form fields) are drawn on
  top of each other;
- :func:`accessibility`: axe-core (vendored in ``tests/web/vendor``, pinned by its
  SHA-256) finds no WCAG 2.0/2.1 level A or AA violation — labels, contrast, names,
  language;
- :func:`keyboard_reachable`: pressing Tab visits every link, button and form field in
  the page's order, each showing a focus outline that stands out from what is behind it;
- :func:`no_csp_violations`: the page asked for nothing its Content-Security-Policy
  refuses (an inline style would be dropped in the person's browser);
- :func:`screenshot`: the whole page as a PNG among the test artifacts.

axe is a script put into the page, and the pages' policy (``script-src 'self'``) refuses
inline scripts, so ``add_script_tag(content=…)`` fails on them (and a context opened with
``bypass_csp=True`` would also apply an inline style the person's browser drops, hiding
a fault from the other checks). :func:`accessibility` instead has the test browser answer
an address of the page's own site, :data:`AXE_PATH`, with the vendored file (a Playwright
route: the site never serves it) and adds a ``<script src>`` for it, which the policy allows:
every check runs on the page exactly as served, in one ordinary browser context
(:func:`open_as_person`, where :func:`no_csp_violations` also watches).
"""

from __future__ import annotations

import hashlib
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit
from weakref import WeakKeyDictionary

from playwright.sync_api import Error as PlaywrightError

from adapters.web.session import SESSION_COOKIE
from tests.web.conftest import PHONE, artifacts

VENDOR = Path(__file__).with_name("vendor")
AXE = VENDOR / "axe.min.js"
#: The vendored axe-core: version and the SHA-256 of ``axe.min.js`` (as in vendor/README.md).
AXE_VERSION = "4.14.1"
AXE_SHA256 = "29348999450cdf2849a8e70b7912fc2da85a849da39c0d0d5394f51d4a9ed95c"
#: Where the test browser serves axe on the page's own site (the site itself does not).
AXE_PATH = f"/__tests__/axe-{AXE_VERSION}.min.js"
_SCRIPT = {"Content-Type": "text/javascript; charset=utf-8", "Cache-Control": "no-store"}
#: How long axe may take to load (ms).
AXE_LOADS = 20_000
#: axe's rules run: WCAG 2.0 and 2.1, levels A and AA (colour contrast is a 2.0 AA rule).
AXE_TAGS = ("wcag2a", "wcag2aa", "wcag21a", "wcag21aa")
#: Pixels two boxes may share (anti-aliasing, fonts' overhang) before it counts.
TOLERANCE = 1.0
#: WCAG 1.4.11: a focus outline needs 3:1 against what is behind it.
FOCUS_CONTRAST = 3.0
#: Tab stops one form field may hold (a date and time field has one per part).
PARTS = 8
#: At most this many offenders are listed in a failure.
SHOWN = 25


def axe_source() -> str:
    """The vendored axe-core, refused if it is not the pinned file."""
    data = AXE.read_bytes()
    digest = hashlib.sha256(data).hexdigest()
    assert digest == AXE_SHA256, f"{AXE} is not axe-core {AXE_VERSION}: sha256 {digest}"
    return data.decode("utf-8")


# --------------------------------------------------------------------------- browsers


def open_as_person(
    browser: Any, base: str, screen: dict[str, int] = PHONE, session: str | None = None
) -> Any:
    """A new browser (own cookies) on ``screen``, holding the ``session`` cookie of a
    person who logged in (None: a visitor); its page is watched for CSP refusals
    (:func:`no_csp_violations`)."""
    context = browser.new_context(viewport=screen, base_url=base, locale="zh-CN")
    if session is not None:
        cookie = {"name": SESSION_COOKIE, "value": session, "url": base}
        context.add_cookies([{**cookie, "httpOnly": True, "sameSite": "Strict"}])
    page = context.new_page()
    watch_csp(page)
    return page


# --------------------------------------------------------------------------- screenshots


def screenshot(page: Any, name: str) -> Path:
    """The whole page (not only the screen) as ``<artifacts>/<name>.png``."""
    path = artifacts() / f"{name}.png"
    page.screenshot(path=path, full_page=True)
    return path


# --------------------------------------------------------------------------- overflow

_OVERFLOW = """(tolerance) => {
  const root = document.documentElement;
  const width = root.clientWidth;
  const clips = (el) => {
    for (let up = el.parentElement; up && up !== document.body && up !== root; up = up.parentElement) {
      if (getComputedStyle(up).overflowX !== 'visible') return true;
    }
    return false;
  };
  const name = (el) => {
    let s = el.tagName.toLowerCase();
    if (el.id) s += '#' + el.id;
    if (typeof el.className === 'string' && el.className.trim())
      s += '.' + el.className.trim().split(/\\s+/).join('.');
    const text = (el.innerText || el.value || '').trim().replace(/\\s+/g, ' ');
    return text ? s + ' "' + text.slice(0, 40) + '"' : s;
  };
  const sticks = (el) => {
    const box = el.getBoundingClientRect();
    if (box.width === 0 || box.height === 0) return null;
    if (getComputedStyle(el).visibility === 'hidden') return null;
    const right = box.right + window.scrollX;
    return right > width + tolerance ? right : null;
  };
  const offenders = [];
  for (const el of document.body.querySelectorAll('*')) {
    const right = sticks(el);
    if (right === null || clips(el)) continue;
    // Only the outermost offender: its children stick out because it does.
    const up = el.parentElement;
    if (up && up !== document.body && sticks(up) !== null && !clips(up)) continue;
    offenders.push(name(el) + ' reaches x=' + Math.round(right));
  }
  return {width, scrollWidth: Math.max(root.scrollWidth, document.body.scrollWidth), offenders};
}"""


def no_horizontal_overflow(page: Any) -> None:
    """The document is no wider than the screen, and no element's box reaches past the
    right edge (unless an ancestor scrolls or clips it, as a wide table in a scroll box)."""
    found = page.evaluate(_OVERFLOW, TOLERANCE)
    width, wide, offenders = found["width"], found["scrollWidth"], found["offenders"]
    problems = []
    if wide > width:
        problems.append(f"the page is {wide}px wide on a {width}px screen")
    problems += offenders[:SHOWN]
    assert not problems, f"{page.url} overflows to the right:\n  " + "\n  ".join(problems)


# --------------------------------------------------------------------------- overlap

_TEXT_BOXES = """(t) => {
  const skip = new Set(['SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE', 'TEXTAREA', 'OPTION', 'SELECT', 'TITLE']);
  const seen = (el) => {
    for (let up = el; up; up = up.parentElement) {
      const style = getComputedStyle(up);
      if (style.visibility === 'hidden' || style.display === 'none' || style.opacity === '0') return false;
      if (style.clip === 'rect(0px, 0px, 0px, 0px)' || style.clipPath === 'inset(50%)') return false;
    }
    return true;
  };
  const boxes = [];
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const text = node.nodeValue.trim();
    const parent = node.parentElement;
    if (!text || !parent || skip.has(parent.tagName) || !seen(parent)) continue;
    const range = document.createRange();
    range.selectNodeContents(node);
    for (const r of range.getClientRects()) {
      if (r.width < 1 || r.height < 1) continue;
      boxes.push({x: r.left + scrollX, y: r.top + scrollY, w: r.width, h: r.height, owner: boxes.length,
                  text: text.replace(/\\s+/g, ' ').slice(0, 40), tag: parent.tagName.toLowerCase(), node});
    }
  }
  // Form fields draw their own text (value, placeholder) inside their box.
  for (const el of document.body.querySelectorAll('input:not([type=hidden]), select, textarea')) {
    const r = el.getBoundingClientRect();
    if (r.width < 1 || r.height < 1 || !seen(el)) continue;
    boxes.push({x: r.left + scrollX, y: r.top + scrollY, w: r.width, h: r.height,
                text: el.value || el.placeholder || el.name || '', tag: el.tagName.toLowerCase(), node: el});
  }
  boxes.sort((a, b) => a.y - b.y);
  const pairs = [];
  for (let i = 0; i < boxes.length; i++) {
    const a = boxes[i];
    for (let j = i + 1; j < boxes.length && boxes[j].y < a.y + a.h - t; j++) {
      const b = boxes[j];
      if (a.node === b.node) continue;  // one text's own lines
      const across = Math.min(a.x + a.w, b.x + b.w) - Math.max(a.x, b.x);
      const down = Math.min(a.y + a.h, b.y + b.h) - Math.max(a.y, b.y);
      if (across > t && down > t)
        pairs.push(`${a.tag} "${a.text}" and ${b.tag} "${b.text}" share ${Math.round(across)}x${Math.round(down)}px`);
    }
  }
  return pairs;
}"""


def no_text_overlap(page: Any) -> None:
    """No two visible texts are drawn over each other: the boxes of each text's lines
    (its text node's line boxes) and of each form field may share at most
    :data:`TOLERANCE` pixel either way."""
    pairs = page.evaluate(_TEXT_BOXES, TOLERANCE)
    assert not pairs, f"{page.url} has text drawn over text:\n  " + "\n  ".join(pairs[:SHOWN])


# --------------------------------------------------------------------------- axe


def accessibility(page: Any, loads: int = AXE_LOADS) -> None:
    """axe-core's WCAG 2.0/2.1 A and AA rules (:data:`AXE_TAGS`) find no violation; the
    failure lists each rule, what it means and the elements (CSS selectors) at fault."""
    _load_axe(page, loads)
    results = page.evaluate(
        """(tags) => axe.run(document, {runOnly: {type: 'tag', values: tags},
                                       resultTypes: ['violations']})""",
        list(AXE_TAGS),
    )
    lines = []
    for violation in results["violations"]:
        targets = [" ".join(map(str, node["target"])) for node in violation["nodes"]]
        lines.append(
            f"{violation['id']} ({violation['impact']}): {violation['help']} — "
            + ", ".join(targets[:SHOWN])
        )
        for node in violation["nodes"][:3]:
            summary = (part.strip() for part in node["failureSummary"].splitlines())
            lines.append("    " + " ".join(part for part in summary if part))
    assert not lines, f"{page.url} fails axe {AXE_VERSION}:\n  " + "\n  ".join(lines)


def _load_axe(page: Any, loads: int) -> None:
    """axe in the page: from :data:`AXE_PATH` on the page's own site, which its CSP allows
    (answered by the test browser), or inline on a page with no site (``set_content``).
    A browser that runs no scripts cannot run axe: that fails after ``loads`` ms, rather
    than waiting for ever on a script that never loads."""
    source = axe_source()
    site = urlsplit(page.url)
    if site.scheme not in ("http", "https"):
        page.add_script_tag(content=source)
        return
    address = f"{site.scheme}://{site.netloc}{AXE_PATH}"
    page.route(address, lambda route: route.fulfill(body=source, headers=_SCRIPT))
    try:
        page.evaluate(
            """(address) => { const script = document.createElement('script');
                              script.src = address; document.head.append(script); }""",
            address,
        )
        page.wait_for_function("() => typeof window.axe === 'object'", timeout=loads)
    except PlaywrightError as failed:
        raise AssertionError(
            f"axe did not load in {page.url} (a browser with JavaScript turned off cannot "
            f"run it): {failed.message}"
        ) from None
    finally:
        page.unroute(address)


# --------------------------------------------------------------------------- keyboard

_FOCUSABLE = """() => {
  // Links, buttons and fields, even if taken out of the Tab order (tabindex=-1: a fault);
  // anything else that asks for focus with a tabindex.
  const sel = 'a[href], button, input:not([type=hidden]), select, textarea, [tabindex]:not([tabindex="-1"])';
  const list = [];
  const stop = (radio) => {  // a radio group is one Tab stop: its checked radio, or its first
    const scope = radio.form || document;
    const group = [...scope.querySelectorAll('input[type=radio]')].filter((r) => r.name === radio.name);
    return group.find((r) => r.checked) || group[0];
  };
  for (const el of document.querySelectorAll(sel)) {
    if (el.disabled) continue;
    if (el.type === 'radio' && el.name && stop(el) !== el) continue;
    const style = getComputedStyle(el);
    if (style.visibility === 'hidden' || el.getClientRects().length === 0) continue;
    list.push(el.outerHTML.split('>')[0].slice(0, 80) + '>');
    el.dataset.keyboardCheck = String(list.length - 1);
  }
  // Start from the top, as on a page just opened, wherever a click left the focus: a mark
  // at the start of the body takes the focus and goes, leaving none and the Tab sequence's
  // starting point at the top.
  const start = document.createElement('span');
  start.tabIndex = -1;
  document.body.prepend(start);
  start.focus();
  start.remove();
  return list;
}"""

_FOCUSED = """() => {
  const el = document.activeElement;
  if (!el || el === document.body) return null;
  const luminance = (color) => {
    const m = color.match(/rgba?\\(([^)]+)\\)/);
    if (!m) return null;
    const [r, g, b, a = 1] = m[1].split(/[ ,/]+/).filter(Boolean).map(Number);
    if (a === 0) return null;
    const lin = (c) => { c /= 255; return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4; };
    return 0.2126 * lin(r) + 0.7152 * lin(g) + 0.0722 * lin(b);
  };
  let behind = 1;  // white, unless an ancestor paints a background
  for (let up = el.parentElement; up; up = up.parentElement) {
    const found = luminance(getComputedStyle(up).backgroundColor);
    if (found !== null) { behind = found; break; }
  }
  const style = getComputedStyle(el);
  const width = parseFloat(style.outlineWidth) || 0;
  const ring = style.outlineStyle !== 'none' && width >= 1 ? luminance(style.outlineColor) : null;
  const contrast = ring === null ? 0 :
      (Math.max(ring, behind) + 0.05) / (Math.min(ring, behind) + 0.05);
  const tag = el.outerHTML.split('>')[0].replace(/ data-keyboard-check="\\d+"/, '').slice(0, 80) + '>';
  return {index: el.dataset.keyboardCheck ?? null, tag,
          outline: `${style.outlineStyle} ${style.outlineWidth} ${style.outlineColor}`,
          contrast, visible: window.getComputedStyle(el).visibility !== 'hidden'};
}"""


def keyboard_reachable(page: Any) -> None:
    """Tab from the top visits every visible link, button and form field in the page's
    order (a group of radio buttons once: arrow keys move within it; a date or time
    field may take a Tab per part), and each, when focused, has an outline (at least 1 px, not ``none``) with
    3:1 contrast against the background behind it (WCAG 2.4.7 and 1.4.11)."""
    expected = page.evaluate(_FOCUSABLE)
    problems = []
    presses, previous = 0, None
    for position, element in enumerate(expected):
        for _part in range(PARTS):
            page.keyboard.press("Tab")
            presses += 1
            focused = page.evaluate(_FOCUSED)
            # A date or time field has a Tab stop per part (year, month, day, hour…).
            if focused is None or previous is None or focused["index"] != previous:
                break
        if focused is None:
            problems.append(f"Tab {presses}: nothing has focus (expected {element})")
            break
        if focused["index"] != str(position):
            problems.append(f"Tab {presses}: {focused['tag']} has focus, not {element}")
            break
        previous = focused["index"]
        if focused["contrast"] == 0:
            problems.append(f"{element} shows no focus outline ({focused['outline']})")
        elif focused["contrast"] < FOCUS_CONTRAST:
            problems.append(
                f"{element} shows no visible focus outline: {focused['outline']} has "
                f"contrast {focused['contrast']:.1f}:1 against its background"
            )
    assert not problems, f"{page.url} by keyboard:\n  " + "\n  ".join(problems[:SHOWN])


# --------------------------------------------------------------------------- CSP


_REFUSED: WeakKeyDictionary[Any, list[str]] = WeakKeyDictionary()


def watch_csp(page: Any) -> None:
    """Keep the page's Content-Security-Policy refusals (Chromium logs each one)."""
    refused = _REFUSED.setdefault(page, [])

    def keep(message: Any) -> None:
        if "Content Security Policy" in message.text:
            refused.append(message.text)

    page.on("console", keep)


def no_csp_violations(page: Any) -> None:
    """The page (since :func:`open_as_person`) asked for nothing its policy refused."""
    assert page in _REFUSED, "watch the page from the start: open it with checks.open_as_person"
    refused = _REFUSED[page]
    assert not refused, f"{page.url} breaks its CSP:\n  " + "\n  ".join(refused[:SHOWN])
