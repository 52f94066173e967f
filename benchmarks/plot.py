"""A small log–log line chart as SVG, built with ElementTree (no plotting dependency)."""

from __future__ import annotations

import math
import xml.etree.ElementTree as ET

COLOURS = ("#1f4e9c", "#c0392b", "#2e7d32", "#8e44ad")


def line_chart(
    title: str,
    x_label: str,
    y_label: str,
    series: dict[str, list[tuple[float, float]]],
    dashed: dict[str, str] | None = None,
    width: int = 640,
    height: int = 400,
) -> str:
    """Series of (x, y) points on log–log axes; ``dashed`` maps a series drawn dashed to the one whose colour it takes."""
    left, right, top, bottom = 70, 190, 40, 50
    points = [p for values in series.values() for p in values if p[0] > 0 and p[1] > 0]
    xs = [math.log10(x) for x, _ in points]
    ys = [math.log10(y) for _, y in points]
    x0, x1 = math.floor(min(xs)), math.ceil(max(xs)) or 1
    y0, y1 = math.floor(min(ys)), math.ceil(max(ys))
    x1, y1 = max(x1, x0 + 1), max(y1, y0 + 1)

    def sx(x: float) -> float:
        return left + (math.log10(x) - x0) / (x1 - x0) * (width - left - right)

    def sy(y: float) -> float:
        return height - bottom - (math.log10(y) - y0) / (y1 - y0) * (height - top - bottom)

    svg = ET.Element("svg", xmlns="http://www.w3.org/2000/svg", width=str(width), height=str(height), viewBox=f"0 0 {width} {height}")
    ET.SubElement(svg, "rect", width=str(width), height=str(height), fill="white")
    ET.SubElement(
        svg, "text", x=str(width / 2), y="22", **{"text-anchor": "middle", "font-family": "sans-serif", "font-size": "15"}
    ).text = title
    for exponent in range(x0, x1 + 1):
        x = sx(10**exponent)
        ET.SubElement(svg, "line", x1=str(x), y1=str(top), x2=str(x), y2=str(height - bottom), stroke="#ddd")
        ET.SubElement(
            svg, "text", x=str(x), y=str(height - bottom + 16), **{"text-anchor": "middle", "font-family": "sans-serif", "font-size": "11"}
        ).text = f"{10**exponent:g}"
    for exponent in range(y0, y1 + 1):
        y = sy(10**exponent)
        ET.SubElement(svg, "line", x1=str(left), y1=str(y), x2=str(width - right), y2=str(y), stroke="#ddd")
        ET.SubElement(
            svg, "text", x=str(left - 6), y=str(y + 4), **{"text-anchor": "end", "font-family": "sans-serif", "font-size": "11"}
        ).text = f"{10**exponent:g}"
    ET.SubElement(
        svg,
        "text",
        x=str((left + width - right) / 2),
        y=str(height - 12),
        **{"text-anchor": "middle", "font-family": "sans-serif", "font-size": "12"},
    ).text = x_label
    ET.SubElement(
        svg,
        "text",
        x="16",
        y=str(height / 2),
        transform=f"rotate(-90 16 {height / 2})",
        **{"text-anchor": "middle", "font-family": "sans-serif", "font-size": "12"},
    ).text = y_label
    dashed = dashed or {}
    solid = [name for name in series if name not in dashed]
    for index, (name, values) in enumerate(series.items()):
        colour = COLOURS[solid.index(dashed.get(name, name)) % len(COLOURS)]
        stroke = {"stroke-width": "2", **({"stroke-dasharray": "6 4"} if name in dashed else {})}
        coords = " ".join(f"{sx(x):.1f},{sy(y):.1f}" for x, y in values if x > 0 and y > 0)
        ET.SubElement(svg, "polyline", points=coords, fill="none", stroke=colour, **stroke)
        for x, y in values:
            if x > 0 and y > 0:
                ET.SubElement(svg, "circle", cx=f"{sx(x):.1f}", cy=f"{sy(y):.1f}", r="3", fill=colour)
        ly = top + 20 * index + 10
        ET.SubElement(
            svg,
            "line",
            x1=str(width - right + 12),
            y1=str(ly),
            x2=str(width - right + 32),
            y2=str(ly),
            stroke=colour,
            **stroke,
        )
        ET.SubElement(svg, "text", x=str(width - right + 38), y=str(ly + 4), **{"font-family": "sans-serif", "font-size": "11"}).text = name
    return ET.tostring(svg, encoding="unicode") + "\n"
