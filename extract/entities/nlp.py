"""The spaCy Chinese pipeline: pkuseg segmentation with the registries as user dictionary, a
trained statistical NER, and the project's character-level gazetteer and pattern rules.

    nlp = load_pipeline()             # extract/entities/config.cfg + extract/entities/model/
    doc = nlp("依托科大讯飞、华为等企业建设人工智能开放平台")
    doc.user_data[MENTIONS_KEY]       # EntityMention list: rule mentions, then model additions

    seg = load_nlp()                  # segmentation only (tokenizer, no components)
    [t.text for t in seg("（牵头单位：市经贸信息委，配合单位：深圳市科技创新委员会）")]

Plain pkuseg splits agency and company names (市 / 经贸 / 信息委); forcing every registry name
into the user dictionary keeps them whole, so the NER sees known names as one word and unknown
ones as pieces to assemble.

Loading the pkuseg model takes seconds and ~800 MB, so it is loaded once per process and shared:
each pipeline gets a shallow copy of it with its own user-dictionary trie. load_pipeline() is
cached, so a process pays the NER load once; nothing imports this module until text is extracted.
"""

from __future__ import annotations

import copy
import functools
from collections.abc import Iterable

from pathlib import Path

from spacy.lang.zh import Chinese, ChineseTokenizer
from spacy.language import Language

from policykg.extract.entities import components
from policykg.extract.entities import lexicon as lx
from policykg.extract.entities.gazetteer import agency_terms, default_gazetteer
from policykg.extract.entities.pkuseg_model import require_pkuseg_model

CONFIG = {"nlp": {"tokenizer": {"segmenter": "pkuseg"}}}
# Segmented once after loading: a pipeline that returns one token, or one token per character,
# has no working model behind it.
PROBE = "深圳市推进光纤到户和第五代移动通信网络建设"
MENTIONS_KEY = components.MENTIONS_KEY  # doc.user_data key holding every EntityMention, nested too
HERE = Path(__file__).resolve().parent
CONFIG_PATH = HERE / "config.cfg"
MODEL_DIR = HERE / "model"  # trained tok2vec + ner weights (`policykg train` writes them)
TRAINED = ("tok2vec", "ner")


class SegmenterBroken(RuntimeError):
    """The pkuseg model loaded but does not segment."""


def registry_terms() -> list[str]:
    """User-dictionary words from the registries: agencies (when agencies.toml exists) and the
    company / institution / technology gazetteers (with the 003 glossary), plus place names."""
    return sorted(set(agency_terms()) | set(default_gazetteer().user_dict_terms()) | set(place_terms()))


def place_terms() -> list[str]:
    """'广州市', '浙江省' …: pkuseg's user dictionary is matched longest-first from the left, so
    without these the agency short form 市工业和信息化局 would take the 市 of 广州市工业和信息化局
    (广州 / 市工业和信息化局). 深圳市 is left out: Shenzhen agencies are in the registry with their
    深圳市 forms already, and the plans often write 深圳市民 (深圳 / 市民)."""
    return sorted(p for p in lx.PLACES if p.endswith(("市", "省")) and not p.startswith("深圳"))


def load_nlp(user_dict_terms: Iterable[str] = (), *, registries: bool = True) -> Language:
    """A cached segmentation-only pipeline. `user_dict_terms` are added to the registry terms (or
    used alone with `registries=False`: that is plain pkuseg). Raises PkusegModelMissing when the
    model is not installed (`policykg setup`)."""
    model_dir = str(require_pkuseg_model())
    terms = set(_usable(user_dict_terms))
    if registries:
        terms |= set(_usable(registry_terms()))
    return _build(model_dir, frozenset(terms))


def _usable(terms: Iterable[str]) -> Iterable[str]:
    # pkuseg segments whitespace-separated chunks, so a term with a space can never match.
    return (t.strip() for t in terms if t and t.strip() and not any(c.isspace() for c in t.strip()))


@functools.lru_cache(maxsize=1)
def _base_segmenter(model_dir: str):
    """Load the pkuseg model through spaCy's own initialisation (the slow part)."""
    nlp = Chinese.from_config(CONFIG)
    nlp.tokenizer.initialize(pkuseg_model=model_dir, pkuseg_user_dict="default")
    return nlp.tokenizer.pkuseg_seg


@functools.lru_cache(maxsize=8)
def _segmenter(model_dir: str, terms: frozenset[str]):
    import spacy_pkuseg

    seg = copy.copy(_base_segmenter(model_dir))
    # What pkuseg_update_user_dict does, on a private trie: words in it are cut out first
    # (longest match) and never split.
    seg.preprocesser = spacy_pkuseg.Preprocesser(sorted(terms))
    return seg


@functools.lru_cache(maxsize=8)
def _build(model_dir: str, terms: frozenset[str]) -> Language:
    nlp = Chinese.from_config(CONFIG)
    nlp.tokenizer.pkuseg_seg = _segmenter(model_dir, terms)
    check_segmenter(nlp, terms)
    return nlp


def shared_tokenizer(vocab) -> ChineseTokenizer:
    """A pkuseg tokenizer on `vocab` with the registry user dictionary, sharing the process's
    one pkuseg model (the config's policykg.pkuseg_tokenizer.v1 builds its tokenizer here)."""
    model_dir = str(require_pkuseg_model())
    terms = frozenset(_usable(registry_terms()))
    tok = ChineseTokenizer(vocab, segmenter="char")
    tok.segmenter = "pkuseg"
    tok.pkuseg_seg = _segmenter(model_dir, terms)
    return tok


class ModelMissing(RuntimeError):
    """extract/entities/model/ has no trained weights."""


def model_is_trained(model_dir: Path = MODEL_DIR) -> bool:
    return all((model_dir / name / "model").is_file() for name in TRAINED)


@functools.lru_cache(maxsize=4)
def config_digest(path: Path = CONFIG_PATH) -> str:
    """sha256 of the config sections that shape the trained weights ([components.tok2vec] and
    [components.ner]); training records it beside the weights it wrote. The merge threshold or
    the training schedule may change without invalidating a model."""
    import hashlib
    import json

    from spacy.util import load_config

    comps = load_config(path, interpolate=True)["components"]
    shaped = {name: comps[name] for name in TRAINED}
    return hashlib.sha256(json.dumps(shaped, sort_keys=True).encode("utf-8")).hexdigest()


def _check_trained_with_this_config(model_dir: Path) -> None:
    import json

    info = model_dir / "TRAINING.json"
    trained = json.loads(info.read_text(encoding="utf-8")).get("config_sha256") if info.is_file() else None
    if trained is not None and trained != config_digest():
        # Weights of another architecture would fail to load with thinc's bare "mismatched
        # structure"; say what happened and what fixes it.
        raise ModelMissing(f"the entity model in {model_dir} was trained with another config.cfg; run `policykg train`")


def load_pipeline(model_dir: Path | None = None) -> Language:
    """config.cfg with the trained weights from `model_dir` (default: the user's trained model
    when there is one, else the shipped one; model_store.active_model_dir); once per process and
    folder. Raises ModelMissing (naming `policykg train`) when the weights are absent,
    PkusegModelMissing without pkuseg."""
    if model_dir is None:
        from policykg.extract.entities.model_store import active_model_dir

        model_dir = active_model_dir(config_digest())
    return _load_pipeline(Path(model_dir))


@functools.lru_cache(maxsize=2)
def _load_pipeline(model_dir: Path) -> Language:
    from spacy import util

    if not model_is_trained(model_dir):
        raise ModelMissing(f"no trained entity model in {model_dir}; run `policykg train`")
    _check_trained_with_this_config(model_dir)
    config = util.load_config(CONFIG_PATH)
    nlp = util.load_model_from_config(config, auto_fill=True, validate=True)
    for name in TRAINED:
        nlp.get_pipe(name).from_disk(model_dir / name, exclude=["vocab"])
    check_segmenter(nlp, frozenset(_usable(registry_terms())))
    # The NER's greedy decoding in bulk and the tok2vec's embedding once per distinct token
    # (fast_ner.py): the same entities and vectors as spaCy's own loops, at a fraction of the cost.
    from policykg.extract.entities import fast_ner

    fast_ner.install(nlp)
    fast_ner.install_embed_once(nlp)
    return nlp


def check_segmenter(nlp: Language, terms: frozenset[str] = frozenset()) -> None:
    """Raise SegmenterBroken unless the probe sentence is cut into words."""
    tokens = [t.text for t in nlp.make_doc(PROBE)]
    if not 3 <= len(tokens) < len(PROBE) - 2:
        raise SegmenterBroken(f"pkuseg returned {tokens!r} for {PROBE!r}")
    if "光纤到户" in terms and "光纤到户" not in tokens:
        raise SegmenterBroken(f"user dictionary ignored: {tokens!r}")
