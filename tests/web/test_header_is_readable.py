"""Every control in the page header can be read: WCAG 2.1 AA asks a contrast of at least 4.5:1 for text.

Seen in a screenshot at 1366×768: the "Kata sandi" link was drawn in the brand colour on the brand-coloured header
(contrast 1.2:1), so a user could not find where to change their password.
"""

from __future__ import annotations

import re

import pytest


def _luminance(rgb: tuple[float, float, float]) -> float:
    def channel(c: float) -> float:
        c = c / 255
        return c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4

    r, g, b = (channel(c) for c in rgb)
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def _rgb(css: str) -> tuple[float, float, float, float]:
    parts = [float(x) for x in re.findall(r"[\d.]+", css)]
    return (*parts[:3], parts[3] if len(parts) > 3 else 1.0)


def _contrast(a, b) -> float:
    hi, lo = sorted((_luminance(a), _luminance(b)), reverse=True)
    return (hi + 0.05) / (lo + 0.05)


@pytest.mark.browser
@pytest.mark.django_db(transaction=True)
def test_every_header_control_has_readable_contrast(browser_login, live_server, world):
    page = browser_login("op_diskominfo")
    page.set_viewport_size({"width": 1366, "height": 768})
    page.goto(f"{live_server.url}/d/katingan/")
    controls = page.evaluate(
        """() => [...document.querySelectorAll('.top-tools a, .top-tools button')].map(el => {
            let bg = 'rgba(0, 0, 0, 0)', node = el;
            while (node && /rgba\\(0, 0, 0, 0\\)|transparent/.test(bg)) {
                bg = getComputedStyle(node).backgroundColor; node = node.parentElement;
            }
            return {text: el.textContent.trim(), color: getComputedStyle(el).color, background: bg};
        })"""
    )
    texts = [c["text"] for c in controls]
    assert "Kata sandi" in texts and "Keluar" in texts
    for control in controls:
        color, background = _rgb(control["color"]), _rgb(control["background"])
        assert color[3] == 1.0 and background[3] == 1.0
        ratio = _contrast(color[:3], background[:3])
        assert ratio >= 4.5, (
            f"{control['text']!r}: contrast {ratio:.2f}:1 ({control['color']} on {control['background']})"
        )
