"""Generates a crawl-like corpus (JSON Lines) from the real sentences of the shared eval texts.

Stories are rewrites of one base: each version keeps most of the base's sentences (some
dropped, a few swapped, a figure changed now and then) and adds a couple of sentences of its
own; the rest of the corpus is singletons, each sentence spliced from two real ones. Built at
bench time into a temporary folder, never committed. `generate()` returns the truth (story per
article id) so the clustering can be scored too.
"""

from __future__ import annotations

import json
import random
import re
from pathlib import Path

EVAL = Path(__file__).resolve().parents[2] / "shared" / "eval"
SOURCES = EVAL / "news-dev" / "clusters" / "articles"
STORY_SHARE = 0.6
"""Share of the articles that belong to a story."""
VERSIONS = 20
"""Average versions per story."""
_SPLIT = re.compile(r"(?<=[.!?])\s+(?=[A-Z\"])")


def sentence_pool() -> list[str]:
    """Real sentences of the shared eval articles (long enough to be prose)."""
    pool: list[str] = []
    for path in sorted(SOURCES.glob("*.txt")):
        for para in path.read_text("utf-8", errors="replace").split("\n\n"):
            pool.extend(s.strip() for s in _SPLIT.split(para) if len(s.split()) >= 8)
    return pool


def _figure(sentence: str, rng: random.Random) -> str:
    return re.sub(r"\b\d+\b", lambda m: str(int(m.group()) + rng.randint(1, 9)), sentence, count=1)


def generate(n: int, out: Path, seed: int = 19) -> dict[str, str]:
    """Write `out/crawl.jsonl` with n articles; returns {article id: story id or ''}."""
    rng = random.Random(seed)
    pool = sentence_pool()
    truth: dict[str, str] = {}
    rows: list[dict[str, str]] = []
    in_stories = int(n * STORY_SHARE)
    stories = max(1, in_stories // VERSIONS)
    for s in range(stories):
        base = rng.sample(pool, 14)
        day = f"2024-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"
        count = in_stories // stories + (1 if s < in_stories % stories else 0)
        for v in range(count):
            text = [x for x in base if rng.random() < 0.8] + rng.sample(pool, 2)
            for i in range(len(text) - 1):
                if rng.random() < 0.15:
                    text[i], text[i + 1] = text[i + 1], text[i]
            text = [_figure(x, rng) if rng.random() < 0.05 else x for x in text]
            rows.append(_row(f"s{s}v{v}", text, day, f"outlet{rng.randint(1, 300)}"))
            truth[f"s{s}v{v}"] = f"s{s}"
    for k in range(n - len(rows)):
        day = f"2024-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"
        text = [_splice(*rng.sample(pool, 2), rng) for _ in range(12)]
        rows.append(_row(f"x{k}", text, day, f"outlet{rng.randint(1, 300)}"))
        truth[f"x{k}"] = ""
    rng.shuffle(rows)
    out.mkdir(parents=True, exist_ok=True)
    with (out / "crawl.jsonl").open("w", encoding="utf-8") as fh:
        for row in rows:
            fh.write(json.dumps(row, ensure_ascii=False) + "\n")
    return truth


def _splice(a: str, b: str, rng: random.Random) -> str:
    """The start of one real sentence and the end of another, cut at random points (a
    singleton's sentences should not be verbatim copies of another article's, as they would be
    after thousands of draws from one pool of about 11,000 sentences)."""
    x, y = a.split(), b.split()
    return " ".join(x[: rng.randint(2, len(x) - 2)] + y[rng.randint(2, len(y) - 2) :])


def _row(rid: str, text: list[str], day: str, outlet: str) -> dict[str, str]:
    paras = ["\n".join(text[i : i + 2]) for i in range(0, len(text), 2)]
    title = " ".join(text[0].split()[:10])
    return {
        "id": rid,
        "url": f"https://{outlet}.example/{rid}",
        "title": title,
        "date": day,
        "text": "\n\n".join(paras),
    }
