"""The trained NER's greedy decoding, done in bulk: the same entities as spaCy's parser loop, at a
fraction of its cost.

spaCy's greedy NER (`Parser.greedy_parse`) takes one transition per token and state; in this
spaCy build every validity check of every move acquires and releases the GIL (StateC::B under
Cython 3), which made the NER's decoding ~0.55 s of the corpus' ~1.9 s of non-segmentation work
(perf: pthread_mutex_lock / take_gil under TransitionSystem.set_valid).

For the BILUO system with `extra_state_tokens = false` a state's features are the buffer's first
token B0, the open entity's first token E0 and B0-1 (-1, the padding row, when no entity is open).
So while no entity is open the scores depend on the token alone: they are computed for all
tokens of a batch in one matrix product, and only the few steps inside an entity are computed one
by one. Every number comes from the same weights through the same operations in the same order
(float32 sums f0 + f1 + f2 + bias, maxout, the same blis gemm, + bias; argmax = first best valid
move), so the decisions are the parser's, not an approximation. tests/test_nlp_fast_ner.py
checks the entities against spaCy's own loop on every paragraph of the corpus and the training
data.

Used only where it applies exactly: greedy decoding (beam_width 1), 3 state features, no
unseen classes, and docs without preset entities or sentence starts (what make_doc gives);
anything else goes to spaCy's own predict. The beam (EntityMerge.scores) is untouched.
"""

from __future__ import annotations

import contextlib

import numpy as np
from spacy.attrs import ENT_IOB, IS_SPACE, SENT_START
from spacy.tokens import Doc, Span

MOVE_B, MOVE_I, MOVE_L, MOVE_U, MOVE_O = "B", "I", "L", "U", "O"


class Decoded(list):
    """Per doc, the (start, end, label) entities the greedy parse ends with (what
    `set_annotations` writes); a list subclass so set_annotations can tell it from spaCy states."""


def install(nlp) -> bool:
    """Put a BulkGreedyNER in place of the loaded pipeline's "ner" component (same name, same
    weights, same entities). Returns False, changing nothing, when the component is not of the
    shape the decoder reproduces."""
    names = [name for name, _ in nlp._components]
    if "ner" not in names:
        return False
    i = names.index("ner")
    ner = nlp._components[i][1]
    if isinstance(ner, BulkGreedyNER) or not applies(ner):
        return False
    # spaCy's EntityRecognizer is an extension type whose methods cannot be replaced on the
    # instance, so the pipeline entry itself is swapped for a stand-in that delegates everything
    # but the greedy decoding to it.
    nlp._components[i] = ("ner", BulkGreedyNER(ner))
    return True


class BulkGreedyNER:
    """The pipeline's "ner" with bulk greedy decoding; every other attribute (model, moves,
    beam_parse, labels, to_disk ...) is the wrapped EntityRecognizer's."""

    def __init__(self, ner):
        self._ner = ner
        self._decoder = BulkGreedy(ner)

    def __getattr__(self, name):
        if name in ("_ner", "_decoder"):  # not set yet (copy / unpickling): never recurse
            raise AttributeError(name)
        return getattr(self._ner, name)

    def __call__(self, doc: Doc) -> Doc:
        return next(iter(self.pipe([doc])))

    def pipe(self, docs, *, batch_size: int = 256):
        """Parser.pipe's batching: batches of `batch_size`, each sorted by length and decoded in
        sub-batches of a quarter of it, docs yielded in input order."""
        from spacy.util import minibatch

        error_handler = self._ner.get_error_handler()
        for batch in minibatch(docs, size=batch_size):
            batch_in_order = list(batch)
            try:
                by_length = sorted(batch_in_order, key=len)
                for sub in minibatch(by_length, size=max(batch_size // 4, 2)):
                    sub = list(sub)
                    self.set_annotations(sub, self.predict(sub))
                yield from batch_in_order
            except Exception as e:  # spaCy's contract: the component's error handler decides
                error_handler(self._ner.name, self._ner, batch_in_order, e)

    def predict(self, docs):
        docs = [docs] if isinstance(docs, Doc) else list(docs)
        out = self._decoder.decode(docs)
        return self._ner.predict(docs) if out is None else out

    def set_annotations(self, docs, states) -> None:
        if isinstance(states, Decoded):
            self._decoder.annotate(docs, states)
        else:
            self._ner.set_annotations(docs, states)


def applies(ner) -> bool:
    model = ner.model
    try:
        lower = model.get_ref("lower") if model.has_ref("lower") else model.layers[1]
        nF = lower.get_dim("nF")
    except (KeyError, IndexError, ValueError):
        return False
    # postprocesses: hooks spaCy's set_annotations would run after each doc (none by default).
    return (ner.cfg.get("beam_width", 1) == 1 and nF == 3 and model.attrs.get("has_upper", False)
            and not model.attrs.get("unseen_classes") and len(model.layers) == 3
            and not getattr(ner, "postprocesses", None))


class BulkGreedy:
    def __init__(self, ner):
        self.ner = ner
        moves = ner.moves
        names = [moves.get_class_name(i) for i in range(moves.n_moves)]
        self.n_classes = len(names)
        self.move = [n.split("-", 1)[0] for n in names]
        self.label = [n.split("-", 1)[1] if "-" in n else "" for n in names]
        labels = sorted({lab for lab in self.label if lab})
        # Per label, the class index of its I and L moves (an open entity chooses between them).
        self.i_of = {lab: next(k for k in range(self.n_classes) if self.move[k] == MOVE_I and self.label[k] == lab)
                     for lab in labels}
        self.l_of = {lab: next(k for k in range(self.n_classes) if self.move[k] == MOVE_L and self.label[k] == lab)
                     for lab in labels}
        # Which moves a closed state may take (Begin / Unit need a label; "U-" with none is only
        # for preset blocked tokens, which these docs do not have; Out always).
        self.is_begin = np.array([m == MOVE_B and bool(lab) for m, lab in zip(self.move, self.label)])
        self.is_unit = np.array([m == MOVE_U and bool(lab) for m, lab in zip(self.move, self.label)])
        self.is_out = np.array([m == MOVE_O for m in self.move])

    def decode(self, docs: list[Doc]) -> Decoded | None:
        if not any(len(d) for d in docs):
            return None  # spaCy's predict has its own answer for empty batches
        attrs = [d.to_array([ENT_IOB, SENT_START, IS_SPACE]).reshape(-1, 3) for d in docs]
        for a in attrs:
            if a[:, 0].any() or (a[1:, 1] == 1).any():
                return None  # preset entities or sentence starts: spaCy's own rules apply
        model = self.ner.model
        tok_layer, lower, upper = model.layers
        self._ops = model.ops
        tokvecs = tok_layer.predict(docs)
        Yf = lower.predict(tokvecs)  # (N + 1, nF, nO, nP); row 0 is the padding
        self._Yf, self._bias = Yf, lower.get_param("b")
        self._W, self._b = upper.get_param("W"), upper.get_param("b")
        # Closed states, every token of the batch at once: features (B0, pad, pad), summed in the
        # parser's order (f0 + f1 + f2, then the bias).
        scores = self._scores(Yf[1:, 0] + Yf[0, 1], Yf[0, 2])
        lengths = np.array([len(d) for d in docs])
        ends = np.cumsum(lengths)
        nonspace = ~np.concatenate([a[:, 2] for a in attrs]).astype(bool)
        can_begin = nonspace.copy()
        can_begin[ends[lengths > 0] - 1] = False  # a doc's last token cannot Begin (buffer < 2)
        valid = np.broadcast_to(self.is_out, scores.shape).copy()
        valid[nonspace] |= self.is_unit
        valid[can_begin] |= self.is_begin
        # argmax keeps the first of equal scores, as arg_max_if_valid does.
        choice = np.where(valid, scores, -np.inf).argmax(axis=1)
        out = Decoded([] for _ in docs)
        starts = np.flatnonzero(~self.is_out[choice]).tolist()
        doc_of = np.searchsorted(ends, starts, side="right").tolist()
        resume = -1  # batch position up to which tokens were decided inside an entity
        for g, d in zip(starts, doc_of):
            if g < resume:
                continue
            k = int(choice[g])
            lab = self.label[k]
            offset = int(ends[d] - lengths[d])
            if self.move[k] == MOVE_U:
                out[d].append((g - offset, g - offset + 1, lab))
                continue
            end = self._open_entity(g, int(ends[d]), lab)
            out[d].append((g - offset, end - offset, lab))
            resume = end
        return out

    def _scores(self, f01, f2, /):
        """Scores of states whose first two features sum to `f01` (n, nO, nP) and whose third is
        `f2`: (f0 + f1) + f2 + bias, maxout over the pieces, the upper layer's gemm, + its bias."""
        unmaxed = f01 + f2
        unmaxed += self._bias
        hidden = unmaxed[..., 0]
        for p in range(1, unmaxed.shape[-1]):
            hidden = np.maximum(hidden, unmaxed[..., p])  # the max of the pieces, as Vec.arg_max picks
        scores = self._ops.gemm(np.ascontiguousarray(hidden), self._W, trans2=True)
        scores += self._b
        return scores

    def _open_entity(self, g: int, stop: int, lab: str) -> int:
        """The batch position one past the Last token of the entity Begun at batch position `g`
        (its doc's tokens end at `stop`): each step's state is (B0 = j, E0 = g, B0-1 = j-1), and
        only In (while two tokens are left) or Last of its label is valid."""
        Yf = self._Yf
        ii, ll = self.i_of[lab], self.l_of[lab]
        j = g + 1
        while stop - j >= 2:
            s = self._scores((Yf[1 + j, 0] + Yf[1 + g, 1])[None], Yf[1 + j - 1, 2][None])[0]
            if s[ll] > s[ii]:  # Last only when strictly better: In comes first among equals
                break
            j += 1
        return j + 1

    def annotate(self, docs: list[Doc], decoded: Decoded) -> None:
        for doc, ents in zip(docs, decoded):
            spans = [Span(doc, s, e, label=lab) for s, e, lab in ents]
            # What BiluoPushDown.set_annotations does for docs without preset entities: the
            # entities, every other token O.
            doc.set_ents(spans, default="outside")


# --- the tok2vec's embedding, once per distinct token ------------------------------------------

EMBED_LAYERS = ("extract_features", "list2ragged", "with_array", "with_array", "ragged2list")


def install_embed_once(nlp) -> bool:
    """Let the pipeline's tok2vec embed each distinct token once per batch.

    The embedding half of the tok2vec (MultiHashEmbed: hashed NORM / PREFIX / SUFFIX / SHAPE rows,
    concatenated, maxout, layer norm) is a function of the token's four attribute ids alone;
    the corpus' 40 k tokens have ~3.6 k distinct ones, and this half was as costly as the
    context encoder. The encoder still sees every token. Each row's arithmetic is the same
    whatever the other rows (row-wise gemm, per-row norm), so the vectors are bit-identical
    (tests/test_nlp_fast_ner.py compares doc.tensor with spaCy's own forward pass). Returns False,
    changing nothing, when the tok2vec is not this architecture."""
    if "tok2vec" not in nlp.pipe_names:
        return False
    t2v = nlp.get_pipe("tok2vec")
    if getattr(t2v, "_policykg_embed_once", False):
        return False
    layers = getattr(t2v.model, "layers", [])
    if len(layers) != 2:
        return False
    embed, encode = layers
    names = tuple(layer.name.split("(", 1)[0] for layer in embed.layers)
    if names != EMBED_LAYERS:
        return False
    feats, _, hashes, maxout, _ = embed.layers
    spacy_predict = t2v.predict

    def predict(docs):
        docs = list(docs)
        if not any(len(doc) for doc in docs):
            return spacy_predict(docs)
        X = np.concatenate(feats.predict(docs))
        rows = np.ascontiguousarray(X)
        keys = rows.view(np.dtype((np.void, rows.dtype.itemsize * rows.shape[1]))).ravel()
        _, first, inverse = np.unique(keys, return_index=True, return_inverse=True)
        vectors = maxout.predict(hashes.predict(rows[first]))[inverse.ravel()]
        lengths = np.cumsum([len(doc) for doc in docs])[:-1]
        return encode.predict(np.split(vectors, lengths))

    # Tok2Vec is a plain Python class: TrainablePipe.pipe and __call__ find this on the instance.
    t2v.predict = predict
    t2v._policykg_embed_once = True
    return True


@contextlib.contextmanager
def spacy_loops(nlp):
    """Within the block, `nlp` runs spaCy's own tok2vec and NER loops (what install and
    install_embed_once replaced), e.g. to time both in one run (tests/benchmarks/bench_nlp.py)."""
    names = [name for name, _ in nlp._components]
    i = names.index("ner") if "ner" in names else -1
    stand_in = nlp._components[i][1] if i >= 0 else None
    t2v = nlp.get_pipe("tok2vec") if "tok2vec" in names else None
    embed = t2v.__dict__.pop("predict", None) if t2v is not None else None
    if isinstance(stand_in, BulkGreedyNER):
        nlp._components[i] = ("ner", stand_in._ner)
    try:
        yield nlp
    finally:
        if isinstance(stand_in, BulkGreedyNER):
            nlp._components[i] = ("ner", stand_in)
        if embed is not None:
            t2v.predict = embed
