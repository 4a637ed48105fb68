"""The offline semantic signal: the shipped static MiniLM vectors, their tokenizer and cache."""

from __future__ import annotations

import importlib.util
import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest

from tui.core.align import Embedder, SemanticModel, load_semantic
from tui.core.align.semantic import DISABLE_ENV, MODEL_DIR
from tui.core.align.semantic_transformer import MAX_TOKENS, TransformerModel, load_transformer
from tui.core.align.wordpiece import WordPiece, bert_words


@pytest.fixture(scope="module")
def model() -> SemanticModel:
    loaded = load_semantic()
    assert isinstance(loaded, SemanticModel), f"the shipped model in {MODEL_DIR} did not load"
    return loaded


@pytest.mark.parametrize(
    ("sentence", "paraphrase", "same_topic"),
    [
        (
            "The earthquake killed ten people on the island.",
            "Ten people died when the quake struck the island.",
            "The earthquake was felt on the island's coast.",
        ),
        (
            "Russia will send 1,000 sappers to clear mines in Kursk.",
            "Moscow is dispatching a thousand military engineers to demine the Kursk region.",
            "Russia and North Korea signed a defence treaty last year.",
        ),
        (
            "The judge sentenced him to life in prison without parole.",
            "He will spend the rest of his life in prison.",
            "The judge heard from the families before the hearing ended.",
        ),
        (
            "The cables carry most of the internet traffic between the continents.",
            "Most data between the continents travels through these undersea lines.",
            "The cables were laid on the sea floor in 2005.",
        ),
    ],
)
def test_paraphrase_scores_above_a_same_topic_sentence(
    model: SemanticModel, sentence: str, paraphrase: str, same_topic: str
) -> None:
    assert model.similarity(sentence, paraphrase) > model.similarity(sentence, same_topic)


def test_vectors_are_unit_length_and_cosines_agree(model: SemanticModel) -> None:
    texts = ["Two bombs fell within the camp.", "One bomb fell directly inside the camp.", "Hi"]
    vecs = model.embed(texts)
    assert vecs.shape == (3, model.dim) and vecs.dtype == np.float32
    assert np.allclose(np.linalg.norm(vecs, axis=1), 1.0, atol=1e-5)
    matrix = model.matrix(texts[:2], texts)
    assert matrix.shape == (2, 3)
    assert matrix[0, 0] == pytest.approx(1.0, abs=1e-5)
    assert matrix[0, 1] == pytest.approx(model.similarity(texts[0], texts[1]), abs=1e-6)
    assert model.similarities([(texts[0], texts[1]), (texts[1], texts[2])]) == pytest.approx(
        [matrix[0, 1], matrix[1, 2]], abs=1e-6
    )


def test_text_without_known_words_gets_a_zero_vector(model: SemanticModel) -> None:
    vecs = model.embed(["", "   ", "\x00"])
    assert not vecs.any()
    assert model.similarity("", "The quake struck at dawn.") == 0.0
    assert model.embed([]).shape == (0, model.dim)


def test_cache_returns_the_stored_vector_without_recomputing(model: SemanticModel) -> None:
    text = "A sentence the cache has not seen before: 7f3a."
    first = model.embed([text, text])
    assert np.array_equal(first[0], first[1])
    seen = model.cached

    def fail(texts: object) -> None:
        raise AssertionError(f"recomputed {texts!r}")

    model._pool = fail  # type: ignore[method-assign]
    try:
        again = model.embed([text])
    finally:
        del model._pool
    assert np.array_equal(again[0], first[0]) and model.cached == seen


def test_disabled_by_the_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(DISABLE_ENV, "1")
    assert load_semantic() is None
    monkeypatch.setenv(DISABLE_ENV, "0")
    assert load_semantic() is not None


def test_missing_or_broken_model_files_give_none(tmp_path: Path) -> None:
    assert load_semantic(folder=tmp_path / "absent") is None
    (tmp_path / "vectors.npz").write_bytes(b"not a numpy file")
    (tmp_path / "vocab.txt").write_text("a\nb", encoding="utf-8")
    assert load_semantic(folder=tmp_path) is None
    other = tmp_path / "mismatch"
    other.mkdir()
    np.savez(other / "vectors.npz", vectors=np.ones((3, 4), np.int8), scales=np.ones(3, np.float32))
    (other / "vocab.txt").write_text("a\nb", encoding="utf-8")
    assert load_semantic(folder=other) is None


def test_a_small_model_folder_loads_and_pools_its_rows(tmp_path: Path) -> None:
    vocab = ["[UNK]", "quake", "island", "##s"]
    rows = np.array([[9, 9], [1, 0], [0, 1], [1, 1]], dtype=np.int8)
    np.savez(tmp_path / "vectors.npz", vectors=rows, scales=np.array([1, 2, 2, 1], np.float32))
    (tmp_path / "vocab.txt").write_text("\n".join(vocab), encoding="utf-8")
    small = load_semantic(folder=tmp_path)
    assert isinstance(small, SemanticModel) and small.dim == 2
    assert small.tokens("Quakes, island!") == [1, 3, 2]  # "," and "!" are unknown: dropped
    # (2, 0) + (1, 1) + (0, 2) = (3, 3): the mean's direction is the diagonal
    assert small.embed(["Quakes island"])[0] == pytest.approx([0.70710677, 0.70710677])


def test_bert_words_fold_case_accents_and_split_punctuation() -> None:
    assert bert_words("Café São-Paulo, naïve “U.S.” 東京") == [
        "cafe", "sao", "-", "paulo", ",", "naive", "“", "u", ".", "s", ".", "”", "東", "京",
    ]  # fmt: skip
    for text in ["It's 1,000 (sappers) — said_he!", "Tab\there\x07 and e-mail: x@y.z"]:
        assert bert_words(text) == bert_words(text + " é")[:-1], "ASCII fast path differs"


def test_wordpiece_takes_the_longest_known_prefix_and_drops_unknown_words() -> None:
    pieces = WordPiece(["[UNK]", "un", "##aff", "##able", "aff", "##a"])
    assert pieces.ids("unaffable") == [1, 2, 3]
    assert pieces.ids("unaffableq affa") == [4, 5]  # "unaffableq" has no split: left out


def test_importing_align_loads_no_numpy_or_onnxruntime() -> None:
    code = (
        "import sys, tui.core.align as a\n"
        "assert a.load_semantic.__name__ == 'load_semantic'\n"
        "print(sorted(m for m in ('numpy', 'onnxruntime', 'tokenizers') if m in sys.modules))\n"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    ).stdout.strip()
    assert out == "[]"


# --- the transformer route (the optional `semantic` extra: onnxruntime) ---


@pytest.fixture(scope="module")
def transformer() -> Embedder:
    pytest.importorskip("onnxruntime")
    loaded = load_semantic("transformer")
    assert loaded is not None, "onnxruntime is installed but the shipped ONNX model did not load"
    return loaded


def test_transformer_ranks_a_paraphrase_with_no_shared_words(
    transformer: Embedder, model: SemanticModel
) -> None:
    """The case the static vectors get wrong and the forward pass gets right."""
    sentence = "The judge sentenced him to life in prison without parole."
    paraphrase = "He was given a life term with no chance of release."
    same_topic = "The judge heard from the victims' families before the hearing ended."
    assert transformer.similarity(sentence, paraphrase) > transformer.similarity(
        sentence, same_topic
    )
    assert model.similarity(sentence, paraphrase) < model.similarity(sentence, same_topic)


def test_transformer_vectors_are_unit_length_and_cached(transformer: Embedder) -> None:
    texts = ["Two bombs fell within the camp.", "One bomb fell directly inside the camp."]
    vecs = transformer.embed(texts)
    assert vecs.shape == (2, 384) and transformer.dim == 384
    assert np.allclose(np.linalg.norm(vecs, axis=1), 1.0, atol=1e-5)
    seen = transformer.cached
    assert np.array_equal(transformer.embed(texts[::-1])[1], vecs[0]) and transformer.cached == seen
    assert transformer.similarities([(texts[0], texts[1])]) == [pytest.approx(vecs[0] @ vecs[1])]


def test_transformer_cuts_long_sentences_to_its_window(transformer: Embedder) -> None:
    assert isinstance(transformer, TransformerModel)
    ids = transformer.tokens("word " * 1000)
    assert len(ids) == MAX_TOKENS and ids[0] != ids[-1]
    assert transformer.embed(["word " * 1000]).shape == (1, 384)


def test_transformer_without_its_files_or_runtime_gives_none(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    assert load_semantic("transformer", folder=tmp_path) is None
    monkeypatch.setitem(sys.modules, "onnxruntime", None)  # as if the extra were not installed
    assert load_transformer(MODEL_DIR) is None
    broken = tmp_path / "broken"
    broken.mkdir()
    (broken / "minilm-l6-v2-int8.onnx").write_bytes(b"garbage")
    (broken / "minilm-vocab.txt").write_text("[CLS]\n[SEP]", encoding="utf-8")
    monkeypatch.delitem(sys.modules, "onnxruntime")
    if importlib.util.find_spec("onnxruntime") is not None:
        with pytest.raises(RuntimeError, match="broken"):
            load_transformer(broken)
        assert load_semantic("transformer", folder=broken) is None  # and no exception
