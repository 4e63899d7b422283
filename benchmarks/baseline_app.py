"""The smallest page ``appbench --first-page --baseline`` waits for: one metric, no data, no imports
of ours. Its cold start is what Streamlit and the browser cost on this machine by themselves."""
import streamlit as st

st.metric("articles", 1)
