"""Small frames the component tests share."""
from __future__ import annotations

import pandas as pd


def events_frame() -> pd.DataFrame:
    """Two events as the pages' event tables hold them."""
    return pd.DataFrame({"id": [1, 2], "date": ["2024-08-19", "2024-04-22"], "city": ["Baku", "Moscow"],
                         "kind": ["visit", "talks"], "status": ["held", "announced"],
                         "n_articles": [3, 1], "inferred_any": [True, False]})
