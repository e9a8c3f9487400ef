"""Reading an exported SVG back: its texts with their drawn sizes, and its images."""

from __future__ import annotations

import base64
import io
import re
import xml.etree.ElementTree as ET
from dataclasses import dataclass

import numpy as np

NS = "{http://www.w3.org/2000/svg}"
MATRIX = re.compile(r"matrix\(([^)]*)\)")


@dataclass
class SvgText:
    text: str
    px: float  # the drawn size: font-size times the scale of every enclosing transform


@dataclass
class SvgImage:
    pixels: tuple[int, int]  # (width, height) of the embedded picture
    shown: tuple[float, float]  # (width, height) it is drawn at, before transforms
    smooth: bool  # drawn with smoothing (a heatmap must not be)


def _scale(transform: str | None) -> float:
    if not transform:
        return 1.0
    match = MATRIX.search(transform)
    if not match:
        return 1.0
    a, b, c, d = (float(v) for v in match.group(1).replace(",", " ").split()[:4])
    return abs(a * d - b * c) ** 0.5


def read_svg(path) -> tuple[list[SvgText], list[SvgImage]]:
    texts: list[SvgText] = []
    images: list[SvgImage] = []

    def walk(node, scale: float, size: float | None) -> None:
        scale *= _scale(node.get("transform"))
        if node.get("font-size"):
            size = float(node.get("font-size").rstrip("ptx"))
        if node.tag == f"{NS}text":
            content = "".join(node.itertext()).strip()
            if content:
                texts.append(SvgText(content, (size or 0.0) * scale))
        elif node.tag == f"{NS}image":
            images.append(_image(node))
        for child in node:
            walk(child, scale, size)

    walk(ET.parse(path).getroot(), 1.0, None)
    return texts, images


def _image(node) -> SvgImage:
    from PIL import Image

    href = node.get("{http://www.w3.org/1999/xlink}href") or node.get("href") or ""
    data = base64.b64decode(href.split(",", 1)[1])
    picture = Image.open(io.BytesIO(data))
    return SvgImage(picture.size, (float(node.get("width")), float(node.get("height"))),
                    node.get("image-rendering") != "optimizeSpeed")


def all_text(texts: list[SvgText]) -> str:
    return " ".join(t.text for t in texts)


def smallest(texts: list[SvgText]) -> SvgText:
    return min(texts, key=lambda t: t.px)


def png_rgb(path) -> np.ndarray:
    from PIL import Image

    return np.asarray(Image.open(path).convert("RGB")).astype(int)
