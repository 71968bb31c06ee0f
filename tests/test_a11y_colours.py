"""Colours that every reader can tell apart: contrast against the white chart and colour-vision deficiencies.

Lines, markers and bars in the fixed palettes need 3:1 against white (WCAG 1.4.11, non-text
contrast), and each pair in a palette must stay distinguishable for readers with protanopia,
deuteranopia or tritanopia (simulated with Machado, Oliveira & Fernandes 2009, severity 1.0).
"""

from __future__ import annotations

import itertools

import pytest

from figures import style

SIMULATIONS = {
    "protanopia": [[0.152286, 1.052583, -0.204868], [0.114503, 0.786281, 0.099216], [-0.003882, -0.048116, 1.051998]],
    "deuteranopia": [[0.367322, 0.860646, -0.227968], [0.280085, 0.672501, 0.047413], [-0.011820, 0.042940, 0.968881]],
    "tritanopia": [[1.255528, -0.076749, -0.178779], [-0.078411, 0.930809, 0.147602], [0.004733, 0.691367, 0.303900]],
}
# Palettes whose colours carry meaning on their own in a chart: regions and milestone statuses.
PALETTES = {"regions": style.REGION_COLORS, "statuses": style.STATUS_COLORS}
MIN_DELTA_E = 10  # CIELAB ΔE*76: clearly different at a glance


def linear_rgb(hex_colour: str) -> list[float]:
    channels = [int(hex_colour.lstrip("#")[i : i + 2], 16) / 255 for i in (0, 2, 4)]
    return [c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]


def luminance(rgb: list[float]) -> float:
    return 0.2126 * rgb[0] + 0.7152 * rgb[1] + 0.0722 * rgb[2]


def contrast_with_white(hex_colour: str) -> float:
    return 1.05 / (luminance(linear_rgb(hex_colour)) + 0.05)


def lab(rgb: list[float]) -> tuple[float, float, float]:
    r, g, b = (min(1.0, max(0.0, v)) for v in rgb)
    x = (0.4124 * r + 0.3576 * g + 0.1805 * b) / 0.95047
    y = 0.2126 * r + 0.7152 * g + 0.0722 * b
    z = (0.0193 * r + 0.1192 * g + 0.9505 * b) / 1.08883
    f = [t ** (1 / 3) if t > 0.008856 else 7.787 * t + 16 / 116 for t in (x, y, z)]
    return 116 * f[1] - 16, 500 * (f[0] - f[1]), 200 * (f[1] - f[2])


def seen_with(hex_colour: str, matrix) -> tuple[float, float, float]:
    rgb = linear_rgb(hex_colour)
    return lab([sum(matrix[i][j] * rgb[j] for j in range(3)) for i in range(3)])


def delta_e(a, b) -> float:
    return sum((p - q) ** 2 for p, q in zip(a, b)) ** 0.5


@pytest.mark.parametrize("palette", PALETTES)
def test_palette_colours_stand_out_from_the_white_chart(palette):
    weak = {k: round(contrast_with_white(c), 2) for k, c in PALETTES[palette].items() if contrast_with_white(c) < 3}
    assert weak == {}


@pytest.mark.parametrize("deficiency", SIMULATIONS)
@pytest.mark.parametrize("palette", PALETTES)
def test_palette_colours_stay_apart_for_colour_blind_readers(palette, deficiency):
    matrix = SIMULATIONS[deficiency]
    close = [
        (a, b)
        for (a, ca), (b, cb) in itertools.combinations(PALETTES[palette].items(), 2)
        if delta_e(seen_with(ca, matrix), seen_with(cb, matrix)) < MIN_DELTA_E
    ]
    assert close == []


def test_the_simulation_finds_a_red_green_pair():
    # red and green look alike to a deuteranope: the check above must be able to fail
    matrix = SIMULATIONS["deuteranopia"]
    assert delta_e(seen_with("#d62728", matrix), seen_with("#8c8c00", matrix)) < MIN_DELTA_E
