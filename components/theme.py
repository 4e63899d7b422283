"""Right-to-left theme: one constant CSS block per direction, injected once per run.

Streamlit has no RTL mode, so text containers get ``direction: rtl; text-align: right`` here and
nowhere else. Never ``unicode-bidi: bidi-override``: it reverses Latin words and digits inside
Arabic. Sliders, plots and data grids stay LTR internally (their geometry assumes it); tables are
mirrored by reversing column order instead (components/tables.py).

This CSS is the only thing the app passes through ``st.html``/unsafe HTML, and it is a constant:
no user or article text ever reaches it (the few words it carries come from the i18n table,
escaped by ``css_string``).
"""
from __future__ import annotations

import streamlit as st

from .i18n import t

# Arabic-capable fonts installed locally first (no network font), then common fallbacks.
FONT_STACK = ('"Noto Naskh Arabic", "Noto Sans Arabic", "Noto Naskh Arabic UI", "Segoe UI", '
              'Tahoma, "DejaVu Sans", "Source Sans Pro", sans-serif')

# Containers whose text direction follows the UI language.
_TEXT_SELECTORS = ", ".join([
    '[data-testid="stMarkdownContainer"]',
    '[data-testid="stHeading"]',
    '[data-testid="stHeadingWithActionElements"]',
    '[data-testid="stCaptionContainer"]',
    '[data-testid="stText"]',
    '[data-testid="stAlert"]',
    '[data-testid="stAlertContainer"]',
    '[data-testid="stSidebar"]',
    '[data-testid="stSidebarContent"]',
    '[data-testid="stSidebarNav"]',
    '[data-testid="stTabs"]',
    '[data-testid="stExpander"]',
    '[data-testid="stWidgetLabel"]',
    '[data-testid="stMetric"]',
    '[data-testid="stMetricLabel"]',
    '[data-testid="stMetricValue"]',
    '[data-testid="stTextInput"]',
    '[data-testid="stMultiSelect"]',
    '[data-testid="stSelectbox"]',
    '[data-testid="stDateInput"]',
    '[data-testid="stRadio"]',
    '[data-testid="stCheckbox"]',
    '[data-testid="stFileUploader"]',
    '[data-testid="stCaption"]',
    '[data-testid="stMainBlockContainer"]',
    '.stMarkdown', '.stAlert', 'h1', 'h2', 'h3', 'h4', 'label', 'p', 'li',
])

# Widgets with geometry that must stay LTR even inside an RTL page.
_LTR_SELECTORS = ", ".join([
    '[data-testid="stSlider"]',
    '[data-testid="stPlotlyChart"]',
    '.js-plotly-plot',
    '[data-testid="stDataFrame"]',
    '[data-testid="stDataFrameResizable"]',
    '[data-testid="stCode"]',
    '[data-testid="stCodeBlock"]',
    'pre', 'code',
])


# Article text is Arabic whatever the interface language: in the left-to-right (English) UI each
# paragraph takes the direction of its first letter (unicode-bidi: plaintext, never an override),
# so Arabic paragraphs, titles and quotes read right to left and English ones left to right.
_PARAGRAPHS = ", ".join([
    '[data-testid="stMarkdownContainer"] p', '[data-testid="stMarkdownContainer"] li',
    '[data-testid="stMarkdownContainer"] blockquote', '[data-testid="stMarkdownContainer"] h1',
    '[data-testid="stMarkdownContainer"] h2', '[data-testid="stMarkdownContainer"] h3',
    '[data-testid="stMarkdownContainer"] h4', '[data-testid="stHeading"] h1',
    '[data-testid="stHeading"] h2', '[data-testid="stHeading"] h3', '[data-testid="stText"]',
])


def css_string(text: str) -> str:
    """A CSS string literal of a UI string: letters, digits and spaces as they are, every other
    character as a CSS escape (so no quote, backslash, angle bracket or newline can end it)."""
    return '"' + "".join(c if c.isalnum() or c == " " else f"\\{ord(c):06x}" for c in text) + '"'


def _uploader_css(lang: str) -> str:
    """The file uploader's own English strings replaced by ours (Streamlit 1.67 has no locale for
    them): its size line is hidden (the page writes its own, with the reader's limit), the text of
    its button and of its drop overlay is drawn from the i18n table with ``content``."""
    button = css_string(t("upload.choose_button", lang))
    drop = css_string(t("upload.drop_here", lang))
    zone = '[data-testid="stFileUploaderDropzone"]'
    return f"""
[data-testid="stFileUploaderDropzoneInstructions"] {{ display: none; }}
{zone} [data-testid="stBaseButton-secondary"] [data-testid="stMarkdownContainer"] {{ display: none; }}
{zone} [data-testid="stBaseButton-secondary"] [data-has-shortcut]::after {{ content: {button}; font-size: 0.875rem; }}
{zone} > div > span:only-child {{ font-size: 0; }}
{zone} > div > span:only-child::after {{ content: {drop}; font-size: 1rem; }}"""


def _css(direction: str, lang: str) -> str:
    align = "right" if direction == "rtl" else "left"
    # Quotes in the Arabic UI hang their bar on the right, where their lines start.
    quote = """
[data-testid="stMarkdownContainer"] blockquote {
  border-left: 0;
  border-right: 0.25rem solid rgba(49, 51, 63, 0.25);
  padding: 0 1rem 0 0;
  margin-left: 0;
}""" if direction == "rtl" else ""
    plaintext = quote if direction == "rtl" else f"""
{_PARAGRAPHS} {{
  unicode-bidi: plaintext;
  text-align: start;
}}"""
    return f"""<style>
html, body, [class*="st-"], .stApp, button, input, textarea, select {{
  font-family: {FONT_STACK};
}}
{_TEXT_SELECTORS} {{
  direction: {direction};
  text-align: {align};
}}
{_LTR_SELECTORS} {{
  direction: ltr;
  text-align: left;
}}
[class*="st-key-rtlgrid"] {{
  overflow-x: auto;
  direction: rtl;
  max-width: 100%;
}}
[class*="st-key-rtlgrid"] > [data-testid="stElementContainer"] {{
  max-width: none;
  flex-shrink: 0;
}}
[class*="st-key-artext"] :is(p, li, blockquote, h1, h2, h3, h4) {{
  direction: rtl;
  text-align: right;
  unicode-bidi: plaintext;
}}
[class*="st-key-kwic"] table {{
  direction: rtl;
}}
[class*="st-key-kwic"] th, [class*="st-key-kwic"] td {{
  text-align: right;
  unicode-bidi: plaintext;
}}
[data-testid="stIconMaterial"] {{ font-family: "Material Symbols Rounded" !important; }}
/* section headings are h2 and h3 (no level skipped), drawn at the sizes sections had as h3 and h4 */
[data-testid="stMain"] h2 {{ font-size: 1.75rem; }}
[data-testid="stMain"] h3 {{ font-size: 1.25rem; }}
[data-testid="stDateInput"] input, [data-testid="stDateInputField"] [role="group"] {{
  direction: ltr;
  text-align: {align};
}}
[data-testid="stMarkdownContainer"] p, [data-testid="stText"] {{
  line-height: 1.8;
}}
[data-testid="stText"] {{
  white-space: pre-wrap;
  font-family: {FONT_STACK};
}}{plaintext}{_uploader_css(lang)}
</style>"""


# Constant strings built once at import: the only HTML the app ever injects.
RTL_CSS: str = _css("rtl", "ar")
LTR_CSS: str = _css("ltr", "en")


def direction_for(lang: str) -> str:
    return "rtl" if lang == "ar" else "ltr"


def css_for(lang: str) -> str:
    return RTL_CSS if direction_for(lang) == "rtl" else LTR_CSS


def apply_theme(lang: str) -> None:
    """Inject the direction and font CSS for the UI language (call once per page run)."""
    st.html(css_for(lang))
