"""Provides write_story(): a synthetic many-version story as files, for whole-process benches.

`python -m bench.story_files DIR VERSIONS SENTENCES` writes DIR/v00.txt ... (one sentence a
paragraph), the same versions align_bench builds in memory (same pool, same seed).
"""

from __future__ import annotations

import sys
from pathlib import Path

from bench.align_bench import corpus_sentences, make_versions


def write_story(folder: Path, versions: int, sentences: int) -> list[Path]:
    """Write `versions` rewrites of one `sentences`-sentence story into folder; their paths."""
    folder.mkdir(parents=True, exist_ok=True)
    pool, _ = corpus_sentences()
    paths = []
    for article in make_versions(pool, versions, sentences):
        path = folder / f"{article.id}.txt"
        path.write_text(article.source + "\n", encoding="utf-8")
        paths.append(path)
    return paths


if __name__ == "__main__":
    target, count, size = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
    print(len(write_story(Path(target), count, size)))
