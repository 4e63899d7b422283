"""The words around the news: places ("في باكو", "بموسكو"), the two presidents' names in their many
forms, guest and host, filler sentences of officials' remarks, and page furniture (share lines,
read-more lists, tags, rights)."""
from __future__ import annotations

import datetime as dt
import random
from typing import Any

from .templates import sentence, templates


def city_named(name: str) -> dict[str, Any]:
    return next(c for c in templates()["cities"] if c["en"] == name)


def place(rng: random.Random, city: dict[str, Any]) -> str:
    """"في باكو", "بموسكو", "في مدينة سوتشي", "في العاصمة الأذربيجانية باكو"."""
    r = rng.random()
    if r < 0.4:
        return f"في {city['ar']}"
    if r < 0.55:
        return f"ب{city['ar']}"
    return f"في {rng.choice(city['desc'])} {city['ar']}"


def destination(rng: random.Random, city: dict[str, Any]) -> str:
    """After "إلى": "باكو", "العاصمة الأذربيجانية باكو"."""
    return city["ar"] if rng.random() < 0.6 else f"{rng.choice(city['desc'])} {city['ar']}"


def pick_names(rng: random.Random) -> dict[str, str]:
    p = templates()["people"]
    return {"putin": rng.choice(p["putin"]), "aliyev": rng.choice(p["aliyev"]),
            "aliyev_obj": rng.choice(p["aliyev_obj"]), "putin_obj": rng.choice(p["putin_obj"]),
            "kremlin": rng.choice(p["kremlin"])}


def guest_host(rng: random.Random, city: dict[str, Any] | None, names: dict[str, str]) -> dict[str, str]:
    """In Azerbaijan Putin is the guest; in Russia Aliyev is."""
    p = templates()["people"]
    if city is not None and city["country"] == "AZ":
        return {"guest": names["putin"], "guest_obj": names["putin_obj"], "guest_short": p["putin_short"],
                "host": names["aliyev"], "host_obj": names["aliyev_obj"], "host_short": p["aliyev_short"]}
    return {"guest": names["aliyev"], "guest_obj": names["aliyev_obj"], "guest_short": p["aliyev_short"],
            "host": names["putin"], "host_obj": names["putin_obj"], "host_short": p["putin_short"]}


def filler(rng: random.Random) -> str:
    tpl = templates()
    if rng.random() < 0.3:
        return rng.choice(tpl["fillers"])
    said = rng.choice(tpl["said"])
    links = tpl["said_link"]
    link = links.get(said, links["default"])
    return sentence(f"و{said} {rng.choice(tpl['speakers'])} {link} {rng.choice(tpl['clauses'])}")


def page_furniture(rng: random.Random, published: dt.date) -> str:
    """Page furniture with dates and numbers of its own."""
    t = templates()["tails"]
    months = templates()["months"]["egyptian"]
    lines: list[str] = []
    if rng.random() < 0.5:
        lines.append(rng.choice(t["share"]))
    if rng.random() < 0.7:
        lines.append(rng.choice(t["read_more"] + t["related"]))
        for _ in range(rng.randint(2, 4)):
            head = rng.choice(t["headlines"]).format(
                n=rng.randint(2, 95), d=rng.randint(1, 28), month=rng.choice(months))
            lines.append(f"  • {head}")
    if rng.random() < 0.5:
        tags = rng.sample(t["tags"], rng.randint(3, 6))
        lines.append(f"{rng.choice(t['tags_label'])} {'، '.join(tags)}")
    if rng.random() < 0.3:
        lines.append(rng.choice(t["rights"]).format(y=published.year))
    return "\n".join(lines)
