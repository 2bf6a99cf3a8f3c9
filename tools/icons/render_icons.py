"""``python -m tools.icons.render_icons``: the PNG app icons, rendered from img/logo.svg.

Writes, into hosting/public/img:

- ``icon-192.png``, ``icon-512.png``: the logo as it is, transparent corners
  (the manifest's ``"purpose": "any"`` icons);
- ``icon-maskable-512.png``: the logo on a full-bleed brand background, shrunk to the
  maskable safe zone (the centred circle of 80% of the width), so any launcher mask keeps
  all of it;
- ``apple-touch-icon.png`` (180x180): the logo on a full-bleed brand background, opaque,
  since iOS paints transparent pixels black and rounds the corners itself;

and ``hosting/public/favicon.ico`` (16, 32 and 48 px).

Run it again whenever logo.svg changes. It needs CairoSVG, which is not in
requirements.txt (the app does not need it), and CairoSVG needs the system cairo
library (``apt-get install libcairo2`` on Debian)::

    python3 -m venv /tmp/iconvenv && /tmp/iconvenv/bin/pip install cairosvg
    /tmp/iconvenv/bin/python -m tools.icons.render_icons
"""

import io
import sys
import xml.etree.ElementTree as ET
from dataclasses import dataclass
from pathlib import Path

import cairosvg
from PIL import Image

IMG = Path(__file__).resolve().parents[2] / "hosting" / "public" / "img"
LOGO = IMG / "logo.svg"
SVG_NS = "http://www.w3.org/2000/svg"

# --accent in hosting/public/styles/base.css (light theme), the logo's own background.
BRAND = "#4f46e5"
# A maskable icon's safe zone is the centred circle whose diameter is 80% of the icon.
# At this scale the logo's bars sit inside it with room to spare, and under the tightest
# (circular) mask the icon looks just like the logo.
MASKABLE_SCALE = 0.8


@dataclass(frozen=True)
class Icon:
    """One PNG to write: its name, its size in pixels, and how the logo sits on it."""

    name: str
    size: int
    background: str | None = None  # None: transparent
    scale: float = 1.0  # the logo's width as a share of the icon's


ICONS = (
    Icon("icon-192.png", 192),
    Icon("icon-512.png", 512),
    Icon("icon-maskable-512.png", 512, background=BRAND, scale=MASKABLE_SCALE),
    Icon("apple-touch-icon.png", 180, background=BRAND),
)


def _view_box(logo: ET.Element) -> tuple[float, float, float, float]:
    """The logo's viewBox as (x, y, width, height)."""
    x, y, width, height = (float(n) for n in logo.attrib["viewBox"].replace(",", " ").split())
    return x, y, width, height


def compose(logo_svg: str, icon: Icon) -> bytes:
    """An SVG of the icon: the background (if any), then the logo scaled about the centre."""
    ET.register_namespace("", SVG_NS)
    logo = ET.fromstring(logo_svg)
    x, y, width, height = _view_box(logo)
    side = max(width, height)
    canvas = ET.Element(
        f"{{{SVG_NS}}}svg",
        {
            "viewBox": f"0 0 {side:g} {side:g}",
            "width": str(icon.size),
            "height": str(icon.size),
        },
    )
    if icon.background is not None:
        ET.SubElement(
            canvas,
            f"{{{SVG_NS}}}rect",
            {"width": f"{side:g}", "height": f"{side:g}", "fill": icon.background},
        )
    offset_x = (side - width * icon.scale) / 2 - x * icon.scale
    offset_y = (side - height * icon.scale) / 2 - y * icon.scale
    group = ET.SubElement(
        canvas,
        f"{{{SVG_NS}}}g",
        {"transform": f"translate({offset_x:g} {offset_y:g}) scale({icon.scale:g})"},
    )
    group.extend(list(logo))
    return ET.tostring(canvas)


def render(logo_svg: str, icon: Icon) -> Image.Image:
    """The icon as an image: RGBA if it has transparent parts, RGB if it is opaque."""
    png = cairosvg.svg2png(
        bytestring=compose(logo_svg, icon),
        output_width=icon.size,
        output_height=icon.size,
    )
    assert png is not None  # svg2png returns the bytes when it is given no write_to
    image = Image.open(io.BytesIO(png))
    image.load()
    if image.size != (icon.size, icon.size):
        raise RuntimeError(f"{icon.name}: rendered {image.size}, wanted {icon.size}px square")
    return image.convert("RGB") if icon.background is not None else image.convert("RGBA")


# Browsers ask for /favicon.ico on pages that name no icon (and for some that do).
FAVICON = IMG.parent / "favicon.ico"
FAVICON_SIZES = [(16, 16), (32, 32), (48, 48)]


def main() -> int:
    logo_svg = LOGO.read_text(encoding="utf-8")
    for icon in ICONS:
        path = IMG / icon.name
        render(logo_svg, icon).save(path, optimize=True)
        print(f"{path.relative_to(IMG.parents[2])}  {icon.size}x{icon.size}")
    render(logo_svg, Icon(FAVICON.name, 48)).save(FAVICON, sizes=FAVICON_SIZES)
    print(f"{FAVICON.relative_to(IMG.parents[2])}  16, 32 and 48 px")
    return 0


if __name__ == "__main__":
    sys.exit(main())
