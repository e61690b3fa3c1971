"""Train the ANERcorp labeller and score it.

    python -m agent.ner.train [--corpus PATH] [--out PATH]

Split (by token index, as the data README asks): the first 125,000 tokens, extended to the next
"." token, train; the rest test. ``--dev`` holds out the last 10% of the train part instead and
scores on that (for choosing features and hyperparameters without looking at the test part).
Training is deterministic: L-BFGS, fixed folds, sorted lexicon, no randomness anywhere.
"""

from __future__ import annotations

import argparse
import os
import re
import sys
import time
from collections.abc import Sequence
from pathlib import Path

from agent.ner import propagate, spans
from agent.ner.features import DEFAULT_CONFIG, FeatureConfig, Lexicon, sentence_features

Sentence = list[tuple[str, str]]

PACKAGE_DIR = Path(__file__).resolve().parent
REPO_ROOT = PACKAGE_DIR.parent.parent
DEFAULT_CORPUS = REPO_ROOT / ".." / "shared" / "data" / "anercorp" / "ANERCorp"
DEFAULT_OUT = PACKAGE_DIR / "anercorp.crfsuite"
TRAIN_TOKENS = 125_000
FOLDS = 5
BLOCK = 20  # sentences per pseudo-article when scoring propagation
# Chosen on the dev split (see README.md): L1 prunes the model to a few MB.
DEFAULT_PARAMS = {"c1": 0.05, "c2": 0.01, "max_iterations": 200}

_TAG_RE = re.compile(r"(?:O|[BI]-(?:PERS|LOC|ORG|MISC))")


def lexicon_path(model_path: Path) -> Path:
    """The lexicon that goes with a model file: same name, ``.lex.json.gz``."""
    return model_path.with_suffix(".lex.json.gz")


def default_corpus() -> Path:
    env = os.environ.get("NABA_ANERCORP")
    return Path(env) if env else DEFAULT_CORPUS.resolve()


def read_corpus(path: Path) -> list[tuple[str, str]]:
    """(token, tag) pairs. Repairs the file's few faults: lines with an empty token are dropped;
    one line where two lines were glued together (". Oالإصابة O") is split again; a token that
    contains a space (two words) is kept as one token, as tagged."""
    pairs: list[tuple[str, str]] = []
    for line in path.read_text(encoding="utf-8").splitlines():
        parts = line.split()
        if len(parts) < 2:
            continue
        if len(parts) == 3:
            m = _TAG_RE.match(parts[1])
            if m and m.end() < len(parts[1]):
                pairs.append((parts[0], m.group(0)))
                pairs.append((parts[1][m.end():], parts[2]))
                continue
        tag = parts[-1]
        if not _TAG_RE.fullmatch(tag):
            raise ValueError(f"{path}: bad tag in line {line!r}")
        pairs.append((" ".join(parts[:-1]), tag))
    return pairs


def split_sentences(pairs: Sequence[tuple[str, str]]) -> list[Sentence]:
    """Sentences end with a "." token (the corpus has no other boundaries)."""
    out: list[Sentence] = []
    cur: Sentence = []
    for tok, tag in pairs:
        cur.append((tok, tag))
        if tok == ".":
            out.append(cur)
            cur = []
    if cur:
        out.append(cur)
    return out


def train_test_split(
    pairs: Sequence[tuple[str, str]], n_train: int = TRAIN_TOKENS
) -> tuple[list[Sentence], list[Sentence]]:
    cut = n_train
    while cut < len(pairs) and pairs[cut - 1][0] != ".":
        cut += 1
    return split_sentences(pairs[:cut]), split_sentences(pairs[cut:])


def chunks(tags: Sequence[str]) -> set[tuple[int, int, str]]:
    """conlleval-style entity spans [start, end) from BIO tags."""
    return set(spans(tags))


def score(gold: Sequence[Sequence[str]], pred: Sequence[Sequence[str]]) -> dict[str, dict]:
    """Entity-level exact-span P/R/F1 per type and overall."""
    tp: dict[str, int] = {}
    ng: dict[str, int] = {}
    npred: dict[str, int] = {}
    for g, p in zip(gold, pred, strict=True):
        gs, ps = chunks(g), chunks(p)
        for _, _, t in gs:
            ng[t] = ng.get(t, 0) + 1
        for _, _, t in ps:
            npred[t] = npred.get(t, 0) + 1
        for _, _, t in gs & ps:
            tp[t] = tp.get(t, 0) + 1
    res = {}
    for t in [*sorted(set(ng) | set(npred)), "ALL"]:
        if t == "ALL":
            a, g_, p_ = sum(tp.values()), sum(ng.values()), sum(npred.values())
        else:
            a, g_, p_ = tp.get(t, 0), ng.get(t, 0), npred.get(t, 0)
        prec = a / p_ if p_ else 0.0
        rec = a / g_ if g_ else 0.0
        f1 = 2 * prec * rec / (prec + rec) if prec + rec else 0.0
        res[t] = {"p": prec, "r": rec, "f1": f1, "gold": g_, "pred": p_, "tp": a}
    return res


def format_scores(res: dict[str, dict]) -> str:
    lines = [f"{'type':6} {'P':>6} {'R':>6} {'F1':>6} {'gold':>6} {'pred':>6}"]
    for t, r in res.items():
        lines.append(
            f"{t:6} {r['p']:6.3f} {r['r']:6.3f} {r['f1']:6.3f} {r['gold']:6d} {r['pred']:6d}"
        )
    return "\n".join(lines)


def featurize_train(
    sents: Sequence[Sentence], cfg: FeatureConfig, folds: int = FOLDS
) -> tuple[list[list[list[str]]], Lexicon]:
    """Features for training sentences. The lexicon features of each sentence come from a
    lexicon built on the OTHER folds (jackknife), so the CRF learns how far to trust a lexicon
    entry, and what to do with a word it has never seen (w=<UNK>), as at test time; the
    returned lexicon uses all sentences."""
    full = Lexicon.build(sents)
    if not (cfg.gazetteer or cfg.frequency):
        return [sentence_features([t for t, _ in s], None, cfg) for s in sents], full
    size = -(-len(sents) // folds)
    feats: list[list[list[str]]] = []
    for k in range(folds):
        part = sents[k * size:(k + 1) * size]
        rest = [*sents[: k * size], *sents[(k + 1) * size:]]
        lex = Lexicon.build(rest)
        feats.extend(sentence_features([t for t, _ in s], lex, cfg) for s in part)
    return feats, full


def train(
    sents: Sequence[Sentence],
    model_path: Path,
    cfg: FeatureConfig = DEFAULT_CONFIG,
    params: dict | None = None,
    verbose: bool = False,
) -> Lexicon:
    import pycrfsuite

    feats, lex = featurize_train(sents, cfg)
    trainer = pycrfsuite.Trainer(algorithm="lbfgs", verbose=verbose)
    for f, s in zip(feats, sents, strict=True):
        trainer.append(pycrfsuite.ItemSequence(f), [tag for _, tag in s])
    trainer.set_params(
        {**DEFAULT_PARAMS, **(params or {}), "feature.possible_transitions": True}
    )
    model_path.parent.mkdir(parents=True, exist_ok=True)
    trainer.train(str(model_path))
    lex.save(lexicon_path(model_path))
    return lex


def predict(
    sents: Sequence[Sentence], model_path: Path, lex: Lexicon, cfg: FeatureConfig = DEFAULT_CONFIG
) -> list[list[str]]:
    import pycrfsuite

    tagger = pycrfsuite.Tagger()
    tagger.open(str(model_path))
    try:
        return [
            tagger.tag(pycrfsuite.ItemSequence(sentence_features([t for t, _ in s], lex, cfg)))
            for s in sents
        ]
    finally:
        tagger.close()


def propagate_blocks(sents: Sequence[Sentence], pred: Sequence[Sequence[str]],
                     block: int | None = None) -> list[list[str]]:
    """``propagate`` over consecutive blocks of sentences standing in for articles."""
    block = block or BLOCK
    out: list[list[str]] = []
    for i in range(0, len(sents), block):
        toks = [t for s in sents[i:i + block] for t, _ in s]
        labs = propagate(toks, [lab for p in pred[i:i + block] for lab in p])
        k = 0
        for s in sents[i:i + block]:
            out.append(labs[k:k + len(s)])
            k += len(s)
    return out


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="python -m agent.ner.train", description=__doc__)
    ap.add_argument("--corpus", type=Path, default=None,
                    help="ANERCorp file (default: $NABA_ANERCORP or ../shared/data/anercorp/"
                         "ANERCorp beside the repo)")
    ap.add_argument("--out", type=Path, default=DEFAULT_OUT, help="model file to write")
    ap.add_argument("--dev", action="store_true",
                    help="train on the first 90%% of the train part, score on its last 10%%")
    ap.add_argument("--train-tokens", type=int, default=TRAIN_TOKENS,
                    help="size of the train part (a small value makes a quick smoke run)")
    ap.add_argument("--test-tokens", type=int, default=None,
                    help="score on only this many tokens of the test part")
    ap.add_argument("--c1", type=float, default=DEFAULT_PARAMS["c1"])
    ap.add_argument("--c2", type=float, default=DEFAULT_PARAMS["c2"])
    ap.add_argument("--iterations", type=int, default=DEFAULT_PARAMS["max_iterations"])
    args = ap.parse_args(argv)

    corpus = args.corpus or default_corpus()
    if not corpus.is_file():
        print(f"ANERcorp not found at {corpus}; pass --corpus or set NABA_ANERCORP",
              file=sys.stderr)
        return 2
    pairs = read_corpus(corpus)
    train_s, test_s = train_test_split(pairs, args.train_tokens)
    if args.dev:
        n_dev = len(train_s) // 10
        train_s, test_s = train_s[:-n_dev], train_s[-n_dev:]
    if args.test_tokens is not None:
        kept: list[Sentence] = []
        n = 0
        for s in test_s:
            if n >= args.test_tokens:
                break
            kept.append(s)
            n += len(s)
        test_s = kept
    ntr = sum(map(len, train_s))
    nte = sum(map(len, test_s))
    part = "dev" if args.dev else "test"
    print(f"corpus {corpus}: train {ntr} tokens / {len(train_s)} sentences, "
          f"{part} {nte} tokens / {len(test_s)} sentences")
    params = {"c1": args.c1, "c2": args.c2, "max_iterations": args.iterations}
    t0 = time.perf_counter()
    lex = train(train_s, args.out, params=params)
    t_train = time.perf_counter() - t0
    t0 = time.perf_counter()
    pred = predict(test_s, args.out, lex)
    t_tag = time.perf_counter() - t0
    gold = [[tag for _, tag in s] for s in test_s]
    print(f"entity-level exact-span scores on the {part} part, CRF alone:")
    print(format_scores(score(gold, pred)))
    print(f"with PERS/ORG name propagation in blocks of {BLOCK} sentences "
          "(the corpus has no article boundaries; entities() propagates over its whole text):")
    print(format_scores(score(gold, propagate_blocks(test_s, pred))))
    size_m = args.out.stat().st_size
    size_l = lexicon_path(args.out).stat().st_size
    print(f"model {args.out} {size_m / 1e6:.2f} MB + lexicon {size_l / 1e6:.2f} MB; "
          f"trained in {t_train:.0f} s; tagged {nte} tokens in {t_tag:.2f} s")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
