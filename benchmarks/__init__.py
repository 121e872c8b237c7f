"""Throughput, memory and start-up benchmarks of `congdoan extract` (``python -m benchmarks``).

Not a unit test: it takes minutes and its figures depend on the machine. It builds a
corpus of N reports from ``corpus/documents`` (cycled, numbers perturbed so that no two
texts are equal), runs the real command on it with 1 and 2 jobs while sampling the
memory of the whole process tree, times the cold start on one file, and puts underthesea's
``ner()`` and ``word_tokenize()`` on the same documents beside congdoan's full extraction.
``--out benchmarks/RESULTS.md`` keeps the report.
"""
