// The benchmark is being written; see docs/performance.md.
print("akkoord-bench")
