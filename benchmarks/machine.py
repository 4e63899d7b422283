"""The machine and software versions a benchmark ran on."""
from __future__ import annotations

import os
import platform
import sqlite3
import sys
from importlib import metadata
from pathlib import Path


def _cpu_model() -> str:
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor() or "unknown"


def _ram_gib() -> float:
    try:
        for line in Path("/proc/meminfo").read_text().splitlines():
            if line.startswith("MemTotal:"):
                return int(line.split()[1]) / 1024 / 1024
    except OSError:
        pass
    return 0.0


def _version(dist: str) -> str:
    try:
        return metadata.version(dist)
    except metadata.PackageNotFoundError:
        return "not installed"


def machine_info() -> dict[str, str]:
    return {"cores (nproc)": str(os.cpu_count()), "RAM": f"{_ram_gib():.1f} GiB",
            "CPU": _cpu_model(), "OS": f"{platform.system()} {platform.release()}"}


def versions() -> dict[str, str]:
    return {"python": sys.version.split()[0], "sqlite": sqlite3.sqlite_version,
            "streamlit": _version("streamlit"), "sqlalchemy": _version("SQLAlchemy"),
            "pandas": _version("pandas"), "plotly": _version("plotly")}
