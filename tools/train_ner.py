"""Train the entity tagger (warta/enrich/data/ner.crfsuite) from ../shared/ner-train.

    python tools/train_ner.py             # the model that ships: every training split
    python tools/train_ner.py --holdout   # train without the last tenth of idner-news-2k's train split
                                          # and score on that tenth: for choosing features and settings

Deterministic: fixed corpora, fixed order, fixed settings, and L-BFGS has no randomness, so the same inputs
give the same model. idner-news-2k's test split is never read here (tools/eval_ner.py measures on it).
"""

from __future__ import annotations

import argparse
import os
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import ner_corpora
from eval_ner import score_sentences
from warta.enrich import tagger

# L1 keeps the model small (most attributes get a zero weight and are dropped); L2 smooths the rest.
PARAMS = {
    "c1": 0.05,
    "c2": 0.01,
    "max_iterations": 200,
    "feature.possible_transitions": True,
    "feature.minfreq": 2,
}
HOLDOUT_SHARE = 10
# idner-news-2k's sentences are shown this many times: its labelling conventions are the ones measured.
REPEAT_FIRST = 3  # --holdout keeps every tenth idner-news-2k train sentence apart


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--holdout", action="store_true")
    parser.add_argument("--out", type=Path, default=tagger.MODEL_FILE)
    parser.add_argument("--skip", action="append", default=[], help="leave out a corpus (its name's start)")
    parser.add_argument("--repeat-first", type=int, default=REPEAT_FIRST)
    args = parser.parse_args()
    if not ner_corpora.available():
        print(f"skipped: {ner_corpora.NER_TRAIN} is not here (the corpora are not part of the repository)")
        return 0

    import pycrfsuite

    trainer = pycrfsuite.Trainer(verbose=False)
    trainer.set_params(PARAMS)
    held: list[ner_corpora.Sentence] = []
    counts: dict[str, int] = {}
    lex = tagger.lexicon()
    for corpus in ner_corpora.TRAIN:
        if any(corpus.name.startswith(s) for s in args.skip):
            continue
        n = 0
        for i, (words, labels) in enumerate(ner_corpora.read(corpus)):
            if args.holdout and corpus is ner_corpora.TRAIN[0] and i % HOLDOUT_SHARE == 0:
                held.append((words, labels))
                continue
            for _ in range(args.repeat_first if corpus is ner_corpora.TRAIN[0] else 1):
                trainer.append(tagger.features(words, corpus.cased, lex), labels)
                n += 1
        counts[corpus.name] = n
    out = args.out if not args.holdout else Path(f"/tmp/ner-holdout-{os.getpid()}.crfsuite")
    started = time.monotonic()
    trainer.train(str(out))
    print(
        f"trained on {counts} in {time.monotonic() - started:.0f} s -> {out} ({out.stat().st_size:,} bytes)"
    )
    if args.holdout:
        model = pycrfsuite.Tagger()
        model.open(str(out))
        predicted = [model.tag(tagger.features(words, True, lex)) for words, _ in held]
        for kind, s in score_sentences([labels for _, labels in held], predicted).items():
            print(f"holdout {kind}: P {s['p']:.3f} R {s['r']:.3f} F1 {s['f1']:.3f} (n={s['gold']})")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
