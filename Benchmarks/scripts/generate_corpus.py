#!/usr/bin/env python3
"""Deterministic synthetic corpus in citegraph's JSON Lines format, for scale runs.

Each paper: id, title (6-12 words), ~1 KB abstract (topic-biased Zipfian vocabulary),
1-6 authors from a pool with topical teams, a year, and ~15 references chosen with
preferential attachment among earlier papers (80 % within the paper's topic), so the
citation graph has a heavy-tailed in-degree like real citation data.

Usage: generate_corpus.py N OUT.jsonl [--seed S]
"""
import json, random, sys, bisect

def main():
    n = int(sys.argv[1]); out = sys.argv[2]
    seed = int(sys.argv[sys.argv.index("--seed") + 1]) if "--seed" in sys.argv else 42
    rng = random.Random(seed)
    syllables = ["ka", "lo", "mi", "ne", "ra", "su", "ti", "vo", "ze", "pa", "do", "gri", "fen", "mor", "tal", "quin", "bex", "sol"]
    def word(i):
        # Distinct pronounceable words: i written in base len(syllables), at least two syllables.
        parts = []
        i += len(syllables)
        while i > 0:
            parts.append(syllables[i % len(syllables)]); i //= len(syllables)
        return "".join(parts)
    vocab = [word(i) for i in range(30000)]
    stop = ["the", "of", "and", "in", "to", "a", "we", "for", "is", "that", "on", "with", "this", "by", "as", "are", "from", "our"]
    topics = 60
    # Each topic favours its own slice of the vocabulary.
    topic_words = [vocab[t * 400:(t + 1) * 400] for t in range(topics)]
    common = vocab[24000:]
    zipf = [1.0 / (r + 1) for r in range(400)]
    cum = []; s = 0.0
    for w in zipf: s += w; cum.append(s)
    def topic_word(t):
        return topic_words[t][bisect.bisect(cum, rng.random() * s)]
    authors = [f"{word(100000 + a).capitalize()}, {chr(65 + a % 26)}." for a in range(max(1000, n // 3))]
    by_topic = [[] for _ in range(topics)]
    indeg = []  # preferential attachment weights
    with open(out, "w") as f:
        for i in range(n):
            t = rng.randrange(topics)
            title = " ".join(topic_word(t) if rng.random() < 0.7 else rng.choice(common) for _ in range(6 + rng.randrange(7))).capitalize()
            words = []; length = 0  # running length: same words as summing the list each time
            while length < 1000:
                r = rng.random()
                w = rng.choice(stop) if r < 0.35 else topic_word(t) if r < 0.8 else rng.choice(common)
                words.append(w); length += len(w) + 1
            abstract = " ".join(words).capitalize() + "."
            team = [authors[(t * 97 + rng.randrange(300)) % len(authors)] for _ in range(1 + rng.randrange(6))]
            refs = set()
            if i > 0:
                for _ in range(15):
                    pool = by_topic[t] if by_topic[t] and rng.random() < 0.8 else None
                    if pool:
                        # preferential: pick among a few candidates the most cited
                        cands = [rng.choice(pool) for _ in range(3)]
                        j = max(cands, key=lambda c: indeg[c])
                    else:
                        j = rng.randrange(i)
                    refs.add(j)
            for j in refs: indeg[j] += 1
            indeg.append(0)
            by_topic[t].append(i)
            f.write(json.dumps({"id": f"G{i}", "title": title, "abstract": abstract, "authors": list(dict.fromkeys(team)),
                                "year": 1990 + i * 34 // max(1, n), "venue": f"Journal {t}", "references": [f"G{j}" for j in sorted(refs)]}) + "\n")

main()
