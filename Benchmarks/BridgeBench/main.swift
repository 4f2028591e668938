print("bridge-bench: not yet written")
