"""Keyboard-only helpers for journeys: move with Tab, check every stop is visibly focused."""

DESCRIBE_FOCUS = """() => {
  const element = document.activeElement;
  const style = getComputedStyle(element);
  return {
    text: (element.innerText || element.getAttribute("aria-label") || element.id || "").trim(),
    tag: element.tagName.toLowerCase(),
    id: element.id,
    href: element.getAttribute("href"),
    outline: style.outlineStyle !== "none" && parseFloat(style.outlineWidth) >= 2,
    shadow: style.boxShadow !== "none",
  };
}"""


def focused(page):
    """What has the keyboard focus: its text, tag, id, href, and whether it is visibly marked."""
    return page.evaluate(DESCRIBE_FOCUS)


def tab_until(page, matches, *, limit=40):
    """Press Tab until `matches(focused(page))`; returns every stop passed on the way.

    Fails when a stop has no visible focus indicator or the target is not reached.
    """
    stops = []
    for _ in range(limit):
        page.keyboard.press("Tab")
        stop = focused(page)
        assert stop["outline"] or stop["shadow"], f"no visible focus on {stop}"
        stops.append(stop)
        if matches(stop):
            return stops
    raise AssertionError(f"not reached in {limit} Tab presses; passed {stops}")
