"""Jinja2 rendering shared by every feature: emails, texts and small HTML pages."""

import unicodedata
from dataclasses import dataclass
from pathlib import Path

from jinja2 import Environment, FileSystemLoader, StrictUndefined, select_autoescape

from taskly.vocabulary.text import without_bidi_controls

TEMPLATES_DIR = Path(__file__).resolve().parents[2] / "templates"

_env = Environment(
    loader=FileSystemLoader(TEMPLATES_DIR),
    autoescape=select_autoescape(["html"]),
    undefined=StrictUndefined,
    trim_blocks=True,
    lstrip_blocks=True,
)


@dataclass(frozen=True)
class RenderedEmail:
    """A ready-to-send email: subject line, HTML body and plain-text body."""

    subject: str
    html: str
    text: str


def one_line(text: str, limit: int, ellipsis: str) -> str:
    """Turn line breaks and control characters into spaces, drop bidi controls; cut to
    `limit` characters."""
    text = without_bidi_controls(text)
    flat = "".join(" " if unicodedata.category(c) in {"Cc", "Zl", "Zp"} else c for c in text)
    flat = " ".join(flat.split())
    if len(flat) <= limit:
        return flat
    return flat[: limit - len(ellipsis)].rstrip() + ellipsis


def sms_line(text: str, limit: int) -> str:
    # ASCII "..." keeps an otherwise plain message in the cheaper GSM-7 encoding.
    return one_line(text, limit, "...")


def render(name: str, **context: object) -> str:
    return _env.get_template(name).render(**context).strip()


def render_email(name: str, subject: str, **context: object) -> RenderedEmail:
    """templates/email/<name>.html and .txt with the same context."""
    context = {"subject": subject, **context}
    return RenderedEmail(
        subject=subject,
        html=render(f"email/{name}.html", **context) + "\n",
        text=render(f"email/{name}.txt", **context) + "\n",
    )


def render_page(name: str, **context: object) -> str:
    """A small HTML page served by the API (e.g. pages/unsubscribe.html)."""
    return render(name, **context) + "\n"
