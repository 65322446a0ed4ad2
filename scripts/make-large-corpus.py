#!/usr/bin/env python3
"""Writes a synthetic citegraph JSON Lines corpus (README "citegraph's JSON Lines") for
stress and kill tests: N records with titles and abstracts drawn from a small topic
vocabulary, 1-4 authors and 0-8 references to earlier records (plus a few DOIs outside
the corpus). Deterministic for a given N and seed.

    scripts/make-large-corpus.py N OUT.jsonl [SEED]
"""
import json
import random
import sys

TOPICS = [
    "graph neural networks", "citation analysis", "community detection", "pagerank",
    "language models", "protein folding", "reinforcement learning", "image segmentation",
    "bibliometrics", "knowledge graphs", "federated learning", "speech recognition",
    "quantum chemistry", "climate models", "sparse matrices", "topic models",
    "contrastive learning", "diffusion models", "link prediction", "recommender systems",
]
WORDS = ("efficient scalable robust sparse dense deep shallow adaptive hierarchical latent "
         "probabilistic spectral temporal dynamic causal multimodal semantic structural "
         "benchmark analysis method approach framework study survey evaluation").split()
NAMES = ["Doe", "Roe", "Smith", "Garcia", "Chen", "Okafor", "Novak", "Ito", "Kumar", "Silva"]


def main() -> None:
    n = int(sys.argv[1])
    out = sys.argv[2]
    rng = random.Random(int(sys.argv[3]) if len(sys.argv) > 3 else 7)
    with open(out, "w", encoding="utf-8") as f:
        for i in range(n):
            a, b = rng.sample(TOPICS, 2)
            title = f"{rng.choice(WORDS).capitalize()} {a} for {b}: a {rng.choice(WORDS)} {rng.choice(WORDS)} {i}"
            abstract = " ".join(
                f"We study {rng.choice(TOPICS)} with {rng.choice(WORDS)} {rng.choice(WORDS)} methods."
                for _ in range(3))
            refs = [f"w{rng.randrange(i)}" for _ in range(rng.randrange(9))] if i else []
            if rng.random() < 0.1:
                refs.append(f"10.9999/ext.{rng.randrange(1000)}")
            record = {
                "id": f"w{i}",
                "title": title,
                "abstract": abstract,
                "authors": [f"{rng.choice(NAMES)}, {chr(65 + rng.randrange(26))}." for _ in range(rng.randrange(1, 5))],
                "year": 1990 + rng.randrange(35),
                "references": sorted(set(refs)),
            }
            f.write(json.dumps(record) + "\n")


if __name__ == "__main__":
    main()
