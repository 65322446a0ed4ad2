"""Reference XXH64 values (seed 0) for ContentDigestTests, from the `xxhash` package
(Python bindings of Yann Collet's C library): pip install xxhash; python3 make_xxh64_vectors.py.

Inputs: b"", b"a", b"abc", and bytes (i * 31 + 7) % 256 for i < n for several lengths n
around the 4-, 8- and 32-byte steps of the algorithm."""
import json, pathlib, xxhash

lengths = [0, 1, 3, 4, 5, 7, 8, 9, 15, 16, 31, 32, 33, 63, 64, 65, 100, 1000, 1_000_003]
vectors = {
    "text": {s: format(xxhash.xxh64(s.encode()).intdigest(), "016x") for s in ["", "a", "abc"]},
    "pattern": {str(n): format(xxhash.xxh64(bytes((i * 31 + 7) % 256 for i in range(n))).intdigest(), "016x") for n in lengths},
}
out = pathlib.Path(__file__).with_name("xxh64_vectors.json")
out.write_text(json.dumps(vectors, indent=1) + "\n")
print(out)
