"""Right-to-left theme: one constant CSS block per direction, injected once per run.

Streamlit has no RTL mode, so text containers get ``direction: rtl; text-align: right`` here and
nowhere else. Never ``unicode-bidi: bidi-override``: it reverses Latin words and digits inside
Arabic. Sliders, plots and data grids stay LTR internally (their geometry assumes it); tables are
mirrored by reversing column order instead (components/tables.py).

This CSS is the only thing the app passes through ``st.html``/unsafe HTML, and it is a constant:
no user or article text ever reaches it.
"""
from __future__ import annotations

import streamlit as st

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


def _css(direction: str) -> str:
    align = "right" if direction == "rtl" else "left"
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
[data-testid="stIconMaterial"] {{ font-family: "Material Symbols Rounded" !important; }}
[data-testid="stDateInput"] input {{
  direction: ltr;
  text-align: {align};
}}
[data-testid="stMarkdownContainer"] p, [data-testid="stText"] {{
  line-height: 1.8;
}}
[data-testid="stText"] {{
  white-space: pre-wrap;
  font-family: {FONT_STACK};
}}
</style>"""


# Constant strings built once at import: the only HTML the app ever injects.
RTL_CSS: str = _css("rtl")
LTR_CSS: str = _css("ltr")


def direction_for(lang: str) -> str:
    return "rtl" if lang == "ar" else "ltr"


def css_for(lang: str) -> str:
    return RTL_CSS if direction_for(lang) == "rtl" else LTR_CSS


def apply_theme(lang: str) -> None:
    """Inject the direction and font CSS for the UI language (call once per page run)."""
    st.html(css_for(lang))
