"""Streamlit and plotly building blocks for the dashboard pages (pages → components → corpus)."""
