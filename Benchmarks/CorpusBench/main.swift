print("corpus-bench: not yet written")
