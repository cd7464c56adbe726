# The entity tagger: rebuild it from ../shared/ner-train (skipped, saying why, when that is absent) and
# measure it on idner-news-2k's test split. Training is deterministic: same corpora, same model file.
.PHONY: train-ner eval-ner

train-ner: setup
	$(BIN)/python tools/train_ner.py

eval-ner: setup
	$(BIN)/python tools/eval_ner.py
